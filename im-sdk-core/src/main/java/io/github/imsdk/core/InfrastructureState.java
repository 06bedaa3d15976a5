package io.github.imsdk.core;

import java.util.Map;
import java.util.Objects;

/**
 * The aggregated state of an infrastructure and the state of each of its VMs, from
 * {@code GET /infrastructures/{id}/state}.
 *
 * @param state the infrastructure's state
 * @param rawState the state string IM sent (kept for display when {@code state} is {@link State#UNKNOWN})
 * @param vmStates each VM id's state, in VM id order
 */
public record InfrastructureState(State state, String rawState, Map<String, State> vmStates) {

  /** Checks the components and copies the map. */
  public InfrastructureState {
    Objects.requireNonNull(state, "state");
    Objects.requireNonNull(rawState, "rawState");
    vmStates = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(vmStates));
  }

  /** Tells whether the infrastructure is {@link State#CONFIGURED}. */
  public boolean isConfigured() {
    return state == State.CONFIGURED;
  }
}
