package io.github.imsdk.core;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * The use and limit of one cloud resource, from {@code GET /clouds/{cloudId}/quotas}. Values may be fractional
 * (OpenStack reports RAM in GB); a negative limit (usually {@code -1}) means no limit.
 *
 * @param used how much is in use
 * @param limit the limit
 */
public record Quota(BigDecimal used, BigDecimal limit) {

  /** Checks the components. */
  public Quota {
    Objects.requireNonNull(used, "used");
    Objects.requireNonNull(limit, "limit");
  }

  /** Tells whether the cloud reports no limit (a negative limit). */
  public boolean isUnlimited() {
    return limit.signum() < 0;
  }
}
