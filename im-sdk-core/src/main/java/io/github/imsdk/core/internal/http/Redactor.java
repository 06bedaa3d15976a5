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
 * that was sent, each secret value in it, anything shaped like a JWT, and {@code Bearer} tokens.
 */
public final class Redactor {

  /** What replaces a secret. */
  public static final String MASK = "***";

  private static final Pattern JWT = Pattern.compile("eyJ[A-Za-z0-9_-]{4,}\\.[A-Za-z0-9_-]{4,}\\.[A-Za-z0-9_-]*");
  private static final Pattern BEARER = Pattern.compile("(?i)(bearer\\s+)[^\\s\"',;]+");
  // Values this short are too likely to match ordinary words; the JWT/bearer patterns still apply.
  private static final int MIN_SECRET_LENGTH = 4;

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
    if (value != null && value.length() >= MIN_SECRET_LENGTH) {
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
      // Whole-token matches only: a password "pass" must not turn "password" into "***word".
      out = Pattern.compile("(?<![A-Za-z0-9])" + Pattern.quote(secret) + "(?![A-Za-z0-9])").matcher(out)
          .replaceAll(Matcher.quoteReplacement(MASK));
    }
    out = JWT.matcher(out).replaceAll(MASK);
    return BEARER.matcher(out).replaceAll("$1" + MASK);
  }
}
