package io.github.imsdk.auth.internal.vault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.imsdk.auth.ImVaultException;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
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

  @Test
  void vaultErrorTextIsScrubbedOfTheTokenAndTheSecretsSent() throws Exception {
    // Given a Vault that echoes the token, a body value and another token-shaped string in its errors
    HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 0);
    server.createContext("/", ex -> {
      byte[] body = ("{\"errors\":[\"token hvs.CAESIsentTok3n is invalid\", \"bad value db-Pa55word-x in\","
          + " \"pw=abc\", \"other s.AbCdEfGhIjKlMnOpQrStUvWx and hvb.AAAAQbatchtoken\"]}")
          .getBytes(StandardCharsets.UTF_8);
      ex.getResponseHeaders().add("Content-Type", "application/json");
      ex.sendResponseHeaders(400, body.length);
      ex.getResponseBody().write(body);
      ex.close();
    });
    server.start();
    try {
      VaultHttp http = new VaultHttp(URI.create("http://127.0.0.1:" + server.getAddress().getPort()), null,
          Duration.ofSeconds(5));
      var sent = JsonNodeFactory.instance.objectNode().put("password", "db-Pa55word-x").put("pin", "abc");

      // When the call fails, Then the error keeps Vault's words but none of the secrets
      assertThatThrownBy(() -> http.send("POST", "kv1/a", sent, "hvs.CAESIsentTok3n", false))
          .isInstanceOfSatisfying(ImVaultException.class, e -> assertThat(e.getMessage())
              .contains("HTTP 400", "is invalid", "bad value *** in", "pw=***")
              .doesNotContain("CAESIsentTok3n", "Pa55word", "AbCdEfGhIjKlMnOpQrStUvWx", "batchtoken"));
    } finally {
      server.stop(0);
    }
  }

  @Test
  void responseToStringOmitsTheBody() {
    // Given a response holding a secret and a client token
    var body = JsonNodeFactory.instance.objectNode();
    body.putObject("data").put("password", "kv-s3cret");
    body.putObject("auth").put("client_token", "hvs.loginTok3n");

    // Then toString shows the status and the top-level field names only
    assertThat(new VaultHttp.Response(200, body).toString()).doesNotContain("kv-s3cret", "loginTok3n")
        .contains("200", "data", "auth");
  }
}
