package io.github.imsdk.tosca.internal;

import io.github.imsdk.tosca.ScalarUnit;
import io.github.imsdk.tosca.ToscaConstraint;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/** Whether a literal fits a TOSCA type and satisfies a constraint, comparing values as the IM's parser does. */
final class ValueRules {

  private ValueRules() {}

  /** Returns null if {@code v} fits {@code type}, else why not. */
  static String typeProblem(String type, Object v) {
    if (type == null || v == null) {
      return null;
    }
    boolean ok;
    switch (type) {
      // tosca-parser (the IM's reader) converts "2" to an integer and "true"/"false" to booleans, so these
      // strings are accepted rather than reported.
      case "integer" -> ok = Values.isInteger(v) || (v instanceof String s && s.trim().matches("[-+]?\\d+"));
      case "float" -> ok = v instanceof Number
          || (v instanceof String s && s.trim().matches("[-+]?(\\d+\\.?\\d*|\\.\\d+)([eE][-+]?\\d+)?"));
      case "boolean" -> ok = v instanceof Boolean
          || (v instanceof String s && (s.equalsIgnoreCase("true") || s.equalsIgnoreCase("false")));
      // The IM turns a number (or a date) into its text: 'default: 16.04' fits a string input.
      case "string" -> ok = v instanceof String || v instanceof Number || Yaml11Scalars.isTimestamp(v);
      case "timestamp" -> ok = v instanceof String || Yaml11Scalars.isTimestamp(v);
      case "list" -> ok = v instanceof List<?>;
      case "map" -> ok = v instanceof Map<?, ?>;
      case "version" -> ok = (v instanceof String s && s.matches("\\d+(\\.\\d+){0,2}([.-].+)?")) || v instanceof Number;
      case "range" -> ok = v instanceof List<?> l && l.size() == 2 && Values.isInteger(l.get(0))
          && (Values.isInteger(l.get(1)) || "UNBOUNDED".equals(l.get(1)));
      case "scalar-unit.size", "scalar-unit.time", "scalar-unit.frequency" -> {
        ScalarUnit.Kind kind = ScalarUnit.Kind.ofTypeName(type).orElseThrow();
        if (v instanceof String s && ScalarUnit.parse(s, kind).isPresent()) {
          return null;
        }
        return Values.show(v) + " is not a " + type + " (a number and a unit, e.g. " + example(kind) + ")";
      }
      default -> ok = true;
    }
    return ok ? null : Values.show(v) + " is not of type " + type;
  }

  private static String example(ScalarUnit.Kind kind) {
    return switch (kind) {
      case SIZE -> "'2 GB'";
      case TIME -> "'30 s'";
      case FREQUENCY -> "'2 GHz'";
    };
  }

  static boolean checkConstraintShape(ToscaConstraint c, String type, String path, Findings out) {
    String op = c.operator();
    if (!ToscaConstraint.OPERATORS.contains(op)) {
      out.error(path, "unknown constraint '" + op + "'; expected one of " + new java.util.TreeSet<>(ToscaConstraint.OPERATORS));
      return false;
    }
    Object arg = c.argument();
    String apath = path + "." + op;
    switch (op) {
      case "valid_values" -> {
        if (!(arg instanceof List<?> l)) {
          out.error(apath, "valid_values needs a list");
          return false;
        }
        boolean ok = true;
        for (int i = 0; i < l.size(); i++) {
          String why = typeProblem(type, l.get(i));
          if (why != null) {
            out.error(apath + "[" + i + "]", why);
            ok = false;
          }
        }
        return ok;
      }
      case "in_range" -> {
        if (!(arg instanceof List<?> l) || l.size() != 2) {
          out.error(apath, "in_range needs a list of two bounds");
          return false;
        }
        boolean ok = true;
        for (int i = 0; i < 2; i++) {
          if ("UNBOUNDED".equals(l.get(i))) {
            continue;
          }
          String why = typeProblem(type, l.get(i));
          if (why != null) {
            out.error(apath + "[" + i + "]", why);
            ok = false;
          }
        }
        return ok;
      }
      case "length", "min_length", "max_length" -> {
        if (!Values.isInteger(arg) || ((Number) arg).longValue() < 0) {
          out.error(apath, op + " needs a non-negative integer");
          return false;
        }
        if (arg instanceof BigInteger) {
          // Only integers beyond 64 bits stay BigInteger; longValue() would wrap them round.
          out.error(apath, op + " " + arg + " is out of range");
          return false;
        }
        return true;
      }
      case "pattern" -> {
        if (!(arg instanceof String s)) {
          out.error(apath, "pattern needs a regular expression string");
          return false;
        }
        try {
          Pattern.compile(s);
        } catch (PatternSyntaxException e) {
          out.error(apath, "not a valid regular expression: " + e.getDescription());
          return false;
        }
        return true;
      }
      default -> {
        String why = typeProblem(type, arg);
        if (why != null) {
          out.error(apath, why);
          return false;
        }
        return true;
      }
    }
  }

