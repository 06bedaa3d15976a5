package io.github.imsdk.benchmarks;

import java.util.Map;

/**
 * What the raw baselines extract from {@code GET /infrastructures/{id}/state}: the same information as the SDK's
 * {@code InfrastructureState}, so both sides parse the whole answer.
 *
 * @param state the aggregated state as sent by IM
 * @param vmStates each VM's state by VM id
 */
public record RawState(String state, Map<String, String> vmStates) {}
