package io.github.imsdk.core;

import java.math.BigDecimal;
import java.util.Map;
import java.util.Objects;

/**
 * A site that can host a placement: its image and, per checked resource ({@code cores}, {@code ram} in GB,
 * {@code instances}, {@code floating_ips}, {@code volumes}), what is free and what the template needs. A
 * {@link SiteRanking} orders these.
 *
 * @param site the cloud id
 * @param imageUrl the image the template would boot there
 * @param free the free amount per resource the site limits (resources without a limit are absent)
 * @param needs what the template needs per resource
 * @param order the site's position among the candidates (0 first), for stable ties
 */
public record SiteFit(String site, String imageUrl, Map<String, BigDecimal> free, Map<String, BigDecimal> needs,
    int order) {

  /** Checks and copies the components. */
  public SiteFit {
    Objects.requireNonNull(site, "site");
    Objects.requireNonNull(imageUrl, "imageUrl");
    free = Map.copyOf(free);
    needs = Map.copyOf(needs);
  }

  /**
   * Returns the smallest ratio of free to needed over the limited resources the template needs, or
   * {@link Double#POSITIVE_INFINITY} when nothing needed is limited.
   */
  public double headroom() {
    double min = Double.POSITIVE_INFINITY;
    for (Map.Entry<String, BigDecimal> e : free.entrySet()) {
      BigDecimal need = needs.getOrDefault(e.getKey(), BigDecimal.ZERO);
      if (need.signum() > 0) {
        min = Math.min(min, e.getValue().doubleValue() / need.doubleValue());
      }
    }
    return min;
  }
}
