package io.github.imsdk.core.internal.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.imsdk.auth.AuthLine;
import io.github.imsdk.auth.Credentials;
import io.github.imsdk.auth.Tls;
import io.github.imsdk.core.Timeouts;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The security warnings of the IM transport reach both SLF4J and standard error (silent without an SLF4J binding
 * otherwise). Building a client sends nothing, so a remote {@code http://} endpoint here causes no traffic.
 */
class SecurityWarningsTest {

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

  /** Returns the lines the SDK printed on standard error (SLF4J's own start-up notes are left out). */
  private List<String> stderr() {
    return stderr.toString(StandardCharsets.UTF_8).lines().filter(l -> !l.startsWith("SLF4J")).toList();
  }

  private static Credentials credentials() {
    return Credentials.of(AuthLine.builder("InfrastructureManager").id("im").set("username", "alice")
        .set("password", "pw-4f9a-secret").build());
  }

  private static void build(URI endpoint, Credentials credentials, Tls tls, CapturingLogger log) {
    HttpSettings s = new HttpSettings(endpoint, credentials, Timeouts.DEFAULT, tls, null, "ua");
    new JerseyImHttp(s, log).close();
  }

  @Test
  void insecureTlsWarnsOnSlf4jAndStderr() {
    // When a client is built with Tls.insecure()
    CapturingLogger log = new CapturingLogger();
    build(URI.create("https://127.0.0.1:8899"), null, Tls.insecure(), log);

    // Then the warning is logged and printed
    assertThat(log.lines).containsExactly("WARN TLS certificate and host name checks are DISABLED for "
        + "https://127.0.0.1:8899 (Tls.insecure()); use only against test servers");
    assertThat(stderr()).containsExactly("im-sdk WARNING: TLS certificate and host name checks are DISABLED for "
        + "https://127.0.0.1:8899 (Tls.insecure()); use only against test servers");
  }

  @Test
  void credentialsOverPlainHttpToARemoteHostWarnWithoutTheSecret() {
    // When a client with credentials is built for a remote http:// endpoint
    CapturingLogger log = new CapturingLogger();
    build(URI.create("http://im.example.org:8800"), credentials(), Tls.system(), log);

    // Then both channels say so, without the password
    String expected = "credentials will be sent unencrypted over http:// to http://im.example.org:8800; use"
        + " https:// for any IM that is not on this machine";
    assertThat(log.lines).containsExactly("WARN " + expected);
    assertThat(stderr()).containsExactly("im-sdk WARNING: " + expected);
    assertThat(stderr.toString(StandardCharsets.UTF_8)).doesNotContain("pw-4f9a-secret");
  }

  @Test
  void loopbackHttpHttpsAndNoCredentialsStayQuiet() {
    // When clients are built for loopback http://, remote https:// and remote http:// without credentials
    CapturingLogger log = new CapturingLogger();
    build(URI.create("http://127.0.0.5:8800"), credentials(), Tls.system(), log);
    build(URI.create("http://localhost:8800"), credentials(), Tls.system(), log);
    build(URI.create("http://[::1]:8800"), credentials(), Tls.system(), log);
    build(URI.create("https://im.example.org:8800"), credentials(), Tls.system(), log);
    build(URI.create("http://im.example.org:8800"), null, Tls.system(), log);

    // Then nothing is warned
    assertThat(log.lines).isEmpty();
    assertThat(stderr()).isEmpty();
  }
}
