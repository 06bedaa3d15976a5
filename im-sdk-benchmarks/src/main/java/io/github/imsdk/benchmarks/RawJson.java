package io.github.imsdk.benchmarks;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;

/** The Jackson half of the raw baselines: what a hand-written client does with IM's JSON answers. */
final class RawJson {

  private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {};

  private final ObjectMapper mapper = new ObjectMapper();

  RawState state(byte[] body) {
    try {
      JsonNode state = mapper.readTree(body).get("state");
      Map<String, String> vms = new LinkedHashMap<>();
      state.get("vm_states").fields().forEachRemaining(e -> vms.put(e.getKey(), e.getValue().asText()));
      return new RawState(state.get("state").asText(), vms);
    } catch (IOException e) {
      throw new UncheckedIOException("unreadable state answer", e);
    }
  }

  @SuppressWarnings("unchecked")
  Map<String, Object> outputs(byte[] body) {
    try {
      return (Map<String, Object>) mapper.readValue(body, MAP).get("outputs");
    } catch (IOException e) {
      throw new UncheckedIOException("unreadable outputs answer", e);
    }
  }

  String version(byte[] body) {
    try {
      return mapper.readTree(body).get("version").asText();
    } catch (IOException e) {
      throw new UncheckedIOException("unreadable version answer", e);
    }
  }
}
