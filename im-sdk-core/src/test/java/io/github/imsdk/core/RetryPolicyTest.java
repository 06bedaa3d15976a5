package io.github.imsdk.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {

  @Test
  void defaultsAreFourAttemptsWithinTwoMinutes() {
    // Given / When
    RetryPolicy policy = RetryPolicy.defaults();

    // Then
    assertThat(policy.maxAttempts()).isEqualTo(4);
    assertThat(policy.initialBackoff()).isEqualTo(Duration.ofMillis(500));
    assertThat(policy.maxBackoff()).isEqualTo(Duration.ofSeconds(10));
    assertThat(policy.callDeadline()).isEqualTo(Duration.ofMinutes(2));
    assertThat(RetryPolicy.none().maxAttempts()).isEqualTo(1);
  }

  @Test
  void roundTripsThroughItsBuilder() {
    // Given
    RetryPolicy policy = RetryPolicy.defaults().withMaxAttempts(6).withCallDeadline(Duration.ofMinutes(5))
        .withBackoff(Duration.ofSeconds(1), Duration.ofSeconds(30), 3).withJitter(0.1);

    // When
    RetryPolicy copy = RetryPolicy.defaults().withJitter(0.1).withMaxAttempts(6)
        .withBackoff(Duration.ofSeconds(1), Duration.ofSeconds(30), 3).withCallDeadline(Duration.ofMinutes(5));

    // Then
    assertThat(copy).isEqualTo(policy).hasSameHashCodeAs(policy);
    assertThat(copy.toString()).contains("maxAttempts 6", "PT5M");
    // and each with* left the value it was called on as it was
    assertThat(RetryPolicy.defaults().maxAttempts()).isEqualTo(4);
    assertThat(RetryPolicy.defaults().jitter()).isEqualTo(0.5);
  }

  @Test
  void rejectsBadValuesNamingThem() {
    assertThatThrownBy(() -> RetryPolicy.defaults().withMaxAttempts(0))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maxAttempts");
    assertThatThrownBy(() -> RetryPolicy.defaults().withJitter(-0.1))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("jitter");
    assertThatThrownBy(() -> RetryPolicy.defaults().withCallDeadline(null))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("callDeadline");
    assertThatThrownBy(() -> RetryPolicy.defaults().withBackoff(Duration.ofSeconds(2), Duration.ofSeconds(1), 2))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("shorter");
    assertThatThrownBy(() -> RetryPolicy.defaults().withBackoff(Duration.ZERO, Duration.ZERO, 0.5))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("multiplier");
    assertThatThrownBy(() -> RetryPolicy.defaults().withCallDeadline(Duration.ofSeconds(-1)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("negative");
  }
}
