package io.github.imsdk.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class WaitTest {

  @Test
  void configuredHasImAwareDefaults() {
    // Given / When
    Wait wait = Wait.configured();

    // Then
    assertThat(wait.target()).contains(State.CONFIGURED);
    assertThat(wait.isDeletion()).isFalse();
    assertThat(wait.timeout()).isEqualTo(Duration.ofHours(3));
    assertThat(wait.unknownLimit()).isEqualTo(3);
    assertThat(wait.confirmations()).isEqualTo(2);
    assertThat(wait.initialInterval()).isEqualTo(Duration.ofSeconds(5));
    assertThat(wait.maxInterval()).isEqualTo(Duration.ofSeconds(60));
    assertThat(wait.describe()).isEqualTo("configured");
  }

  @Test
  void deletedWaitsForA404() {
    // Given / When
    Wait wait = Wait.deleted();

    // Then
    assertThat(wait.isDeletion()).isTrue();
    assertThat(wait.target()).isEmpty();
    assertThat(wait.timeout()).isEqualTo(Duration.ofMinutes(30));
    assertThat(wait.describe()).isEqualTo("deleted");
  }

  @Test
  void modifiersReturnCopiesAndLeaveTheOriginalAlone() {
    // Given
    Wait original = Wait.configured();

    // When
    Wait changed = original.withTimeout(Duration.ofMinutes(45)).withVm("0", State.CONFIGURED).withUnknownLimit(5)
        .withConfirmations(3).withJitter(0).withBackoff(Duration.ofSeconds(1), Duration.ofSeconds(2), 1.0)
        .withContmsgHeadLength(0);

    // Then
    assertThat(original).isEqualTo(Wait.configured());
    assertThat(changed).isNotEqualTo(original);
    assertThat(changed.timeout()).isEqualTo(Duration.ofMinutes(45));
    assertThat(changed.vmTargets()).containsEntry("0", State.CONFIGURED);
    assertThat(changed.describe()).isEqualTo("configured, VM 0 configured");
    assertThat(changed.toString()).contains("45M", "unknownLimit 5");
  }

  @Test
  void vmsWaitsOnlyForTheNamedVms() {
    // Given / When
    Wait wait = Wait.vms(State.RUNNING, "0", "2");

    // Then
    assertThat(wait.target()).isEmpty();
    assertThat(wait.vmTargets()).containsOnlyKeys("0", "2");
    assertThat(wait.describe()).isEqualTo("VM 0 running, VM 2 running");
  }

  @Test
  void rejectsBadValuesNamingThem() {
    assertThatThrownBy(() -> Wait.configured().withTimeout(Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("timeout");
    assertThatThrownBy(() -> Wait.state(State.UNKNOWN))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("unknown");
    assertThatThrownBy(() -> Wait.state(State.FAILED))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("failed");
    assertThatThrownBy(() -> Wait.vms(State.CONFIGURED))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least one VM");
    assertThatThrownBy(() -> Wait.configured().withVm(" ", State.CONFIGURED))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("blank");
    assertThatThrownBy(() -> Wait.deleted().withVm("0", State.OFF))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("deleted");
    assertThatThrownBy(() -> Wait.configured().withUnknownLimit(0))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("unknown limit");
    assertThatThrownBy(() -> Wait.configured().withConfirmations(0))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("confirmations");
    assertThatThrownBy(() -> Wait.configured().withJitter(2))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("jitter");
    assertThatThrownBy(() -> Wait.configured().withBackoff(Duration.ofSeconds(5), Duration.ofSeconds(1), 2))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("shorter");
    assertThatThrownBy(() -> Wait.configured().withBackoff(Duration.ofSeconds(1), Duration.ofSeconds(1), Double.NaN))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("multiplier");
    assertThatThrownBy(() -> Wait.configured().withContmsgHeadLength(-1))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("contmsg");
  }

  @Test
  void waitExceptionMessageIsShortAndKeepsTheLogOut() {
    // Given
    InfrastructureState last = new InfrastructureState(State.RUNNING, "running", java.util.Map.of("0", State.RUNNING));

    // When
    ImWaitException e = new ImWaitException(ImWaitException.Reason.TIMEOUT, InfrastructureId.of("abc"), "infrastructure abc", "configured",
        "the timeout passed", last, Duration.ofSeconds(3723), 12, "secret-looking log line", null);

    // Then
    assertThat(e.getMessage()).isEqualTo("Waiting for infrastructure abc to be configured timed out after 1h 2m 3s"
        + " (12 polls): the timeout passed; last state running (VMs: 0=running); contextualization log head in"
        + " contmsgHead() (23 chars)");
    assertThat(e.contmsgHead()).isEqualTo("secret-looking log line");
    assertThat(e.condition()).isEqualTo("configured");
    assertThat(e.infrastructureId()).contains(InfrastructureId.of("abc"));
  }
}
