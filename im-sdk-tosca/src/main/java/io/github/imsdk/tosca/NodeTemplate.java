package io.github.imsdk.tosca;

import io.github.imsdk.tosca.internal.Values;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A node template of the topology ({@code topology_template.node_templates.<name>}): its type, properties,
 * capabilities, requirements, artifacts and interfaces. Instances are immutable; edit through {@link #toBuilder()}.
 *
 * <p>Any node type can be expressed; keys the model does not name (e.g. {@code directives}, {@code attributes})
 * are kept in {@link #extras()} and written back.
 *
 * <pre>{@code
 * NodeTemplate vm = NodeTemplate.builder("vm", NodeTypes.INDIGO_COMPUTE)
 *     .capabilityProperty("host", "num_cpus", 2)
 *     .capabilityProperty("os", "image", ToscaFunction.getInput("os_image"))
 *     .build();
 * }</pre>
 */
public final class NodeTemplate {

  private final String name;
  private final String type;
  private final Map<String, Object> properties;
  private final Map<String, Capability> capabilities;
  private final List<Requirement> requirements;
  private final Map<String, Artifact> artifacts;
  private final Map<String, NodeInterface> interfaces;
  private final Map<String, Object> extras;

  private NodeTemplate(Builder b) {
    this.name = b.name;
    this.type = b.type;
    this.properties = Values.copyOrdered(b.properties);
    Map<String, Capability> caps = new LinkedHashMap<>();
    b.capabilities.forEach((k, v) -> caps.put(k, new Capability(v.properties, v.extras)));
    this.capabilities = Values.copyOrdered(caps);
    this.requirements = List.copyOf(b.requirements);
    this.artifacts = Values.copyOrdered(b.artifacts);
    this.interfaces = Values.copyOrdered(b.interfaces);
    this.extras = Values.copyOrdered(b.extras);
  }

  /**
   * Starts a node template.
   *
   * @param name the node name, unique in the topology (e.g. {@code simple_node})
   * @param type the node type, e.g. {@link NodeTypes#INDIGO_COMPUTE}
   */
  public static Builder builder(String name, String type) {
    return new Builder(name).type(type);
  }

  /** Returns a builder holding everything in this node. */
  public Builder toBuilder() {
    Builder b = new Builder(name);
    b.type = type;
    b.properties.putAll(properties);
    capabilities.forEach((k, v) -> {
      MutableCapability mc = new MutableCapability();
      mc.properties.putAll(v.properties());
      mc.extras.putAll(v.extras());
      b.capabilities.put(k, mc);
    });
    b.requirements.addAll(requirements);
    b.artifacts.putAll(artifacts);
    b.interfaces.putAll(interfaces);
    b.extras.putAll(extras);
    return b;
  }

  /** Returns the node name. */
  public String name() {
    return name;
  }

  /** Returns the node type, or null if the template gave none. */
  public String type() {
    return type;
  }

  /** Tells whether the IM treats this node as a VM ({@code tosca.nodes.Compute} or {@code indigo.Compute}). */
  public boolean isCompute() {
    return type != null && NodeTypes.COMPUTE_TYPES.contains(type);
  }

  /** Returns the node's own properties, in template order. */
  public Map<String, Object> properties() {
    return properties;
  }

  /** Returns one of the node's own properties, if present and not null. */
  public Optional<Object> property(String name) {
    return Optional.ofNullable(properties.get(name));
  }

  /** Returns the capabilities by name, in template order. */
  public Map<String, Capability> capabilities() {
    return capabilities;
  }

  /** Returns one capability, if present. */
  public Optional<Capability> capability(String name) {
    return Optional.ofNullable(capabilities.get(name));
  }

  /**
   * Returns a capability property, e.g. {@code capabilityProperty("host", "mem_size")}, if present and not null.
   */
  public Optional<Object> capabilityProperty(String capability, String property) {
    Capability c = capabilities.get(capability);
    return c == null ? Optional.empty() : c.property(property);
  }

  /** Returns the requirements in template order (a name may repeat). */
  public List<Requirement> requirements() {
    return requirements;
  }

  /** Returns the first requirement with this name, if any. */
  public Optional<Requirement> requirement(String name) {
    return requirements.stream().filter(r -> r.name().equals(name)).findFirst();
  }

  /** Returns the name of the node this one is hosted on ({@code host} requirement), if any. */
  public Optional<String> host() {
    return requirement("host").map(Requirement::node);
  }

  /** Returns the artifacts by name, in template order. */
  public Map<String, Artifact> artifacts() {
    return artifacts;
  }

  /** Returns the interfaces by name, in template order. */
  public Map<String, NodeInterface> interfaces() {
    return interfaces;
  }

  /** Returns an operation, e.g. {@code operation("Standard", "configure")}, if present. */
  public Optional<Operation> operation(String interfaceName, String operation) {
    NodeInterface i = interfaces.get(interfaceName);
    return i == null ? Optional.empty() : i.operation(operation);
  }

  /** Returns keys the model does not name, in template order. */
  public Map<String, Object> extras() {
    return extras;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof NodeTemplate n && name.equals(n.name) && Objects.equals(type, n.type)
        && properties.equals(n.properties) && capabilities.equals(n.capabilities)
        && requirements.equals(n.requirements) && artifacts.equals(n.artifacts) && interfaces.equals(n.interfaces)
        && extras.equals(n.extras);
  }

  @Override
  public int hashCode() {
    return Objects.hash(name, type, properties, capabilities, requirements, artifacts, interfaces, extras);
  }

  @Override
  public String toString() {
    return "NodeTemplate{" + name + ": " + type + "}";
  }

  private static final class MutableCapability {
    private final Map<String, Object> properties = new LinkedHashMap<>();
    private final Map<String, Object> extras = new LinkedHashMap<>();
  }

  /** Builds a {@link NodeTemplate}. Values may be literals or {@link ToscaFunction}s. */
  public static final class Builder {
    private final String name;
    private String type;
    private final Map<String, Object> properties = new LinkedHashMap<>();
    private final Map<String, MutableCapability> capabilities = new LinkedHashMap<>();
    private final List<Requirement> requirements = new ArrayList<>();
    private final Map<String, Artifact> artifacts = new LinkedHashMap<>();
    private final Map<String, NodeInterface> interfaces = new LinkedHashMap<>();
    private final Map<String, Object> extras = new LinkedHashMap<>();

    private Builder(String name) {
      if (name == null || name.isBlank()) {
        throw new IllegalArgumentException("a node template needs a name");
      }
      this.name = name;
    }

    /** Sets the node type. */
    public Builder type(String type) {
      this.type = type;
      return this;
    }

    /** Sets one of the node's own properties, e.g. {@code size} of a BlockStorage. */
    public Builder property(String key, Object value) {
      properties.put(Values.require(key, "key"), Values.freeze(value));
      return this;
    }

    /** Removes one of the node's own properties. */
    public Builder removeProperty(String key) {
      properties.remove(key);
      return this;
    }

    /** Sets a capability property, e.g. {@code capabilityProperty("host", "num_cpus", 2)}. */
    public Builder capabilityProperty(String capability, String key, Object value) {
      Values.require(capability, "capability");
      capabilities.computeIfAbsent(capability, c -> new MutableCapability())
          .properties.put(Values.require(key, "key"), Values.freeze(value));
      return this;
    }

    /** Removes a capability property; the capability goes when its last key goes. */
    public Builder removeCapabilityProperty(String capability, String key) {
      MutableCapability c = capabilities.get(capability);
      if (c != null) {
        c.properties.remove(key);
        if (c.properties.isEmpty() && c.extras.isEmpty()) {
          capabilities.remove(capability);
        }
      }
      return this;
    }

    /** Sets (replaces) a whole capability. */
    public Builder capability(String name, Capability capability) {
      MutableCapability mc = new MutableCapability();
      mc.properties.putAll(capability.properties());
      mc.extras.putAll(capability.extras());
      capabilities.put(Values.require(name, "name"), mc);
      return this;
    }

    /** Adds a requirement. */
    public Builder requirement(Requirement requirement) {
      requirements.add(Values.require(requirement, "requirement"));
      return this;
    }

    /** Replaces every requirement with this name by one pointing at {@code node}, or adds it. */
    public Builder requirement(String name, String node) {
      int at = -1;
      for (int i = requirements.size() - 1; i >= 0; i--) {
        if (requirements.get(i).name().equals(name)) {
          requirements.remove(i);
          at = i;
        }
      }
      Requirement r = Requirement.of(name, node);
      if (at < 0) {
        requirements.add(r);
      } else {
        requirements.add(at, r);
      }
      return this;
    }

    /** Removes every requirement. */
    public Builder clearRequirements() {
      requirements.clear();
      return this;
    }

    /** Sets an artifact, e.g. {@code artifact("docker_role", Artifact.galaxyRole("grycap.docker"))}. */
    public Builder artifact(String name, Artifact artifact) {
      artifacts.put(Values.require(name, "name"), Values.require(artifact, "artifact"));
      return this;
    }

    /** Sets an operation of an interface, e.g. {@code operation("Standard", "configure", op)}. */
    public Builder operation(String interfaceName, String operationName, Operation operation) {
      Values.require(interfaceName, "interfaceName");
      Values.require(operationName, "operationName");
      Values.require(operation, "operation");
      NodeInterface old = interfaces.get(interfaceName);
      Map<String, Operation> ops = new LinkedHashMap<>(old == null ? Map.of() : old.operations());
      ops.put(operationName, operation);
      interfaces.put(interfaceName, new NodeInterface(ops, old == null ? Map.of() : old.extras()));
      return this;
    }

    /**
     * Sets {@code Standard.configure}: the Ansible playbook (URL or path) the IM runs on the host, with its inputs.
     */
    public Builder configure(String implementation, Map<String, ?> inputs) {
      return operation("Standard", "configure", Operation.of(implementation, inputs));
    }

    /** Sets (replaces) a whole interface. */
    public Builder nodeInterface(String name, NodeInterface nodeInterface) {
      interfaces.put(Values.require(name, "name"), Values.require(nodeInterface, "nodeInterface"));
      return this;
    }

    /** Sets a key the model does not name, e.g. {@code directives}. */
    public Builder extra(String key, Object value) {
      extras.put(Values.require(key, "key"), Values.freeze(value));
      return this;
    }

    /** Returns the node template. */
    public NodeTemplate build() {
      return new NodeTemplate(this);
    }
  }
}
