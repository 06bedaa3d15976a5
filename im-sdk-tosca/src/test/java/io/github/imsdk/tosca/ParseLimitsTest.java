package io.github.imsdk.tosca;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import org.junit.jupiter.api.Test;

/** Every limit of the reader fails with a typed error that names where in the text it was reached. */
class ParseLimitsTest {

  private static ToscaParseException parseError(String yaml) {
    ToscaParseException e = catchThrowableOfType(ToscaParseException.class, () -> ToscaTemplate.parse(yaml));
    assertThat(e).as("expected a ToscaParseException").isNotNull();
    return e;
  }

  @Test
  void moreAliasesThanSnakeYamlAllowsStillParseAsPyYamlDoes() {
    // Given a template reusing an anchored mapping 60 times (SnakeYAML alone stops at 50; PyYAML has no limit)
    StringBuilder yaml = new StringBuilder("tosca_definitions_version: tosca_simple_yaml_1_0\nmetadata:\n"
        + "  base: &b { a: 1 }\n");
    for (int i = 0; i < 60; i++) {
      yaml.append("  m").append(i).append(": *b\n");
    }

    // Then it parses, every alias expanded
    ToscaTemplate t = ToscaTemplate.parse(yaml.toString());
    assertThat(t.metadata()).hasSize(61).containsEntry("m59", java.util.Map.of("a", 1));
  }

  @Test
  void nestingTooDeepNamesLineAndColumn() {
    // Given collections nested 300 deep on line 3
    String yaml = "tosca_definitions_version: tosca_simple_yaml_1_0\nmetadata:\n  deep: " + "[".repeat(300)
        + "]".repeat(300) + "\n";

    // Then the error names the line and the column where the limit is passed
    ToscaParseException e = parseError(yaml);
    assertThat(e.line()).isEqualTo(3);
    assertThat(e.column()).isGreaterThan(8);
    assertThat(e.getMessage()).contains("nest deeper than 200 levels");
  }

  @Test
  void aTextOverTheSizeLimitFailsBeforeParsingAndNamesWhereTheLimitIs() {
    // Given a 50 MB text: one scalar of 50 million characters on line 2
    String yaml = "tosca_definitions_version: tosca_simple_yaml_1_0\ndescription: " + "x".repeat(50_000_000);

    // Then the size is refused with the line and column where the limit falls
    ToscaParseException e = parseError(yaml);
    assertThat(e.getMessage()).contains("50000062 characters").contains("3145728");
    assertThat(e.line()).isEqualTo(2);
    assertThat(e.column()).isEqualTo(3 * 1024 * 1024 - 49 + 1);
  }

  @Test
  void aPlainEqualsSignThatPyYamlCannotReadNamesItsPlace() {
    // Given a plain '=' (YAML 1.1's value key, which PyYAML, the IM's reader, cannot construct)
    ToscaParseException e = parseError("tosca_definitions_version: tosca_simple_yaml_1_0\nmetadata:\n  op: =\n");

    // Then it is refused at its place, with the fix
    assertThat(e.line()).isEqualTo(3);
    assertThat(e.column()).isEqualTo(7);
    assertThat(e.path()).isEqualTo("metadata.op");
    assertThat(e.getMessage()).contains("quote it");
  }
}
