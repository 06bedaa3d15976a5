package io.github.imsdk.tosca;

import java.util.Set;

/**
 * Names of the node types the IM maps to RADL ({@code IM/tosca/Tosca.py}), for use with
 * {@link NodeTemplate#builder(String, String)}. Any other type name is accepted too.
 */
public final class NodeTypes {

  /** A virtual machine: becomes a RADL {@code system} and {@code deploy}. */
  public static final String COMPUTE = "tosca.nodes.Compute";
  /** The INDIGO/grycap Compute, with the endpoint ports map and {@code dns_name}; what IM users deploy. */
  public static final String INDIGO_COMPUTE = "tosca.nodes.indigo.Compute";
  /** An extra disk, attached to a Compute through its {@code local_storage} requirement. */
  public static final String BLOCK_STORAGE = "tosca.nodes.BlockStorage";
  /** Software installed on a Compute by the node's {@code Standard.configure} Ansible playbook. */
  public static final String SOFTWARE_COMPONENT = "tosca.nodes.SoftwareComponent";
  /** The EC3 application type: a SoftwareComponent with an {@code endpoint} capability (port, protocol). */
  public static final String EC3_APPLICATION = "tosca.nodes.ec3.Application";
  /** A network. */
  public static final String NETWORK = "tosca.nodes.network.Network";
  /** A port binding a Compute to a network. */
  public static final String PORT = "tosca.nodes.network.Port";

  /** Types treated as a Compute (a VM) by the IM and by validation. */
  public static final Set<String> COMPUTE_TYPES = Set.of(COMPUTE, INDIGO_COMPUTE);

  private NodeTypes() {}
}
