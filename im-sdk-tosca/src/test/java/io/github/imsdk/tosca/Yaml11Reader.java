package io.github.imsdk.tosca;

import java.io.StringReader;
import java.math.BigInteger;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.events.AliasEvent;
import org.yaml.snakeyaml.events.Event;
import org.yaml.snakeyaml.events.MappingStartEvent;
import org.yaml.snakeyaml.events.NodeEvent;
import org.yaml.snakeyaml.events.ScalarEvent;
import org.yaml.snakeyaml.events.SequenceStartEvent;

/**
 * Reads YAML text into a tree as PyYAML's {@code safe_load} (the IM's reader) would, independently of the SDK's
 * reader: SnakeYAML only tokenizes; which type a plain scalar has is decided here by YAML 1.1's resolution rules as
 * PyYAML implements them (resolver.py), because SnakeYAML 2.x's own resolver differs ({@code 1e7}, {@code 2240e12},
 * {@code 1.0e7} and {@code +.5} are floats to it and strings to PyYAML; {@code =} is the value key to PyYAML).
 *
 * <p>Values: String, BigInteger (every int), Double, Boolean, null, LocalDate, LocalDateTime (naive) or
 * OffsetDateTime normalised to UTC; mapping keys keep their types, so {@code 1:} and {@code '1':} differ.
 */
final class Yaml11Reader {

  private static final Pattern BOOL = Pattern.compile(
      "yes|Yes|YES|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF");
  private static final Pattern FLOAT = Pattern.compile("[-+]?(?:[0-9][0-9_]*)\\.[0-9_]*(?:[eE][-+][0-9]+)?"
      + "|\\.[0-9_]+(?:[eE][-+][0-9]+)?|[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\\.[0-9_]*"
      + "|[-+]?\\.(?:inf|Inf|INF)|\\.(?:nan|NaN|NAN)");
  private static final Pattern INT = Pattern.compile("[-+]?0b[0-1_]+|[-+]?0[0-7_]+|[-+]?(?:0|[1-9][0-9_]*)"
      + "|[-+]?0x[0-9a-fA-F_]+|[-+]?[1-9][0-9_]*(?::[0-5]?[0-9])+");
  private static final Pattern NULL = Pattern.compile("~|null|Null|NULL|");
  private static final Pattern TIMESTAMP = Pattern.compile("([0-9]{4})-([0-9]{1,2})-([0-9]{1,2})"
      + "(?:(?:[Tt]|[ \\t]+)([0-9]{1,2}):([0-9]{2}):([0-9]{2})(?:\\.([0-9]*))?"
      + "(?:[ \\t]*(Z|([-+])([0-9]{1,2})(?::([0-9]{2}))?))?)?");
  private static final Pattern DATE_ONLY = Pattern.compile("[0-9]{4}-[0-9]{2}-[0-9]{2}");

  private final Iterator<Event> events;
  private final Map<String, Object> anchors = new HashMap<>();

  private Yaml11Reader(String text) {
    this.events = new Yaml().parse(new StringReader(text)).iterator();
  }

  /**
   * Returns the first document's tree.
   *
   * @throws IllegalArgumentException where PyYAML would fail: a plain {@code =}, an unknown explicit tag
   */
  static Object read(String text) {
    Yaml11Reader r = new Yaml11Reader(text);
    while (r.events.hasNext()) {
      Event e = r.events.next();
      if (e instanceof NodeEvent) {
        return r.node(e);
      }
    }
    return null;
  }

  private Object node(Event e) {
    if (e instanceof AliasEvent a) {
      return anchors.get(a.getAnchor());
    }
    Object value;
    if (e instanceof ScalarEvent s) {
      value = scalar(s);
    } else if (e instanceof SequenceStartEvent) {
      List<Object> list = new ArrayList<>();
      Event n;
      while (!((n = events.next()) instanceof org.yaml.snakeyaml.events.SequenceEndEvent)) {
        list.add(node(n));
      }
      value = list;
    } else if (e instanceof MappingStartEvent) {
      Map<Object, Object> map = new LinkedHashMap<>();
      Map<Object, Object> merged = new LinkedHashMap<>();
      Event n;
      while (!((n = events.next()) instanceof org.yaml.snakeyaml.events.MappingEndEvent)) {
        boolean merge = n instanceof ScalarEvent k && k.getImplicit().canOmitTagInPlainScalar()
            && k.getValue().equals("<<");
        Object key = node(n);
        Object v = node(events.next());
        if (merge) {
          for (Object m : v instanceof List<?> l ? l : List.of(v)) {
            ((Map<?, ?>) m).forEach(merged::putIfAbsent);
          }
        } else {
          map.put(key, v);
        }
      }
      merged.forEach(map::putIfAbsent);
      value = map;
    } else {
      throw new IllegalArgumentException("unexpected event " + e);
    }
    String anchor = ((NodeEvent) e).getAnchor();
    if (anchor != null) {
      anchors.put(anchor, value);
    }
    return value;
  }

