package io.github.imsdk.core;

/**
 * Options of {@code DELETE /infrastructures/{id}}.
 *
 * @param force drop the infrastructure from IM even if some cloud resources could not be deleted
 * @param async return at once instead of after the resources are deleted (poll until the id gives 404)
 */
public record DestroyOptions(boolean force, boolean async) {

  /** Returns the defaults: neither forced nor asynchronous. */
  public static DestroyOptions defaults() {
    return new DestroyOptions(false, false);
  }

  /** Returns a copy with {@code force} set. */
  public DestroyOptions withForce(boolean force) {
    return new DestroyOptions(force, async);
  }

  /** Returns a copy with {@code async} set. */
  public DestroyOptions withAsync(boolean async) {
    return new DestroyOptions(force, async);
  }
}
