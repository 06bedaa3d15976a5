package io.github.imsdk.tosca;

import java.util.Map;

/**
 * Typed builder of software installed on a VM: a {@code tosca.nodes.SoftwareComponent} or a
 * {@code tosca.nodes.ec3.Application}, hosted on a Compute, configured by an Ansible playbook
 * ({@code Standard.configure}) with optional Ansible Galaxy roles. The IM turns it into a RADL {@code configure}.
 *
 * <pre>{@code
 * NodeTemplate docker = SoftwareNode.component("docker")
 *     .hostedOn("vm")
 *     .galaxyRole("docker_role", "grycap.docker")
 *     .configure("https://raw.githubusercontent.com/grycap/ec3/tosca/tosca/artifacts/docker.yml", Map.of())
 *     .build();
 * }</pre>
 */
public final class SoftwareNode {

  private SoftwareNode() {}

  /** Starts a {@code tosca.nodes.SoftwareComponent}. */
  public static Builder component(String name) {
    return new Builder(NodeTemplate.builder(name, NodeTypes.SOFTWARE_COMPONENT));
  }

  /** Starts a {@code tosca.nodes.ec3.Application} (a component with an {@code endpoint}). */
  public static Builder application(String name) {
    return new Builder(NodeTemplate.builder(name, NodeTypes.EC3_APPLICATION));
  }

  /** Builds a software {@link NodeTemplate}. */
  public static final class Builder {
    private final NodeTemplate.Builder node;

    private Builder(NodeTemplate.Builder node) {
      this.node = node;
    }

    /** Adds {@code - host: compute}. */
    public Builder hostedOn(String compute) {
      node.requirement(Requirement.host(compute));
      return this;
    }

    /** Adds {@code - dependency: other}: configure this after {@code other}. */
    public Builder dependsOn(String other) {
      node.requirement(Requirement.dependency(other));
      return this;
    }

    /** Sets {@code endpoint.port} and {@code endpoint.protocol}; the IM opens the port on the host VM. */
    public Builder endpoint(int port, String protocol) {
      node.capabilityProperty("endpoint", "port", port);
      node.capabilityProperty("endpoint", "protocol", protocol);
      return this;
    }

    /** Adds an Ansible Galaxy role artifact, e.g. {@code galaxyRole("docker_role", "grycap.docker")}. */
    public Builder galaxyRole(String artifactName, String role) {
      node.artifact(artifactName, Artifact.galaxyRole(role));
      return this;
    }

    /** Sets {@code Standard.configure}: the playbook URL or path and its inputs (values may be functions). */
    public Builder configure(String playbook, Map<String, ?> inputs) {
      node.configure(playbook, inputs);
      return this;
    }

    /** Sets a node property. */
    public Builder property(String key, Object value) {
      node.property(key, value);
      return this;
    }

    /** Returns the node template. */
    public NodeTemplate build() {
      return node.build();
    }
  }
}
