package io.github.imsdk.core.internal.retry;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class RetryAfterTest {
  private static final Instant NOW = Instant.parse("2026-11-21T21:00:00Z");

  @Test
  void readsDeltaSeconds() {
    assertThat(RetryAfter.parse("7", NOW)).contains(Duration.ofSeconds(7));
    assertThat(RetryAfter.parse(" 0 ", NOW)).contains(Duration.ZERO);
  }

  @Test
  void readsAnHttpDateRelativeToNow() {
    assertThat(RetryAfter.parse("Sat, 21 Nov 2026 21:00:30 GMT", NOW)).contains(Duration.ofSeconds(30));
  }

  @Test
  void aDateInThePastMeansNoPause() {
    assertThat(RetryAfter.parse("Sat, 21 Nov 2026 20:00:00 GMT", NOW)).contains(Duration.ZERO);
  }

  @Test
  void ignoresGarbageNegativeAndAbsurdValues() {
    assertThat(RetryAfter.parse(null, NOW)).isEmpty();
    assertThat(RetryAfter.parse("", NOW)).isEmpty();
    assertThat(RetryAfter.parse("soon", NOW)).isEmpty();
    assertThat(RetryAfter.parse("-5", NOW)).isEmpty();
    assertThat(RetryAfter.parse("1.5", NOW)).isEmpty();
    assertThat(RetryAfter.parse("99999999999999999999", NOW)).isEmpty();
    assertThat(RetryAfter.parse("172800", NOW)).isEmpty();
    assertThat(RetryAfter.parse("Sat, 21 Nov 2027 21:00:00 GMT", NOW)).isEmpty();
  }
}
