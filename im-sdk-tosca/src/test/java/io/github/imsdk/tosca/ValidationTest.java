package io.github.imsdk.tosca;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class ValidationTest {

  private static final String NODES = "topology_template.node_templates.";

  /** A valid one-VM template to break one rule at a time. */
  private static ToscaTemplate.Builder base() {
    return ToscaTemplate.builder()
        .input("num_cpus", ToscaInput.integer(2))
        .input("mem_size", ToscaInput.size("2 GB"))
        .nodeTemplate(vm().build())
        .output("node_ip", ToscaFunction.getAttribute("vm", "public_address", 0));
  }

  private static ComputeNode.Builder vm() {
    return ComputeNode.builder("vm")
        .cpus(ToscaFunction.getInput("num_cpus"))
        .memory(ToscaFunction.getInput("mem_size"))
        .os("linux", null, null)
        .image("ost://cloud.example.org/1234")
        .publicNetwork();
  }

  private static List<String> paths(ToscaTemplate t) {
    return notAppdb(t).stream().map(ToscaProblem::path).toList();
  }

  /** The problems but the warning about the seed's appdb:// image (checked in ContainerRecipeTest). */
  private static List<ToscaProblem> notAppdb(ToscaTemplate t) {
    return t.validate().stream().filter(p -> !p.message().contains("appdb://")).toList();
  }

  static Stream<Path> templates() {
    return Fixtures.templates().stream();
  }

  @ParameterizedTest
  @MethodSource("templates")
  void realTemplatesAreValid(Path file) throws Exception {
    // Given a template the IM deploys (or, for bad_unknown_type, rejects for a type only the IM knows)
    ToscaTemplate t = ToscaTemplate.parse(Files.readString(file));

    // Then it has no error, and warns at most about an appdb:// image (IM 2.0 no longer resolves those)
    assertThat(t.validate()).allSatisfy(p -> {
      assertThat(p.isError()).as(p.toString()).isFalse();
      assertThat(p.message()).contains("appdb://");
    });
  }

  @Test
  void theBaseTemplateIsValid() {
    assertThat(base().build().validate()).isEmpty();
  }

  @Test
  void getInputOfAnUndefinedInputIsReportedWhereItIsUsed() {
    // Given a host property reading an input that does not exist
    ToscaTemplate t = base().replaceNodeTemplate(vm().cpus(ToscaFunction.getInput("cpus")).build()).build();

    // Then the problem names the property
    assertThat(t.validate()).singleElement().satisfies(p -> {
      assertThat(p.path()).isEqualTo(NODES + "vm.capabilities.host.properties.num_cpus");
      assertThat(p.message()).contains("undefined input 'cpus'");
    });
  }

  @Test
  void getAttributeOfAnUnknownNodeIsReportedInOutputsAndInsideConcat() {
    // Given outputs that read attributes of a node that does not exist, directly and inside concat
    ToscaTemplate t = base()
        .replaceOutput("node_ip", ToscaOutput.of(ToscaFunction.getAttribute("server", "public_address", 0)))
        .output("url", ToscaFunction.concat("http://", ToscaFunction.getAttribute("server", "public_address", 0)))
        .build();

    // Then both are reported with their paths
    assertThat(paths(t)).containsExactly("topology_template.outputs.node_ip.value",
        "topology_template.outputs.url.value.concat[1]");
  }

  @Test
  void getPropertyOfAnUnknownNodeIsReported() {
    // Given a property copied from a node that does not exist
    ToscaTemplate t = base().nodeTemplate(SoftwareNode.component("app").hostedOn("vm")
        .configure("app.yml", java.util.Map.of("cpus", ToscaFunction.getProperty("server", "host", "num_cpus")))
        .build()).build();

    // Then the operation input is named
    assertThat(paths(t)).containsExactly(NODES + "app.interfaces.Standard.configure.inputs.cpus");
  }

  @Test
  void aRequirementOnAnUnknownNodeIsReported() {
    // Given software hosted on a node that does not exist
    ToscaTemplate t = base().nodeTemplate(SoftwareNode.component("app").hostedOn("server").build()).build();

    // Then the requirement is named
    assertThat(t.validate()).singleElement().satisfies(p -> {
      assertThat(p.path()).isEqualTo(NODES + "app.requirements[0].host");
      assertThat(p.message()).contains("unknown node 'server'");
    });
  }

  @Test
  void aDefaultThatIsNotOfItsTypeIsReported() {
    // Given "2 GX" as a size and a string as an integer
    ToscaTemplate t = base()
        .replaceInput("mem_size", ToscaInput.size("2 GX"))
        .replaceInput("num_cpus", ToscaInput.builder("integer").defaultValue("two").build())
        .build();

    // Then both defaults are reported
    assertThat(t.validate()).extracting(ToscaProblem::path).containsExactly(
        "topology_template.inputs.num_cpus.default", "topology_template.inputs.mem_size.default");
    assertThat(t.validate().get(1).message()).contains("'2 GX' is not a scalar-unit.size");
  }

  @Test
  void aDefaultOutsideItsConstraintsIsReported() {
    // Given defaults breaking valid_values, in_range and greater_or_equal
    ToscaTemplate t = base()
        .replaceInput("mem_size", ToscaInput.builder("scalar-unit.size").defaultValue("3 GB")
            .constraint(ToscaConstraint.validValues("2 GB", "4 GB")).build())
        .replaceInput("num_cpus", ToscaInput.builder("integer").defaultValue(0)
            .constraint(ToscaConstraint.greaterOrEqual(1)).build())
        .input("disk", ToscaInput.builder("scalar-unit.size").defaultValue("2 TB")
            .constraint(ToscaConstraint.inRange("10 GB", "1 TB")).build())
        .build();

    // Then each default is a warning naming the constraint it breaks (the IM checks a default only when used)
    String own = " (the default breaks its own constraint)";
    assertThat(t.validate()).extracting(ToscaProblem::toString).containsExactly(
        "warning: topology_template.inputs.num_cpus.default: 0 does not satisfy greater_or_equal: 1" + own,
        "warning: topology_template.inputs.mem_size.default: '3 GB' does not satisfy valid_values: ['2 GB', '4 GB']"
            + own,
        "warning: topology_template.inputs.disk.default: '2 TB' does not satisfy in_range: ['10 GB', '1 TB']" + own);
    assertThat(t.validated()).isSameAs(t);
  }

  @Test
  void numericAndBooleanStringsAreAcceptedAsTheImsParserConvertsThem() {
    // Given "4" for an integer within valid values and "true" for a boolean
    ToscaTemplate t = base()
        .replaceInput("num_cpus", ToscaInput.builder("integer").defaultValue("4")
            .constraint(ToscaConstraint.validValues(1, 2, 4)).build())
        .input("flag", ToscaInput.builder("boolean").defaultValue("true").build())
        .build();

    // Then nothing is reported
    assertThat(t.validate()).isEmpty();
  }

  @Test
  void sizesAreComparedByAmountNotByText() {
    // Given "2048 MB" against valid values in GB and a range in GiB
    ToscaTemplate t = base()
        .replaceInput("mem_size", ToscaInput.builder("scalar-unit.size").defaultValue("2000 MB")
            .constraint(ToscaConstraint.validValues("2 GB", "4 GB"))
            .constraint(ToscaConstraint.inRange("1 GiB", "2 GiB")).build())
        .build();

    // Then they fit
    assertThat(t.validate()).isEmpty();
  }

  @Test
  void aConstraintValueThatIsNotOfTheInputTypeIsReported() {
    // Given a valid_values list with a bad size
    ToscaTemplate t = base().replaceInput("mem_size", ToscaInput.builder("scalar-unit.size").defaultValue("2 GB")
        .constraint(ToscaConstraint.validValues("2 GB", "4 GX")).build()).build();

    // Then the bad entry is reported
    assertThat(paths(t)).containsExactly("topology_template.inputs.mem_size.constraints[0].valid_values[1]");
  }

  @Test
  void anUnknownInputTypeOrConstraintIsReported() {
    // Given a misspelt type and an unknown constraint operator
    ToscaTemplate t = base()
        .input("flag", ToscaInput.builder("bool").defaultValue(true).build())
        .input("name", ToscaInput.builder("string").defaultValue("x")
            .constraint(new ToscaConstraint("one_of", List.of("x"))).build())
        .build();

    // Then both are named
    assertThat(paths(t)).containsExactly("topology_template.inputs.flag.type",
        "topology_template.inputs.name.constraints[0]");
  }

  @Test
  void anInputWithoutTypeIsReported() {
    // Given an input with only a default
    ToscaTemplate t = base().input("x", ToscaInput.builder(null).defaultValue(1).build()).build();

    // Then its type is reported missing
    assertThat(paths(t)).containsExactly("topology_template.inputs.x.type");
  }

  @Test
  void aMissingOrUnknownDefinitionsVersionIsReported() {
    // Given no version, and a misspelt one
    ToscaTemplate none = base().definitionsVersion(null).build();
    ToscaTemplate typo = base().definitionsVersion("tosca_simple_yaml_1").build();

    // Then both are reported at the top-level key
    assertThat(paths(none)).containsExactly("tosca_definitions_version");
    assertThat(typo.validate()).singleElement().satisfies(p -> {
      assertThat(p.path()).isEqualTo("tosca_definitions_version");
      assertThat(p.message()).contains("tosca_simple_yaml_1_0");
    });
  }

  @Test
  void aLiteralMemorySizeThatIsNotASizeIsReported() {
    // Given mem_size written as "2 GX" on the VM itself
    ToscaTemplate t = base().replaceNodeTemplate(vm().memory("2 GX").build()).build();

    // Then the property path is reported
    assertThat(paths(t)).containsExactly(NODES + "vm.capabilities.host.properties.mem_size");
  }

  @Test
  void aComputeWithoutAnImageIsValidAndWarnsOnlyWhenNoCloudCanChooseOne() {
    // Given a VM with no os.image
    NodeTemplate noImage = vm().build().toBuilder().removeCapabilityProperty("os", "image").build();
    ToscaTemplate t = base().replaceNodeTemplate(noImage).build();

    // Then it is valid, as the IM picks an image from the clouds of the auth data
    assertThat(t.validate()).isEmpty();
    assertThat(t.validated()).isSameAs(t);
    // And when no cloud can choose one, the missing image is a warning where it belongs
    ValidationContext noChooser = ValidationContext.defaults().withCloudsChooseImages(false);
    assertThat(t.validate(noChooser)).singleElement().satisfies(p -> {
      assertThat(p.severity()).isEqualTo(ToscaProblem.Severity.WARNING);
      assertThat(p.path()).isEqualTo(NODES + "vm.capabilities.os.properties.image");
      assertThat(p.message()).contains("no OS image").contains("egi://");
    });
    assertThat(t.validated(noChooser)).isSameAs(t);
  }

  @Test
  void portsOutOfRangeAreReported() {
    // Given a VM port 70000, a source_range ending at 0, and an application endpoint on port 0
    NodeTemplate badVm = vm().capabilityProperty("endpoint", "ports", java.util.Map.of(
        "http", java.util.Map.of("protocol", "tcp", "source", 70000),
        "range", java.util.Map.of("protocol", "tcp", "source_range", List.of(8000, 0)))).build();
    ToscaTemplate t = base().replaceNodeTemplate(badVm)
        .nodeTemplate(SoftwareNode.application("app").hostedOn("vm").endpoint(0, "tcp").build())
        .build();

    // Then every port is named
    assertThat(paths(t)).containsExactlyInAnyOrder(
        NODES + "vm.capabilities.endpoint.properties.ports.http.source",
        NODES + "vm.capabilities.endpoint.properties.ports.range.source_range[1]",
        NODES + "app.capabilities.endpoint.properties.port");
  }

  @Test
  void portNumbersTooBigForAnIntAreReportedNotThrown() {
    // Given a port range string beyond int and a port of 2^64 + 80 (whose low 64 bits are 80)
    NodeTemplate badVm = vm().capabilityProperty("endpoint", "ports", java.util.Map.of(
        "range", java.util.Map.of("protocol", "tcp", "source", "99999999999-1"),
        "wrap", java.util.Map.of("protocol", "tcp", "source", new java.math.BigInteger("18446744073709551696"))))
        .build();

    // When the template is validated
    List<ToscaProblem> problems = base().replaceNodeTemplate(badVm).build().validate();

    // Then both are out-of-range problems, not an exception or a silent pass
    assertThat(problems).extracting(ToscaProblem::path).containsExactlyInAnyOrder(
        NODES + "vm.capabilities.endpoint.properties.ports.range.source",
        NODES + "vm.capabilities.endpoint.properties.ports.wrap.source");
    assertThat(problems).extracting(ToscaProblem::message).containsExactlyInAnyOrder(
        "port 99999999999 is out of range 1..65535", "port 18446744073709551696 is out of range 1..65535");
  }

  @Test
  void infinitiesAndNanAreComparedByConstraintsNotThrown() {
    // Given float inputs defaulting to YAML's .inf, -.inf and .nan, under range constraints they break
    String yaml = """
        tosca_definitions_version: tosca_simple_yaml_1_0
        topology_template:
          inputs:
            big: { type: float, default: .inf, constraints: [ { less_than: 5 } ] }
            small: { type: float, default: -.inf, constraints: [ { greater_or_equal: 0 } ] }
            odd: { type: float, default: .nan, constraints: [ { in_range: [ 0, 1 ] } ] }
            fine: { type: float, default: .inf, constraints: [ { greater_than: 1e300 } ] }
        """;

    // When the template is validated
    List<ToscaProblem> problems = ToscaTemplate.parse(yaml)
        .validate(ValidationContext.defaults().withCloudsChooseImages(false));

    // Then the three broken ones are reported
    assertThat(problems).extracting(ToscaProblem::path).containsExactly("topology_template.inputs.big.default",
        "topology_template.inputs.small.default", "topology_template.inputs.odd.default");
  }

  @Test
  void valuesThatCannotBeComparedSatisfyNoOrderingConstraint() {
    // Given NaN defaults, which cannot be ordered against any bound, and a bound that is no size
    String yaml = """
        tosca_definitions_version: tosca_simple_yaml_1_0
        topology_template:
          inputs:
            nan_below: { type: float, default: .nan, constraints: [ { less_than: 5 } ] }
            nan_at_most: { type: float, default: .nan, constraints: [ { less_or_equal: 5 } ] }
            size_below: { type: scalar-unit.size, default: 2 GB, constraints: [ { less_than: lots } ] }
            fine: { type: scalar-unit.size, default: 2 GB, constraints: [ { less_than: 4 GB } ] }
        """;

    // When the template is validated
    List<ToscaProblem> problems = ToscaTemplate.parse(yaml)
        .validate(ValidationContext.defaults().withCloudsChooseImages(false));

    // Then each NaN default is reported (before, less_than/less_or_equal let them pass), and the bad bound too
    assertThat(problems).extracting(ToscaProblem::path).containsExactly("topology_template.inputs.nan_below.default",
        "topology_template.inputs.nan_at_most.default", "topology_template.inputs.size_below.constraints[0].less_than");
    assertThat(problems).extracting(ToscaProblem::path)
        .doesNotContain("topology_template.inputs.fine.default");
  }

  @Test
  void aLengthConstraintBeyond64BitsIsReported() {
    // Given a min_length of 2^64 (whose low 64 bits are 0)
    String yaml = """
        tosca_definitions_version: tosca_simple_yaml_1_0
        topology_template:
          inputs:
            pw: { type: string, default: x, constraints: [ { min_length: 18446744073709551616 } ] }
        """;

    // Then the constraint is reported instead of read as min_length 0
    assertThat(ToscaTemplate.parse(yaml).validate()).singleElement()
        .satisfies(p -> assertThat(p.message()).isEqualTo("min_length 18446744073709551616 is out of range"));
  }

  @Test
  void anUnknownProtocolIsReported() {
    // Given a port with protocol "http"
    NodeTemplate badVm = vm().capabilityProperty("endpoint", "ports", java.util.Map.of(
        "web", java.util.Map.of("protocol", "http", "source", 80))).build();

    // Then the protocol is named
    assertThat(paths(base().replaceNodeTemplate(badVm).build()))
        .containsExactly(NODES + "vm.capabilities.endpoint.properties.ports.web.protocol");
  }

  @Test
  void aMalformedFunctionIsReported() {
    // Given get_attribute with a single argument (parsed, so it stays a plain map)
    ToscaTemplate t = ToscaTemplate.parse(base().build().toYaml()
        .replace("{get_attribute: [vm, public_address, 0]}", "{get_attribute: vm}"));

    // Then the output is reported as malformed
    assertThat(t.validate()).singleElement().satisfies(p -> {
      assertThat(p.path()).isEqualTo("topology_template.outputs.node_ip.value");
      assertThat(p.message()).startsWith("malformed get_attribute");
    });
  }

  @Test
  void badCountsAndCpusAreReported() {
    // Given 0 CPUs and a negative count written as literals
    ToscaTemplate t = base().replaceNodeTemplate(vm().cpus(0).count(-1).build()).build();

    // Then both are reported
    assertThat(paths(t)).containsExactly(NODES + "vm.capabilities.host.properties.num_cpus",
        NODES + "vm.capabilities.scalable.properties.count");
  }

  @Test
  void aPolicyOnAnUnknownNodeIsReported() {
    // Given a placement policy targeting a node that does not exist
    ToscaTemplate t = base().policy(ToscaPolicy.placement("on_site", "ost1", List.of("vm", "server"))).build();

    // Then the target is named
    assertThat(paths(t)).containsExactly("topology_template.policies.on_site.targets[1]");
  }

  @Test
  void aNodeWithoutTypeAndAnOutputWithoutValueAreReported() {
    // Given both
    ToscaTemplate t = base().nodeTemplate(NodeTemplate.builder("thing", null).build())
        .output("nothing", new ToscaOutput(null, "empty", java.util.Map.of())).build();

    // Then both are reported
    assertThat(paths(t)).containsExactly(NODES + "thing.type", "topology_template.outputs.nothing.value");
  }

  @Test
  void duplicateNamesInTheBuilderAreRejected() {
    // Given a builder that already has node "vm" and input "num_cpus"
    ToscaTemplate.Builder b = base();

    // Then adding them again fails with the path of the name
    assertThatThrownBy(() -> b.nodeTemplate(vm().build())).isInstanceOf(ToscaValidationException.class)
        .satisfies(e -> assertThat(((ToscaValidationException) e).problems()).extracting(ToscaProblem::path)
            .containsExactly(NODES + "vm"));
    assertThatThrownBy(() -> b.input("num_cpus", ToscaInput.integer(4)))
        .isInstanceOf(ToscaValidationException.class).hasMessageContaining("duplicate input name 'num_cpus'");
  }

  @Test
  void duplicateKeysInYamlAreRejectedWithTheirLine() {
    // Given two node templates with the same name
    String yaml = """
        tosca_definitions_version: tosca_simple_yaml_1_0
        topology_template:
          node_templates:
            vm:
              type: tosca.nodes.indigo.Compute
            vm:
              type: tosca.nodes.BlockStorage
        """;

    // Then parsing fails at the second key
    assertThatThrownBy(() -> ToscaTemplate.parse(yaml)).isInstanceOf(ToscaParseException.class)
        .satisfies(e -> {
          ToscaParseException p = (ToscaParseException) e;
          assertThat(p.line()).isEqualTo(6);
          assertThat(p.column()).isEqualTo(5);
          assertThat(p.path()).isEqualTo(NODES + "vm");
          assertThat(p.getMessage()).contains("duplicate keys");
        });
  }

  @Test
  void everyProblemIsReportedAtOnceByValidated() {
    // Given a template breaking several rules
    ToscaTemplate t = base()
        .replaceInput("mem_size", ToscaInput.size("2 GX"))
        .replaceNodeTemplate(vm().cpus(ToscaFunction.getInput("cpus")).build().toBuilder()
            .removeCapabilityProperty("os", "image").build())
        .replaceOutput("node_ip", ToscaOutput.of(ToscaFunction.getAttribute("server", "public_address", 0)))
        .build();

    // Then validated() throws one exception listing all of them with their paths
    assertThatThrownBy(t::validated).isInstanceOf(ToscaValidationException.class)
        .satisfies(e -> assertThat(((ToscaValidationException) e).problems()).extracting(ToscaProblem::path)
            .containsExactly("topology_template.inputs.mem_size.default",
                NODES + "vm.capabilities.host.properties.num_cpus",
                "topology_template.outputs.node_ip.value"))
        .hasMessageContaining("3 problems")
        .hasMessageContaining(NODES + "vm.capabilities.host.properties.num_cpus: get_input of undefined input");
  }

  @Test
  void problemsOfAParsedTemplateNameTheirLine() {
    // Given the seed with a bad memory default and a VM whose image line was removed
    String yaml = Fixtures.seed().replace("default: 2 GB", "default: 2 GX")
        .replace("            image: { get_input: os_image }\n", "");

    // When it is parsed and validated
    List<ToscaProblem> problems = ToscaTemplate.parse(yaml)
        .validate(ValidationContext.defaults().withCloudsChooseImages(false));

    // Then each problem has the position of the value, or of the mapping lacking the key
    assertThat(problems).extracting(ToscaProblem::toString).containsExactly(
        "topology_template.inputs.mem_size.default (line 22, column 7): '2 GX' is not a scalar-unit.size"
            + " (a number and a unit, e.g. '2 GB')",
        "warning: " + NODES + "simple_node.capabilities.os.properties.image (line 132, column 11): no OS image,"
            + " and no cloud of the auth data can choose one; set one such as 'egi://SITE/IMAGE?VO' or"
            + " 'ost://host/id'");
  }

  @Test
  void anEditedTemplateNoLongerClaimsLines() {
    // Given a parsed template with a problem, then edited
    ToscaTemplate t = ToscaTemplate.parse(Fixtures.seed().replace("default: 2 GB", "default: 2 GX"))
        .withInputDefault("num_cpus", 4);

    // Then the problem has no line, as the text no longer describes the template
    assertThat(notAppdb(t)).singleElement().satisfies(p -> assertThat(p.line()).isZero());
  }

  @Test
  void aSecretBreakingALengthOrPatternRuleIsNotEchoed() {
    // Given a password default too short for its constraint
    ToscaTemplate t = base().input("admin_password", ToscaInput.builder("string").defaultValue("hunter2")
        .constraint(ToscaConstraint.minLength(12)).constraint(ToscaConstraint.pattern("[a-z]+")).build()).build();

    // Then the problems describe the value without showing it
    assertThat(t.validate()).extracting(ToscaProblem::message).containsExactly(
        "the value (7 characters) does not satisfy min_length: 12 (the default breaks its own constraint)",
        "the value (7 characters) does not satisfy pattern: '[a-z]+' (the default breaks its own constraint)");
    assertThat(t.input("admin_password").orElseThrow().toString()).doesNotContain("hunter2");
  }

  @Test
  void anUnescapedDoubleQuoteInAPlaybookInputIsReported() {
    // Given the seed whose ansible_tasks has a raw double quote (the IM wraps playbook inputs in "...")
    ToscaTemplate t = ToscaTemplate.parse(Fixtures.seed())
        .withInputDefault("ansible_tasks", "- name: Say \"hi\"\n  debug:\n    msg: hi\n");

    // Then the input default is reported, naming the escape to use
    assertThat(notAppdb(t)).singleElement().satisfies(p -> {
      assertThat(p.path()).isEqualTo("topology_template.inputs.ansible_tasks.default");
      assertThat(p.message()).contains("unescaped double quote").contains("\\\"");
    });
  }

  @Test
  void ansibleTasksThatAreNotAYamlTaskListAreReported() {
    // Given tasks with broken indentation, and a literal that is not a list
    ToscaTemplate broken = ToscaTemplate.parse(Fixtures.seed())
        .withInputDefault("ansible_tasks", "- name: a\n debug: x\n   msg: y\n");
    ToscaTemplate scalar = ToscaTemplate.parse(Fixtures.seed()).withNodeTemplate(SoftwareNode.application("more")
        .hostedOn("simple_node").configure("ansible_tasks.yml", java.util.Map.of("ansible_tasks", "just text"))
        .build());

    // Then both are reported where the text is
    assertThat(notAppdb(broken)).singleElement().satisfies(p -> {
      assertThat(p.path()).isEqualTo("topology_template.inputs.ansible_tasks.default");
      assertThat(p.message()).startsWith("ansible_tasks is not valid YAML");
    });
    assertThat(paths(scalar)).containsExactly(NODES + "more.interfaces.Standard.configure.inputs.ansible_tasks");
  }

  @Test
  void containerTasksWithQuotesFromTheRecipeAreValid() {
    // Given a container command with double quotes and a backslash, escaped by the renderer
    ToscaTemplate t = ContainerRecipe.builder().image("busybox").port(8080)
        .command("sh -c \"httpd -f -p 8080 -h /www\\\\\"").build().template();

    // Then the template validates (template() would have thrown otherwise)
    assertThat(t.validate()).isEmpty();
  }

  @Test
  void imSpecialInputDefaultsAreAccepted() {
    // Given the IM's random(N) and access_token() defaults on string inputs of other types
    ToscaTemplate t = base().input("password", ToscaInput.builder("string").defaultValue("random(8)")
        .constraint(ToscaConstraint.minLength(12)).build()).build();

    // Then they are not checked (the IM replaces them)
    assertThat(t.validate()).isEmpty();
  }
}
