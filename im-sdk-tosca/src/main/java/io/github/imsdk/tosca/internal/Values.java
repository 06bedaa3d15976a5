package io.github.imsdk.tosca.internal;

import io.github.imsdk.tosca.ScalarUnit;
import io.github.imsdk.tosca.ToscaFunction;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Deep, ordered, unmodifiable copies of template values, and the checks that they are values at all. */
public final class Values {

  private Values() {}

  /**
   * Returns an unmodifiable deep copy of a value: maps keep their order, lists may hold nulls, a {@link ScalarUnit}
   * becomes its text.
   *
   * @throws IllegalArgumentException if the value (or something inside it) is not a YAML value or a function
   */
  public static Object freeze(Object value) {
    if (value == null || value instanceof String || value instanceof Boolean || value instanceof ToscaFunction
        || Yaml11Scalars.isTimestamp(value)) {
      return value;
    }
    if (value instanceof Integer || value instanceof Long || value instanceof Double || value instanceof BigInteger
        || value instanceof Float || value instanceof Short || value instanceof Byte || value instanceof BigDecimal) {
      return normalizeNumber((Number) value);
    }
    if (value instanceof ScalarUnit s) {
      return s.toString();
    }
    if (value instanceof Map<?, ?> m) {
      return freezeMap(m);
    }
    if (value instanceof List<?> l) {
      List<Object> out = new ArrayList<>(l.size());
      for (Object o : l) {
        out.add(freeze(o));
      }
      return Collections.unmodifiableList(out);
    }
    if (value instanceof Enum<?> e) {
      return e.name();
    }
    throw new IllegalArgumentException("not a TOSCA value: " + value.getClass().getName()
        + " (use strings, numbers, booleans, dates (LocalDate, LocalDateTime, OffsetDateTime), lists, maps or ToscaFunction)");
  }

  /** Returns an unmodifiable ordered deep copy of a map whose keys must be strings. */
  public static Map<String, Object> freezeMap(Map<?, ?> m) {
    if (m == null || m.isEmpty()) {
      return Map.of();
    }
    Map<String, Object> out = new LinkedHashMap<>(m.size() * 2);
    for (Map.Entry<?, ?> e : m.entrySet()) {
      if (!(e.getKey() instanceof String k)) {
        throw new IllegalArgumentException("map keys must be strings, got " + e.getKey());
      }
      out.put(k, freeze(e.getValue()));
    }
    return Collections.unmodifiableMap(out);
  }

  /** Returns an unmodifiable ordered copy of a map of already frozen items. */
  public static <V> Map<String, V> copyOrdered(Map<String, V> m) {
    if (m == null || m.isEmpty()) {
      return Map.of();
    }
    return Collections.unmodifiableMap(new LinkedHashMap<>(m));
  }

  private static Object normalizeNumber(Number n) {
    if (n instanceof Short || n instanceof Byte) {
      return n.intValue();
    }
    if (n instanceof Float f) {
      return f.doubleValue();
    }
    if (n instanceof Long l && l >= Integer.MIN_VALUE && l <= Integer.MAX_VALUE) {
      return l.intValue();
    }
    if (n instanceof BigInteger b && b.bitLength() < 64) {
      return normalizeNumber(b.longValue());
    }
    if (n instanceof BigDecimal d) {
      return d.doubleValue();
    }
    return n;
  }

  /**
   * Returns {@code value}, or throws an IllegalArgumentException naming what was missing (never a bare
   * NullPointerException).
   */
  public static <T> T require(T value, String what) {
    if (value == null) {
      throw new IllegalArgumentException(what + " must not be null");
    }
    return value;
  }

  /** Tells whether a value is a whole number (Integer, Long or BigInteger). */
  public static boolean isInteger(Object v) {
    return v instanceof Integer || v instanceof Long || v instanceof BigInteger;
  }

  /** Returns a value as YAML text for a message. */
  public static String show(Object v) {
    if (v instanceof String s) {
      return "'" + s + "'";
    }
    return String.valueOf(v);
  }
}
