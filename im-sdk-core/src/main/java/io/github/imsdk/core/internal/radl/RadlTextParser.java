package io.github.imsdk.core.internal.radl;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads the RADL text IM prints for VM information into {@link RadlAspect}s with RADL-JSON feature keys, so that
 * a server answering text instead of JSON still gives a {@code VmInfo}.
 *
 * <p>It understands the subset IM prints: {@code network}, {@code system}, {@code description} and similar
 * blocks of {@code feature op value} joined by {@code and}; {@code configure} blocks and {@code deploy} lines
 * are skipped. IM does not escape quotes inside strings, so a string ends at a quote followed by {@code and} or
 * the closing parenthesis.
 */
public final class RadlTextParser {

  private final String s;
  private int pos;

  private RadlTextParser(String s) {
    this.s = s;
  }

  /**
   * Parses RADL text.
   *
   * @throws IllegalArgumentException with the offset and reason if the text is not RADL this parser understands
   */
  public static List<RadlAspect> parse(String radl) {
    return new RadlTextParser(radl).aspects();
  }

  private List<RadlAspect> aspects() {
    List<RadlAspect> out = new ArrayList<>();
    while (true) {
      skipSpace();
      if (pos >= s.length()) {
        return out;
      }
      String kind = word();
      switch (kind) {
        case "deploy" -> skipLine();
        case "configure" -> {
          skipSpace();
          word();
          skipSpace();
          expect('(');
          int end = s.indexOf("@end", pos);
          pos = end < 0 ? s.indexOf(')', pos) : end + 4;
          if (pos < 0) {
            throw error("unterminated configure block");
          }
          skipSpace();
          expect(')');
        }
        case "contextualize" -> {
          skipBalanced();
        }
        default -> {
          skipSpace();
          String id = word();
          skipSpace();
          expect('(');
          out.add(new RadlAspect(kind, id, features()));
        }
      }
    }
  }

  private Map<String, Object> features() {
    Map<String, Object> f = new LinkedHashMap<>();
    skipSpace();
    if (peek() == ')') {
      pos++;
      return f;
    }
    while (true) {
      skipSpace();
      String name = word();
      skipSpace();
      String key;
      if (s.startsWith(">=", pos)) {
        pos += 2;
        key = name + "_min";
      } else if (s.startsWith("<=", pos)) {
        pos += 2;
        key = name + "_max";
      } else if (s.startsWith("=", pos)) {
        pos += 1;
        key = name;
      } else if (s.startsWith("contains", pos)) {
        pos += "contains".length();
        key = name;
      } else {
        throw error("expected an operator after '" + name + "'");
      }
      skipSpace();
      f.put(key, value());
      skipSpace();
      if (peek() == ')') {
        pos++;
        return f;
      }
      if (s.startsWith("and", pos)) {
        pos += 3;
        continue;
      }
      throw error("expected 'and' or ')' after feature '" + name + "'");
    }
  }

  private Object value() {
    char c = peek();
    if (c == '\'' || c == '"') {
      return string(c);
    }
    if (c == '(') {
      int start = pos;
      skipBalanced();
      return s.substring(start, pos);
    }
    int start = pos;
    while (pos < s.length() && (Character.isLetterOrDigit(s.charAt(pos)) || s.charAt(pos) == '.'
        || s.charAt(pos) == '-' || s.charAt(pos) == '_')) {
      pos++;
    }
    String token = s.substring(start, pos);
    if (token.isEmpty()) {
      throw error("expected a value");
    }
    return number(token);
  }

  private String string(char quote) {
    int start = ++pos;
    while (true) {
      int q = s.indexOf(quote, pos);
      if (q < 0) {
        throw error("unterminated string");
      }
      int after = q + 1;
      while (after < s.length() && Character.isWhitespace(s.charAt(after))) {
        after++;
      }
      if (after >= s.length() || s.charAt(after) == ')'
          || (s.startsWith("and", after) && (after + 3 >= s.length()
              || Character.isWhitespace(s.charAt(after + 3))))) {
        pos = q + 1;
        return s.substring(start, q);
      }
      pos = q + 1;
    }
  }

