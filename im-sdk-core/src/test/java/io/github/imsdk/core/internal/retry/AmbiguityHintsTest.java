package io.github.imsdk.core.internal.retry;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AmbiguityHintsTest {

  @Test
  void aCreateHintNamesTheInfraNameFromTheToscaMetadata() {
    // Given
    String tosca = "tosca_definitions_version: tosca_simple_yaml_1_0\nmetadata:\n  infra_name: 'docker-demo' # x\n"
        + "topology_template:\n  node_templates: {}\n";

    // When
    String hint = AmbiguityHints.forCall("POST", "/infrastructures", tosca).orElseThrow();

    // Then
    assertThat(hint).contains("GET /infrastructures", "infra_name 'docker-demo'", "before creating it again");
  }

  @Test
  void aCreateHintWithoutInfraNameSuggestsSettingOne() {
    assertThat(AmbiguityHints.forCall("POST", "/infrastructures", "system front ( cpu.count = 1 )"))
        .hasValueSatisfying(h -> assertThat(h).contains("setting metadata.infra_name"));
    assertThat(AmbiguityHints.forCall("POST", "/infrastructures", null)).isPresent();
  }

  @Test
  void addResourcesAndImportHaveTheirOwnHints() {
    assertThat(AmbiguityHints.forCall("POST", "/infrastructures/abc", "x"))
        .hasValueSatisfying(h -> assertThat(h).contains("GET /infrastructures/abc"));
    assertThat(AmbiguityHints.forCall("PUT", "/infrastructures", "{}"))
        .hasValueSatisfying(h -> assertThat(h).contains("imported"));
  }

  @Test
  void otherCallsUseTheGenericHint() {
    assertThat(AmbiguityHints.forCall("PUT", "/infrastructures/abc/reconfigure", null)).isEmpty();
  }
}
