package io.github.imsdk.core;

import io.github.imsdk.tosca.ToscaTemplate;

/**
 * One VM of an infrastructure: a cheap, immutable handle from {@link Infrastructure#vm(String)} that does no I/O
 * until a method is called. Every method maps to one IM call under {@code /infrastructures/{id}/vms/{vmId}}.
 */
public interface Vm {

  /** Returns the VM id (a non-negative integer as text). */
  String id();

  /** Returns the id of the infrastructure the VM belongs to. */
  InfrastructureId infrastructureId();

  /** Returns what IM knows about the VM, parsed from its RADL ({@code GET /infrastructures/{id}/vms/{vmId}}). */
  VmInfo info();

  /**
   * Returns one feature of the VM's RADL system as text, e.g. {@code state} or {@code net_interface.0.ip}
   * ({@code GET /infrastructures/{id}/vms/{vmId}/{property}}).
   *
   * @throws ImNotFoundException if the VM has no such feature
   */
  String property(String name);

  /** Returns the VM's contextualization log ({@code GET /infrastructures/{id}/vms/{vmId}/contmsg}). */
  String contmsg();

  /**
   * Changes the VM's features (e.g. CPU, memory, extra disks; provider-dependent) and returns the updated VM
   * ({@code PUT /infrastructures/{id}/vms/{vmId}}).
   */
  VmInfo alter(Template template);

  /** Changes the VM's features from a TOSCA template object ({@code PUT /infrastructures/{id}/vms/{vmId}}). */
  default VmInfo alter(ToscaTemplate template) {
    return alter(Template.of(template));
  }

  /** Starts the VM ({@code PUT /infrastructures/{id}/vms/{vmId}/start}). */
  void start();

  /** Stops the VM ({@code PUT /infrastructures/{id}/vms/{vmId}/stop}). */
  void stop();

  /** Reboots the VM ({@code PUT /infrastructures/{id}/vms/{vmId}/reboot}). */
  void reboot();

  /**
   * Snapshots disk {@code diskNumber} into a new image and returns its URL in IM form
   * ({@code PUT /infrastructures/{id}/vms/{vmId}/disks/{n}/snapshot?image_name=&auto_delete=}).
   *
   * @param autoDelete whether IM deletes the image when the infrastructure is destroyed
   * @throws IllegalArgumentException if {@code diskNumber} is negative or {@code imageName} is blank
   */
  String snapshot(int diskNumber, String imageName, boolean autoDelete);

  /** Removes this VM and re-runs contextualization ({@code DELETE /infrastructures/{id}/vms/{vmId}}). */
  void remove();

  /** Removes this VM, choosing whether contextualization is re-run. */
  void remove(Contextualization contextualization);
}
