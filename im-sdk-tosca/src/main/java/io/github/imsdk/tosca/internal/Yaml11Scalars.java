package io.github.imsdk.tosca.internal;

import java.math.BigInteger;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.Temporal;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Turns scalars into values and values into scalar text the way a YAML 1.1 reader (PyYAML) does, so a template's
 * values are what the IM sees and the text written back reads as the same values.
 *
 * <p>Timestamps become {@link LocalDate} (a date), {@link LocalDateTime} (no zone, PyYAML's naive datetime) or
 * {@link OffsetDateTime}; floats are written with a dot and a signed exponent ({@code 1.2345e+7}), the only form
 * YAML 1.1 reads as a float.
 */
public final class Yaml11Scalars {

  private static final Pattern TIMESTAMP = Pattern.compile("^([0-9]{4})-([0-9]{1,2})-([0-9]{1,2})"
      + "(?:(?:[Tt]|[ \\t]+)([0-9]{1,2}):([0-9]{2}):([0-9]{2})(?:\\.([0-9]*))?"
      + "(?:[ \\t]*(Z|([-+])([0-9]{1,2})(?::([0-9]{2}))?))?)?$");

  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss", Locale.ROOT);

  private final Constructor constructor = new Constructor(new LoaderOptions());

  /**
   * Returns the value of a scalar node: String, Boolean, Integer, Long, BigInteger, Double, null or a date/time.
   *
   * @throws YAMLException if the text does not fit its tag (e.g. {@code !!int abc}) or is a plain {@code =}
   */
  public Object value(ScalarNode s) {
    Tag tag = s.getTag();
    String text = s.getValue();
    if (tag.equals(Tag.STR)) {
      return text;
    }
    if (tag.equals(Tag.NULL)) {
      return null;
    }
    if (tag.equals(Tag.BOOL)) {
      String t = text.toLowerCase(Locale.ROOT);
      return t.equals("yes") || t.equals("true") || t.equals("on");
    }
    if (tag.equals(Tag.TIMESTAMP)) {
      return timestamp(text);
    }
    if (tag.equals(Yaml11Resolver.VALUE)) {
      throw new YAMLException("a plain '=' is the YAML 1.1 value key, which PyYAML (the IM's reader) cannot"
          + " read; quote it as '='");
    }
    if (tag.equals(Tag.INT) || tag.equals(Tag.FLOAT)) {
      Object v = constructor.construct(s);
      if (v instanceof Long l && l >= Integer.MIN_VALUE && l <= Integer.MAX_VALUE) {
        return l.intValue();
      }
      if (v instanceof BigInteger b && b.bitLength() < 64) {
        long l = b.longValue();
        return l >= Integer.MIN_VALUE && l <= Integer.MAX_VALUE ? (Object) (int) l : (Object) l;
      }
      return v;
    }
    // Anything else (e.g. !!binary) is kept as its text.
    return text;
  }

  /** Returns a YAML 1.1 timestamp as a date or date-time, as PyYAML would. */
  static Temporal timestamp(String text) {
    Matcher m = TIMESTAMP.matcher(text.trim());
    if (!m.matches()) {
      throw new YAMLException("not a timestamp: " + text);
    }
    LocalDate date = LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
        Integer.parseInt(m.group(3)));
    if (m.group(4) == null) {
      return date;
    }
    String frac = m.group(7) == null ? "" : m.group(7);
    // PyYAML keeps microseconds; more digits are cut.
    frac = (frac + "000000").substring(0, 6);
    LocalDateTime dt = LocalDateTime.of(date, LocalTime.of(Integer.parseInt(m.group(4)),
        Integer.parseInt(m.group(5)), Integer.parseInt(m.group(6)), Integer.parseInt(frac) * 1000));
    if (m.group(8) == null) {
      return dt;
    }
    if (m.group(8).equals("Z")) {
      return dt.atOffset(ZoneOffset.UTC);
    }
    int hours = Integer.parseInt(m.group(10));
    int minutes = m.group(11) == null ? 0 : Integer.parseInt(m.group(11));
    int sign = m.group(9).equals("-") ? -1 : 1;
    return dt.atOffset(ZoneOffset.ofHoursMinutes(sign * hours, sign * minutes));
  }

  /** Tells whether a value is one of the date/time types a timestamp reads as. */
  public static boolean isTimestamp(Object v) {
    return v instanceof LocalDate || v instanceof LocalDateTime || v instanceof OffsetDateTime;
  }

  /** Returns a date/time as YAML 1.1 timestamp text. */
  public static String timestampText(Object v) {
    if (v instanceof LocalDate d) {
      return d.toString();
    }
    if (v instanceof LocalDateTime dt) {
      return dt.toLocalDate() + " " + time(dt.toLocalTime());
    }
    OffsetDateTime o = (OffsetDateTime) v;
    String offset = o.getOffset().equals(ZoneOffset.UTC) ? "Z" : o.getOffset().getId();
    return o.toLocalDate() + "T" + time(o.toLocalTime()) + offset;
  }

  private static String time(LocalTime t) {
    String s = t.format(TIME);
    int micros = t.getNano() / 1000;
    if (micros != 0) {
      String f = String.format(Locale.ROOT, "%06d", micros).replaceAll("0+$", "");
      s += "." + f;
    }
    return s;
  }

  /** Returns a double as text that YAML 1.1 reads back as the same double. */
  public static String floatText(double d) {
    if (Double.isNaN(d)) {
      return ".nan";
    }
    if (Double.isInfinite(d)) {
      return d > 0 ? ".inf" : "-.inf";
    }
    String s = Double.toString(d);
    int e = s.indexOf('E');
    if (e < 0) {
      return s;
    }
    String mantissa = s.substring(0, e);
    String exp = s.substring(e + 1);
    if (mantissa.indexOf('.') < 0) {
      mantissa += ".0";
    }
    return mantissa + "e" + (exp.startsWith("-") ? exp : "+" + exp);
  }

  /** Exposes SafeConstructor's int and float rules (bases, underscores, sexagesimal, .inf/.nan). */
  private static final class Constructor extends SafeConstructor {
    Constructor(LoaderOptions options) {
      super(options);
    }

    Object construct(ScalarNode node) {
      return constructObject(node);
    }
  }
}
