package io.github.imsdk.tosca.internal;

import io.github.imsdk.tosca.ToscaFunction;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Turns one-entry mappings such as {@code {get_input: x}} into {@link ToscaFunction}s, when their shape fits. */
public final class FunctionCodec {

  /** Function keywords the model turns into {@link ToscaFunction}s. */
  public static final Set<String> KEYWORDS = Set.of("get_input", "get_attribute", "get_property", "concat", "token");

  /** Keywords whose one-entry mapping is always meant as a call (a map with {@code token} may be data). */
  public static final Set<String> STRICT_KEYWORDS = Set.of("get_input", "get_attribute", "get_property", "concat");

  private FunctionCodec() {}

  /**
   * Returns the function a one-entry map stands for, or null if it is not one (or is malformed, which the
   * validator reports).
   */
  public static ToscaFunction decode(Map<String, Object> map) {
    if (map.size() != 1) {
      return null;
    }
    Map.Entry<String, Object> e = map.entrySet().iterator().next();
    if (!KEYWORDS.contains(e.getKey())) {
      return null;
    }
    try {
      return decode(e.getKey(), e.getValue());
    } catch (IllegalArgumentException | NullPointerException ex) {
      return null;
    }
  }

  private static ToscaFunction decode(String keyword, Object args) {
    switch (keyword) {
      case "get_input":
        if (args instanceof String s) {
          return new ToscaFunction.GetInput(s, List.of());
        }
        if (args instanceof List<?> l && !l.isEmpty() && l.get(0) instanceof String s && pathItems(l, 1)) {
          return new ToscaFunction.GetInput(s, List.copyOf(l.subList(1, l.size())));
        }
        return null;
      case "get_attribute":
        if (args instanceof List<?> l && l.size() >= 2 && l.get(0) instanceof String n && l.get(1) instanceof String a
            && pathItems(l, 2)) {
          return new ToscaFunction.GetAttribute(n, a, List.copyOf(l.subList(2, l.size())));
        }
        return null;
      case "get_property":
        if (args instanceof List<?> l && l.size() >= 2 && l.get(0) instanceof String n && pathItems(l, 1)) {
          return new ToscaFunction.GetProperty(n, List.copyOf(l.subList(1, l.size())));
        }
        return null;
      case "concat":
        if (args instanceof List<?> l) {
          return new ToscaFunction.Concat(List.copyOf(l));
        }
        return null;
      case "token":
        if (args instanceof List<?> l && l.size() == 3 && l.get(0) != null && l.get(1) instanceof String sep
            && l.get(2) instanceof Integer i) {
          return new ToscaFunction.Token(l.get(0), sep, i);
        }
        return null;
      default:
        return null;
    }
  }

  private static boolean pathItems(List<?> l, int from) {
    for (int i = from; i < l.size(); i++) {
      Object o = l.get(i);
      if (!(o instanceof String) && !(o instanceof Integer)) {
        return false;
      }
    }
    return true;
  }
}
