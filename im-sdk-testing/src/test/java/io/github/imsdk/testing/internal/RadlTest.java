package io.github.imsdk.testing.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RadlTest {

  @Test
  void parsesTheCommonSubsetAndWritesRadlJsonInBaseUnits() {
    // Given a RADL with a network, a system, a configure block and a disabled contextualization
    String text = """
        network publica (outbound = 'yes' and outports = '22/tcp-22/tcp')
        system front (
          cpu.count >= 2 and
          memory.size >= 1g and
          net_interface.0.connection = 'publica' and
          disk.0.applications contains (name = 'docker')
        )
        configure front (
        @begin
        - tasks: []
        @end
        )
        contextualize ()
        deploy front 3
        """;

    // When it is parsed
    Radl radl = Radl.parse(text);

    // Then the aspects and features are there, JSON uses _min keys and bytes
    Radl.Aspect system = radl.get("system", "front").orElseThrow();
    Map<String, Object> json = system.json();
    assertThat(json).containsEntry("cpu.count_min", 2L).containsEntry("memory.size_min", 1_000_000_000L);
    assertThat(radl.all("deploy").get(0).vmNumber).isEqualTo(3);
    assertThat(radl.get("configure", "front").orElseThrow().recipe).isEqualTo("- tasks: []");
    assertThat(radl.contextualizationDisabled()).isTrue();
    assertThat(Radl.parse(radl.text()).json()).isEqualTo(radl.json());
  }

  @Test
  void reportsSyntaxErrorsWithTheLineAndDeploysOfUnknownSystems() {
    assertThatThrownBy(() -> Radl.parse("system front ( cpu.count >= 1 and \ndeploy front 1\n"))
        .isInstanceOf(Radl.ParseException.class).hasMessageStartingWith("Line 2: Parse error in:");
    assertThatThrownBy(() -> Radl.parse("deploy nonexistent_system 1\n"))
        .isInstanceOf(Radl.ParseException.class).hasMessage("Line 1: Invalid system id in the deploy.");
  }

  @Test
  void readsRadlJson() {
    Radl radl = Radl.parseJson("""
        [{"class": "network", "id": "publica", "outbound": "yes"},
         {"class": "system", "id": "front", "cpu.count_min": 1, "net_interface.0.connection": "publica"},
         {"class": "deploy", "system": "front", "vm_number": 2}]
        """);
    assertThat(radl.get("system", "front").orElseThrow().feature("cpu.count").orElseThrow().op()).isEqualTo(">=");
    assertThat(radl.all("deploy")).extracting(d -> d.vmNumber).isEqualTo(List.of(2));
  }
}
