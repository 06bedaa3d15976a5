package io.github.imsdk.core;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * One state change seen while waiting: of the infrastructure ({@link #vmId()} empty) or of one VM.
 *
 * <p>Each poll of {@code GET /infrastructures/{id}/state} yields one event for the infrastructure if its state
 * changed (or on the first reading), then one per VM whose state changed or that appeared, in VM order.
 *
 * @param elapsed time since the wait started
 * @param vmId the VM whose state changed; empty for the infrastructure itself
 * @param previous the state before; empty on the first reading of this infrastructure or VM
 * @param current the state now
 * @param snapshot the whole reading this change was found in
 */
public record WaitProgress(Duration elapsed, Optional<String> vmId, Optional<State> previous, State current,
    InfrastructureState snapshot) {

  /** Checks that no component is null. */
  public WaitProgress {
    Objects.requireNonNull(elapsed, "elapsed");
    Objects.requireNonNull(vmId, "vmId");
    Objects.requireNonNull(previous, "previous");
    Objects.requireNonNull(current, "current");
    Objects.requireNonNull(snapshot, "snapshot");
  }

  /** Tells whether this event is about the infrastructure rather than one VM. */
  public boolean isInfrastructure() {
    return vmId.isEmpty();
  }

  /** Returns e.g. {@code "VM 1: pending -> running after 1m 5s"}. */
  @Override
  public String toString() {
    String subject = vmId.map(id -> "VM " + id).orElse("infrastructure");
    String from = previous.map(s -> s.wire() + " -> ").orElse("");
    return subject + ": " + from + current.wire() + " after " + ImWaitException.format(elapsed);
  }
}
