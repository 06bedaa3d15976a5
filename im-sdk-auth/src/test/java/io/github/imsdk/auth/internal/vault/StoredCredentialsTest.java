package io.github.imsdk.auth.internal.vault;

import static org.assertj.core.api.Assertions.assertThat;
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

  @Test
  void malformedJsonIsATypedErrorWithNoCauseQuotingTheSecret() {
    // Given an entry whose unquoted password makes Jackson quote it ("Unrecognized token 'hunter2pw'")
    String json = "{\"id\":\"os\",\"type\":\"OpenStack\",\"password\": hunter2pw}";

    // When it is parsed, Then neither the message nor any cause quotes the value
    assertThatThrownBy(() -> StoredCredentials.parse("os", json, "kv1:credentials/entity"))
        .isInstanceOfSatisfying(ImCredentialsException.class, e -> {
          assertThat(e.getMessage()).contains("'os'", "not valid JSON", "line 1").doesNotContain("hunter2pw");
          for (Throwable t = e.getCause(); t != null; t = t.getCause()) {
            assertThat(String.valueOf(t.getMessage())).doesNotContain("hunter2pw");
          }
          assertThat(e.getCause()).isNull();
        });
  }

  @Test
  void anInvalidIdIsNotQuoted() {
    // Given an entry whose id holds a pasted secret
    String json = "{\"id\":\"hunter2 pw\",\"type\":\"OpenStack\"}";

    // Then the error does not quote it
    assertThatThrownBy(() -> StoredCredentials.parse("os", json, "kv1:credentials/entity"))
        .isInstanceOf(ImCredentialsException.class).hasMessageContaining("id is invalid")
        .hasMessageNotContaining("hunter2");
  }
}
