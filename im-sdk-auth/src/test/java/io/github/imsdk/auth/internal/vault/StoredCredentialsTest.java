package io.github.imsdk.auth.internal.vault;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.imsdk.auth.ImCredentialsException;
import org.junit.jupiter.api.Test;

/** Parsing the IM dashboard's JSON encoding of one credential. */
class StoredCredentialsTest {

  @Test
  void keyThatTrimsToIdIsATypedErrorNamingTheCredentialAndTheKeyButNotTheValue() {
    // Given an entry with a key " id " beside its real id
    String json = "{\"id\":\"os\",\"type\":\"OpenStack\",\" id \":\"secret-value\"}";

    // When it is parsed, Then the error is typed and names the credential and the key only
    assertThatThrownBy(() -> StoredCredentials.parse("os", json, "kv1:credentials/entity"))
        .isInstanceOf(ImCredentialsException.class)
        .hasMessageContaining("'os'").hasMessageContaining("kv1:credentials/entity").hasMessageContaining("' id '")
        .hasMessageNotContaining("secret-value");
  }

  @Test
  void emptyKeyIsATypedErrorWithoutTheValue() {
    // Given an entry with an empty key
    String json = "{\"id\":\"os\",\"type\":\"OpenStack\",\"\":\"secret-value\"}";

    // When it is parsed, Then the error is typed and does not quote the value
    assertThatThrownBy(() -> StoredCredentials.parse("os", json, "kv1:credentials/entity"))
        .isInstanceOf(ImCredentialsException.class)
        .hasMessageContaining("'os'").hasMessageContaining("invalid key ''")
        .hasMessageNotContaining("secret-value");
  }
}
