package io.github.imsdk.core;

import java.util.Map;
import java.util.Objects;

/**
 * One infrastructure's usage record, from {@code GET /stats}. A field IM did not send (or sent as {@code null})
 * is empty, 0 or {@code false}; a field of the wrong type fails the call with an
 * {@link ImResponseException}.
 *
 * @param infrastructureId the infrastructure id
 * @param creationDate when it was created, as IM prints it ({@code YYYY-MM-DD HH:MM:SS})
 * @param lastDate the last date it was seen, as IM prints it
 * @param toscaName the TOSCA template name, empty if none
 * @param vmCount the number of VMs
 * @param cpuCount the total number of CPUs
 * @param memorySizeMb the total memory, in MB
 * @param cloudType the cloud type
 * @param cloudHost the cloud host
 * @param hybrid whether it spans several clouds
 * @param deleted whether it is deleted
 * @param imUser the owner's IM user name
 * @param attributes every field IM sent
 */
public record UsageRecord(
    String infrastructureId, String creationDate, String lastDate, String toscaName, int vmCount, int cpuCount,
    long memorySizeMb, String cloudType, String cloudHost, boolean hybrid, boolean deleted, String imUser,
    Map<String, Object> attributes) {

  /** Checks and copies the components. */
  public UsageRecord {
    Objects.requireNonNull(infrastructureId, "infrastructureId");
    attributes = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(attributes));
  }
}
