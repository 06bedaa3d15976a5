package io.github.imsdk.auth.internal.vault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.imsdk.auth.ImVaultException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The Vault HTTP layer: what its errors show and how it builds request paths. */
class VaultHttpTest {

  @Test
  void errorMessagesNeverShowTheAddressUserInfo() throws Exception {
    // Given an address with user info, on a loopback port nobody listens on
    int port;
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
      port = s.getLocalPort();
    }
    VaultHttp http = new VaultHttp(URI.create("http://robot:pw-secret@127.0.0.1:" + port), null,
        Duration.ofSeconds(2));

    // When a call fails, Then the error names the host and port but not the user info
    assertThatThrownBy(() -> http.send("GET", "kv1/a", null, "hvs.token", false))
        .isInstanceOfSatisfying(ImVaultException.class, e -> assertThat(e.getMessage())
            .contains("127.0.0.1:" + port).doesNotContain("pw-secret").doesNotContain("robot"));
  }

  @Test
  void pathSegmentsArePercentEncodedAndSlashesKept() {
    // Given a path with a space, a percent sign, a question mark and a non-ASCII letter
    String path = "kv1/team a/50%?/é";

    // When it is encoded
    String encoded = VaultHttp.encodePath(path);

    // Then each segment is encoded and the separators stay
    assertThat(encoded).isEqualTo("kv1/team%20a/50%25%3F/%C3%A9");
    assertThat(URI.create("http://127.0.0.1/v1/" + encoded).getPath()).isEqualTo("/v1/" + path);
  }
}