  /** Returns null if {@code v} satisfies {@code c}, else why not. Assumes shapes were checked. */
  static String constraintProblem(ToscaConstraint c, String type, Object v) {
    Object arg = c.argument();
    boolean ok;
    switch (c.operator()) {
      case "equal" -> ok = compare(type, v, arg) == 0;
      case "greater_than" -> ok = holds(compare(type, v, arg), cmp -> cmp > 0);
      case "greater_or_equal" -> ok = holds(compare(type, v, arg), cmp -> cmp >= 0);
      case "less_than" -> ok = holds(compare(type, v, arg), cmp -> cmp < 0);
      case "less_or_equal" -> ok = holds(compare(type, v, arg), cmp -> cmp <= 0);
      case "in_range" -> {
        List<?> l = (List<?>) arg;
        ok = ("UNBOUNDED".equals(l.get(0)) || holds(compare(type, v, l.get(0)), cmp -> cmp >= 0))
            && ("UNBOUNDED".equals(l.get(1)) || holds(compare(type, v, l.get(1)), cmp -> cmp <= 0));
      }
      case "valid_values" -> {
        ok = false;
        for (Object o : (List<?>) arg) {
          if (compare(type, v, o) == 0) {
            ok = true;
            break;
          }
        }
      }
      case "length" -> ok = length(v) == ((Number) arg).longValue();
      case "min_length" -> ok = length(v) >= ((Number) arg).longValue();
      case "max_length" -> ok = length(v) >= 0 && length(v) <= ((Number) arg).longValue();
      case "pattern" -> ok = v instanceof String s && Pattern.compile((String) arg).matcher(s).matches();
      default -> ok = true;
    }
    if (ok) {
      return null;
    }
    // Length and pattern rules guard passwords and keys: describe the value instead of echoing it.
    boolean hide = v instanceof String && Set.of("length", "min_length", "max_length", "pattern").contains(
        c.operator());
    String shown = hide ? "the value (" + length(v) + " characters)" : Values.show(v);
    return shown + " does not satisfy " + c.operator() + ": " + showArg(arg);
  }

  private static String showArg(Object arg) {
    if (arg instanceof List<?> l) {
      List<String> shown = new ArrayList<>();
      l.forEach(o -> shown.add(Values.show(o)));
      return "[" + String.join(", ", shown) + "]";
    }
    return Values.show(arg);
  }

  private static long length(Object v) {
    if (v instanceof String s) {
      return s.codePointCount(0, s.length());
    }
    if (v instanceof List<?> l) {
      return l.size();
    }
    if (v instanceof Map<?, ?> m) {
      return m.size();
    }
    return -1;
  }

  /** A comparison that is neither less, equal nor greater: such values satisfy no ordering constraint. */
  private static final int INCOMPARABLE = Integer.MIN_VALUE;

  /** Tells whether {@code cmp} is a real comparison result that {@code test} accepts. */
  private static boolean holds(int cmp, java.util.function.IntPredicate test) {
    return cmp != INCOMPARABLE && test.test(cmp);
  }

  /** Compares two values of a type; values that cannot be compared give {@link #INCOMPARABLE}. */
  private static int compare(String type, Object a, Object b) {
    Optional<ScalarUnit.Kind> kind = ScalarUnit.Kind.ofTypeName(type == null ? "" : type);
    if (kind.isPresent()) {
      Optional<ScalarUnit> x = a instanceof String s ? ScalarUnit.parse(s, kind.get()) : Optional.empty();
      Optional<ScalarUnit> y = b instanceof String s ? ScalarUnit.parse(s, kind.get()) : Optional.empty();
      if (x.isPresent() && y.isPresent()) {
        return x.get().compareAmount(y.get());
      }
      return INCOMPARABLE;
    }
    Integer nonFinite = compareNonFinite(a, b);
    if (nonFinite != null) {
      return nonFinite;
    }
    if ("integer".equals(type) || "float".equals(type)) {
      BigDecimal x = number(a);
      BigDecimal y = number(b);
      if (x != null && y != null) {
        return x.compareTo(y);
      }
    }
    if (a instanceof Number || b instanceof Number) {
      // A number and a numeric string compare as numbers ('16.04' and 16.04 are the same version).
      BigDecimal x = number(a);
      BigDecimal y = number(b);
      if (x != null && y != null) {
        return x.compareTo(y);
      }
    }
    if (a instanceof String x && b instanceof String y) {
      return Integer.signum(x.compareTo(y));
    }
    return a.equals(b) ? 0 : INCOMPARABLE;
  }

  /**
   * Compares when either side is YAML's {@code .inf}, {@code -.inf} or {@code .nan}, which have no decimal form
   * (BigDecimal would throw); returns null when both sides are finite. NaN compares with nothing.
   */
  private static Integer compareNonFinite(Object a, Object b) {
    boolean na = a instanceof Double d && !Double.isFinite(d);
    boolean nb = b instanceof Double d && !Double.isFinite(d);
    if (!na && !nb) {
      return null;
    }
    double x = na ? (Double) a : toDouble(number(a));
    double y = nb ? (Double) b : toDouble(number(b));
    if (Double.isNaN(x) || Double.isNaN(y)) {
      return INCOMPARABLE;
    }
    return Integer.signum(Double.compare(x, y));
  }

  private static double toDouble(BigDecimal n) {
    return n == null ? Double.NaN : n.doubleValue();
  }

  /** Returns a number, or a numeric string as tosca-parser would convert it, as a decimal; else null. */
  static BigDecimal number(Object o) {
    if (o instanceof Number n) {
      return decimal(n);
    }
    if (o instanceof String s) {
      try {
        return new BigDecimal(s.trim());
      } catch (NumberFormatException e) {
        return null;
      }
    }
    return null;
  }

  static BigDecimal decimal(Number n) {
    if (n instanceof BigInteger b) {
      return new BigDecimal(b);
    }
    if (n instanceof Double d) {
      return BigDecimal.valueOf(d);
    }
    return BigDecimal.valueOf(n.longValue());
  }
}
