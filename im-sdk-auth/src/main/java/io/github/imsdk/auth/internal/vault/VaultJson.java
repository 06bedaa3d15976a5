package io.github.imsdk.auth.internal.vault;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** Jackson access for the public Vault classes, which must not expose Jackson types. */
public final class VaultJson {

  private VaultJson() {}

  /** Returns a new empty JSON object. */
  public static ObjectNode object() {
    return VaultHttp.JSON.createObjectNode();
  }
}
