package io.github.imsdk.testing.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Writes a value as Python's {@code repr} does, as IM's {@code concat} shows a list: {@code ['a', None, 1]}. */
final class PyRepr {

  private PyRepr() {}

  static String of(Object v) {
    if (v == null) {
      return "None";
    }
    if (v instanceof Boolean b) {
      return b ? "True" : "False";
    }
    if (v instanceof String s) {
      return "'" + s.replace("\\", "\\\\").replace("'", "\\'") + "'";
    }
    if (v instanceof List<?> l) {
      List<String> items = new ArrayList<>();
      l.forEach(i -> items.add(of(i)));
      return "[" + String.join(", ", items) + "]";
    }
    if (v instanceof Map<?, ?> m) {
      List<String> items = new ArrayList<>();
      m.forEach((k, val) -> items.add(of(k) + ": " + of(val)));
      return "{" + String.join(", ", items) + "}";
    }
    return String.valueOf(v);
  }
}
