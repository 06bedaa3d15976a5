package io.github.imsdk.core;

import java.net.URI;
import java.util.Objects;

/**
 * The id of an infrastructure: an opaque string (IM uses UUIDs).
 *
 * @param value the id as IM returns it
 */
public record InfrastructureId(String value) {

  /** Checks that the id is not blank and holds no path separator. */
  public InfrastructureId {
    Objects.requireNonNull(value, "value");
    if (value.isBlank() || value.contains("/")) {
      throw new IllegalArgumentException("invalid infrastructure id '" + value + "'");
    }
  }

  /** Returns the id named by {@code value}. */
  public static InfrastructureId of(String value) {
    return new InfrastructureId(value);
  }

  /**
   * Returns the id at the end of an infrastructure URI such as {@code http://host:8800/infrastructures/ID}. Only
   * the last path segment is used, because IM builds these URIs from its own view of the host.
   */
  public static InfrastructureId fromUri(String uri) {
    Objects.requireNonNull(uri, "uri");
    String path = URI.create(uri.trim()).getPath();
    String trimmed = path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    return new InfrastructureId(trimmed.substring(trimmed.lastIndexOf('/') + 1));
  }

  @Override
  public String toString() {
    return value;
  }
}
