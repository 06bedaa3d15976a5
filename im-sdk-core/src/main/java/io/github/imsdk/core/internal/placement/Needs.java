package io.github.imsdk.core.internal.placement;

import io.github.imsdk.core.CloudEstimate;
import io.github.imsdk.core.Estimate;
import io.github.imsdk.core.Quota;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a template needs, per quota key IM's connectors share ({@code cores}, {@code ram} in GB as OpenStack and
 * the Dummy connector report it, {@code instances}, {@code floating_ips}, {@code volumes}), summed over the clouds
 * of a dry-run estimate.
 */
final class Needs {

  /** The quota keys compared, in the order reasons name them. */
  static final List<String> KEYS = List.of("cores", "ram", "instances", "floating_ips", "volumes");

  private final Map<String, BigDecimal> amounts;

  private Needs(Map<String, BigDecimal> amounts) {
    this.amounts = amounts;
  }

  static Needs of(Estimate estimate) {
    long cores = 0;
    long memoryMb = 0;
    long instances = 0;
    long ips = 0;
    long volumes = 0;
    for (CloudEstimate c : estimate.clouds().values()) {
      for (CloudEstimate.ComputeEstimate vm : c.compute()) {
        cores += vm.cpuCores();
        memoryMb += vm.memoryInMegabytes();
        ips += vm.publicIps();
        instances++;
      }
      volumes += c.storage().size();
    }
    Map<String, BigDecimal> m = new LinkedHashMap<>();
    m.put("cores", BigDecimal.valueOf(cores));
    m.put("ram", BigDecimal.valueOf(memoryMb).divide(BigDecimal.valueOf(1024), 3, RoundingMode.UP)
        .stripTrailingZeros());
    m.put("instances", BigDecimal.valueOf(instances));
    m.put("floating_ips", BigDecimal.valueOf(ips));
    m.put("volumes", BigDecimal.valueOf(volumes));
    return new Needs(m);
  }

  Map<String, BigDecimal> amounts() {
    return amounts;
  }

  /** Returns the free amount per limited key the template needs. */
  Map<String, BigDecimal> free(Map<String, Quota> quotas) {
    Map<String, BigDecimal> out = new LinkedHashMap<>();
    for (String k : KEYS) {
      Quota q = quotas.get(k);
      if (q != null && amounts.get(k).signum() > 0) {
        q.free().ifPresent(f -> out.put(k, f));
      }
    }
    return out;
  }

  /** Returns why {@code quotas} cannot hold these needs (e.g. {@code 2 cores free, needs 4}), if they cannot. */
  Optional<String> shortfall(Map<String, Quota> quotas) {
    List<String> parts = new ArrayList<>();
    free(quotas).forEach((k, free) -> {
      BigDecimal need = amounts.get(k);
      if (free.compareTo(need) < 0) {
        parts.add(plain(free) + " " + label(k) + " free, needs " + plain(need));
      }
    });
    return parts.isEmpty() ? Optional.empty() : Optional.of(String.join(", ", parts));
  }

  /** Describes what is free for the needs, e.g. {@code 8 cores free, needs 4}. */
  String headroom(Map<String, Quota> quotas) {
    List<String> parts = new ArrayList<>();
    free(quotas).forEach((k, free) -> parts.add(plain(free) + " " + label(k) + " free, needs "
        + plain(amounts.get(k))));
    return parts.isEmpty() ? "no limit on what it needs" : String.join(", ", parts);
  }

  static String label(String key) {
    return switch (key) {
      case "ram" -> "GB RAM";
      case "floating_ips" -> "floating IPs";
      default -> key;
    };
  }

  static String plain(BigDecimal v) {
    return v.stripTrailingZeros().toPlainString();
  }

  @Override
  public String toString() {
    return amounts.toString();
  }
}
