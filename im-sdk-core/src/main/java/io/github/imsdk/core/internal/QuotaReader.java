package io.github.imsdk.core.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.imsdk.core.Quota;
import java.math.BigDecimal;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the {@code quotas} object of {@code GET /clouds/{id}/quotas} in every shape IM's connectors produce:
 * flat {@code {"cores": {"used": 1, "limit": 10}}} (Dummy, OpenStack, EC2, GCE...), per-family nesting
 * {@code {"cores": {"standardDSv3Family": {"used": 2, "limit": 10}}}} (Azure), entries that carry their own totals
 * beside their families, and Kubernetes quantities sent as text ({@code "500m"}, {@code "4Gi"}). Whatever is none
 * of these is reported with its key, never skipped.
 */
final class QuotaReader {

  // Kubernetes resource quantities: a decimal number and an optional SI or binary suffix.
  private static final Pattern QUANTITY = Pattern.compile("([+-]?\\d+(?:\\.\\d+)?(?:[eE][+-]?\\d+)?)(m|k|M|G|T|P|E|Ki|Mi|Gi|Ti|Pi|Ei)?");
  private static final int MAX_DEPTH = 4;

  private QuotaReader() {}

  /** Thrown for an entry that has no quota shape; the caller turns it into a response error. */
  static final class BadQuota extends RuntimeException {
    BadQuota(String message) {
      super(message, null, false, false);
    }
  }

  /** Reads every entry of the {@code quotas} object. */
  static Map<String, Quota> read(JsonNode quotas) {
    Map<String, Quota> out = new LinkedHashMap<>();
    Iterator<Map.Entry<String, JsonNode>> it = quotas.fields();
    while (it.hasNext()) {
      Map.Entry<String, JsonNode> e = it.next();
      out.put(e.getKey(), entry(e.getKey(), e.getValue(), 1));
    }
    return Collections.unmodifiableMap(out);
  }

  private static Quota entry(String path, JsonNode q, int depth) {
    if (!q.isObject()) {
      throw new BadQuota("quota '" + path + "' is not an object");
    }
    Optional<BigDecimal> used = number(path, q, "used");
    Optional<BigDecimal> limit = number(path, q, "limit");
    Map<String, Quota> parts = new LinkedHashMap<>();
    Iterator<Map.Entry<String, JsonNode>> it = q.fields();
    while (it.hasNext()) {
      Map.Entry<String, JsonNode> e = it.next();
      if (e.getValue().isObject()) {
        if (depth >= MAX_DEPTH) {
          throw new BadQuota("quota '" + path + "' nests deeper than " + MAX_DEPTH + " levels");
        }
        parts.put(e.getKey(), entry(path + "." + e.getKey(), e.getValue(), depth + 1));
      }
    }
    if (used.isPresent() && limit.isPresent()) {
      return new Quota(used.get(), limit.get(), parts);
    }
    if (used.isEmpty() && limit.isEmpty() && !parts.isEmpty()) {
      return Quota.group(parts);
    }
    throw new BadQuota("quota '" + path + "' is neither {\"used\": number, \"limit\": number} nor a group of "
        + "such quotas");
  }

  private static Optional<BigDecimal> number(String path, JsonNode q, String name) {
    JsonNode v = q.get(name);
    if (v == null || v.isNull()) {
      return Optional.empty();
    }
    if (v.isNumber()) {
      return Optional.of(v.decimalValue());
    }
    if (v.isTextual()) {
      return Optional.of(quantity(path + "." + name, v.asText().strip()));
    }
    throw new BadQuota("'" + name + "' of quota '" + path + "' is not a number");
  }

  /** Parses a Kubernetes quantity ({@code 2}, {@code 500m}, {@code 1.5Gi}) to a plain number. */
  static BigDecimal quantity(String what, String text) {
    Matcher m = QUANTITY.matcher(text);
    if (!m.matches()) {
      throw new BadQuota("'" + what + "' is not a number or quantity: '" + shorten(text) + "'");
    }
    BigDecimal n = new BigDecimal(m.group(1));
    String suffix = m.group(2);
    if (suffix == null) {
      return n;
    }
    return switch (suffix) {
      case "m" -> n.movePointLeft(3);
      case "k" -> n.movePointRight(3);
      case "M" -> n.movePointRight(6);
      case "G" -> n.movePointRight(9);
      case "T" -> n.movePointRight(12);
      case "P" -> n.movePointRight(15);
      case "E" -> n.movePointRight(18);
      default -> n.multiply(BigDecimal.valueOf(2).pow(10 * ("KMGTPE".indexOf(suffix.charAt(0)) + 1)));
    };
  }

  private static String shorten(String s) {
    return s.length() <= 40 ? s : s.substring(0, 40) + "...";
  }
}
