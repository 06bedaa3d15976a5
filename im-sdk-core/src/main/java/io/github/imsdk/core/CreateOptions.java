package io.github.imsdk.core;

/**
 * Options of {@code POST /infrastructures}: an immutable value; {@link #withAsync(boolean)} returns a copy.
 * <pre>{@code
 * im.infrastructures().create(template, CreateOptions.defaults().withAsync(true));
 * }</pre>
 */
public final class CreateOptions {

  private static final CreateOptions DEFAULTS = new CreateOptions(false);

  private final boolean async;

  private CreateOptions(boolean async) {
    this.async = async;
  }

  /** Returns the defaults: synchronous launch. */
  public static CreateOptions defaults() {
    return DEFAULTS;
  }

  /**
   * Returns a copy with IM's {@code async} flag: when true IM answers as soon as the infrastructure exists and
   * launches the VMs in the background (failures then show in its state and contmsg); when false (the default)
   * it answers once the VMs are launched. Either way contextualization continues after the answer.
   */
  public CreateOptions withAsync(boolean async) {
    return async == this.async ? this : new CreateOptions(async);
  }

  /** Tells whether IM is asked to launch the VMs in the background ({@code async=true}). */
  public boolean async() {
    return async;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof CreateOptions other && other.async == async;
  }

  @Override
  public int hashCode() {
    return Boolean.hashCode(async);
  }

  @Override
  public String toString() {
    return "CreateOptions[async=" + async + "]";
  }
}
