package io.github.imsdk.core;

import java.net.URI;
import java.net.URISyntaxException;
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
   *
   * @throws IllegalArgumentException if {@code uri} is not a valid URI, has no path (e.g. {@code urn:x}), or its
   *     path ends without an id (e.g. {@code http://h})
   */
  public static InfrastructureId fromUri(String uri) {
    Objects.requireNonNull(uri, "uri");
    URI parsed;
    try {
      parsed = new URI(uri.trim());
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException("not a valid infrastructure URI: '" + uri + "' (" + e.getReason()
          + " at index " + e.getIndex() + ")");
    }
    String path = parsed.getPath();
    if (path == null) {
      throw new IllegalArgumentException("infrastructure URI has no path: '" + uri + "'");
    }
    String trimmed = path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    String id = trimmed.substring(trimmed.lastIndexOf('/') + 1);
    if (id.isBlank()) {
      throw new IllegalArgumentException("infrastructure URI has no id at the end of its path: '" + uri + "'");
    }
    return new InfrastructureId(id);
  }

  @Override
  public String toString() {
    return value;
  }
}
