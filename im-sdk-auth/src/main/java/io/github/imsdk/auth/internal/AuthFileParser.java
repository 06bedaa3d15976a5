package io.github.imsdk.auth.internal;

import io.github.imsdk.auth.AuthLine;
import io.github.imsdk.auth.CredentialValue;
import io.github.imsdk.auth.Credentials;
import io.github.imsdk.auth.ImCredentialsException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Parses the text of one IM auth file (an instance is used for one text only) ({@code auth.dat}) as the Python client reads it, with one deliberate
 * difference: a malformed pair is reported instead of silently ending its line.
 *
 * <p>{@code file(path)} and {@code command(cmd)} values are not evaluated here; they become values resolved at
 * request time. Error messages name the source and the line number but never quote a value, which may be secret.
 */
public final class AuthFileParser {

  private static final String BEARER_PREFIX = "Bearer ";
  /**
   * Keys IM's connectors read; only these are quoted in messages. Any other key may be a secret typed in the
   * wrong place, so it is named by its item position instead.
   */
  private static final Set<String> KNOWN_KEYS = Set.of(
      "id", "type", "username", "password", "token", "proxy", "private_key", "public_key", "key", "cert",
      "secret", "client_id", "client_secret", "access_key", "secret_key", "host", "tenant", "domain",
      "auth_version", "region", "project", "vo", "namespace", "subscription_id", "tenant_id", "tenant_domain_id",
      "api_version", "service_region", "service_name", "base_url", "network_url", "image_url", "volume_url",
      "microversion", "path", "mount_point", "role", "driver", "apps_dns", "token_type", "tenant_name", "Bearer");

  private final String source;
  private final Function<String, CredentialValue> commandValues;
  /** Lines with the same command share one value, so a provider it maps to is asked once per request. */
  private final Map<String, CredentialValue> commandCache = new java.util.HashMap<>();
  private final String refusalHint;

  /**
   * Creates a parser.
   *
   * @param source how to name the text in error messages (usually the file path)
   * @param commandValues maps the command line of a {@code command(...)} value to the value to use
   */
  public AuthFileParser(String source, Function<String, CredentialValue> commandValues) {
    this(source, commandValues, null);
  }

  /**
   * Creates a parser that, when {@code refusalHint} is not null, refuses {@code command(...)} and
   * {@code file(...)} values with a message ending in {@code refusalHint} (how to allow them).
   */
  public AuthFileParser(String source, Function<String, CredentialValue> commandValues, String refusalHint) {
    this.source = source;
    this.commandValues = commandValues;
    this.refusalHint = refusalHint;
  }

  /** Parses the whole text. */
  public Credentials parse(String text) {
    List<NumberedLine> content = new ArrayList<>();
    // A byte-order mark (Windows editors) would otherwise glue itself to the first key.
    String[] raw = (text.startsWith("\uFEFF") ? text.substring(1) : text).split("\n", -1);
    for (int i = 0; i < raw.length; i++) {
      String line = raw[i].strip();
      if (!line.isEmpty() && !line.startsWith("#")) {
        content.add(new NumberedLine(i + 1, line));
      }
    }
    for (NumberedLine l : content) {
      if (l.text.startsWith(BEARER_PREFIX) || l.text.equals("Bearer")) {
        if (content.size() != 1) {
          throw error(l.number, "a 'Bearer <token>' line must be the only credential line of an auth file");
        }
        return Credentials.bearer(bearerToken(l));
      }
    }
    List<AuthLine> lines = new ArrayList<>();
    for (NumberedLine l : content) {
      lines.add(parseLine(l));
    }
    return Credentials.of(lines);
  }

  private CredentialValue bearerToken(NumberedLine l) {
    String token = l.text.length() > BEARER_PREFIX.length() ? l.text.substring(BEARER_PREFIX.length()).strip() : "";
    if (token.length() >= 2 && (token.charAt(0) == '\'' || token.charAt(0) == '"')
        && token.charAt(token.length() - 1) == token.charAt(0)) {
      token = token.substring(1, token.length() - 1).strip();
    }
    if (token.isEmpty()) {
      throw error(l.number, "the 'Bearer' line has no token");
    }
    return value(l.number, "Bearer", token);
  }

