package io.github.imsdk.tosca;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A TOSCA {@code scalar-unit} value such as {@code 2 GB}, {@code 30 s} or {@code 2.4 GHz}: a number and a unit.
 *
 * <p>Units follow the TOSCA Simple Profile 1.0 §3.2.6 (sizes B, kB, KiB, MB, MiB, GB, GiB, TB, TiB; times d, h, m,
 * s, ms, us, ns; frequencies Hz, kHz, MHz, GHz). Units are matched case-insensitively, as the IM's parser does.
 *
 * @param value the number as written
 * @param unit the unit as written
 * @param kind size, time or frequency
 */
public record ScalarUnit(BigDecimal value, String unit, Kind kind) {

  /** The three TOSCA scalar-unit types. */
  public enum Kind {
    /** {@code scalar-unit.size}, base unit byte. */
    SIZE("scalar-unit.size"),
    /** {@code scalar-unit.time}, base unit second. */
    TIME("scalar-unit.time"),
    /** {@code scalar-unit.frequency}, base unit hertz. */
    FREQUENCY("scalar-unit.frequency");

    private final String typeName;

    Kind(String typeName) {
      this.typeName = typeName;
    }

    /** Returns the TOSCA type name, e.g. {@code scalar-unit.size}. */
    public String typeName() {
      return typeName;
    }

    /** Returns the kind named by a TOSCA type name, if it is a scalar-unit type. */
    public static Optional<Kind> ofTypeName(String typeName) {
      for (Kind k : values()) {
        if (k.typeName.equals(typeName)) {
          return Optional.of(k);
        }
      }
      return Optional.empty();
    }
  }

  private static final Pattern SYNTAX = Pattern.compile("\\s*([0-9]+(?:\\.[0-9]+)?|\\.[0-9]+)\\s*([A-Za-z]+)\\s*");

  private static final Map<String, BigDecimal> SIZE_UNITS = Map.of(
      "b", BigDecimal.ONE,
      "kb", BigDecimal.valueOf(1_000L),
      "kib", BigDecimal.valueOf(1_024L),
      "mb", BigDecimal.valueOf(1_000_000L),
      "mib", BigDecimal.valueOf(1_048_576L),
      "gb", BigDecimal.valueOf(1_000_000_000L),
      "gib", BigDecimal.valueOf(1_073_741_824L),
      "tb", BigDecimal.valueOf(1_000_000_000_000L),
      "tib", BigDecimal.valueOf(1_099_511_627_776L));

  private static final Map<String, BigDecimal> TIME_UNITS = Map.of(
      "d", BigDecimal.valueOf(86_400L),
      "h", BigDecimal.valueOf(3_600L),
      "m", BigDecimal.valueOf(60L),
      "s", BigDecimal.ONE,
      "ms", new BigDecimal("0.001"),
      "us", new BigDecimal("0.000001"),
      "ns", new BigDecimal("0.000000001"));

  private static final Map<String, BigDecimal> FREQUENCY_UNITS = Map.of(
      "hz", BigDecimal.ONE,
      "khz", BigDecimal.valueOf(1_000L),
      "mhz", BigDecimal.valueOf(1_000_000L),
      "ghz", BigDecimal.valueOf(1_000_000_000L));

  /** Checks that the number is not negative and the unit belongs to the kind. */
  public ScalarUnit {
    if (value == null || unit == null || kind == null) {
      throw new IllegalArgumentException("a scalar-unit needs a value, a unit and a kind");
    }
    if (value.signum() < 0) {
      throw new IllegalArgumentException("a scalar-unit must not be negative: " + value + " " + unit);
    }
    if (!units(kind).containsKey(unit.toLowerCase(Locale.ROOT))) {
      throw new IllegalArgumentException("'" + unit + "' is not a unit of " + kind.typeName());
    }
  }

  /**
   * Parses a value such as {@code "2 GB"} as the given kind.
   *
   * @return the value, or empty if the text is not a number followed by a unit of that kind
   */
  public static Optional<ScalarUnit> parse(String text, Kind kind) {
    if (text == null) {
      return Optional.empty();
    }
    Matcher m = SYNTAX.matcher(text);
    if (!m.matches() || !units(kind).containsKey(m.group(2).toLowerCase(Locale.ROOT))) {
      return Optional.empty();
    }
    return Optional.of(new ScalarUnit(new BigDecimal(m.group(1)), m.group(2), kind));
  }

  /** Returns {@code "<value> <unit>"} for a size, e.g. {@code size(4, "GB")} gives {@code 4 GB}. */
  public static ScalarUnit size(long value, String unit) {
    return new ScalarUnit(BigDecimal.valueOf(value), unit, Kind.SIZE);
  }

  /** Returns the value in the base unit: bytes, seconds or hertz. */
  public BigDecimal toBaseUnit() {
    return value.multiply(units(kind).get(unit.toLowerCase(Locale.ROOT)));
  }

  /** Returns the number of bytes of a size (fractions rounded down). */
  public long bytes() {
    if (kind != Kind.SIZE) {
      throw new IllegalStateException(this + " is not a size");
    }
    return toBaseUnit().longValue();
  }

  /** Compares the amounts of two values of the same kind, e.g. {@code 1 GiB > 1 GB}. */
  public int compareAmount(ScalarUnit other) {
    if (other.kind != kind) {
      throw new IllegalArgumentException("cannot compare " + kind.typeName() + " with " + other.kind.typeName());
    }
    return toBaseUnit().compareTo(other.toBaseUnit());
  }

  private static Map<String, BigDecimal> units(Kind kind) {
    return switch (kind) {
      case SIZE -> SIZE_UNITS;
      case TIME -> TIME_UNITS;
      case FREQUENCY -> FREQUENCY_UNITS;
    };
  }

  /** Returns the value as TOSCA writes it, e.g. {@code 2 GB}. */
  @Override
  public String toString() {
    return value.toPlainString() + " " + unit;
  }
}
