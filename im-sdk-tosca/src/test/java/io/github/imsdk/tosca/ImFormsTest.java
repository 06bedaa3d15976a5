package io.github.imsdk.tosca;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * One small template per form the IM accepts that the SDK once rejected, rewrote or misjudged (issue 11): each is
 * parsed, written back to the same YAML 1.1 tree (read as PyYAML would, by {@link Yaml11Reader}) and judged.
 */
class ImFormsTest {

  private static String form(String name) {
    return Fixtures.resource("/forms/" + name);
  }

  /** Parses, writes back, and checks the written text is the same YAML 1.1 tree; returns the template. */
  private static ToscaTemplate roundTrip(String name) {
    String text = form(name);
    ToscaTemplate t = ToscaTemplate.parse(text);
    String written = t.toYaml();
    assertThat(Yaml11Reader.read(written)).as(written).isEqualTo(Yaml11Reader.read(text));
    assertThat(ToscaTemplate.parse(written)).isEqualTo(t);
    return t;
  }

  private static List<String> errors(ToscaTemplate t) {
    return t.validate().stream().filter(ToscaProblem::isError).map(ToscaProblem::path).toList();
  }

  @Test
  void anArtifactFileGivenByAFunctionIsKept() {
    ToscaTemplate t = roundTrip("artifact-file-function.yaml");

    Artifact image = t.nodeTemplate("web").orElseThrow().artifacts().get("image");
    assertThat(image.file()).isNull();
    assertThat(image.extras().get("file")).isEqualTo(ToscaFunction.getInput("app_image"));
    assertThat(t.validate()).isEmpty();
  }

  @Test
  void bareValueInputsAreDefaults() {
    ToscaTemplate t = roundTrip("bare-inputs.yaml");

    assertThat(t.input("num_cpus").orElseThrow().isBareValue()).isTrue();
    assertThat(t.resolveInput("num_cpus", Map.of())).isEqualTo(16);
    assertThat(t.validate()).isEmpty();
    // An edited bare input stays bare
    assertThat(Yaml11Reader.read(t.withInputDefault("num_cpus", 8).toYaml()))
        .extracting("topology_template").extracting("inputs").extracting("num_cpus").isEqualTo(BigInteger.valueOf(8));
  }

  @Test
  void datesStayDates() {
    ToscaTemplate t = roundTrip("date-metadata.yaml");

    assertThat(t.metadata().get("creation_date")).isEqualTo(LocalDate.of(2020, 9, 8));
    assertThat(t.validate()).isEmpty();
    // Also when written from the model after an edit
    String edited = t.withMetadata("template_name", "Edited").toYaml();
    assertThat(Yaml11Reader.read(edited)).extracting("metadata").extracting("creation_date")
        .isEqualTo(LocalDate.of(2020, 9, 8));
  }

  @Test
  void anEmptyCapabilityPropertiesKeyIsKeptEvenAfterAnEdit() {
    ToscaTemplate t = roundTrip("empty-capability-properties.yaml");
    assertThat(t.validate()).isEmpty();

    String edited = t.withInputDefault("wn_num", 3).toYaml();
    Map<?, ?> tree = (Map<?, ?>) Yaml11Reader.read(edited);
    Map<?, ?> scalable = (Map<?, ?>) ((Map<?, ?>) ((Map<?, ?>) ((Map<?, ?>) ((Map<?, ?>) tree.get("topology_template"))
        .get("node_templates")).get("wn")).get("capabilities")).get("scalable");
    assertThat(scalable.containsKey("properties")).as(edited).isTrue();
  }

  @Test
  void aTypesOnlyFileGetsNoTopology() {
    ToscaTemplate t = roundTrip("types-only.yaml");

    assertThat(t.toYaml()).doesNotContain("topology_template");
    assertThat(t.validate()).isEmpty();
  }

  @Test
  void longFormsStayLong() {
    ToscaTemplate t = roundTrip("long-forms.yaml");

    String yaml = t.toYaml();
    assertThat(yaml).contains("implementation: https://example.org/app.yml", "node: front",
        "type: tosca.relationships.HostedOn", "get_input: [dns_name]");
    assertThat(t.validate()).isEmpty();
    // Editing another part keeps them
    String edited = t.withInputDefault("dns_name", "other.example.org").toYaml();
    assertThat(edited).contains("implementation: https://example.org/app.yml", "node: front");
  }

