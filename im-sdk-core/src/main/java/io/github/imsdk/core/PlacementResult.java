package io.github.imsdk.core;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Where a placement landed and why the other sites were passed over.
 *
 * @param site the cloud id the infrastructure runs on
 * @param siteEndpoint the site's endpoint as its auth line names it ({@code host}), empty when unknown
 * @param imageUrl the image its VMs booted
 * @param id the infrastructure
 * @param passedOver the reason each other candidate was not used (no image, no quota, failed deployment...), in
 *     candidate order
 * @param surveyTime the time spent before the first create: the estimate and the sites' images and quotas
 */
public record PlacementResult(String site, String siteEndpoint, String imageUrl, InfrastructureId id, Map<String, String> passedOver,
    Duration surveyTime) {

  /** Checks and copies the components. */
  public PlacementResult {
    Objects.requireNonNull(site, "site");
    Objects.requireNonNull(siteEndpoint, "siteEndpoint");
    Objects.requireNonNull(imageUrl, "imageUrl");
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(surveyTime, "surveyTime");
    passedOver = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(passedOver));
  }
}
