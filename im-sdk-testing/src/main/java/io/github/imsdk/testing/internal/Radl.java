package io.github.imsdk.testing.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The subset of RADL the emulator understands: {@code description}, {@code network}, {@code system},
 * {@code configure}, {@code contextualize} and {@code deploy}, in text form and in RADL-JSON. Enough for the
 * documents IM's own clients and the TOSCA translation produce; not a full RADL implementation.
 */
final class Radl {

  /** One {@code name op value} feature; {@code value} is a String (quoted in text), a Number, or a raw List. */
  record Feature(String name, String op, Object value, String unit) {

    String text() {
      if (value instanceof String s) {
        return name + " " + op + " '" + s + "'";
      }
      if (op.equals("contains") && value instanceof List<?> l) {
        List<String> clauses = new ArrayList<>();
        for (Object item : l) {
          List<String> inner = new ArrayList<>();
          if (item instanceof Map<?, ?> m) {
            m.forEach((k, v) -> inner.add(k + " = " + (v instanceof String sv ? "'" + sv + "'" : Json.write(v, true))));
          }
          clauses.add(name + " contains (" + String.join(" and ", inner) + ")");
        }
        return String.join(" and\n", clauses);
      }
      if (value instanceof List<?> l) {
        return name + " " + op + " " + Json.write(l, true);
      }
      return name + " " + op + " " + Json.write(value, true) + (unit == null ? "" : unit);
    }

    /** Returns the value in base units, as RADL-JSON writes it. */
    Object jsonValue() {
      if (value instanceof Number n && unit != null) {
        long factor = unitFactor(unit);
        double d = n.doubleValue() * factor;
        return d == Math.rint(d) ? (Object) (long) d : (Object) d;
      }
      return value;
    }

    String jsonKey() {
      return switch (op) {
        case ">=" -> name + "_min";
        case "<=" -> name + "_max";
        default -> name;
      };
    }
  }

  /** One aspect (a top-level RADL sentence). */
  static final class Aspect {
    final String kind;
    String id;
    final List<Feature> features = new ArrayList<>();
    boolean bare;
    String recipe;
    final List<String> contextItems = new ArrayList<>();
    int vmNumber;
    String cloudId;
    int line;

    Aspect(String kind, String id) {
      this.kind = kind;
      this.id = id;
    }

    Aspect copy() {
      Aspect a = new Aspect(kind, id);
      a.features.addAll(features);
      a.bare = bare;
      a.recipe = recipe;
      a.contextItems.addAll(contextItems);
      a.vmNumber = vmNumber;
      a.cloudId = cloudId;
      a.line = line;
      return a;
    }

    Optional<Feature> feature(String name) {
      return features.stream().filter(f -> f.name.equals(name)).findFirst();
    }

    Optional<Object> value(String name) {
      return feature(name).map(Feature::value);
    }

    String string(String name) {
      return value(name).map(String::valueOf).orElse(null);
    }

    /** Sets {@code name = value}, replacing any feature of that name. */
    void set(String name, Object value) {
      set(new Feature(name, "=", value, null));
    }

    void set(Feature f) {
      for (int i = 0; i < features.size(); i++) {
        if (features.get(i).name.equals(f.name)) {
          features.set(i, f);
          features.removeIf(x -> x != f && x.name.equals(f.name));
          return;
        }
      }
      features.add(f);
    }

    void remove(String name) {
      features.removeIf(f -> f.name.equals(name));
    }

    String text() {
      return switch (kind) {
        case "description" -> "description " + id + " (" + join(" and ") + ")";
        case "network" -> bare ? "network " + id : "network " + id + " ( " + join(" and\n") + " )";
        case "system" -> bare ? "system " + id : "system " + id + " (\n" + join(" and\n") + "\n)";
        case "configure" -> "configure " + id + " (\n@begin\n" + (recipe == null ? "" : recipe) + "\n@end\n)";
        case "contextualize" -> contextItems.isEmpty()
            ? "contextualize ()"
            : "contextualize  (\n" + String.join("\n", contextItems) + "\n)";
        case "deploy" -> "deploy " + id + " " + vmNumber + (cloudId == null ? "" : " " + cloudId);
        default -> kind + " " + id;
      };
    }

    private String join(String sep) {
      List<String> parts = new ArrayList<>();
      features.forEach(f -> parts.add(f.text()));
      return String.join(sep, parts);
    }

