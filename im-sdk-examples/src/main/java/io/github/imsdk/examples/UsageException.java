package io.github.imsdk.examples;

/** A command line that cannot be run: unknown command or flag, missing or malformed value. Exit code 2. */
final class UsageException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  UsageException(String message) {
    super(message);
  }
}
