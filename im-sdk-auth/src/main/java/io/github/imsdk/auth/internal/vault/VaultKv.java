package io.github.imsdk.auth.internal.vault;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The key/value engine calls, versions 1 and 2: KV 1 keeps one map at {@code {mount}/{path}}; KV 2 keeps versions
 * at {@code {mount}/data/{path}} (body and answer wrapped in {@code data}) and its metadata at
 * {@code {mount}/metadata/{path}}.
 */
public final class VaultKv {

  private VaultKv() {}

  /** Reads a secret; empty when it does not exist (404) or its latest KV 2 version is deleted. */
  public static Optional<Map<String, String>> read(VaultSession session, String mount, String path, int version) {
    VaultHttp.Response r = session.send("GET", dataPath(mount, path, version), null, true);
    if (r.status() == 404) {
      return Optional.empty();
    }
    JsonNode data = version == 1 ? r.body().path("data") : r.body().path("data").path("data");
    if (!data.isObject()) {
      return Optional.empty();
    }
    Map<String, String> out = new LinkedHashMap<>();
    data.fields().forEachRemaining(e -> out.put(e.getKey(),
        e.getValue().isTextual() ? e.getValue().asText() : e.getValue().toString()));
    return Optional.of(out);
  }

  /** Writes a whole secret (KV 1: replaces it; KV 2: a new version). */
  public static void write(VaultSession session, String mount, String path, int version, Map<String, String> values) {
    ObjectNode data = VaultHttp.JSON.createObjectNode();
    values.forEach((k, v) -> data.put(Objects.requireNonNull(k, "a key of the secret is null"),
        Objects.requireNonNull(v, "the value of '" + k + "' is null")));
    JsonNode body = data;
    if (version == 2) {
      ObjectNode wrapper = VaultHttp.JSON.createObjectNode();
      wrapper.set("data", data);
      body = wrapper;
    }
    session.send("POST", dataPath(mount, path, version), body, false);
  }

  /** Deletes a secret (KV 2: every version and the metadata). A missing secret is not an error. */
  public static void delete(VaultSession session, String mount, String path, int version) {
    session.send("DELETE", version == 1 ? mount + "/" + path : mount + "/metadata/" + path, null, true);
  }

  private static String dataPath(String mount, String path, int version) {
    return version == 1 ? mount + "/" + path : mount + "/data/" + path;
  }
}
