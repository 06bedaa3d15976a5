package io.github.imsdk.auth.internal.tls;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.imsdk.auth.VaultAuth;
import io.github.imsdk.auth.VaultClient;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Which endpoints count as plain {@code http://} to another machine, and the Vault client's warning for them.
 * Building a Vault client sends nothing, so the remote addresses here cause no traffic.
 */
class TransportWarningsTest {

  private final ByteArrayOutputStream stderr = new ByteArrayOutputStream();
  private PrintStream savedErr;

  @BeforeEach
  void captureStderr() {
    savedErr = System.err;
    System.setErr(new PrintStream(stderr, true, StandardCharsets.UTF_8));
  }

  @AfterEach
  void restoreStderr() {
    System.setErr(savedErr);
  }

  /** The SDK's own warning lines on standard error (slf4j-simple, the test binding, prints there too). */
  private List<String> warnings() {
    return stderr.toString(StandardCharsets.UTF_8).lines().filter(l -> l.startsWith("im-sdk WARNING")).toList();
  }

  @Test
  void plainHttpToRemoteResolvesNoNameAndKnowsLoopback() {
    assertThat(TransportWarnings.plainHttpToRemote(URI.create("http://10.0.0.1:8800"))).isTrue();
    assertThat(TransportWarnings.plainHttpToRemote(URI.create("http://127.evil.example:8800"))).isTrue();
    assertThat(TransportWarnings.plainHttpToRemote(URI.create("HTTP://im.example.org"))).isTrue();
    assertThat(TransportWarnings.plainHttpToRemote(URI.create("http://a.localhost:8800"))).isFalse();
    assertThat(TransportWarnings.plainHttpToRemote(URI.create("http://127.0.0.9:8800"))).isFalse();
    assertThat(TransportWarnings.plainHttpToRemote(URI.create("http://[::1]:8800"))).isFalse();
    assertThat(TransportWarnings.plainHttpToRemote(URI.create("https://10.0.0.1:8800"))).isFalse();
  }

  @Test
  void aVaultClientForARemoteHttpAddressWarnsWithoutTheToken() {
    // When a Vault client is built for http:// on another machine
    VaultClient.builder(URI.create("http://vault.example.org:8200")).auth(VaultAuth.token("hvs.warn-secret-42"))
        .build().close();

    // Then standard error says so once, naming the address and not the token
    assertThat(warnings()).containsExactly("im-sdk WARNING: the Vault token and the secrets it reads will travel"
        + " unencrypted over http:// to http://vault.example.org:8200; use https:// for any Vault that is not on"
        + " this machine");
    assertThat(stderr.toString(StandardCharsets.UTF_8)).doesNotContain("hvs.warn-secret-42");
  }

  @Test
  void aVaultClientOnLoopbackOrHttpsStaysQuiet() {
    VaultClient.builder(URI.create("http://127.0.0.1:8200")).auth(VaultAuth.token("t")).build().close();
    VaultClient.builder(URI.create("https://vault.example.org:8200")).auth(VaultAuth.token("t")).build().close();

    assertThat(warnings()).isEmpty();
  }
}
