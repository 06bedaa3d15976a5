package io.github.imsdk.auth.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.github.imsdk.auth.AuthLine;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Encodes resolved auth lines into the IM {@code Authorization} header and decodes a header the way the IM server
 * does ({@code IM/auth.py} and the REST pre-processing, as documented in the project's REST reference).
 */
public final class AuthHeaderCodec {

  /** The line separator on the wire: backslash followed by {@code n}, two characters. */
  public static final String LINE_SEPARATOR = "\\n";

  /** A newline inside a value on the wire: backslash, backslash, {@code n}, three characters. */
  static final String VALUE_NEWLINE = "\\\\n";

  /**
   * The JSON form's mapper, built on first use: a header is almost never JSON, and building a mapper loads some 380
   * classes, which a one-shot command line paid at start-up when this was a plain static field.
   */
  private static final class Json {
    // Escaping every non-ASCII character keeps the header ASCII; the codec also escapes '\' and control
    // characters as \\uXXXX below, so the JSON form never contains the backslash-n pair the server splits on.
    static final ObjectMapper MAPPER = JsonMapper.builder()
        .enable(JsonWriteFeature.ESCAPE_NON_ASCII)
        .build();
  }

  private AuthHeaderCodec() {}

  /** Encodes lines (ordered key/value pairs, already resolved) into a header value. */
  public static String encode(List<Map<String, String>> lines) {
    boolean json = lines.stream().anyMatch(AuthHeaderCodec::needsJson);
    return json ? encodeJson(lines) : encodeLines(lines);
  }

  private static String encodeLines(List<Map<String, String>> lines) {
    StringBuilder sb = new StringBuilder();
    for (Map<String, String> line : lines) {
      if (sb.length() > 0) {
        sb.append(LINE_SEPARATOR);
      }
      boolean first = true;
      for (Map.Entry<String, String> e : line.entrySet()) {
        if (!first) {
          sb.append("; ");
        }
        first = false;
        sb.append(e.getKey()).append(" = ").append(quoteIfNeeded(e.getValue()));
      }
    }
    return sb.toString();
  }

  private static String quoteIfNeeded(String value) {
    if (value.isEmpty()) {
      return "''"; // IM drops an unquoted empty value together with the rest of its line
    }
    String v = value.replace("\n", VALUE_NEWLINE);
    boolean single = value.indexOf('\'') >= 0;
    boolean dbl = value.indexOf('"') >= 0;
    if (single) {
      return '"' + v + '"';
    }
    if (dbl || value.indexOf(';') >= 0 || value.indexOf('=') >= 0) {
      return '\'' + v + '\'';
    }
    return v;
  }

  /** Tells whether a line holds something the {@code key = value} syntax cannot carry. */
  static boolean needsJson(Map<String, String> line) {
    for (Map.Entry<String, String> e : line.entrySet()) {
      String k = e.getKey();
      if (k.isEmpty() || !k.equals(k.trim()) || hasAny(k, ";='\"#\\") || !plainAscii(k)) {
        return true;
      }
      String v = e.getValue();
      if (!v.equals(v.strip())) {
        return true; // the server trims values, even inside quotes
      }
      if (v.indexOf('\'') >= 0 && v.indexOf('"') >= 0) {
        return true;
      }
      if (v.indexOf('\\') >= 0) {
        return true; // a backslash next to 'n' would be read as a separator or a newline
      }
      for (int i = 0; i < v.length(); i++) {
        char c = v.charAt(i);
        if (c != '\n' && (c < 0x20 || c > 0x7e)) {
          return true;
        }
      }
    }
    return false;
  }

  private static boolean hasAny(String s, String chars) {
    for (int i = 0; i < chars.length(); i++) {
      if (s.indexOf(chars.charAt(i)) >= 0) {
        return true;
      }
    }
    return false;
  }

  private static boolean plainAscii(String s) {
    return s.chars().allMatch(c -> c > 0x20 && c < 0x7f);
  }

  private static String encodeJson(List<Map<String, String>> lines) {
    String json;
    try {
      json = Json.MAPPER.writeValueAsString(lines);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write credentials as JSON", e);
    }
    // Jackson writes '\\', '\n' and other control characters with a backslash escape; rewrite those escapes as
    // \\uXXXX so that no backslash is followed by 'n' (the server splits on that pair before parsing JSON).
    StringBuilder out = new StringBuilder(json.length() + 16);
    for (int i = 0; i < json.length(); i++) {
      char c = json.charAt(i);
      if (c == '\\' && i + 1 < json.length()) {
        char n = json.charAt(i + 1);
        String replacement = switch (n) {
          case '\\' -> "\\u005c";
          case 'n' -> "\\u000a";
          case 'r' -> "\\u000d";
          case 't' -> "\\u0009";
          case 'b' -> "\\u0008";
          case 'f' -> "\\u000c";
          case '"' -> "\\u0022";
          case '/' -> "\\u002f";
          default -> null;
        };
        if (replacement != null) {
          out.append(replacement);
          i++;
          continue;
        }
      }
      out.append(c);
    }
    return out.toString();
  }

  /** Decodes a header value into auth lines, following the server's rules. */
  public static List<AuthLine> decode(String header) {
    String text = header.replace(VALUE_NEWLINE, "\n");
    String[] rawLines = text.split("\\\\n", -1);
    if (rawLines.length == 1) {
      List<AuthLine> fromJson = tryJson(rawLines[0].trim());
      if (fromJson != null) {
        return fromJson;
      }
    }
    List<AuthLine> out = new ArrayList<>();
    for (String raw : rawLines) {
      String line = raw.trim();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      toLine(parseLine(line)).ifPresent(out::add);
    }
    return out;
  }

  /** Splits one auth line into ordered pairs, stopping at the first malformed pair as the server does. */
  public static Map<String, String> parseLine(String line) {
    Map<String, String> pairs = new java.util.LinkedHashMap<>();
    for (String item : split(line, ';', false)) {
      List<String> kv = split(item, '=', true);
      if (kv.size() != 2) {
        break;
      }
      String key = kv.get(0).trim();
      String value = kv.get(1).trim().replace(LINE_SEPARATOR, "\n");
      pairs.put(key, value);
    }
    return pairs;
  }

  /**
   * Splits on {@code sep} outside single or double quotes; optionally drops the quote characters. As in IM
   * ({@code split_line}), a blank last part is dropped unless the text contains a quote, so {@code key = } splits
   * into one part (a malformed pair) while {@code key = ''} splits into two.
   */
  static List<String> split(String s, char sep, boolean dropQuotes) {
    List<String> parts = new ArrayList<>();
    StringBuilder cur = new StringBuilder();
    char quote = 0;
    boolean hasQuotes = false;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (quote != 0) {
        if (c == quote) {
          quote = 0;
          if (dropQuotes) {
            continue;
          }
        }
        cur.append(c);
      } else if (c == '\'' || c == '"') {
        quote = c;
        hasQuotes = true;
        if (!dropQuotes) {
          cur.append(c);
        }
      } else if (c == sep) {
        parts.add(cur.toString());
        cur.setLength(0);
      } else {
        cur.append(c);
      }
    }
    if (!cur.toString().isBlank() || hasQuotes) {
      parts.add(cur.toString());
    }
    return parts;
  }

  private static java.util.Optional<AuthLine> toLine(Map<String, String> pairs) {
    String type = pairs.get("type");
    if (type == null || type.isBlank()) {
      return java.util.Optional.empty();
    }
    AuthLine.Builder b = AuthLine.builder(type);
    String id = pairs.get("id");
    if (id != null) {
      b.id(id);
    }
    pairs.forEach((k, v) -> {
      if (!k.equals("id") && !k.equals("type") && !k.isEmpty()) {
        b.set(k, v);
      }
    });
    return java.util.Optional.of(b.build());
  }

  private static List<AuthLine> tryJson(String text) {
    if (!text.startsWith("[")) {
      return null;
    }
    JsonNode node;
    try {
      node = Json.MAPPER.readTree(text);
    } catch (JsonProcessingException e) {
      return null;
    }
    if (!node.isArray()) {
      return null;
    }
    List<AuthLine> out = new ArrayList<>();
    for (JsonNode item : node) {
      if (!item.isObject()) {
        return null;
      }
      Map<String, String> pairs = new java.util.LinkedHashMap<>();
      item.fields().forEachRemaining(e ->
          pairs.put(e.getKey(), e.getValue().isTextual() ? e.getValue().asText() : e.getValue().toString()));
      toLine(pairs).ifPresent(out::add);
    }
    return out;
  }
}