  /** The longest number (digits, point and sign) converted; longer ones stay text. */
  static final int MAX_NUMBER_CHARS = 64;

  /** Converts {@code 4096M}, {@code 8g}, {@code 2}, {@code 1.5} to a number in base units; other words stay text. */
  static Object number(String token) {
    int i = 0;
    while (i < token.length() && (Character.isDigit(token.charAt(i)) || token.charAt(i) == '.'
        || (i == 0 && token.charAt(i) == '-'))) {
      i++;
    }
    if (i == 0 || (i == 1 && token.charAt(0) == '-')) {
      return token;
    }
    if (i > MAX_NUMBER_CHARS) {
      // No RADL quantity needs more digits; BigDecimal's parse is quadratic (a 1,000,000-digit number from a
      // server took 45 s), so such a token stays text.
      return token;
    }
    BigDecimal n;
    try {
      n = new BigDecimal(token.substring(0, i));
    } catch (NumberFormatException e) {
      return token;
    }
    String unit = token.substring(i).toUpperCase(Locale.ROOT);
    BigDecimal factor = switch (unit) {
      case "", "B" -> BigDecimal.ONE;
      case "K", "KB" -> BigDecimal.TEN.pow(3);
      case "KI", "KIB" -> BigDecimal.valueOf(1L << 10);
      case "M", "MB" -> BigDecimal.TEN.pow(6);
      case "MI", "MIB" -> BigDecimal.valueOf(1L << 20);
      case "G", "GB" -> BigDecimal.TEN.pow(9);
      case "GI", "GIB" -> BigDecimal.valueOf(1L << 30);
      case "T", "TB" -> BigDecimal.TEN.pow(12);
      case "TI", "TIB" -> BigDecimal.valueOf(1L << 40);
      default -> null;
    };
    if (factor == null) {
      return token;
    }
    BigDecimal v = n.multiply(factor);
    try {
      return v.longValueExact();
    } catch (ArithmeticException e) {
      return v;
    }
  }

  private void skipBalanced() {
    skipSpace();
    expect('(');
    int depth = 1;
    while (pos < s.length() && depth > 0) {
      char c = s.charAt(pos++);
      if (c == '(') {
        depth++;
      } else if (c == ')') {
        depth--;
      } else if (c == '\'' || c == '"') {
        int q = s.indexOf(c, pos);
        pos = q < 0 ? s.length() : q + 1;
      }
    }
    if (depth > 0) {
      throw error("unbalanced parentheses");
    }
  }

  private String word() {
    int start = pos;
    while (pos < s.length()) {
      char c = s.charAt(pos);
      if (Character.isLetterOrDigit(c) || c == '_' || c == '.' || c == '-' || c == '#') {
        pos++;
      } else {
        break;
      }
    }
    if (start == pos) {
      throw error("expected a name");
    }
    return s.substring(start, pos);
  }

  private void skipLine() {
    int nl = s.indexOf('\n', pos);
    pos = nl < 0 ? s.length() : nl + 1;
  }

  private void skipSpace() {
    while (pos < s.length()) {
      char c = s.charAt(pos);
      if (Character.isWhitespace(c)) {
        pos++;
      } else if (c == '#') {
        skipLine();
      } else {
        break;
      }
    }
  }

  private char peek() {
    return pos < s.length() ? s.charAt(pos) : '\0';
  }

  private void expect(char c) {
    if (peek() != c) {
      throw error("expected '" + c + "'");
    }
    pos++;
  }

  private IllegalArgumentException error(String why) {
    int line = 1;
    for (int i = 0; i < Math.min(pos, s.length()); i++) {
      if (s.charAt(i) == '\n') {
        line++;
      }
    }
    return new IllegalArgumentException("RADL line " + line + ": " + why);
  }
}
