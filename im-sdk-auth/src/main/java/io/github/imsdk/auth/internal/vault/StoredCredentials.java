package io.github.imsdk.auth.internal.vault;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.imsdk.auth.AuthLine;
import io.github.imsdk.auth.ImCredentialsException;
import io.github.imsdk.auth.VaultCredential;
import java.io.IOException;
import java.util.Iterator;
import java.util.Map;

/**
 * The IM dashboard's encoding of one credential in Vault: a JSON object as a string, with {@code id}, {@code type},
 * the other keys as strings and {@code enabled} (1 or 0). Like the IM server, a missing {@code enabled} means
 * enabled and a falsy one (0, false, "", null) means disabled.
 */
public final class StoredCredentials {

  private StoredCredentials() {}

  /**
   * Parses the entry stored under {@code key}.
   *
   * @throws ImCredentialsException if it is not a JSON object with a {@code type}, or has a blank key or one that
   *     trims to {@code id} or {@code type} (the value is never quoted)
   */
  public static VaultCredential parse(String key, String json, String where) {
    JsonNode node;
    try {
      node = VaultHttp.JSON.readTree(json);
    } catch (IOException e) {
      throw notJson(key, where, e);
    }
    if (node == null || !node.isObject() || !node.path("type").isTextual() || node.path("type").asText().isBlank()) {
      throw new ImCredentialsException(
          "Vault credential '" + key + "' in " + where + " is not a JSON object with a 'type'");
    }
    AuthLine.Builder b = AuthLine.builder(node.get("type").asText());
    String id = node.path("id").isTextual() ? node.get("id").asText() : key;
    try {
      b.id(id);
    } catch (IllegalArgumentException e) {
      throw new ImCredentialsException("Vault credential '" + key + "' in " + where + ": " + e.getMessage(), e);
    }
    boolean enabled = true;
    for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      String k = e.getKey();
      JsonNode v = e.getValue();
      if (k.equals("id") || k.equals("type")) {
        continue;
      }
      if (k.equals("enabled")) {
        enabled = truthy(v);
        continue;
      }
      if (v.isNull()) {
        continue;
      }
      try {
        b.set(k, v.isValueNode() ? v.asText() : v.toString());
      } catch (IllegalArgumentException ex) {
        // The message names the key only; the value may be a secret.
        throw new ImCredentialsException("Vault credential '" + id + "' in " + where + " has an invalid key '" + k
            + "': keys must be non-blank and other than 'id' and 'type'", ex);
      }
    }
    return new VaultCredential(b.build(), enabled);
  }

  /** Returns the JSON text of a credential whose resolved fields are {@code fields} (id and type first). */
  public static String format(Map<String, String> fields, boolean enabled) {
    ObjectNode o = VaultHttp.JSON.createObjectNode();
    fields.forEach(o::put);
    o.put("enabled", enabled ? 1 : 0);
    return o.toString();
  }

  /** Returns {@code json} with its {@code enabled} flag set, every other field untouched. */
  public static String withEnabled(String key, String json, boolean enabled, String where) {
    parse(key, json, where); // same validation as a read
    try {
      ObjectNode o = (ObjectNode) VaultHttp.JSON.readTree(json);
      o.put("enabled", enabled ? 1 : 0);
      return o.toString();
    } catch (IOException e) {
      throw notJson(key, where, e);
    }
  }

  private static boolean truthy(JsonNode v) {
    if (v.isNull() || v.isMissingNode()) {
      return false;
    }
    if (v.isBoolean()) {
      return v.asBoolean();
    }
    if (v.isNumber()) {
      return v.asDouble() != 0;
    }
    if (v.isTextual()) {
      return !v.asText().isEmpty();
    }
    return v.size() > 0;
  }

  /**
   * Returns the error for unparsable JSON. Jackson's exception is not chained and its message not used: it quotes
   * the input around the error ("Unrecognized token 'hunter2'"), which may be a secret. Only the position is kept.
   */
  private static ImCredentialsException notJson(String key, String where, IOException e) {
    String at = "";
    if (e instanceof com.fasterxml.jackson.core.JsonProcessingException j && j.getLocation() != null) {
      at = " (at line " + j.getLocation().getLineNr() + ", column " + j.getLocation().getColumnNr() + ")";
    }
    return new ImCredentialsException("Vault credential '" + key + "' in " + where + " is not valid JSON" + at);
  }
}
