package io.github.imsdk.core.internal.retry;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/** Reads an HTTP {@code Retry-After} value: delta-seconds, or an HTTP date (RFC 1123) relative to {@code now}. */
public final class RetryAfter {

  /** Values beyond a day are treated as garbage rather than as a reason to block a call for days. */
  private static final long MAX_SECONDS = 86_400L;

  private RetryAfter() {}

  /**
   * Returns the pause a {@code Retry-After} value asks for: empty if the value is absent or unreadable; zero for
   * a date in the past.
   */
  public static Optional<Duration> parse(String value, Instant now) {
    if (value == null) {
      return Optional.empty();
    }
    String v = value.trim();
    if (v.isEmpty()) {
      return Optional.empty();
    }
    if (v.chars().allMatch(c -> c >= '0' && c <= '9')) {
      if (v.length() > 6) {
        return Optional.empty();
      }
      long seconds = Long.parseLong(v);
      return seconds > MAX_SECONDS ? Optional.empty() : Optional.of(Duration.ofSeconds(seconds));
    }
    try {
      Instant at = ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
      Duration d = Duration.between(now, at);
      if (d.isNegative()) {
        return Optional.of(Duration.ZERO);
      }
      return d.getSeconds() > MAX_SECONDS ? Optional.empty() : Optional.of(d);
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }
}
