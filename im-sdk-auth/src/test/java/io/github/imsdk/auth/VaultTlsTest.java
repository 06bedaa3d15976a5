package io.github.imsdk.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.github.imsdk.auth.internal.tls.TlsContexts;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Vault client's TLS settings, the same {@link Tls} as the IM client's, against the fake Vault over HTTPS on
 * loopback (MockServer answers TLS on its port with a certificate from its own private CA; its first handshake
 * makes that certificate, slowly on a loaded machine, hence the generous timeout).
 */
class VaultTlsTest {

  private static FakeVault vault;

  @TempDir
  Path tmp;

  private Path pem;
  private String token;

  @BeforeAll
  static void start() {
    vault = new FakeVault();
  }

  @AfterAll
  static void stop() {
    vault.stop();
  }

  @BeforeEach
  void reset() throws Exception {
    vault.reset();
    token = vault.issueToken(0, false);
    vault.secrets.put("kv1/app", new LinkedHashMap<>(Map.of("token", "tls-value")));
    pem = tmp.resolve("ca.pem");
    try (InputStream in = getClass().getClassLoader()
        .getResourceAsStream("org/mockserver/socket/CertificateAuthorityCertificate.pem")) {
      Files.copy(in, pem);
    }
  }

  private VaultClient.Builder https() {
    return VaultClient.builder(URI.create("https://localhost:" + vault.server.getPort()))
        .timeout(Duration.ofSeconds(30)).auth(VaultAuth.token(token));
  }

  private static Map<String, String> read(VaultClient client) {
    try (client) {
      return client.read(VaultPath.kv1("kv1", "app")).orElseThrow();
    }
  }

  @Test
  void trustsAPemBundleAndTheSystemTrustRefusesThePrivateCa() {
    // When the secret is read trusting MockServer's CA bundle, and then with the default (system) trust
    Map<String, String> secret = read(https().tls(Tls.caBundle(pem)).build());
    Throwable untrusted = catchThrowable(() -> read(https().build()));

    // Then the bundle works and the system trust refuses the server
    assertThat(secret).containsEntry("token", "tls-value");
    assertThat(untrusted).isInstanceOf(ImVaultException.class).hasMessageNotContaining(token);
  }

  @Test
  void trustsAPkcs12TrustStore() throws Exception {
    // Given the CA in a password-protected PKCS#12 trust store
    Path p12 = tmp.resolve("trust.p12");
    try (var out = Files.newOutputStream(p12)) {
      TlsContexts.readPemBundle(pem).store(out, "s3cret".toCharArray());
    }

    // When the secret is read trusting it, Then it works; a wrong password names the file, not the password
    assertThat(read(https().tls(Tls.trustStore(p12, "s3cret".toCharArray())).build()))
        .containsEntry("token", "tls-value");
    assertThatThrownBy(() -> https().tls(Tls.trustStore(p12, "wrong".toCharArray())).build())
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("trust.p12")
        .hasMessageNotContaining("wrong");
  }

  @Test
  void theInsecureOptInWorksAndWarnsOnStderrAndSlf4j() {
    // Given standard error captured (slf4j-simple, the test binding, also writes there)
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    PrintStream saved = System.err;
    Map<String, String> secret;
    System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    try {
      // When the secret is read with Tls.insecure()
      secret = read(https().tls(Tls.insecure()).build());
    } finally {
      System.setErr(saved);
    }

    // Then it works, and the warning is both printed and logged, without the token
    String warning = "TLS certificate and host name checks are DISABLED for Vault at https://localhost:"
        + vault.server.getPort() + " (Tls.insecure()); use only against test servers";
    assertThat(secret).containsEntry("token", "tls-value");
    assertThat(err.toString(StandardCharsets.UTF_8))
        .contains("im-sdk WARNING: " + warning)
        .contains("WARN io.github.imsdk.auth.internal.vault.VaultHttp - " + warning)
        .doesNotContain(token);
  }
}