  private AuthLine parseLine(NumberedLine l) {
    List<String> items = splitItems(l);
    Map<String, String> pairs = new LinkedHashMap<>();
    Map<String, Integer> itemOf = new LinkedHashMap<>();
    for (int i = 0; i < items.size(); i++) {
      String item = items.get(i);
      if (item.isBlank()) {
        if (i == items.size() - 1 && i > 0) {
          continue; // a trailing ';' is harmless, for the Python client too
        }
        throw error(l.number, "item " + (i + 1) + " is empty (two ';' in a row, or a ';' at the start)");
      }
      List<String> kv = AuthHeaderCodec.split(item, '=', true);
      String key = kv.get(0).strip();
      int item1 = i + 1;
      if (key.isEmpty() && (kv.size() > 1 || item.strip().startsWith("="))) {
        throw error(l.number, "item " + item1 + after(itemOf) + " has no key before '='");
      }
      if (kv.size() == 1 && item.strip().endsWith("=")) {
        throw error(l.number, "the value of " + shown(key, item1) + " is empty; write key = '' for an empty value"
            + " (IM and the Python client would drop the rest of the line)");
      }
      if (kv.size() == 1) {
        throw error(l.number, "item " + item1 + after(itemOf) + " has no '='; write it as key = value");
      }
      if (kv.size() > 2 || countOutsideQuotes(item, '=') > 1) {
        throw error(l.number, "the value of " + shown(key, item1) + " contains '=' outside quotes; quote it:"
            + " key = '...'");
      }
      if (pairs.containsKey(key)) {
        throw error(l.number, (KNOWN_KEYS.contains(key) ? "key " : "") + shown(key, item1) + " is given twice");
      }
      pairs.put(key, kv.get(1).strip().replace(AuthHeaderCodec.LINE_SEPARATOR, "\n"));
      itemOf.put(key, item1);
    }
    String type = pairs.remove("type");
    if (type == null || type.isBlank()) {
      throw error(l.number, "the line has no 'type' (e.g. type = InfrastructureManager)");
    }
    AuthLine.Builder b = AuthLine.builder(type);
    String id = pairs.remove("id");
    if (id != null) {
      try {
        b.id(id);
      } catch (IllegalArgumentException e) {
        throw error(l.number, e.getMessage());
      }
    }
    pairs.forEach((k, v) -> b.set(k, value(l.number, k, v)));
    return b.build();
  }

  private static String after(Map<String, Integer> itemOf) {
    return itemOf.isEmpty() ? "" : " (after " + itemOf.entrySet().stream()
        .map(e -> shown(e.getKey(), e.getValue())).collect(Collectors.joining(", ")) + ")";
  }

  private CredentialValue value(int lineNumber, String key, String text) {
    if (refusalHint != null && (text.startsWith("command(") || text.startsWith("file(")) && text.endsWith(")")) {
      throw error(lineNumber, "the " + (text.startsWith("command(") ? "command(...)" : "file(...)") + " of "
          + shown(key) + " is refused: " + refusalHint);
    }
    if (text.startsWith("command(") && text.endsWith(")")) {
      String commandLine = text.substring("command(".length(), text.length() - 1).strip();
      if (commandLine.isEmpty()) {
        throw error(lineNumber, "the command(...) of " + shown(key) + " is empty");
      }
      CredentialValue v = commandCache.get(commandLine);
      if (v != null) {
        return v;
      }
      try {
        v = commandValues.apply(commandLine);
      } catch (RuntimeException e) {
        throw new ImCredentialsException(where(lineNumber) + "the command(...) of " + shown(key)
            + " is not usable: " + e.getMessage(), e);
      }
      if (v == null) {
        throw error(lineNumber, "the command(...) of " + shown(key) + " was mapped to no value");
      }
      commandCache.put(commandLine, v);
      return v;
    }
    if (text.startsWith("file(") && text.endsWith(")")) {
      String path = text.substring("file(".length(), text.length() - 1).strip();
      if (path.isEmpty()) {
        throw error(lineNumber, "the file(...) of " + shown(key) + " names no file");
      }
      try {
        return CredentialValue.file(Path.of(path));
      } catch (InvalidPathException e) {
        throw error(lineNumber, "the file(...) of " + shown(key) + " is not a valid path: " + e.getReason());
      }
    }
    return CredentialValue.of(text);
  }

  /** Counts {@code c} outside quotes: IM silently drops what follows a second '=' (e.g. base64 padding). */
  private static int countOutsideQuotes(String text, char c) {
    int count = 0;
    char quote = 0;
    for (int i = 0; i < text.length(); i++) {
      char ch = text.charAt(i);
      if (quote != 0) {
        if (ch == quote) {
          quote = 0;
        }
      } else if (ch == '\'' || ch == '"') {
        quote = ch;
      } else if (ch == c) {
        count++;
      }
    }
    return count;
  }

  /** Splits a line on ';' outside quotes, keeping the quotes; reports an unterminated quote. */
  private List<String> splitItems(NumberedLine l) {
    char quote = 0;
    int openedAt = -1;
    for (int i = 0; i < l.text.length(); i++) {
      char c = l.text.charAt(i);
      if (quote != 0) {
        if (c == quote) {
          quote = 0;
        }
      } else if (c == '\'' || c == '"') {
        quote = c;
        openedAt = i;
      }
    }
    if (quote != 0) {
      throw error(l.number, "unterminated " + quote + " quote opened at column " + (openedAt + 1));
    }
    return AuthHeaderCodec.split(l.text, ';', false);
  }

  /**
   * Quotes a key for an error message. A key IM does not know may be a secret typed in the wrong place
   * (e.g. {@code hunter2 = x} or {@code password: s3cret = x}), so it is named by its item position instead.
   */
  static String shown(String key) {
    return KNOWN_KEYS.contains(key) ? "'" + key + "'" : "a key that is not a known auth key";
  }

  private static String shown(String key, int item) {
    return KNOWN_KEYS.contains(key) ? "'" + key + "'" : "the key of item " + item;
  }

  private String where(int lineNumber) {
    return "auth file " + source + ", line " + lineNumber + ": ";
  }

  private ImCredentialsException error(int lineNumber, String message) {
    return new ImCredentialsException(where(lineNumber) + message);
  }

  private record NumberedLine(int number, String text) {}
}
