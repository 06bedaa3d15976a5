package io.github.imsdk.auth.internal.jwt;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;

/**
 * Reads the {@code exp} claim of a JWT without checking its signature.
 *
 * <p>The SDK only needs to know when to fetch a new token; the server does the verification. Anything that is not
 * a three-part JWT with a JSON payload and a numeric {@code exp} yields an empty result, never an exception, and
 * the token itself never appears in a message.
 */
public final class JwtExpiry {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** The latest expiry reported: the end of year 9999; later (or absurd) values are clamped to it. */
  public static final Instant LATEST = Instant.parse("9999-12-31T23:59:59Z");

  private JwtExpiry() {}

  /** Returns the {@code exp} claim of {@code token} if it is a JWT that carries one. */
  public static Optional<Instant> of(String token) {
    if (token == null) {
      return Optional.empty();
    }
    int first = token.indexOf('.');
    int second = first < 0 ? -1 : token.indexOf('.', first + 1);
    if (first <= 0 || second < 0 || token.indexOf('.', second + 1) >= 0) {
      return Optional.empty();
    }
    try {
      byte[] payload = Base64.getUrlDecoder().decode(stripPadding(token.substring(first + 1, second)));
      JsonNode claims = JSON.readTree(new String(payload, StandardCharsets.UTF_8));
      JsonNode exp = claims == null ? null : claims.get("exp");
      if (exp == null || !exp.isNumber()) {
        return Optional.empty();
      }
      // exp is attacker- or bug-controlled: 9223372036854775807 or 1e30 must not throw DateTimeException out of
      // token(); anything past year 9999 (or before 1970) is clamped.
      double seconds = exp.asDouble();
      if (Double.isNaN(seconds)) {
        return Optional.empty();
      }
      if (seconds >= LATEST.getEpochSecond()) {
        return Optional.of(LATEST);
      }
      if (seconds <= 0) {
        return Optional.of(Instant.EPOCH);
      }
      return Optional.of(Instant.ofEpochSecond(exp.canConvertToLong() ? exp.asLong() : (long) seconds));
    } catch (IllegalArgumentException | java.io.IOException e) {
      // Not a JWT (or a corrupt one): the expiry is simply unknown.
      return Optional.empty();
    }
  }

  private static String stripPadding(String s) {
    int end = s.length();
    while (end > 0 && s.charAt(end - 1) == '=') {
      end--;
    }
    return s.substring(0, end);
  }
}
