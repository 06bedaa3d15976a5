package io.github.imsdk.core;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The use and limit of one cloud resource, from {@code GET /clouds/{cloudId}/quotas}. Values may be fractional
 * (OpenStack reports RAM in GB); a negative limit (usually {@code -1}) means no limit.
 *
 * <p>Some connectors report a resource per family rather than as one number (Azure's cores per VM family,
 * Kubernetes' storage per storage class when nested under one key): such a quota is a <em>group</em> whose
 * {@link #parts()} hold each family's quota; its own {@code used} and {@code limit} are then the sums of the parts
 * (the limit is {@code -1} when a part is unlimited), unless IM sent them alongside.
 *
 * @param used how much is in use
 * @param limit the limit
 * @param parts the per-family quotas of a group, by family name; empty for a plain quota
 */
public record Quota(BigDecimal used, BigDecimal limit, Map<String, Quota> parts) {

  private static final BigDecimal UNLIMITED = BigDecimal.ONE.negate();

  /** Checks and copies the components. */
  public Quota {
    Objects.requireNonNull(used, "used");
    Objects.requireNonNull(limit, "limit");
    parts = Collections.unmodifiableMap(new LinkedHashMap<>(Objects.requireNonNull(parts, "parts")));
  }

  /** Returns a plain quota, as most connectors report it. */
  public Quota(BigDecimal used, BigDecimal limit) {
    this(used, limit, Map.of());
  }

  /** Returns a group of per-family quotas whose totals are the sums of {@code parts}. */
  public static Quota group(Map<String, Quota> parts) {
    BigDecimal used = BigDecimal.ZERO;
    BigDecimal limit = BigDecimal.ZERO;
    boolean unlimited = false;
    for (Quota q : parts.values()) {
      used = used.add(q.used());
      unlimited |= q.isUnlimited();
      limit = limit.add(q.limit());
    }
    return new Quota(used, unlimited ? UNLIMITED : limit, parts);
  }

  /** Tells whether the cloud reports no limit (a negative limit). */
  public boolean isUnlimited() {
    return limit.signum() < 0;
  }

  /** Tells whether this quota holds per-family parts. */
  public boolean isGroup() {
    return !parts.isEmpty();
  }

  /** Returns what is left ({@code limit - used}, never below 0), or empty when there is no limit. */
  public Optional<BigDecimal> free() {
    return isUnlimited() ? Optional.empty() : Optional.of(limit.subtract(used).max(BigDecimal.ZERO));
  }
}
