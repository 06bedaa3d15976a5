package io.github.imsdk.tosca;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class EvaluationTest {

  private final ToscaTemplate seed = ToscaTemplate.parse(Fixtures.seed());

  /** Attributes of a deployed seed: one VM at 127.0.0.7 with user "cloudadm". */
  private final Function<ToscaFunction.GetAttribute, Object> deployed = a -> {
    if (a.node().equals("simple_node") && a.attribute().equals("public_address")) {
      return a.index() >= 0 ? "127.0.0.7" : List.of("127.0.0.7");
    }
    if (a.node().equals("simple_node") && a.attribute().equals("endpoint")) {
      return Map.of("user", "cloudadm");
    }
    return null;
  };

  @Test
  void inputsResolveToGivenValuesThenDefaults() {
    // Then a given value wins, otherwise the default applies
    assertThat(seed.resolveInput("num_cpus", Map.of("num_cpus", 4))).isEqualTo(4);
    assertThat(seed.resolveInput("num_cpus", Map.of())).isEqualTo(2);
    assertThat(seed.resolveInput("mem_size", Map.of())).isEqualTo("2 GB");
  }

  @Test
  void anUnknownInputOrOneWithoutValueIsAnError() {
    // Given an input without default
    ToscaTemplate t = seed.withInput("token", ToscaInput.builder("string").build());

    // Then resolving it without a value, or an unknown one, names the input
    assertThatThrownBy(() -> t.resolveInput("token", Map.of())).isInstanceOf(ToscaValidationException.class)
        .hasMessageContaining("topology_template.inputs.token: no value given and no default");
    assertThatThrownBy(() -> t.resolveInput("nope", Map.of())).isInstanceOf(ToscaValidationException.class)
        .hasMessageContaining("topology_template.inputs.nope: no such input");
  }

  @Test
  void outputsEvaluateWithAttributesOfTheDeployment() {
    // When the seed outputs are evaluated against a deployed VM
    Object url = seed.evaluateOutput("oligia_endpoint", Map.of(), deployed);
    Object ip = seed.evaluateOutput("node_ip", Map.of(), deployed);

    // Then concat joins the parts and get_attribute gets the address
    assertThat(url).isEqualTo("http://127.0.0.7:3000");
    assertThat(ip).isEqualTo("127.0.0.7");
  }

  @Test
  void aConcatWithAnUnknownAttributeIsUnknown() {
    assertThat(seed.evaluateOutput("oligia_endpoint", Map.of(), a -> null)).isNull();
  }

  @Test
  void hostPropertiesEvaluateToInputValues() {
    // Given the seed VM's host capability
    Map<String, Object> host = seed.nodeTemplate("simple_node").orElseThrow().capability("host").orElseThrow()
        .properties();

    // When evaluated with 8 CPUs given
    Object evaluated = seed.evaluate(host, Map.of("num_cpus", 8), null, "simple_node");

    // Then each function is replaced by its value
    assertThat(evaluated).isEqualTo(Map.of("num_cpus", 8, "mem_size", "2 GB", "num_gpus", 0, "gpu_vendor", "",
        "gpu_model", ""));
  }

  @Test
  void getPropertyReadsNodeAndCapabilityPropertiesThroughSelfAndHost() {
    // Given an application reading properties of its host and itself
    ToscaTemplate t = seed.withNodeTemplate(SoftwareNode.component("app").hostedOn("simple_node")
        .property("greeting", "hello")
        .configure("app.yml", Map.of(
            "cpus", ToscaFunction.getProperty("HOST", "host", "num_cpus"),
            "size", ToscaFunction.getProperty("my_block_storage", "size"),
            "greeting", ToscaFunction.getProperty("SELF", "greeting")))
        .build());
    Map<String, Object> inputs = t.nodeTemplate("app").orElseThrow().operation("Standard", "configure")
        .orElseThrow().inputs();

    // When evaluated in the app's context
    Object evaluated = t.evaluate(inputs, Map.of("storage_size", "20 GB"), null, "app");

    // Then HOST is the VM, properties are followed to inputs
    assertThat(evaluated).isEqualTo(Map.of("cpus", 2, "size", "20 GB", "greeting", "hello"));
    // The seed's appdb:// image only warns (IM 2.0 no longer resolves it)
    assertThat(t.validate()).allMatch(p -> !p.isError() && p.message().contains("appdb://"));
  }

  @Test
  void tokenSplitsAtTheWholeSeparatorLikeTheIm() {
    // Given an address with a port, split at ':'
    ToscaFunction host = ToscaFunction.token("127.0.0.7:3000", ":", 0);
    ToscaFunction pair = ToscaFunction.token("a::b::c", "::", 2);
    ToscaFunction beyond = ToscaFunction.token("a:b", ":", 5);

    // Then the piece is selected; out of range gives null as in the IM
    assertThat(seed.evaluate(host, Map.of(), null, null)).isEqualTo("127.0.0.7");
    assertThat(seed.evaluate(pair, Map.of(), null, null)).isEqualTo("c");
    assertThat(seed.evaluate(beyond, Map.of(), null, null)).isNull();
  }

  @Test
  void concatWritesValuesAsTheImDoes() {
    // Given numbers and booleans in a concat
    ToscaFunction c = ToscaFunction.concat("port ", ToscaFunction.getInput("num_cpus"), " ", true, " ", 1.0);

    // Then they read as Python's str() writes them
    assertThat(seed.evaluate(c, Map.of(), null, null)).isEqualTo("port 2 True 1.0");
  }

  @Test
  void concatWritesInfinityAndNanAsPythonDoes() {
    // Given YAML's .inf, -.inf and .nan in a concat
    ToscaFunction c = ToscaFunction.concat(Double.POSITIVE_INFINITY, " ", Double.NEGATIVE_INFINITY, " ", Double.NaN);

    // Then they read as Python's str() writes them, without an exception
    assertThat(seed.evaluate(c, Map.of(), null, null)).isEqualTo("inf -inf nan");
  }

  @Test
  void getInputWithAPathIndexesIntoTheValue() {
    // Given a list input and get_input: [ name, 1 ]
    ToscaTemplate t = seed.withInput("zones", ToscaInput.builder("list").defaultValue(List.of("a", "b")).build());

    // Then the item is returned
    assertThat(t.evaluate(new ToscaFunction.GetInput("zones", List.of(1)), Map.of(), null, null)).isEqualTo("b");
  }

  @Test
  void selfOutsideANodeIsAnError() {
    assertThatThrownBy(() -> seed.evaluate(ToscaFunction.getProperty("SELF", "size"), Map.of(), null, null))
        .isInstanceOf(ToscaException.class).hasMessageContaining("SELF outside a node template");
  }
}
