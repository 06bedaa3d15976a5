package io.github.imsdk.tosca;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ParseTest {

  private static ToscaParseException parseError(String yaml) {
    try {
      ToscaTemplate.parse(yaml);
    } catch (ToscaParseException e) {
      return e;
    }
    throw new AssertionError("expected a ToscaParseException for:\n" + yaml);
  }

  @Test
  void malformedYamlGivesLineAndColumn() {
    // Given a flow mapping that is never closed
    String yaml = """
        tosca_definitions_version: tosca_simple_yaml_1_0
        topology_template:
          outputs:
            ip:
              value: { get_attribute: [ vm, public_address, 0 ]
        """;

    // When it is parsed
    ToscaParseException e = parseError(yaml);

    // Then the error is ours, with a position, and wraps SnakeYAML's error as cause only
    assertThat(e.line()).isEqualTo(6);
    assertThat(e.column()).isEqualTo(1);
    assertThat(e.getMessage()).startsWith("malformed TOSCA template at line 6, column 1");
    assertThat(e.getCause()).isNotNull();
  }

  @Test
  void badIndentationGivesLineAndColumn() {
    // Given a key indented less than its siblings
    String yaml = """
        topology_template:
          inputs:
            num_cpus:
              type: integer
             default: 2
        """;

    // Then the position of the bad line is given
    ToscaParseException e = parseError(yaml);
    assertThat(e.line()).isEqualTo(5);
    assertThat(e.column()).isEqualTo(6);
  }

  @Test
  void aTabIndentationIsAParseError() {
    ToscaParseException e = parseError("topology_template:\n\tinputs: {}\n");
    assertThat(e.line()).isEqualTo(2);
  }

  @Test
  void aSectionOfTheWrongShapeGivesItsPathAndLine() {
    // Given node_templates written as a list
    String yaml = """
        tosca_definitions_version: tosca_simple_yaml_1_0
        topology_template:
          node_templates:
            - vm
        """;

    // Then the error names the section and where it is
    ToscaParseException e = parseError(yaml);
    assertThat(e.path()).isEqualTo("topology_template.node_templates");
    assertThat(e.line()).isEqualTo(3);
    assertThat(e.getMessage()).contains("node_templates must be a mapping, got a list");
  }

  @Test
  void aNumberWhereATypeNameBelongsIsAParseError() {
    // Given type: 1
    ToscaParseException e = parseError("topology_template:\n  node_templates:\n    vm:\n      type: 1\n");

    // Then the path and the hint are given
    assertThat(e.path()).isEqualTo("topology_template.node_templates.vm.type");
    assertThat(e.getMessage()).contains("must be a string, got the number 1");
  }

  @Test
  void emptyOrNullTextIsAParseError() {
    assertThat(parseError("").getMessage()).contains("empty");
    assertThat(parseError("# only a comment\n").getMessage()).contains("empty");
    assertThatThrownBy(() -> ToscaTemplate.parse(null)).isInstanceOf(ToscaParseException.class);
  }

  @Test
  void aRecursiveAliasIsAParseErrorNotAStackOverflow() {
    ToscaParseException e = parseError("metadata: &a\n  self: *a\n");
    assertThat(e.getMessage()).contains("recursive alias");
  }

  @Test
  void anAliasBombIsAParseErrorNotAnOutOfMemory() {
    // Given 48 aliases (under SnakeYAML's limit of 50) that expand to 2^25 values from a few hundred bytes
    StringBuilder yaml = new StringBuilder("metadata:\n  l0: &l0 [x, x]\n");
    for (int i = 1; i <= 24; i++) {
      yaml.append("  l").append(i).append(": &l").append(i).append(" [*l").append(i - 1).append(", *l")
          .append(i - 1).append("]\n");
    }

    // Then parsing stops with a position instead of exhausting memory
    ToscaParseException e = parseError(yaml.toString());
    assertThat(e.getMessage()).contains("aliases expand to more than 100000 values");
    assertThat(e.line()).isPositive();
  }

  @Test
  void aNonTemplateDocumentIsAParseError() {
    assertThat(parseError("- just\n- a list\n").getMessage()).contains("a TOSCA template must be a mapping");
  }

  @Test
  void anchorsAndMergeKeysAreResolved() {
    // Given a template reusing properties through an anchor and a merge key
    String yaml = """
        tosca_definitions_version: tosca_simple_yaml_1_0
        topology_template:
          node_templates:
            a:
              type: tosca.nodes.SoftwareComponent
              properties: &props
                x: 1
                y: 2
            b:
              type: tosca.nodes.SoftwareComponent
              properties:
                <<: *props
                y: 3
        """;

    // Then the values are expanded
    ToscaTemplate t = ToscaTemplate.parse(yaml);
    assertThat(t.nodeTemplate("b").orElseThrow().properties()).isEqualTo(Map.of("x", 1, "y", 3));
  }

  @Test
  void yamlScalarsKeepTheirTypes() {
    // Given quoted numbers, octal, floats, booleans, null, and a timestamp
    String yaml = """
        metadata:
          quoted: "510"
          octal: 017
          hex: 0x1F
          big: 12345678901
          float: 1.5
          yes_word: yes
          nothing: ~
          when: 2024-01-31
        """;

    // Then they read as YAML 1.1 says (timestamps stay text)
    Map<String, Object> m = ToscaTemplate.parse(yaml).metadata();
    assertThat(m).containsExactly(
        Map.entry("quoted", "510"), Map.entry("octal", 15), Map.entry("hex", 31), Map.entry("big", 12345678901L),
        Map.entry("float", 1.5), Map.entry("yes_word", true), new java.util.AbstractMap.SimpleEntry<>("nothing", null),
        Map.entry("when", java.time.LocalDate.of(2024, 1, 31)));
  }

  @Test
  void oneEntryMappingsInsideFlowSequencesAreFunctions() {
    // Given the seed's endpoint output
    ToscaTemplate t = ToscaTemplate.parse(Fixtures.seed());

    // When the concat is read
    Object value = t.outputs().get("oligia_endpoint").value();

    // Then it is a Concat of a string, a GetAttribute with index 0, and a string
    assertThat(value).isInstanceOf(ToscaFunction.Concat.class);
    List<Object> parts = ((ToscaFunction.Concat) value).parts();
    assertThat(parts).hasSize(3);
    assertThat(parts.get(0)).isEqualTo("http://");
    assertThat(parts.get(1)).isEqualTo(ToscaFunction.getAttribute("simple_node", "public_address", 0));
    assertThat(((ToscaFunction.GetAttribute) parts.get(1)).index()).isZero();
    assertThat(parts.get(2)).isEqualTo(":3000");
  }
}