    Map<String, Object> json() {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("class", kind);
      switch (kind) {
        case "deploy" -> {
          m.put("system", id);
          m.put("vm_number", vmNumber);
          if (cloudId != null) {
            m.put("cloud_id", cloudId);
          }
        }
        case "contextualize" -> {
          if (!contextItems.isEmpty()) {
            List<Object> items = new ArrayList<>();
            for (String item : contextItems) {
              String[] w = item.trim().split("\\s+");
              Map<String, Object> i = new LinkedHashMap<>();
              for (int k = 0; k + 1 < w.length; k += 2) {
                i.put(w[k].equals("step") ? "num" : w[k], w[k + 1]);
              }
              items.add(i);
            }
            m.put("items", items);
          }
        }
        case "configure" -> {
          m.put("id", id);
          m.put("recipes", recipe == null ? "" : recipe);
        }
        default -> {
          m.put("id", id);
          features.forEach(f -> m.put(f.jsonKey(), f.jsonValue()));
        }
      }
      return m;
    }
  }

  final List<Aspect> aspects = new ArrayList<>();

  List<Aspect> all(String kind) {
    return aspects.stream().filter(a -> a.kind.equals(kind)).toList();
  }

  Optional<Aspect> get(String kind, String id) {
    return aspects.stream().filter(a -> a.kind.equals(kind) && id.equals(a.id)).findFirst();
  }

  /** Tells whether the document switches contextualization off with an empty {@code contextualize ()}. */
  boolean contextualizationDisabled() {
    List<Aspect> c = all("contextualize");
    return !c.isEmpty() && c.get(c.size() - 1).contextItems.isEmpty();
  }

  Radl copy() {
    Radl r = new Radl();
    aspects.forEach(a -> r.aspects.add(a.copy()));
    return r;
  }

  /** Writes the document the way IM prints a RADL object. */
  String text() {
    StringBuilder sb = new StringBuilder();
    for (String kind : List.of("description", "network", "system")) {
      for (Aspect a : all(kind)) {
        sb.append(a.text()).append('\n');
      }
    }
    sb.append('\n');
    for (String kind : List.of("configure", "contextualize", "deploy")) {
      for (Aspect a : all(kind)) {
        sb.append(a.text()).append('\n');
      }
    }
    return sb.toString().stripTrailing();
  }

  List<Object> json() {
    List<Object> out = new ArrayList<>();
    aspects.forEach(a -> out.add(a.json()));
    return out;
  }

  static long unitFactor(String unit) {
    String u = unit.trim();
    boolean binary = u.length() >= 2 && Character.toLowerCase(u.charAt(1)) == 'i';
    long base = binary ? 1024 : 1000;
    return switch (Character.toUpperCase(u.charAt(0))) {
      case 'K' -> base;
      case 'M' -> base * base;
      case 'G' -> base * base * base;
      case 'T' -> base * base * base * base;
      default -> 1;
    };
  }

  // ------------------------------------------------------------------------------------------------ parsing

