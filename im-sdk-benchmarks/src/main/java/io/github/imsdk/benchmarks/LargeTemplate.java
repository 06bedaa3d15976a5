package io.github.imsdk.benchmarks;

/**
 * Generates a large TOSCA template in the shape of the EGI guide's container template: the guide's inputs, then
 * {@link #GROUPS} copies of its four node templates (application, Docker, compute node, block storage) wired to
 * each other, and two outputs per compute node.
 */
final class LargeTemplate {

  /** How many copies of the guide's four nodes the template holds. */
  static final int GROUPS = 100;

  private static final String HEAD = """
      tosca_definitions_version: tosca_simple_yaml_1_0

      imports:
        - ec3_custom_types: https://raw.githubusercontent.com/grycap/ec3/tosca/tosca/custom_types.yaml

      description: >
        A generated template with many copies of the EGI guide's container nodes.

      topology_template:

        inputs:
          num_cpus:
            type: integer
            description: Number of virtual cpus for the VM
            default: 2
            constraints:
            - valid_values: [ 1, 2, 4, 8, 16, 32, 64 ]
          mem_size:
            type: scalar-unit.size
            description: Amount of memory for the VM
            default: 2 GB
            constraints:
            - valid_values: [ 2 GB, 4 GB, 8 GB, 16 GB, 32 GB, 64 GB, 128 GB, 256 GB, 512 GB ]
          num_instances:
            type: integer
            description: Number of VMs to be spawned
            default: 1
          storage_size:
            type: scalar-unit.size
            description: Size of the extra HD added to the instance (Set 0 if disk is not needed)
            default: 10 GB
          mount_path:
            type: string
            description: Path to mount the extra disk
            default: /mnt/disk
          os_image:
            type: string
            description: OS Cloud base image
            default: egi://IISAS-FedCloud/egi.ubuntu.18.04?vo.access.egi.eu
          driver_version:
            type: string
            description: NVIDIA Driver version to install
            default: "510"
          ansible_tasks:
            type: string
            description: Ansible tasks
            default: |
              - name: Launch im container
                docker_container:
                  name: oligia
                  image: 'ghcr.io/ivoa/oligia-webtop:ubuntu-2022.01.13'
                  state: started
                  ports:
                  - '3000:3000'

        node_templates:
      """;

  private static final String GROUP = """

          ansible_%1$d:
            type: tosca.nodes.ec3.Application
            capabilities:
              endpoint:
                properties:
                  port: %2$d
                  protocol: tcp
            interfaces:
              Standard:
                configure:
                  implementation: https://raw.githubusercontent.com/grycap/ec3/tosca/tosca/artifacts/ansible_tasks.yml
                  inputs:
                    ansible_tasks: { get_input: ansible_tasks }
                    ansible_name: 'im_dash_tasks_%1$d'
            requirements:
              - host: simple_node_%1$d
              - dependency: docker_%1$d

          docker_%1$d:
            type: tosca.nodes.SoftwareComponent
            requirements:
              - host: simple_node_%1$d
            artifacts:
              docker_role:
                file: grycap.docker
                type: tosca.artifacts.AnsibleGalaxy.role
            interfaces:
              Standard:
                configure:
                  implementation: https://raw.githubusercontent.com/grycap/ec3/tosca/tosca/artifacts/docker.yml
                  inputs:
                    docker_nvidia_driver_version: { get_input: driver_version }

          simple_node_%1$d:
            type: tosca.nodes.indigo.Compute
            capabilities:
              endpoint:
                properties:
                  network_name: PUBLIC
              scalable:
                properties:
                  count: { get_input: num_instances }
              host:
                properties:
                  num_cpus: { get_input: num_cpus }
                  mem_size: { get_input: mem_size }
              os:
                properties:
                  type: linux
                  image: { get_input: os_image }
            requirements:
              - local_storage:
                  node: my_block_storage_%1$d
                  capability: tosca.capabilities.Attachment
                  relationship:
                    type: tosca.relationships.AttachesTo
                    properties:
                      location: { get_input: mount_path }
                      device: hdb

          my_block_storage_%1$d:
            type: tosca.nodes.BlockStorage
            properties:
              size: { get_input: storage_size }
      """;

  private static final String OUTPUT = """
          node_ip_%1$d:
            value: { get_attribute: [ simple_node_%1$d, public_address, 0 ] }
          endpoint_%1$d:
            value: { concat: [ 'http://', get_attribute: [ simple_node_%1$d, public_address, 0 ], ':%2$d' ] }
      """;

  private LargeTemplate() {}

  /** Returns the template's YAML text. */
  static String yaml() {
    StringBuilder b = new StringBuilder(HEAD);
    for (int i = 0; i < GROUPS; i++) {
      b.append(String.format(GROUP, i, 3000 + i));
    }
    b.append("\n  outputs:\n");
    for (int i = 0; i < GROUPS; i++) {
      b.append(String.format(OUTPUT, i, 3000 + i));
    }
    return b.toString();
  }
}