  private static Object scalar(ScalarEvent s) {
    String v = s.getValue();
    String tag = s.getTag();
    if (tag != null && !tag.equals("!")) {
      return switch (tag) {
        case "tag:yaml.org,2002:str" -> v;
        case "tag:yaml.org,2002:int" -> integer(v);
        case "tag:yaml.org,2002:float" -> floating(v);
        case "tag:yaml.org,2002:bool" -> bool(v);
        case "tag:yaml.org,2002:null" -> null;
        case "tag:yaml.org,2002:timestamp" -> {
          Matcher m = TIMESTAMP.matcher(v);
          if (!m.matches()) {
            throw new IllegalArgumentException("not a timestamp: " + v);
          }
          yield timestamp(m);
        }
        default -> throw new IllegalArgumentException("PyYAML's safe_load cannot construct " + tag);
      };
    }
    if (!s.getImplicit().canOmitTagInPlainScalar()) {
      return v;
    }
    if (BOOL.matcher(v).matches()) {
      return bool(v);
    }
    if (INT.matcher(v).matches()) {
      return integer(v);
    }
    if (FLOAT.matcher(v).matches()) {
      return floating(v);
    }
    if (NULL.matcher(v).matches()) {
      return null;
    }
    Matcher m = TIMESTAMP.matcher(v);
    if (m.matches() && (m.group(4) != null || DATE_ONLY.matcher(v).matches())) {
      return timestamp(m);
    }
    if (v.equals("=")) {
      throw new IllegalArgumentException("PyYAML cannot construct the value key '='");
    }
    return v;
  }

  private static Boolean bool(String v) {
    String l = v.toLowerCase(Locale.ROOT);
    return l.equals("yes") || l.equals("true") || l.equals("on");
  }

  private static BigInteger integer(String text) {
    String v = text.replace("_", "");
    int sign = 1;
    if (v.startsWith("-") || v.startsWith("+")) {
      sign = v.charAt(0) == '-' ? -1 : 1;
      v = v.substring(1);
    }
    BigInteger n;
    if (v.equals("0")) {
      n = BigInteger.ZERO;
    } else if (v.startsWith("0b")) {
      n = new BigInteger(v.substring(2), 2);
    } else if (v.startsWith("0x")) {
      n = new BigInteger(v.substring(2), 16);
    } else if (v.startsWith("0")) {
      n = new BigInteger(v, 8);
    } else if (v.contains(":")) {
      n = BigInteger.ZERO;
      for (String part : v.split(":")) {
        n = n.multiply(BigInteger.valueOf(60)).add(new BigInteger(part));
      }
    } else {
      n = new BigInteger(v);
    }
    return sign < 0 ? n.negate() : n;
  }

  private static Double floating(String text) {
    String v = text.replace("_", "").toLowerCase(Locale.ROOT);
    double sign = 1;
    if (v.startsWith("-") || v.startsWith("+")) {
      sign = v.charAt(0) == '-' ? -1 : 1;
      v = v.substring(1);
    }
    if (v.equals(".inf")) {
      return sign * Double.POSITIVE_INFINITY;
    }
    if (v.equals(".nan")) {
      return Double.NaN;
    }
    if (v.contains(":")) {
      double n = 0;
      for (String part : v.split(":")) {
        n = n * 60 + Double.parseDouble(part);
      }
      return sign * n;
    }
    return sign * Double.parseDouble(v);
  }

  private static Object timestamp(Matcher m) {
    LocalDate date = LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
        Integer.parseInt(m.group(3)));
    if (m.group(4) == null) {
      return date;
    }
    String frac = ((m.group(7) == null ? "" : m.group(7)) + "000000").substring(0, 6);
    LocalDateTime dt = date.atTime(Integer.parseInt(m.group(4)), Integer.parseInt(m.group(5)),
        Integer.parseInt(m.group(6)), Integer.parseInt(frac) * 1000);
    if (m.group(8) == null) {
      return dt;
    }
    if (m.group(8).equals("Z")) {
      return dt.atOffset(ZoneOffset.UTC);
    }
    int sign = m.group(9).equals("-") ? -1 : 1;
    int minutes = m.group(11) == null ? 0 : Integer.parseInt(m.group(11));
    OffsetDateTime o = dt.atOffset(ZoneOffset.ofHoursMinutes(sign * Integer.parseInt(m.group(10)), sign * minutes));
    return o.withOffsetSameInstant(ZoneOffset.UTC);
  }
}
