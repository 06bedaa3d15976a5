package io.github.imsdk.core;

/**
 * An infrastructure this program deployed and owns: {@link #close()} destroys it, so a try-with-resources block
 * leaves no paid VM running whatever happens inside it. Obtained from
 * {@link Infrastructures#deploy(Template, Wait)}.
 * <pre>{@code
 * try (Deployment d = im.infrastructures().deploy(template, Wait.configured())) {
 *   System.out.println(d.infrastructure().outputs().string("web_endpoint"));   // a mistyped name throws...
 * }                                                                            // ...and the VM is destroyed anyway
 * }</pre>
 *
 * <p>To leave it running on purpose, call {@link #keep()} inside the block; {@code close()} then does nothing.
 */
public interface Deployment extends AutoCloseable {

  /** Returns the id of the deployed infrastructure. */
  InfrastructureId id();

  /** Returns a handle on the deployed infrastructure (no I/O). */
  Infrastructure infrastructure();

  /**
   * Gives up ownership: {@link #close()} will not destroy the infrastructure. Returns its id, for a later
   * {@code im.infrastructure(id).destroy()}.
   */
  InfrastructureId keep();

  /** Tells whether {@link #keep()} was called. */
  boolean kept();

  /**
   * Destroys the infrastructure ({@code DELETE /infrastructures/{id}}) unless {@link #keep()} was called or it was
   * already closed. While IM is still adding VMs it answers 409; the DELETE is then repeated with a growing pause
   * (up to 15 s) until IM confirms, or for at most 10 minutes. An infrastructure IM no longer knows (404) counts as
   * destroyed.
   *
   * @throws io.github.imsdk.ImException if IM refused, could not be reached, or still answered 409 at the cleanup
   *     deadline; the infrastructure may still exist (its id is in the message)
   */
  @Override
  void close();
}
