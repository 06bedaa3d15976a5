package io.github.imsdk.tosca;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WriterTest {

  private final ToscaTemplate seed = ToscaTemplate.parse(Fixtures.seed());

  @Test
  void functionsAreWrittenInFlowForm() {
    String yaml = seed.toYaml();
    assertThat(yaml).contains("num_cpus: {get_input: num_cpus}\n")
        .contains("value: {get_attribute: [simple_node, public_address, 0]}\n")
        .contains("value: {concat: ['http://', {get_attribute: [simple_node, public_address, 0]}, ':3000']}\n");
  }

  @Test
  void multiLineStringsAreBlockLiterals() {
    assertThat(seed.toYaml()).contains("      default: |\n        - name: Launch im container\n"
        + "          docker_container:\n");
  }

  @Test
  void stringsThatLookLikeOtherTypesAreQuoted() {
    // Given string defaults YAML would read as numbers, booleans or null
    ToscaTemplate t = ToscaTemplate.builder()
        .input("a", ToscaInput.string("510")).input("b", ToscaInput.string("yes"))
        .input("c", ToscaInput.string("")).input("d", ToscaInput.string("null"))
        .input("e", ToscaInput.string("2 GB")).input("f", ToscaInput.string(" padded "))
        .build();

    // Then they are written so they read back as the same strings
    Map<?, ?> inputs = (Map<?, ?>) ((Map<?, ?>) ((Map<?, ?>) Fixtures.tree(t.toYaml())).get("topology_template"))
        .get("inputs");
    for (String name : List.of("a", "b", "c", "d", "e", "f")) {
      assertThat(((Map<?, ?>) inputs.get(name)).get("default"))
          .isEqualTo(t.input(name).orElseThrow().defaultValue().orElseThrow());
    }
    assertThat(t.toYaml()).contains("default: '510'").contains("default: 2 GB");
  }

  @Test
  void keysFollowTheOrderPeopleWrite() {
    // Given a node built with its parts in an unusual order
    ToscaTemplate t = ToscaTemplate.builder()
        .output("ip", ToscaFunction.getAttribute("app", "public_address"))
        .nodeTemplate(NodeTemplate.builder("app", NodeTypes.SOFTWARE_COMPONENT)
            .configure("x.yml", Map.of())
            .requirement(Requirement.host("vm"))
            .property("p", 1)
            .build())
        .input("i", ToscaInput.integer(1))
        .description("d")
        .build();

    // Then sections and node keys come in the usual order
    String yaml = t.toYaml();
    assertThat(yaml).containsSubsequence("tosca_definitions_version", "description", "topology_template",
        "inputs", "node_templates", "outputs");
    assertThat(yaml).containsSubsequence("type:", "properties:", "requirements:", "interfaces:");
  }

  @Test
  void outputIsDeterministic() {
    assertThat(seed.toYaml()).isEqualTo(ToscaTemplate.parse(Fixtures.seed()).toYaml());
    assertThat(seed.toYaml()).isEqualTo(ToscaTemplate.parse(seed.toYaml()).toYaml());
  }

  @Test
  void requirementsAndOperationsUseTheShortFormWhenTheyCan() {
    assertThat(seed.toYaml()).contains("        - host: simple_node\n")
        .contains("        - dependency: docker\n");
    ToscaTemplate t = ToscaTemplate.builder().nodeTemplate(NodeTemplate.builder("n", NodeTypes.SOFTWARE_COMPONENT)
        .operation("Standard", "start", Operation.of("start.yml", Map.of())).build()).build();
    assertThat(t.toYaml()).contains("start: start.yml\n");
  }
}
