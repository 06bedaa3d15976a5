package io.github.imsdk.core;

/**
 * Options of {@code DELETE /infrastructures/{id}}: an immutable value; the {@code with*} methods return a copy.
 * <pre>{@code
 * inf.destroy(DestroyOptions.defaults().withForce(true));
 * }</pre>
 */
public final class DestroyOptions {

  private static final DestroyOptions DEFAULTS = new DestroyOptions(false, false);

  private final boolean force;
  private final boolean async;

  private DestroyOptions(boolean force, boolean async) {
    this.force = force;
    this.async = async;
  }

  /** Returns the defaults: neither forced nor asynchronous. */
  public static DestroyOptions defaults() {
    return DEFAULTS;
  }

  /**
   * Returns a copy with IM's {@code force} flag: drop the infrastructure from IM even if some cloud resources
   * could not be deleted.
   */
  public DestroyOptions withForce(boolean force) {
    return new DestroyOptions(force, async);
  }

  /**
   * Returns a copy with IM's {@code async} flag: IM answers at once instead of after the resources are deleted
   * (poll until the id gives 404, e.g. with {@code Wait.deleted()}).
   */
  public DestroyOptions withAsync(boolean async) {
    return new DestroyOptions(force, async);
  }

  /** Tells whether IM is asked to drop the infrastructure even if some resources could not be deleted. */
  public boolean force() {
    return force;
  }

  /** Tells whether IM is asked to answer before the resources are deleted. */
  public boolean async() {
    return async;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof DestroyOptions other && other.force == force && other.async == async;
  }

  @Override
  public int hashCode() {
    return Boolean.hashCode(force) * 31 + Boolean.hashCode(async);
  }

  @Override
  public String toString() {
    return "DestroyOptions[force=" + force + ", async=" + async + "]";
  }
}
