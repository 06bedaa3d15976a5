package io.github.imsdk.tosca;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ToscaTemplateTest {

  @Test
  void theParsedSeedExposesWhatTheEmulatorNeeds() {
    // Given the guide's template
    ToscaTemplate t = ToscaTemplate.parse(Fixtures.seed());

    // Then nodes, capabilities, requirements, artifacts, operations and inputs are typed
    NodeTemplate vm = t.nodeTemplate("simple_node").orElseThrow();
    assertThat(vm.type()).isEqualTo(NodeTypes.INDIGO_COMPUTE);
    assertThat(vm.isCompute()).isTrue();
    assertThat(vm.capabilityProperty("host", "num_cpus")).contains(ToscaFunction.getInput("num_cpus"));
    assertThat(vm.capabilityProperty("endpoint", "network_name")).contains("PUBLIC");
    assertThat(vm.capabilityProperty("scalable", "count")).contains(ToscaFunction.getInput("num_instances"));
    Requirement disk = vm.requirement("local_storage").orElseThrow();
    assertThat(disk.node()).isEqualTo("my_block_storage");
    assertThat(disk.relationship().type()).isEqualTo("tosca.relationships.AttachesTo");
    assertThat(disk.relationship().properties()).containsEntry("device", "hdb");

    NodeTemplate docker = t.nodeTemplate("docker").orElseThrow();
    assertThat(docker.host()).contains("simple_node");
    assertThat(docker.artifacts().get("docker_role")).isEqualTo(Artifact.galaxyRole("grycap.docker"));

    NodeTemplate app = t.nodeTemplate("ansible").orElseThrow();
    Operation configure = app.operation("Standard", "configure").orElseThrow();
    assertThat(configure.implementation()).endsWith("/artifacts/ansible_tasks.yml");
    assertThat(configure.inputs()).containsEntry("ansible_name", "im_dash_tasks");
    assertThat(app.requirements()).extracting(Requirement::name).containsExactly("host", "dependency");
    assertThat(app.capabilityProperty("endpoint", "port")).contains(3000);

    ToscaInput mem = t.input("mem_size").orElseThrow();
    assertThat(mem.type()).isEqualTo("scalar-unit.size");
    assertThat(mem.defaultValue()).contains("2 GB");
    assertThat(mem.constraints()).singleElement().extracting(ToscaConstraint::operator).isEqualTo("valid_values");
    assertThat(t.computeNodes()).extracting(NodeTemplate::name).containsExactly("simple_node");
    assertThat(t.imports()).containsExactly(Map.of("ec3_custom_types", ContainerRecipe.EC3_CUSTOM_TYPES));
  }

  @Test
  void changingAnInputDefaultLeavesTheOriginalAlone() {
    // Given the parsed seed
    ToscaTemplate t = ToscaTemplate.parse(Fixtures.seed());

    // When 4 CPUs become the default
    ToscaTemplate edited = t.withInputDefault("num_cpus", 4);

    // Then the copy has it, the original does not, and the YAML says so
    assertThat(edited.resolveInput("num_cpus", Map.of())).isEqualTo(4);
    assertThat(t.resolveInput("num_cpus", Map.of())).isEqualTo(2);
    assertThat(edited.toYaml()).contains("default: 4");
    assertThat(edited.inputs().keySet()).containsExactlyElementsOf(t.inputs().keySet());
  }

  @Test
  void severalInputDefaultsChangeAtOnceAndUnknownNamesAreAllReported() {
    // Given the parsed seed
    ToscaTemplate t = ToscaTemplate.parse(Fixtures.seed());

    // When a deployment's values are applied
    ToscaTemplate edited = t.withInputDefaults(Map.of("num_cpus", 4, "mem_size", "8 GB"));

    // Then they are the defaults, and unknown names are rejected together
    assertThat(edited.resolveInput("num_cpus", Map.of())).isEqualTo(4);
    assertThat(edited.resolveInput("mem_size", Map.of())).isEqualTo("8 GB");
    assertThatThrownBy(() -> t.withInputDefaults(Map.of("cpus", 4, "memory", "8 GB")))
        .isInstanceOf(ToscaValidationException.class)
        .satisfies(e -> assertThat(((ToscaValidationException) e).problems()).extracting(ToscaProblem::path)
            .containsExactlyInAnyOrder("topology_template.inputs.cpus", "topology_template.inputs.memory"));
  }

  @Test
  void swappingTheContainerImageOfAParsedTemplate() {
    // Given the parsed seed and its container
    ToscaTemplate t = ToscaTemplate.parse(Fixtures.seed());
    String tasks = (String) t.resolveInput("ansible_tasks", Map.of());
    DockerContainerTask container = DockerContainerTask.fromAnsibleTasks(tasks).get(0);

    // When the image is swapped
    DockerContainerTask newer = container.withImage("ghcr.io/ivoa/oligia-webtop:ubuntu-2024.01.01");
    ToscaTemplate edited = t.withInputDefault("ansible_tasks", newer.toAnsibleTasks());

    // Then only the image line changed
    assertThat(container.name()).isEqualTo("oligia");
    assertThat(container.taskName()).isEqualTo("Launch im container");
    assertThat((String) edited.resolveInput("ansible_tasks", Map.of()))
        .isEqualTo(tasks.replace("2022.01.13", "2024.01.01"));
    // The seed's appdb:// image only warns (IM 2.0 no longer resolves it)
    assertThat(edited.validate()).allMatch(p -> !p.isError() && p.message().contains("appdb://"));
  }

  @Test
  void unknownKeysAreKeptEverywhere() {
    // Given a template with keys the model does not name, at every level
    String yaml = """
        tosca_definitions_version: tosca_simple_yaml_1_0
        dsl_definitions:
          anchor: 1
        node_types:
          my.Type:
            derived_from: tosca.nodes.SoftwareComponent
        metadata:
          infra_name: kept
          order: 3
        topology_template:
          description: inner description
          inputs:
            flag:
              type: boolean
              default: false
              required: false
              status: supported
          node_templates:
            vm:
              type: tosca.nodes.Compute
              directives: [ substitutable ]
              attributes:
                tosca_id: x
              capabilities:
                os:
                  properties:
                    image: ost://cloud.example.org/1
                  attributes:
                    foo: bar
              requirements:
                - local_storage:
                    node: disk
                    occurrences: [ 1, 1 ]
                    relationship:
                      type: tosca.relationships.AttachesTo
                      interfaces:
                        Configure:
                          pre_configure_source: pre.yml
              interfaces:
                Standard:
                  type: tosca.interfaces.node.lifecycle.Standard
                  create:
                    implementation:
                      primary: create.yml
                      dependencies: [ lib.yml ]
                    timeout: 60
                  start: start.yml
                  configure:
                    implementation: configure.yml
                    inputs:
                      script: { get_artifact: [ SELF, script ] }
              artifacts:
                script: files/setup.sh
                role:
                  file: grycap.docker
                  type: tosca.artifacts.AnsibleGalaxy.role
                  version: 1.0
            disk:
              type: tosca.nodes.BlockStorage
              properties:
                size: 10 GB
          groups:
            g1:
              type: tosca.groups.Root
              members: [ vm ]
          policies:
            - place:
                type: tosca.policies.Placement
                properties: { cloud_id: ost1, availability_zone: nova }
                targets: [ g1 ]
                description: where
          outputs:
            id:
              description: the id
              value: { get_attribute: [ vm, tosca_id ] }
              status: experimental
          substitution_mappings:
            node_type: my.Type
        """;

    // When parsed and written
    ToscaTemplate t = ToscaTemplate.parse(yaml);
    String written = t.toYaml();

    // Then nothing is lost and the result is valid
    assertThat(Fixtures.tree(written)).isEqualTo(Fixtures.tree(yaml));
    assertThat(t.validate()).isEmpty();
    assertThat(t.policies()).singleElement().satisfies(p -> {
      assertThat(p.type()).isEqualTo(ToscaPolicy.PLACEMENT);
      assertThat(p.targets()).containsExactly("g1");
      assertThat(p.properties()).containsEntry("cloud_id", "ost1");
    });
    assertThat(t.nodeTemplate("vm").orElseThrow().operation("Standard", "start").orElseThrow().implementation())
        .isEqualTo("start.yml");
  }

  @Test
  void aTemplateBuiltWithTheTypedBuildersIsTheContractPlainVm() {
    // Given the plain VM of the IM contract tests, built in code
    ToscaTemplate t = ToscaTemplate.builder()
        .importDefinitions("grycap_custom_types", "/srv/im/grycap-tosca/custom_types.yaml")
        .description("One plain VM (tosca.nodes.indigo.Compute) with a public IP and no configuration tasks, so the"
            + " IM disables contextualization.\n")
        .metadata("infra_name", "sdk-acceptance-plain-vm")
        .input("num_cpus", ToscaInput.integer(1))
        .input("mem_size", ToscaInput.size("2 GB"))
        .nodeTemplate(ComputeNode.builder("vm")
            .publicNetwork()
            .capabilityProperty("endpoint", "private_ip", false)
            .port("http", PortSpec.tcp(80))
            .count(1)
            .cpus(ToscaFunction.getInput("num_cpus"))
            .memory(ToscaFunction.getInput("mem_size"))
            .os("linux", null, null)
            .image("mock0://linux.for.ev.er/ubuntu-22.04")
            .build())
        .output("node_ip", ToscaFunction.getAttribute("vm", "public_address", 0))
        .output("endpoint", ToscaFunction.concat("http://", ToscaFunction.getAttribute("vm", "public_address", 0),
            "/"))
        .build()
        .validated();

    // Then it is the recorded template
    assertThat(Fixtures.tree(t.toYaml()))
        .isEqualTo(Fixtures.tree(Fixtures.resource("/im-contract-templates/plain_vm.yaml")));
  }

  @Test
  void computeBuilderWritesEveryHostOsAndEndpointProperty() {
    // Given a VM using every typed setter
    NodeTemplate vm = ComputeNode.builder("vm")
        .cpus(4).memory("8 GB").diskSize("40 GB").instanceType("m1.large").gpus(1, "NVIDIA", "T4").preemptible(true)
        .os("linux", "ubuntu", "22.04").image("ost://cloud.example.org/1")
        .networkName("PRIVATE").port("ssh", PortSpec.tcp(22).from("10.0.0.0/8")).dnsName("vm.example.org")
        .count(2).localStorage("disk", "/data", null)
        .property("instance_name", "my-vm")
        .build();

    // Then the capabilities hold IM's property names
    assertThat(vm.capability("host").orElseThrow().properties()).containsExactly(
        Map.entry("num_cpus", 4), Map.entry("mem_size", "8 GB"), Map.entry("disk_size", "40 GB"),
        Map.entry("instance_type", "m1.large"), Map.entry("num_gpus", 1), Map.entry("gpu_vendor", "NVIDIA"),
        Map.entry("gpu_model", "T4"), Map.entry("preemtible_instance", true));
    assertThat(vm.capability("os").orElseThrow().properties()).containsExactly(Map.entry("type", "linux"),
        Map.entry("distribution", "ubuntu"), Map.entry("version", "22.04"),
        Map.entry("image", "ost://cloud.example.org/1"));
    assertThat(vm.capabilityProperty("endpoint", "ports")).contains(
        Map.of("ssh", Map.of("protocol", "tcp", "source", 22, "remote_cidr", "10.0.0.0/8")));
    assertThat(vm.capabilityProperty("endpoint", "dns_name")).contains("vm.example.org");
    assertThat(vm.requirement("local_storage").orElseThrow().relationship().properties())
        .isEqualTo(Map.of("location", "/data"));
    assertThat(vm.property("instance_name")).contains("my-vm");
  }

  @Test
  void nodesOutputsMetadataAndDescriptionCanBeEdited() {
    // Given the parsed seed
    ToscaTemplate t = ToscaTemplate.parse(Fixtures.seed());

    // When nodes, outputs, metadata and description are edited
    ToscaTemplate edited = t
        .withoutNodeTemplate("my_block_storage")
        .withNodeTemplate(t.nodeTemplate("simple_node").orElseThrow().toBuilder().clearRequirements().build())
        .withOutput("ssh", ToscaOutput.of(ToscaFunction.concat("ssh cloudadm@",
            ToscaFunction.getAttribute("simple_node", "public_address", 0))))
        .withMetadata("infra_name", "edited")
        .withDescription("edited");

    // Then the copy has the edits, node order is kept, and it is still valid
    assertThat(edited.nodeTemplates().keySet()).containsExactly("ansible", "docker", "simple_node");
    assertThat(edited.outputs().keySet()).containsExactly("node_ip", "node_creds", "oligia_endpoint", "ssh");
    assertThat(edited.metadata()).containsEntry("infra_name", "edited");
    assertThat(edited.description()).contains("edited");
    // The seed's appdb:// image only warns (IM 2.0 no longer resolves it)
    assertThat(edited.validate()).allMatch(p -> !p.isError() && p.message().contains("appdb://"));
    assertThat(t.nodeTemplates()).hasSize(4);
  }

  @Test
  void aManyNodeTemplateParsesAndValidates() {
    // Given 300 VMs with a software component each
    ToscaTemplate.Builder b = ToscaTemplate.builder().input("image", ToscaInput.string("ost://c/1"));
    for (int i = 0; i < 300; i++) {
      b.nodeTemplate(ComputeNode.builder("vm" + i).cpus(2).memory("4 GB")
          .image(ToscaFunction.getInput("image")).build());
      b.nodeTemplate(SoftwareNode.application("app" + i).hostedOn("vm" + i).endpoint(8000 + i, "tcp").build());
      b.output("ip" + i, ToscaFunction.getAttribute("vm" + i, "public_address", 0));
    }
    String yaml = b.build().toYaml();

    // When parsed
    ToscaTemplate t = ToscaTemplate.parse(yaml);

    // Then every node is there and nothing is wrong
    assertThat(t.nodeTemplates()).hasSize(600);
    assertThat(t.validate()).isEmpty();
    assertThat(t.toYaml()).isEqualTo(yaml);
  }

  @Test
  void capabilitiesAndOperationsDoNotPrintTheirValues() {
    // Given a VM with a credential and a playbook input holding a password
    NodeTemplate vm = ComputeNode.builder("vm").capabilityProperty("os", "credential",
        Map.of("user", "cloudadm", "token", "s3cr3t")).build();
    Operation op = Operation.of("setup.yml", Map.of("db_password", "s3cr3t"));

    // Then their toString shows names, not values
    assertThat(vm.capability("os").orElseThrow().toString()).contains("credential").doesNotContain("s3cr3t");
    assertThat(op.toString()).contains("db_password").doesNotContain("s3cr3t");
  }

  @Test
  void toStringShowsNamesOnly() {
    assertThat(ToscaTemplate.parse(Fixtures.seed()).toString())
        .isEqualTo("ToscaTemplate{inputs=[num_cpus, mem_size, num_instances, storage_size, mount_path, num_gpus,"
            + " gpu_vendor, gpu_model, os_image, driver_version, ansible_tasks], nodes=[ansible, docker,"
            + " simple_node, my_block_storage], outputs=[node_ip, node_creds, oligia_endpoint]}");
  }
}