  /** A RADL (text or JSON) that cannot be read; the message follows IM's {@code Line N: ...} style. */
  static final class ParseException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    ParseException(String message) {
      super(message);
    }
  }

  private record Token(String kind, String text, int line) {}

  /** Parses RADL text. */
  static Radl parse(String text) {
    List<Token> tokens = tokenize(text);
    Radl radl = new Radl();
    int[] pos = {0};
    while (pos[0] < tokens.size()) {
      Token t = tokens.get(pos[0]++);
      if (!t.kind.equals("word")) {
        throw error(t);
      }
      String kw = t.text.toLowerCase(Locale.ROOT);
      switch (kw) {
        case "description", "network", "system", "ansible" -> {
          Token id = expect(tokens, pos, "word", t);
          Aspect a = new Aspect(kw, id.text);
          a.line = t.line;
          if (peek(tokens, pos, "(")) {
            pos[0]++;
            parseFeatures(tokens, pos, a.features, t);
          } else {
            a.bare = true;
          }
          radl.aspects.add(a);
        }
        case "configure" -> {
          Token id = expect(tokens, pos, "word", t);
          Aspect a = new Aspect("configure", id.text);
          a.line = t.line;
          if (peek(tokens, pos, "(")) {
            pos[0]++;
            if (peek(tokens, pos, "recipe")) {
              a.recipe = tokens.get(pos[0]++).text;
            }
            expect(tokens, pos, ")", t);
          } else {
            a.bare = true;
          }
          radl.aspects.add(a);
        }
        case "contextualize" -> {
          Aspect a = new Aspect("contextualize", null);
          a.line = t.line;
          if (peek(tokens, pos, "number")) {
            pos[0]++;
          }
          expect(tokens, pos, "(", t);
          StringBuilder item = new StringBuilder();
          while (true) {
            if (pos[0] >= tokens.size()) {
              throw error(t);
            }
            Token x = tokens.get(pos[0]++);
            if (x.kind.equals(")")) {
              break;
            }
            if (x.text.equals("system") && item.length() > 0) {
              a.contextItems.add(item.toString().trim());
              item.setLength(0);
            }
            item.append(x.text).append(' ');
          }
          if (item.length() > 0) {
            a.contextItems.add(item.toString().trim());
          }
          radl.aspects.add(a);
        }
        case "deploy" -> {
          Token id = expect(tokens, pos, "word", t);
          Token n = expect(tokens, pos, "number", t);
          Aspect a = new Aspect("deploy", id.text);
          a.line = t.line;
          a.vmNumber = Integer.parseInt(n.text);
          if (peek(tokens, pos, "word") && !isKeyword(tokens.get(pos[0]).text)) {
            a.cloudId = tokens.get(pos[0]++).text;
          }
          radl.aspects.add(a);
        }
        default -> throw error(t);
      }
    }
    radl.check();
    return radl;
  }

  private static boolean isKeyword(String w) {
    return List.of("description", "network", "system", "ansible", "configure", "contextualize", "deploy")
        .contains(w.toLowerCase(Locale.ROOT));
  }

  private void check() {
    for (Aspect d : all("deploy")) {
      if (get("system", d.id).isEmpty()) {
        throw new ParseException("Line " + d.line + ": Invalid system id in the deploy.");
      }
    }
  }

  private static void parseFeatures(List<Token> tokens, int[] pos, List<Feature> out, Token start) {
    if (peek(tokens, pos, ")")) {
      pos[0]++;
      return;
    }
    while (true) {
      Token name = expect(tokens, pos, "word", start);
      if (pos[0] >= tokens.size()) {
        throw error(name);
      }
      Token op = tokens.get(pos[0]++);
      if (op.kind.equals("word") && op.text.equals("contains")) {
        Token open = expect(tokens, pos, "(", op);
        List<Feature> inner = new ArrayList<>();
        parseFeatures(tokens, pos, inner, open);
        Map<String, Object> m = new LinkedHashMap<>();
        inner.forEach(f -> m.put(f.jsonKey(), f.jsonValue()));
        out.add(new Feature(name.text, "contains", List.of(m), null));
      } else if (op.kind.equals("op")) {
        if (pos[0] >= tokens.size()) {
          throw error(op);
        }
        Token v = tokens.get(pos[0]++);
        out.add(switch (v.kind) {
          case "string" -> new Feature(name.text, op.text, v.text, null);
          case "number" -> number(name.text, op.text, v.text);
          case "word" -> new Feature(name.text, op.text, v.text, null);
          default -> throw error(v);
        });
      } else {
        throw error(op);
      }
      if (pos[0] >= tokens.size()) {
        throw error(tokens.get(pos[0] - 1));
      }
      Token sep = tokens.get(pos[0]++);
      if (sep.kind.equals(")")) {
        return;
      }
      if (!(sep.kind.equals("word") && sep.text.equalsIgnoreCase("and"))) {
        throw error(sep);
      }
    }
  }

  private static Feature number(String name, String op, String text) {
    int i = 0;
    while (i < text.length() && (Character.isDigit(text.charAt(i)) || text.charAt(i) == '.' || text.charAt(i) == '-')) {
      i++;
    }
    String num = text.substring(0, i);
    String unit = i < text.length() ? text.substring(i) : null;
    Object value = num.contains(".") ? (Object) Double.parseDouble(num) : (Object) Long.parseLong(num);
    return new Feature(name, op, value, unit);
  }

  private static boolean peek(List<Token> tokens, int[] pos, String kind) {
    return pos[0] < tokens.size() && tokens.get(pos[0]).kind.equals(kind);
  }

  private static Token expect(List<Token> tokens, int[] pos, String kind, Token after) {
    if (pos[0] >= tokens.size()) {
      throw new ParseException("Line " + after.line + ": Parse error in: end of input");
    }
    Token t = tokens.get(pos[0]++);
    if (!t.kind.equals(kind)) {
      throw error(t);
    }
    return t;
  }

  private static ParseException error(Token t) {
    return new ParseException("Line " + t.line + ": Parse error in: '" + t.text + "'");
  }

  private static List<Token> tokenize(String s) {
    List<Token> out = new ArrayList<>();
    int line = 1;
    int i = 0;
    while (i < s.length()) {
      char c = s.charAt(i);
      if (c == '\n') {
        line++;
        i++;
      } else if (Character.isWhitespace(c)) {
        i++;
      } else if (c == '#') {
        while (i < s.length() && s.charAt(i) != '\n') {
          i++;
        }
      } else if (s.startsWith("@begin", i)) {
        int end = s.indexOf("@end", i);
        if (end < 0) {
          throw new ParseException("Line " + line + ": Parse error in: '@begin' without '@end'");
        }
        String recipe = s.substring(i + "@begin".length(), end);
        out.add(new Token("recipe", recipe.strip(), line));
        line += (int) recipe.chars().filter(ch -> ch == '\n').count();
        i = end + "@end".length();
      } else if (c == '\'' || c == '"') {
        int end = s.indexOf(c, i + 1);
        if (end < 0) {
          throw new ParseException("Line " + line + ": Parse error in: unterminated string");
        }
        String v = s.substring(i + 1, end);
        out.add(new Token("string", v, line));
        line += (int) v.chars().filter(ch -> ch == '\n').count();
        i = end + 1;
      } else if (c == '(' || c == ')') {
        out.add(new Token(String.valueOf(c), String.valueOf(c), line));
        i++;
      } else if (c == '=' || c == '>' || c == '<') {
        if (c != '=' && i + 1 < s.length() && s.charAt(i + 1) == '=') {
          out.add(new Token("op", s.substring(i, i + 2), line));
          i += 2;
        } else if (c == '=') {
          out.add(new Token("op", "=", line));
          i++;
        } else {
          out.add(new Token("op", String.valueOf(c), line));
          i++;
        }
      } else {
        int j = i;
        while (j < s.length() && !Character.isWhitespace(s.charAt(j)) && "()='\"<>#".indexOf(s.charAt(j)) < 0) {
          j++;
        }
        String w = s.substring(i, j);
        boolean number = Character.isDigit(w.charAt(0)) || (w.length() > 1 && w.charAt(0) == '-'
            && Character.isDigit(w.charAt(1)));
        if (number && !w.matches("-?[0-9]+(\\.[0-9]+)?[A-Za-z]*")) {
          number = false;
        }
        out.add(new Token(number ? "number" : "word", w, line));
        i = j;
      }
    }
    return out;
  }

  /** Parses RADL-JSON: a list of aspect objects. */
  static Radl parseJson(String text) {
    Object parsed;
    try {
      parsed = Json.parse(text);
    } catch (IllegalArgumentException e) {
      throw new ParseException("Error parsing JSON RADL: " + e.getMessage());
    }
    if (parsed instanceof Map<?, ?> m && m.containsKey("radl")) {
      parsed = m.get("radl");
    }
    if (!(parsed instanceof List<?> list)) {
      throw new ParseException("Error parsing JSON RADL: a list of aspects was expected");
    }
    Radl radl = new Radl();
    for (Object o : list) {
      if (!(o instanceof Map<?, ?> m) || !(m.get("class") instanceof String kind)) {
        throw new ParseException("Error parsing JSON RADL: each aspect needs a 'class'");
      }
      Aspect a = new Aspect(kind, m.get("id") == null ? null : String.valueOf(m.get("id")));
      switch (kind) {
        case "deploy" -> {
          a.id = String.valueOf(m.get("system"));
          a.vmNumber = m.get("vm_number") instanceof Number n ? n.intValue() : 1;
          a.cloudId = m.get("cloud_id") == null ? null : String.valueOf(m.get("cloud_id"));
        }
        case "configure" -> a.recipe = m.get("recipes") == null ? null : String.valueOf(m.get("recipes"));
        case "contextualize" -> {
          if (m.get("items") instanceof List<?> items) {
            for (Object it : items) {
              if (it instanceof Map<?, ?> im) {
                StringBuilder sb = new StringBuilder();
                im.forEach((k, v) -> sb.append(k.equals("num") ? "step" : k).append(' ').append(v).append(' '));
                a.contextItems.add(sb.toString().trim());
              }
            }
          }
        }
        default -> {
          for (Map.Entry<?, ?> e : m.entrySet()) {
            String k = String.valueOf(e.getKey());
            if (k.equals("class") || k.equals("id")) {
              continue;
            }
            String op = "=";
            String name = k;
            if (k.endsWith("_min")) {
              op = ">=";
              name = k.substring(0, k.length() - 4);
            } else if (k.endsWith("_max")) {
              op = "<=";
              name = k.substring(0, k.length() - 4);
            }
            a.features.add(new Feature(name, op, e.getValue(), null));
          }
          a.bare = a.features.isEmpty() && !kind.equals("description");
        }
      }
      radl.aspects.add(a);
    }
    radl.check();
    return radl;
  }
}
