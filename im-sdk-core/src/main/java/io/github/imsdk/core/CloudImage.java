package io.github.imsdk.core;

import java.util.Map;
import java.util.Objects;

/**
 * An image offered by a cloud, from {@code GET /clouds/{cloudId}/images}.
 *
 * @param uri the image URL in IM form (e.g. {@code ost://host/image-id}), usable as {@code disk.0.image.url}
 * @param name the image's display name
 * @param attributes every field IM sent for the image (including {@code uri} and {@code name})
 */
public record CloudImage(String uri, String name, Map<String, Object> attributes) {

  /** Checks and copies the components. */
  public CloudImage {
    Objects.requireNonNull(uri, "uri");
    Objects.requireNonNull(name, "name");
    attributes = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(attributes));
  }
}
