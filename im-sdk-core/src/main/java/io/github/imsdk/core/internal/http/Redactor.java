package io.github.imsdk.core.internal.http;

import io.github.imsdk.auth.AuthLine;
import io.github.imsdk.auth.CredentialValue;
import io.github.imsdk.auth.Credentials;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Removes secrets from text that may end up in an exception message or a log line: the Authorization value
 * that was sent, each secret value in it, anything shaped like a JWT, {@code Bearer} tokens, and the values of
 * secret-named keys ({@code password}, {@code private_key}, {@code public_key}, {@code token}, {@code secret*},
 * with any prefix such as {@code disk.0.os.credentials.}) in RADL ({@code key = 'v'}, {@code key = "v"},
 * {@code key = v}) and JSON ({@code "key": "v"}) form, because IM echoes the user's RADL in its messages.
 *
 * <p>Known secret values are masked by length: a value of {@value #SUBSTRING_SECRET_LENGTH} or more characters
 * wherever it occurs, even inside a longer token ({@code xyzSECRETxyz}, a URL, a JSON string); a shorter value
 * (down to one character) wherever it stands as a whole token, that is not next to a letter or digit, so a
 * 3-character password {@code p9x} is masked in {@code "login p9x failed"} but {@code "p9xylophone"} is left alone.
 * A short secret glued inside a longer word therefore stays visible; masking it there would mangle ordinary text.
 */
public final class Redactor {

  /** What replaces a secret. */
  public static final String MASK = "***";

  private static final Pattern JWT = Pattern.compile("eyJ[A-Za-z0-9_-]{4,}\\.[A-Za-z0-9_-]{4,}\\.[A-Za-z0-9_-]*");
  private static final Pattern BEARER = Pattern.compile("(?i)(bearer\\s+)[^\\s\"',;]+");
  // Key names whose values are secret, with any prefix: disk.0.os.credentials.password, access_token, ...
  private static final String SECRET_KEY =
      "[A-Za-z0-9_.]*(?:password|private_key|public_key|token|secret)[A-Za-z0-9_]*";
  // RADL: key = 'v', key = "v" (either may span lines, or be cut off by the end of the text), key = v.
  private static final Pattern RADL_PAIR = Pattern.compile(
      "(?i)(?<![A-Za-z0-9_.])(" + SECRET_KEY + "\\s*=\\s*)('[^']*'?|\"[^\"]*\"?|[^\\s,;)'\"]+)");
  // JSON "key": "v" and the Python form 'key': 'v' that IM prints in its messages.
  private static final Pattern JSON_PAIR = Pattern.compile(
      "(?i)([\"']" + SECRET_KEY + "[\"']\\s*:\\s*)(\"(?:[^\"\\\\]|\\\\.)*\"|'(?:[^'\\\\]|\\\\.)*')");
  // Values at least this long are masked even inside a longer token; shorter ones only as a whole token.
  static final int SUBSTRING_SECRET_LENGTH = 6;

  private final List<String> secrets;

  private Redactor(List<String> secrets) {
    this.secrets = secrets;
  }

  /** Returns a redactor that only applies the generic JWT and bearer patterns. */
  public static Redactor generic() {
    return new Redactor(List.of());
  }

  /**
   * Returns a redactor for the header value {@code authorization} that was sent: it masks the whole value and
   * every non-public value of its lines.
   */
  public static Redactor forHeader(String authorization) {
    if (authorization == null || authorization.isEmpty()) {
      return generic();
    }
    List<String> s = new ArrayList<>();
    s.add(authorization);
    try {
      for (AuthLine line : Credentials.parseHeader(authorization).lines()) {
        for (Map.Entry<String, CredentialValue> e : line.values().entrySet()) {
          if (!line.isPublicKey(e.getKey())) {
            addSecret(s, e.getValue().resolve());
          }
        }
      }
    } catch (RuntimeException e) {
      // A header the codec cannot decode is still masked as a whole; its parts are covered by the patterns.
    }
    int space = authorization.indexOf(' ');
    if (space > 0) {
      addSecret(s, authorization.substring(space + 1).trim());
    }
    s.sort(Comparator.comparingInt(String::length).reversed());
    return new Redactor(List.copyOf(s));
  }

  private static void addSecret(List<String> s, String value) {
    if (value != null && !value.isBlank()) {
      s.add(value);
      // The header carries in-value newlines as backslash-backslash-n.
      if (value.contains("\n")) {
        s.add(value.replace("\n", "\\\\n"));
      }
    }
  }

  /** Returns {@code text} with every known secret and token-shaped string replaced by {@value #MASK}. */
  public String scrub(String text) {
    if (text == null || text.isEmpty()) {
      return text;
    }
    String out = text;
    for (String secret : secrets) {
      if (secret.length() >= SUBSTRING_SECRET_LENGTH) {
        out = out.replace(secret, MASK);
      } else {
        // Whole-token matches only: a password "pass" must not turn "password" into "***word".
        out = Pattern.compile("(?<![A-Za-z0-9])" + Pattern.quote(secret) + "(?![A-Za-z0-9])").matcher(out)
            .replaceAll(Matcher.quoteReplacement(MASK));
      }
    }
    out = JWT.matcher(out).replaceAll(MASK);
    out = BEARER.matcher(out).replaceAll("$1" + MASK);
    out = JSON_PAIR.matcher(out).replaceAll(m -> Matcher.quoteReplacement(m.group(1) + quoted(m.group(2))));
    return RADL_PAIR.matcher(out).replaceAll(m -> Matcher.quoteReplacement(m.group(1) + quoted(m.group(2))));
  }

  /** Returns the mask in the quotes {@code value} had, if any. */
  private static String quoted(String value) {
    char q = value.charAt(0);
    return q == '\'' || q == '"' ? q + MASK + q : MASK;
  }
}
