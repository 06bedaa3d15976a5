package io.github.imsdk.examples;

import java.math.BigDecimal;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Prints values the way im_client's Python does, so that scripts parsing its output keep working:
 * {@code json.dumps(v)} and {@code json.dumps(v, indent=4)} (ASCII only, {@code ": "} after keys), and {@code str(v)}
 * as {@code "%s" % v} shows a dict, a list, a bool or None.
 */
final class PyFormat {

  private PyFormat() {}

  /** Returns {@code json.dumps(value)}: one line, {@code ", "} between items. */
  static String json(Object value) {
    StringBuilder sb = new StringBuilder();
    writeJson(sb, value, -1, 0);
    return sb.toString();
  }

  /** Returns {@code json.dumps(value, indent=4)}. */
  static String jsonIndented(Object value) {
    StringBuilder sb = new StringBuilder();
    writeJson(sb, value, 4, 0);
    return sb.toString();
  }

  private static void writeJson(StringBuilder sb, Object v, int indent, int depth) {
    if (v instanceof Map<?, ?> m) {
      if (m.isEmpty()) {
        sb.append("{}");
        return;
      }
      sb.append('{');
      Iterator<? extends Map.Entry<?, ?>> it = m.entrySet().iterator();
      while (it.hasNext()) {
        Map.Entry<?, ?> e = it.next();
        newline(sb, indent, depth + 1);
        jsonString(sb, String.valueOf(e.getKey()));
        sb.append(": ");
        writeJson(sb, e.getValue(), indent, depth + 1);
        if (it.hasNext()) {
          sb.append(indent < 0 ? ", " : ",");
        }
      }
      newline(sb, indent, depth);
      sb.append('}');
    } else if (v instanceof List<?> l) {
      if (l.isEmpty()) {
        sb.append("[]");
        return;
      }
      sb.append('[');
      for (int i = 0; i < l.size(); i++) {
        newline(sb, indent, depth + 1);
        writeJson(sb, l.get(i), indent, depth + 1);
        if (i < l.size() - 1) {
          sb.append(indent < 0 ? ", " : ",");
        }
      }
      newline(sb, indent, depth);
      sb.append(']');
    } else if (v == null) {
      sb.append("null");
    } else if (v instanceof Boolean b) {
      sb.append(b ? "true" : "false");
    } else if (v instanceof Number n) {
      sb.append(number(n));
    } else {
      jsonString(sb, v.toString());
    }
  }

  private static void newline(StringBuilder sb, int indent, int depth) {
    if (indent >= 0) {
      sb.append('\n').append(" ".repeat(indent * depth));
    }
  }

  private static void jsonString(StringBuilder sb, String s) {
    sb.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> sb.append("\\\"");
        case '\\' -> sb.append("\\\\");
        case '\n' -> sb.append("\\n");
        case '\r' -> sb.append("\\r");
        case '\t' -> sb.append("\\t");
        case '\b' -> sb.append("\\b");
        case '\f' -> sb.append("\\f");
        default -> {
          if (c < 0x20 || c > 0x7e) {
            sb.append(String.format("\\u%04x", (int) c));
          } else {
            sb.append(c);
          }
        }
      }
    }
    sb.append('"');
  }

  /** Returns {@code str(value)}: a string as is, containers as Python's repr. */
  static String str(Object value) {
    if (value instanceof String s) {
      return s;
    }
    StringBuilder sb = new StringBuilder();
    writeRepr(sb, value);
    return sb.toString();
  }

  private static void writeRepr(StringBuilder sb, Object v) {
    if (v instanceof Map<?, ?> m) {
      sb.append('{');
      boolean first = true;
      for (Map.Entry<?, ?> e : m.entrySet()) {
        if (!first) {
          sb.append(", ");
        }
        first = false;
        writeRepr(sb, e.getKey());
        sb.append(": ");
        writeRepr(sb, e.getValue());
      }
      sb.append('}');
    } else if (v instanceof List<?> l) {
      sb.append('[');
      for (int i = 0; i < l.size(); i++) {
        if (i > 0) {
          sb.append(", ");
        }
        writeRepr(sb, l.get(i));
      }
      sb.append(']');
    } else if (v == null) {
      sb.append("None");
    } else if (v instanceof Boolean b) {
      sb.append(b ? "True" : "False");
    } else if (v instanceof Number n) {
      sb.append(number(n));
    } else {
      reprString(sb, v.toString());
    }
  }

  private static void reprString(StringBuilder sb, String s) {
    char quote = s.indexOf('\'') >= 0 && s.indexOf('"') < 0 ? '"' : '\'';
    sb.append(quote);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == quote || c == '\\') {
        sb.append('\\').append(c);
      } else if (c == '\n') {
        sb.append("\\n");
      } else if (c == '\r') {
        sb.append("\\r");
      } else if (c == '\t') {
        sb.append("\\t");
      } else if (c < 0x20 || c == 0x7f) {
        sb.append(String.format("\\x%02x", (int) c));
      } else {
        sb.append(c);
      }
    }
    sb.append(quote);
  }

  /** Python's rendering of a number: integers as is, floats with a fractional part ({@code 2.0}, {@code 1e-05}). */
  private static String number(Number n) {
    if (n instanceof Double || n instanceof Float) {
      double d = n.doubleValue();
      if (Double.isNaN(d)) {
        return "NaN";
      }
      if (Double.isInfinite(d)) {
        return d > 0 ? "Infinity" : "-Infinity";
      }
      if (d == Math.rint(d) && Math.abs(d) < 1e16) {
        return BigDecimal.valueOf(d).setScale(1).toPlainString();
      }
      String s = Double.toString(d);
      int e = s.indexOf('E');
      if (e < 0) {
        return s;
      }
      String mantissa = s.substring(0, e).replaceAll("\\.0$", "");
      int exp = Integer.parseInt(s.substring(e + 1));
      return mantissa + "e" + (exp < 0 ? "-" : "+") + String.format("%02d", Math.abs(exp));
    }
    if (n instanceof BigDecimal b) {
      return b.scale() > 0 ? b.toPlainString() : b.toBigInteger().toString();
    }
    return n.toString();
  }
}