  @Test
  void yaml11ScalarsReadBackAsTheSameValuesAndCommentsStay() {
    ToscaTemplate t = roundTrip("yaml11-scalars.yaml");

    assertThat(t.metadata()).containsEntry("plain_exp", "2240e12").containsEntry("equals", "=")
        .containsEntry("answer", true).containsEntry("octal", 8).containsEntry("nel", "a\u0085b")
        .containsEntry("line_sep", "a\u2028b").containsEntry("big_float", 12345678.9);
    String yaml = t.toYaml();
    assertThat(yaml).contains("# A template whose scalars YAML 1.1 readers read in their own way",
        "# a string to PyYAML (no dot), not a float");
    // Written from the model too, the values read back the same
    String rebuilt = t.withMetadata("template_name", "x").toYaml();
    Map<?, ?> meta = (Map<?, ?>) ((Map<?, ?>) Yaml11Reader.read(rebuilt)).get("metadata");
    assertThat(meta.get("big_float")).isEqualTo(12345678.9);
    assertThat(meta.get("exp_float")).isEqualTo(1.5e20);
    assertThat(meta.get("plain_exp")).isEqualTo("2240e12");
    assertThat(meta.get("equals")).isEqualTo("=");
    assertThat(meta.get("tilde")).isEqualTo("~");
    assertThat(meta.get("zero_led")).isEqualTo("0123");
    assertThat(meta.get("nel")).isEqualTo("a\u0085b");
    assertThat(meta.get("line_sep")).isEqualTo("a\u2028b");
    assertThat(t.validate()).isEmpty();
  }

  @Test
  void aComputeWithoutAnImageIsValid() {
    ToscaTemplate t = roundTrip("compute-without-image.yaml");

    assertThat(t.validate()).isEmpty();
    assertThat(t.validate(ValidationContext.defaults().withCloudsChooseImages(false)))
        .singleElement().satisfies(p -> assertThat(p.isError()).isFalse());
  }

  @Test
  void aNumericDefaultMatchesStringValidValues() {
    ToscaTemplate t = roundTrip("version-valid-values.yaml");

    assertThat(t.validate()).isEmpty();
  }

  @Test
  void requirementCyclesAreErrors() {
    ToscaTemplate t = roundTrip("requirement-cycle.yaml");

    assertThat(t.validate()).extracting(ToscaProblem::toString).containsExactly(
        "topology_template.node_templates.b.requirements[1].dependency (line 15, column 11): requirements form a"
            + " cycle a -> b -> a; the IM would order these nodes forever",
        "topology_template.node_templates.c.requirements[0].host (line 21, column 11): requirements form a cycle"
            + " c -> c; the IM would order these nodes forever");
  }

  @Test
  void aTypoInATypeOrPropertyNameIsAnErrorUnlessAnUnreadableImportMayDefineIt() {
    ToscaTemplate t = roundTrip("type-typo.yaml");

    assertThat(errors(t)).containsExactly("topology_template.node_templates.vm.type",
        "topology_template.node_templates.storage.properties.sise");
    ToscaTemplate ec3 = ToscaTemplate.parse(form("type-typo.yaml")
        .replace("grycap/tosca/main/custom_types.yaml", "grycap/ec3/tosca/tosca/custom_types.yaml"));
    assertThat(ec3.validate()).isEmpty();
  }

  @Test
  void unknownFunctionsAreErrorsInPropertiesAndOutputs() {
    ToscaTemplate t = roundTrip("unknown-function.yaml");

    assertThat(t.validate()).extracting(ToscaProblem::path).containsExactly(
        "topology_template.node_templates.storage.properties.size", "topology_template.outputs.ip.value");
    assertThat(t.validate()).allSatisfy(p -> {
      assertThat(p.isError()).isTrue();
      assertThat(p.message()).startsWith("unknown function");
    });
  }

  @Test
  void anAppdbImageIsReadWithAWarning() {
    ToscaTemplate t = roundTrip("appdb-image.yaml");

    assertThat(t.validate()).singleElement().satisfies(p -> {
      assertThat(p.severity()).isEqualTo(ToscaProblem.Severity.WARNING);
      assertThat(p.message()).contains("IM 2.0 no longer resolves").contains("egi://");
    });
  }
}
