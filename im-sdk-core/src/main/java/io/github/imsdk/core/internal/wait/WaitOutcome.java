package io.github.imsdk.core.internal.wait;

import io.github.imsdk.core.InfrastructureState;
import java.time.Duration;
import java.util.Optional;

/**
 * The result of a successful wait.
 *
 * @param lastState the last state read; empty when waiting for deletion and the first poll already got 404
 * @param elapsed the time the wait took
 * @param polls how many times the state was requested
 */
public record WaitOutcome(Optional<InfrastructureState> lastState, Duration elapsed, int polls) {}
