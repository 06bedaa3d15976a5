package io.github.imsdk.tosca;

import io.github.imsdk.tosca.internal.Values;
import java.util.Map;
import java.util.Optional;

/**
 * One requirement of a node template, e.g. {@code - host: simple_node} or a {@code local_storage} with a node,
 * a capability and an {@code AttachesTo} relationship.
 *
 * <p>The writer uses the short form {@code - name: node} when only the node is set.
 *
 * @param name the requirement name, e.g. {@code host}, {@code dependency}, {@code local_storage}
 * @param node the target node template name, or null (e.g. when only a node filter is given)
 * @param capability the target capability (name or type), or null
 * @param relationship the relationship, or null
 * @param extras other keys (e.g. {@code node_filter}, {@code occurrences}), in template order
 */
public record Requirement(String name, String node, String capability, Relationship relationship,
    Map<String, Object> extras) {

  /** Checks the name and freezes the extras. */
  public Requirement {
    Values.require(name, "requirement name");
    extras = Values.freezeMap(extras);
  }

  /** Returns {@code - name: node}. */
  public static Requirement of(String name, String node) {
    return new Requirement(name, node, null, null, Map.of());
  }

  /** Returns {@code - host: node}: the component is installed on that Compute node. */
  public static Requirement host(String node) {
    return of("host", node);
  }

  /** Returns {@code - dependency: node}: the component is configured after that node. */
  public static Requirement dependency(String node) {
    return of("dependency", node);
  }

  /**
   * Returns a {@code local_storage} requirement that attaches a {@code tosca.nodes.BlockStorage} node at a mount
   * point ({@code location}) as a device (e.g. {@code hdb}).
   *
   * @param storageNode the BlockStorage node template name
   * @param location the mount path, a literal or a function
   * @param device the device name, or null to let the IM pick one
   */
  public static Requirement localStorage(String storageNode, Object location, String device) {
    Map<String, Object> props = new java.util.LinkedHashMap<>();
    props.put("location", location);
    if (device != null) {
      props.put("device", device);
    }
    return new Requirement("local_storage", storageNode, "tosca.capabilities.Attachment",
        Relationship.of("tosca.relationships.AttachesTo", props), Map.of());
  }

  /** Returns the relationship, if any. */
  public Optional<Relationship> relationshipIfAny() {
    return Optional.ofNullable(relationship);
  }

  /** Tells whether this requirement can be written in the short form {@code - name: node}. */
  public boolean isShortForm() {
    return node != null && capability == null && relationship == null && extras.isEmpty();
  }
}
