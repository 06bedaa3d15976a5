package io.github.imsdk.ssh;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The SSH API against real OpenSSH servers on loopback: one sshd as the VM (password and key logins, commands,
 * SFTP, port forwards) and a second one as the jump host ({@code proxy_host}). Each has its own host key and
 * config; a throw-away user logs in to both. Everything is stopped in {@link #stopAll()}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OpenSshIntegrationTest {

  @TempDir
  static Path tmp;

  private TestUser user;
  private OpenSshServer vm;
  private OpenSshServer jump;
  private String vmKey;
  private String jumpKey;
  private ServerSocket echo;
  private Thread echoThread;

  @BeforeAll
  void startAll() throws Exception {
    OpenSshServer.assumeAvailable();
    // sshd reads the authorized keys and enters the home directory as the test user, so it must get through tmp.
    Files.setPosixFilePermissions(tmp, java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));
    try {
      user = TestUser.create(tmp.resolve("home"));
      Path keys = Files.createDirectories(tmp.resolve("keys"));
      // The VM's key as IM hands them out (an RSA key in PEM), the gateway's in OpenSSH's own format.
      OpenSshServer.keygen(keys.resolve("vm_rsa"), "rsa", "PEM");
      OpenSshServer.keygen(keys.resolve("jump_ecdsa"), "ecdsa", "OpenSSH");
      vmKey = Files.readString(keys.resolve("vm_rsa"));
      jumpKey = Files.readString(keys.resolve("jump_ecdsa"));
      vm = OpenSshServer.start(tmp.resolve("vm-sshd"), user.name, "");
      vm.authorize(keys.resolve("vm_rsa.pub"));
      // The gateway only accepts its key and only forwards; it runs no commands for this user.
      jump = OpenSshServer.start(tmp.resolve("jump-sshd"), user.name, "PasswordAuthentication no\nForceCommand /bin/false");
      jump.authorize(keys.resolve("jump_ecdsa.pub"));
      startEcho();
    } catch (Exception | Error e) {
      stopAll();
      throw e;
    }
  }

  @AfterAll
  void stopAll() throws IOException {
    if (echo != null) {
      echo.close();
    }
    if (jump != null) {
      jump.close();
    }
    if (vm != null) {
      vm.close();
    }
    if (user != null) {
      user.close();
    }
  }

  /** A one-line echo server on loopback: the service "behind" the VM that a port forward reaches. */
  private void startEcho() throws IOException {
    echo = new ServerSocket(0, 10, InetAddress.getByName("127.0.0.1"));
    echoThread = new Thread(() -> {
      while (!echo.isClosed()) {
        try (Socket s = echo.accept()) {
          String line = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.UTF_8))
              .readLine();
          s.getOutputStream().write(("echo:" + line + "\n").getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
          // closed, or a client that went away
        }
      }
    }, "echo");
    echoThread.setDaemon(true);
    echoThread.start();
  }

  private SshTarget vmByPassword() {
    return SshTarget.of("127.0.0.1", vm.port(), user.name).withPassword(user.password);
  }

  private SshSession connect(SshTarget target) {
    return SshSession.builder().target(target).hostKeys(HostKeyPolicy.acceptAny()).connect();
  }

  @Test
  void passwordLoginRunsCommandsWithExitCodesAndBothStreams() {
    try (SshSession ssh = connect(vmByPassword())) {
      CommandResult r = ssh.run("whoami; echo to-stderr >&2; exit 3");
      assertThat(r.exitCode()).isEqualTo(3);
      assertThat(r.stdout()).isEqualTo(user.name + "\n");
      assertThat(r.stderr()).isEqualTo("to-stderr\n");
      assertThat(r.truncated()).isFalse();
      assertThat(ssh.run("true").isSuccess()).isTrue();
      // A command that reads its input gets end-of-input at once instead of hanging
      assertThat(ssh.run("cat; echo done").stdout()).isEqualTo("done\n");
    }
  }

  @Test
  void keyLoginWithAPemKeyAsImGivesIt() {
    SshTarget byKey = SshTarget.of("127.0.0.1", vm.port(), user.name).withPrivateKey(vmKey);
    try (SshSession ssh = connect(byKey)) {
      assertThat(ssh.run("whoami").stdout()).isEqualTo(user.name + "\n");
    }
  }

  @Test
  void aWrongPasswordIsAnAuthenticationErrorThatDoesNotShowIt() {
    SshTarget wrong = vmByPassword().withPassword("not-the-Secret-123");
    assertThatThrownBy(() -> connect(wrong))
        .isInstanceOf(SshAuthenticationException.class)
        .hasMessageContaining(user.name).hasMessageContaining("127.0.0.1:" + vm.port())
        .hasMessageNotContaining("not-the-Secret-123");
  }

  @Test
  void outputIsBoundedAndALongCommandTimesOut() {
    SshTarget t = vmByPassword();
    SshOptions small = SshOptions.defaults().withMaxOutputBytes(1000).withCommandTimeout(Duration.ofSeconds(2));
    try (SshSession ssh = SshSession.builder().target(t).hostKeys(HostKeyPolicy.acceptAny()).options(small)
        .connect()) {
      CommandResult big = ssh.run("head -c 100000 /dev/zero | tr '\\0' x");
      assertThat(big.stdout()).hasSize(1000);
      assertThat(big.truncated()).isTrue();
      assertThat(big.exitCode()).isZero();

      assertThatThrownBy(() -> ssh.run("sleep 60")).isInstanceOf(SshTimeoutException.class)
          .hasMessageContaining("did not finish within PT2S");
      // The session is still usable after a command was abandoned
      assertThat(ssh.run("echo alive").stdout()).isEqualTo("alive\n");
    }
  }

  @Test
  void streamingRunSendsInputAndCopiesOutput() {
    try (SshSession ssh = connect(vmByPassword())) {
      var out = new java.io.ByteArrayOutputStream();
      var err = new java.io.ByteArrayOutputStream();
      int code = ssh.run("tr a-z A-Z; exit 5", new java.io.ByteArrayInputStream(
          "hello\n".getBytes(StandardCharsets.UTF_8)), out, err, Duration.ofSeconds(30));
      assertThat(code).isEqualTo(5);
      assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("HELLO\n");
    }
  }

  @Test
  void anInteractiveShellGetsAPseudoTerminalOfTheRequestedTypeAndSize() {
    try (SshSession ssh = connect(vmByPassword())) {
      var out = new java.io.ByteArrayOutputStream();
      var in = new java.io.ByteArrayInputStream(
          "echo TERM=$TERM; stty size; tty; exit 7\n".getBytes(StandardCharsets.UTF_8));
      int code = ssh.shell(new Pty("xterm-256color", 132, 43), in, out, Duration.ofSeconds(30));
      String screen = out.toString(StandardCharsets.UTF_8);
      assertThat(code).isEqualTo(7);
      assertThat(screen).contains("TERM=xterm-256color").contains("43 132").contains("/dev/pts/");
    }
  }

  @Test
  void sftpUploadsAndDownloadsByteForByte() throws Exception {
    byte[] data = new byte[300_000];
    new SecureRandom().nextBytes(data);
    Path local = Files.write(tmp.resolve("up.bin"), data);
    try (SshSession ssh = connect(vmByPassword())) {
      // Upload: the file lands in the user's home, as the server sees it
      ssh.upload(local, "up.bin");
      assertThat(Files.readAllBytes(user.home.resolve("up.bin"))).isEqualTo(data);
      assertThat(ssh.run("sha256sum up.bin").stdout()).startsWith(sha256(data));

      // Download: a file the VM made comes back identical
      ssh.run("head -c 200000 /dev/urandom > made.bin");
      Path back = tmp.resolve("made.bin");
      ssh.download("made.bin", back);
      assertThat(Files.readAllBytes(back)).isEqualTo(Files.readAllBytes(user.home.resolve("made.bin")));

      // A missing remote file is an error naming it, and the local file is left as it was
      Files.writeString(back, "keep me");
      assertThatThrownBy(() -> ssh.download("/nonexistent/file", back)).isInstanceOf(SshException.class)
          .hasMessageContaining("/nonexistent/file");
      assertThat(Files.readString(back)).isEqualTo("keep me");
      try (var siblings = Files.list(tmp)) {
        assertThat(siblings.map(p -> p.getFileName().toString())).noneMatch(n -> n.endsWith(".part"));
      }
    }
  }

  @Test
  void aLocalPortForwardReachesAServerBehindTheVm() throws Exception {
    try (SshSession ssh = connect(vmByPassword())) {
      int localPort;
      try (PortForward f = ssh.forwardLocalPort(0, "127.0.0.1", echo.getLocalPort())) {
        localPort = f.localPort();
        assertThat(f.localAddress().getAddress().isLoopbackAddress()).isTrue();
        assertThat(roundTrip(localPort, "ping")).isEqualTo("echo:ping");
        assertThat(roundTrip(localPort, "again")).isEqualTo("echo:again");
      }
      // Closed: the port no longer listens
      assertThatThrownBy(() -> roundTrip(localPort, "x")).isInstanceOf(ConnectException.class);

      // The one-argument form reaches a port of the VM itself (localhost as the VM sees it)
      try (PortForward f = ssh.forwardLocalPort(echo.getLocalPort())) {
        assertThat(f.remoteHost()).isEqualTo("localhost");
        assertThat(roundTrip(f.localPort(), "self")).isEqualTo("echo:self");
      }
    }
    assertThat(vm.logText()).contains("direct-tcpip");
  }

  @Test
  void theJumpHostCarriesTheConnectionAndEachHopIsCheckedUnderItsOwnName() throws Exception {
    Path knownHosts = tmp.resolve("jump-known_hosts");
    SshTarget gateway = SshTarget.of("127.0.0.1", jump.port(), user.name).withPrivateKey(jumpKey);
    SshTarget behind = vmByPassword().withJumpHost(gateway);
    try (SshSession ssh = SshSession.builder().target(behind)
        .hostKeys(HostKeyPolicy.trustOnFirstUse(knownHosts)).connect()) {
      assertThat(ssh.run("whoami").stdout()).isEqualTo(user.name + "\n");
      ssh.upload(Files.writeString(tmp.resolve("via.txt"), "via jump"), "via.txt");
      assertThat(Files.readString(user.home.resolve("via.txt"))).isEqualTo("via jump");
    }
    // The gateway opened a direct-tcpip channel to the VM's sshd
    assertThat(jump.logText()).containsPattern("direct-tcpip.*|server_request_direct_tcpip.*port " + vm.port());
    // Both hosts were recorded under their own host:port, not under the tunnel's local port
    String recorded = Files.readString(knownHosts);
    assertThat(recorded).contains("[127.0.0.1]:" + jump.port() + " ecdsa-sha2-nistp256 ")
        .contains("[127.0.0.1]:" + vm.port() + " ecdsa-sha2-nistp256 ");
    assertThat(recorded.lines()).hasSize(2);
  }

  @Test
  void trustOnFirstUseRecordsTheKeyThenRefusesAChangedOne() throws Exception {
    Path knownHosts = tmp.resolve("tofu/known_hosts");
    HostKeyPolicy tofu = HostKeyPolicy.trustOnFirstUse(knownHosts);
    try (SshSession ssh = SshSession.builder().target(vmByPassword()).hostKeys(tofu).connect()) {
      assertThat(ssh.run("true").isSuccess()).isTrue();
    }
    String vmKeyBody = vm.hostKeyLine().split(" ")[1];
    assertThat(Files.readString(knownHosts)).isEqualTo("[127.0.0.1]:" + vm.port() + " ecdsa-sha2-nistp256 "
        + vmKeyBody + "\n");
    // Second time: known and matching, nothing added
    try (SshSession ssh = SshSession.builder().target(vmByPassword()).hostKeys(tofu).connect()) {
      assertThat(ssh.run("true").isSuccess()).isTrue();
    }
    assertThat(Files.readString(knownHosts).lines()).hasSize(1);

    // Now the file says the host has another key (the gateway's): the connection is refused, the file unchanged
    String forged = "[127.0.0.1]:" + vm.port() + " " + jump.hostKeyLine() + "\n";
    Files.writeString(knownHosts, forged);
    assertThatThrownBy(() -> SshSession.builder().target(vmByPassword()).hostKeys(tofu).connect())
        .isInstanceOf(SshHostKeyException.class).hasMessageContaining("differs")
        .hasMessageContaining("127.0.0.1:" + vm.port());
    assertThat(Files.readString(knownHosts)).isEqualTo(forged);
  }

  @Test
  void strictCheckingAcceptsOnlyKeysInTheFile() throws Exception {
    Path empty = Files.writeString(tmp.resolve("strict-empty"), "");
    assertThatThrownBy(() -> SshSession.builder().target(vmByPassword()).hostKeys(HostKeyPolicy.strict(empty))
        .connect()).isInstanceOf(SshHostKeyException.class).hasMessageContaining("is not in");
    assertThat(Files.readString(empty)).isEmpty();

    // OpenSSH's own plain line for port != 22 is "[host]:port type key"
    Path known = Files.writeString(tmp.resolve("strict-known"),
        "# collected out of band\n[127.0.0.1]:" + vm.port() + " " + vm.hostKeyLine() + "\n");
    try (SshSession ssh = SshSession.builder().target(vmByPassword()).hostKeys(HostKeyPolicy.strict(known))
        .connect()) {
      assertThat(ssh.run("echo ok").stdout()).isEqualTo("ok\n");
    }

    // A file hashed by OpenSSH (ssh-keygen -H, HashKnownHosts) is read too
    OpenSshServer.run(java.util.List.of("ssh-keygen", "-q", "-H", "-f", known.toString()));
    assertThat(Files.readString(known)).contains("|1|").doesNotContain("[127.0.0.1]");
    try (SshSession ssh = SshSession.builder().target(vmByPassword()).hostKeys(HostKeyPolicy.strict(known))
        .connect()) {
      assertThat(ssh.run("echo hashed").stdout()).isEqualTo("hashed\n");
    }
  }

  @Test
  void waitUntilReadyGivesUpWithATimeoutWhenNothingAnswers() throws Exception {
    int closedPort;
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
      closedPort = s.getLocalPort();
    }
    SshTarget nowhere = SshTarget.of("127.0.0.1", closedPort, user.name).withPassword(user.password);
    assertThatThrownBy(() -> SshSession.builder().target(nowhere).hostKeys(HostKeyPolicy.acceptAny())
        .waitUntilReady(Duration.ofSeconds(2)).connect())
        .isInstanceOf(SshTimeoutException.class).hasMessageContaining("did not answer within PT2S")
        .hasMessageContaining("attempts");
    // Against a server that answers, it connects at once
    try (SshSession ssh = SshSession.builder().target(vmByPassword()).hostKeys(HostKeyPolicy.acceptAny())
        .waitUntilReady(Duration.ofSeconds(30)).connect()) {
      assertThat(ssh.run("true").isSuccess()).isTrue();
    }
  }

  private static String roundTrip(int port, String line) throws IOException {
    try (Socket s = new Socket(InetAddress.getByName("127.0.0.1"), port)) {
      s.setSoTimeout(10_000);
      OutputStream out = s.getOutputStream();
      out.write((line + "\n").getBytes(StandardCharsets.UTF_8));
      out.flush();
      return new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.UTF_8)).readLine();
    }
  }

  private static String sha256(byte[] data) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
  }
}
