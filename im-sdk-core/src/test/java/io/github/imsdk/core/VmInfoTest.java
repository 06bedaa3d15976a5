package io.github.imsdk.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class VmInfoTest {

  @Test
  void propertiesAreFrozenAllTheWayDown() {
    // Given properties with a nested list of maps, all mutable
    Map<String, Object> inner = new HashMap<>(Map.of("port", 22));
    List<Object> rules = new ArrayList<>(List.of(inner));
    Map<String, Object> props = new HashMap<>(Map.of("network.rules", rules));

    // When a VmInfo is built and the caller then changes its own collections
    VmInfo vm = new VmInfo("0", State.RUNNING, "running", Optional.empty(), Optional.empty(), Optional.empty(),
        OptionalInt.empty(), OptionalLong.empty(), List.of(), Optional.empty(), Optional.empty(), Optional.empty(),
        "node", props);
    inner.put("port", 2222);
    rules.add("extra");

    // Then the VmInfo keeps its copy, and nothing in it can be changed
    @SuppressWarnings("unchecked")
    List<Object> got = (List<Object>) vm.properties().get("network.rules");
    assertThat(got).hasSize(1);
    @SuppressWarnings("unchecked")
    Map<String, Object> gotInner = (Map<String, Object>) got.get(0);
    assertThat(gotInner).containsEntry("port", 22);
    assertThatThrownBy(() -> got.add("x")).isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> gotInner.put("port", 1)).isInstanceOf(UnsupportedOperationException.class);
  }
}
