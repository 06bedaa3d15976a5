package io.github.imsdk.tosca;

/**
 * What {@link ToscaTemplate#validate(ValidationContext)} may assume about the deployment that the template alone
 * does not tell, such as whether the IM can choose an OS image itself. Instances are immutable.
 *
 * <p>The IM picks an image for a Compute node without one by searching the clouds of the auth data it receives;
 * only the caller knows those credentials (e.g. the client in {@code im-sdk-core}), so it says here whether some
 * cloud line can choose one.
 *
 * <pre>{@code
 * List<ToscaProblem> problems = template.validate(ValidationContext.defaults().withCloudsChooseImages(false));
 * }</pre>
 */
public final class ValidationContext {

  private static final ValidationContext DEFAULTS = new ValidationContext(true);

  private final boolean cloudsChooseImages;

  private ValidationContext(boolean cloudsChooseImages) {
    this.cloudsChooseImages = cloudsChooseImages;
  }

  /** Returns the context {@link ToscaTemplate#validate()} uses: a cloud of the auth data can choose an image. */
  public static ValidationContext defaults() {
    return DEFAULTS;
  }

  /**
   * Returns a copy that tells whether some cloud line of the auth data can choose an OS image for a Compute node
   * without one; when not, such a node gets a warning.
   */
  public ValidationContext withCloudsChooseImages(boolean value) {
    return new ValidationContext(value);
  }

  /** Tells whether some cloud line of the auth data can choose an OS image (default true). */
  public boolean cloudsChooseImages() {
    return cloudsChooseImages;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ValidationContext c && c.cloudsChooseImages == cloudsChooseImages;
  }

  @Override
  public int hashCode() {
    return Boolean.hashCode(cloudsChooseImages);
  }

  @Override
  public String toString() {
    return "ValidationContext{cloudsChooseImages=" + cloudsChooseImages + "}";
  }
}
