package io.github.imsdk.examples;

/**
 * An im_client operation failed with a message im_client would print (e.g. "Infrastructure ID not specified");
 * the command prints it on stdout, as im_client does, and exits 1.
 */
final class OperationFailure extends RuntimeException {

  private static final long serialVersionUID = 1L;

  OperationFailure(String message) {
    super(message);
  }
}
