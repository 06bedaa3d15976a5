package io.github.imsdk.ssh;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Logs in with passwords and keys (directly, through a jump host, and with a wrong password) while every logger,
 * MINA's included, writes at TRACE, and checks that no password, no line of a private key and no hex dump of one
 * reaches the log. Runs in its own surefire execution, which sets the TRACE level (see the module's pom).
 */
class SecretsInLogsTest {

  @TempDir
  Path tmp;

  @Test
  void noPasswordOrKeyReachesALogLineAtAnyLevel() throws Exception {
    // Only meaningful with every logger at TRACE: the module's secrets-in-logs execution sets it (-Dtest=... would
    // also run it in the default execution, at WARN, where it proves nothing).
    org.junit.jupiter.api.Assumptions.assumeTrue(
        "trace".equals(System.getProperty("org.slf4j.simpleLogger.defaultLogLevel")),
        "runs in the secrets-in-logs surefire execution, with loggers at TRACE");
    OpenSshServer.assumeAvailable();
    Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rwxr-xr-x"));
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    PrintStream original = System.err;
    List<String> secrets = new ArrayList<>();
    try (TestUser user = TestUser.create(tmp.resolve("home"))) {
      OpenSshServer.keygen(tmp.resolve("vm_rsa"), "rsa", "PEM");
      OpenSshServer.keygen(tmp.resolve("jump_ecdsa"), "ecdsa", "OpenSSH");
      String vmKey = Files.readString(tmp.resolve("vm_rsa"));
      String jumpKey = Files.readString(tmp.resolve("jump_ecdsa"));
      secrets.add(user.password);
      secrets.add("Wrong-Secret-4711");
      for (String key : List.of(vmKey, jumpKey)) {
        List<String> body = key.lines().filter(l -> !l.startsWith("-----") && l.length() > 20).toList();
        secrets.addAll(body);
        // A hex dump of the decoded key, as MINA's key parsers write it at TRACE: 16 bytes of the private part
        // (near the end in both formats; the start is a public header that SSH packets share)
        byte[] raw = Base64.getMimeDecoder().decode(String.join("", body));
        secrets.add(HexFormat.ofDelimiter(":").formatHex(raw, raw.length - 45, raw.length - 29));
      }
      try (OpenSshServer vm = OpenSshServer.start(tmp.resolve("vm"), user.name, "");
          OpenSshServer jump = OpenSshServer.start(tmp.resolve("jump"), user.name, "")) {
        vm.authorize(tmp.resolve("vm_rsa.pub"));
        jump.authorize(tmp.resolve("jump_ecdsa.pub"));
        System.setErr(new PrintStream(new Tee(captured, original), true, StandardCharsets.UTF_8));

        SshTarget byPassword = SshTarget.of("127.0.0.1", vm.port(), user.name).withPassword(user.password);
        SshTarget byKey = SshTarget.of("127.0.0.1", vm.port(), user.name).withPrivateKey(vmKey);
        SshTarget viaJump = byPassword.withJumpHost(
            SshTarget.of("127.0.0.1", jump.port(), user.name).withPrivateKey(jumpKey));
        for (SshTarget t : List.of(byPassword, byKey, viaJump)) {
          try (SshSession ssh = SshSession.builder().target(t).hostKeys(HostKeyPolicy.acceptAny()).connect()) {
            assertThat(ssh.run("whoami").stdout()).isEqualTo(user.name + "\n");
          }
        }
        assertThatThrownBy(() -> SshSession.builder().target(byPassword.withPassword("Wrong-Secret-4711"))
            .hostKeys(HostKeyPolicy.acceptAny()).connect()).isInstanceOf(SshAuthenticationException.class);
      } finally {
        System.setErr(original);
      }
    }
    String log = captured.toString(StandardCharsets.UTF_8);
    // The capture worked and MINA really logged at TRACE (otherwise this test proves nothing)
    assertThat(log).contains("TRACE org.apache.sshd").contains("UserAuthPassword");
    for (String secret : secrets) {
      assertThat(log).as("a secret in the log").doesNotContain(secret);
    }
    assertThat(log).doesNotContain("PRIVATE KEY-----");
  }

  /** Copies to the capture and to the real stderr (which surefire redirects to a file for this execution). */
  private static final class Tee extends OutputStream {
    private final OutputStream a;
    private final OutputStream b;

    Tee(OutputStream a, OutputStream b) {
      this.a = a;
      this.b = b;
    }

    @Override
    public synchronized void write(int x) throws java.io.IOException {
      a.write(x);
      b.write(x);
    }

    @Override
    public synchronized void write(byte[] buf, int off, int len) throws java.io.IOException {
      a.write(buf, off, len);
      b.write(buf, off, len);
    }
  }
}
