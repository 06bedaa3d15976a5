package io.github.imsdk.tosca;

import io.github.imsdk.tosca.internal.Values;
import java.util.List;
import java.util.Map;

/**
 * A policy of the topology. The IM acts only on placement policies ({@code tosca.policies.Placement} and
 * {@code tosca.policies.indigo.Placement}, properties {@code cloud_id} and {@code availability_zone}), which pin the
 * target nodes to one cloud of the credentials; other policies are passed through.
 *
 * @param name the policy name
 * @param type the policy type
 * @param targets the node (or group) names it applies to
 * @param properties its properties, in template order
 * @param extras other keys, in template order
 */
public record ToscaPolicy(String name, String type, List<String> targets, Map<String, Object> properties,
    Map<String, Object> extras) {

  /** The standard placement policy type. */
  public static final String PLACEMENT = "tosca.policies.Placement";

  /** Checks the name and copies the collections. */
  public ToscaPolicy {
    Values.require(name, "policy name");
    targets = targets == null ? List.of() : List.copyOf(targets);
    properties = Values.freezeMap(properties);
    extras = Values.freezeMap(extras);
  }

  /**
   * Returns a placement policy that deploys the target nodes on the cloud whose credential line has
   * {@code id = cloudId}.
   */
  public static ToscaPolicy placement(String name, String cloudId, List<String> targets) {
    return new ToscaPolicy(name, PLACEMENT, targets, Map.of("cloud_id", cloudId), Map.of());
  }
}
