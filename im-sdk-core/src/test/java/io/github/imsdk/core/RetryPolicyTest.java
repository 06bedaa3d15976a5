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
    RetryPolicy policy = RetryPolicy.builder().maxAttempts(6).callDeadline(Duration.ofMinutes(5))
        .backoff(Duration.ofSeconds(1), Duration.ofSeconds(30), 3).jitter(0.1).build();

    // When
    RetryPolicy copy = policy.toBuilder().build();

    // Then
    assertThat(copy).isEqualTo(policy).hasSameHashCodeAs(policy);
    assertThat(copy.toString()).contains("maxAttempts 6", "PT5M");
  }

  @Test
  void rejectsBadValuesNamingThem() {
    assertThatThrownBy(() -> RetryPolicy.builder().maxAttempts(0).build())
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maxAttempts");
    assertThatThrownBy(() -> RetryPolicy.builder().jitter(-0.1).build())
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("jitter");
    assertThatThrownBy(() -> RetryPolicy.builder().callDeadline(null).build())
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("callDeadline");
    assertThatThrownBy(() -> RetryPolicy.builder().backoff(Duration.ofSeconds(2), Duration.ofSeconds(1), 2).build())
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("shorter");
    assertThatThrownBy(() -> RetryPolicy.builder().backoff(Duration.ZERO, Duration.ZERO, 0.5).build())
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("multiplier");
    assertThatThrownBy(() -> RetryPolicy.builder().callDeadline(Duration.ofSeconds(-1)).build())
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("negative");
  }
}
