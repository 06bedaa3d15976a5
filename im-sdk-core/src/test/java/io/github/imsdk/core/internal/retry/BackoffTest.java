package io.github.imsdk.core.internal.retry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class BackoffTest {

  @Test
  void growsExponentiallyUpToTheCapWithoutJitter() {
    // Given
    Backoff backoff = new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(10), 2.0, 0.0);

    // When / Then
    assertThat(backoff.delay(0, () -> 0.7)).isEqualTo(Duration.ofSeconds(1));
    assertThat(backoff.delay(1, () -> 0.7)).isEqualTo(Duration.ofSeconds(2));
    assertThat(backoff.delay(3, () -> 0.7)).isEqualTo(Duration.ofSeconds(8));
    assertThat(backoff.delay(4, () -> 0.7)).isEqualTo(Duration.ofSeconds(10));
    assertThat(backoff.delay(1000, () -> 0.7)).isEqualTo(Duration.ofSeconds(10));
  }

  @Test
  void jitterOnlyShortensAndStaysWithinItsFraction() {
    // Given
    Backoff backoff = new Backoff(Duration.ofSeconds(4), Duration.ofSeconds(4), 1.0, 0.25);

    // When / Then
    assertThat(backoff.delay(0, () -> 0.0)).isEqualTo(Duration.ofSeconds(4));
    assertThat(backoff.delay(0, () -> 0.5)).isEqualTo(Duration.ofMillis(3500));
    assertThat(backoff.delay(0, () -> 0.999999)).isGreaterThanOrEqualTo(Duration.ofSeconds(3));
    assertThat(backoff.delay(0, () -> 7.0)).isEqualTo(Duration.ofSeconds(3)); // out-of-range random is clamped
  }

  @Test
  void rejectsInconsistentSettingsNamingTheValue() {
    assertThatThrownBy(() -> new Backoff(Duration.ofSeconds(2), Duration.ofSeconds(1), 2, 0))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("shorter than initial");
    assertThatThrownBy(() -> new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(1), 0.5, 0))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("multiplier");
    assertThatThrownBy(() -> new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(1), 1, 1.5))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("jitter");
    assertThatThrownBy(() -> new Backoff(Duration.ofSeconds(-1), Duration.ofSeconds(1), 1, 0))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("negative");
  }
}
