package io.github.imsdk.core;

import java.util.Map;
import java.util.Objects;

/**
 * The resources a template would use, per cloud id, from {@code POST /infrastructures?dry_run=true}. Nothing is
 * created. Empty when the template deploys nothing.
 *
 * @param clouds the estimate of each cloud, by the cloud id of the auth line IM chose
 */
public record Estimate(Map<String, CloudEstimate> clouds) {

  /** Copies the map. */
  public Estimate {
    Objects.requireNonNull(clouds, "clouds");
    clouds = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(clouds));
  }
}
