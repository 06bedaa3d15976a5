package io.github.imsdk.tosca;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Typed builder of a VM node ({@code tosca.nodes.indigo.Compute} unless told otherwise), the node the IM turns into
 * a RADL {@code system}: {@code host} (cpus, memory, disk, instance type, GPUs, preemptible), {@code os} (type,
 * distribution, version, image), {@code endpoint} (network, ports, DNS name), {@code scalable} count and
 * {@code local_storage} disks. Values taking a {@link ToscaFunction} let an input decide them.
 *
 * <pre>{@code
 * NodeTemplate vm = ComputeNode.builder("vm")
 *     .cpus(ToscaFunction.getInput("num_cpus")).memory("4 GB")
 *     .os("linux", "ubuntu", "22.04").image("ost://cloud.example.org/1234")
 *     .publicNetwork().port("http", PortSpec.tcp(80))
 *     .build();
 * }</pre>
 */
public final class ComputeNode {

  private ComputeNode() {}

  /** Starts a {@code tosca.nodes.indigo.Compute} node. */
  public static Builder builder(String name) {
    return new Builder(NodeTemplate.builder(name, NodeTypes.INDIGO_COMPUTE));
  }

  /** Builds a Compute {@link NodeTemplate}. */
  public static final class Builder {
    private final NodeTemplate.Builder node;
    private final Map<String, Object> ports = new LinkedHashMap<>();

    private Builder(NodeTemplate.Builder node) {
      this.node = node;
    }

    /** Uses another Compute type, e.g. {@link NodeTypes#COMPUTE}. */
    public Builder type(String type) {
      node.type(type);
      return this;
    }

    /** Sets {@code host.num_cpus}. */
    public Builder cpus(int cpus) {
      return host("num_cpus", cpus);
    }

    /** Sets {@code host.num_cpus} from a function. */
    public Builder cpus(ToscaFunction cpus) {
      return host("num_cpus", cpus);
    }

    /** Sets {@code host.mem_size}, a size such as {@code "4 GB"}. */
    public Builder memory(String size) {
      return host("mem_size", size);
    }

    /** Sets {@code host.mem_size} from a function. */
    public Builder memory(ToscaFunction size) {
      return host("mem_size", size);
    }

    /** Sets {@code host.disk_size}, the root disk size such as {@code "20 GB"}. */
    public Builder diskSize(Object size) {
      return host("disk_size", size);
    }

    /** Sets {@code host.instance_type}, a flavour name of the cloud. */
    public Builder instanceType(Object type) {
      return host("instance_type", type);
    }

    /** Sets {@code host.num_gpus}, {@code gpu_vendor} and {@code gpu_model} (vendor/model may be null). */
    public Builder gpus(Object count, Object vendor, Object model) {
      host("num_gpus", count);
      if (vendor != null) {
        host("gpu_vendor", vendor);
      }
      if (model != null) {
        host("gpu_model", model);
      }
      return this;
    }

    /**
     * Asks for a spot/preemptible VM. The IM's property is spelt {@code host.preemtible_instance} (sic; it maps to
     * RADL {@code spot}), and that is what is written.
     */
    public Builder preemptible(boolean preemptible) {
      return host("preemtible_instance", preemptible);
    }

    /** Sets any {@code host} property. */
    public Builder host(String key, Object value) {
      node.capabilityProperty("host", key, value);
      return this;
    }

    /** Sets {@code os.type}, {@code os.distribution} and {@code os.version} (distribution/version may be null). */
    public Builder os(String type, String distribution, String version) {
      node.capabilityProperty("os", "type", type);
      if (distribution != null) {
        node.capabilityProperty("os", "distribution", distribution);
      }
      if (version != null) {
        node.capabilityProperty("os", "version", version);
      }
      return this;
    }

    /**
     * Sets {@code os.image}, e.g. {@code egi://SITE/IMAGE?VO}, {@code ost://host/id}, {@code docker://img}
     * ({@code appdb://} images are no longer resolved by IM 2.0). Without an image the IM picks one.
     */
    public Builder image(String url) {
      node.capabilityProperty("os", "image", url);
      return this;
    }

    /** Sets {@code os.image} from a function. */
    public Builder image(ToscaFunction url) {
      node.capabilityProperty("os", "image", url);
      return this;
    }

    /** Gives the VM a public IP ({@code endpoint.network_name: PUBLIC}). */
    public Builder publicNetwork() {
      return networkName("PUBLIC");
    }

    /** Sets {@code endpoint.network_name}: {@code PUBLIC}, {@code PRIVATE} or a provider network id. */
    public Builder networkName(String name) {
      node.capabilityProperty("endpoint", "network_name", name);
      return this;
    }

    /** Adds a port to {@code endpoint.ports}. */
    public Builder port(String name, PortSpec port) {
      ports.put(name, port.toMap());
      node.capabilityProperty("endpoint", "ports", ports);
      return this;
    }

    /** Sets {@code endpoint.dns_name}, the host name the IM registers. */
    public Builder dnsName(Object name) {
      node.capabilityProperty("endpoint", "dns_name", name);
      return this;
    }

    /** Sets {@code scalable.count}, the number of identical VMs. */
    public Builder count(int count) {
      node.capabilityProperty("scalable", "count", count);
      return this;
    }

    /** Sets {@code scalable.count} from a function. */
    public Builder count(ToscaFunction count) {
      node.capabilityProperty("scalable", "count", count);
      return this;
    }

    /** Attaches a {@code tosca.nodes.BlockStorage} node at {@code location} as {@code device} (may be null). */
    public Builder localStorage(String storageNode, Object location, String device) {
      node.requirement(Requirement.localStorage(storageNode, location, device));
      return this;
    }

    /** Sets any capability property not covered above. */
    public Builder capabilityProperty(String capability, String key, Object value) {
      node.capabilityProperty(capability, key, value);
      return this;
    }

    /** Sets a node property, e.g. {@code instance_name} or {@code tags}. */
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
