package io.github.imsdk.examples;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real OpenSSH server (Debian's openssh-server, /usr/sbin/sshd) on a free loopback port with its own host key,
 * config and authorized key, logging in the current user by key: the VM the emulator hands out. Stopped by
 * {@link #close()} (its own process, by PID).
 */
final class TestSshd implements AutoCloseable {

  private static final Path SSHD = Path.of("/usr/sbin/sshd");
  private final Process process;
  final int port;
  final String user = System.getProperty("user.name");
  final String privateKey;

  TestSshd(Path dir) throws IOException, InterruptedException {
    if (!Files.isExecutable(SSHD)) {
      throw new IllegalStateException(SSHD + " is missing: install openssh-server (.ci/run does)");
    }
    Path hostKey = dir.resolve("host_key");
    Path userKey = dir.resolve("user_key");
    exec("ssh-keygen", "-q", "-t", "ecdsa", "-N", "", "-f", hostKey.toString());
    exec("ssh-keygen", "-q", "-t", "rsa", "-b", "2048", "-m", "PEM", "-N", "", "-f", userKey.toString());
    Files.copy(dir.resolve("user_key.pub"), dir.resolve("authorized_keys"));
    privateKey = Files.readString(userKey);
    try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      port = s.getLocalPort();
    }
    Path config = dir.resolve("sshd_config");
    Files.writeString(config, String.join("\n", "Port " + port, "ListenAddress 127.0.0.1",
        "HostKey " + hostKey, "PidFile " + dir.resolve("sshd.pid"), "AuthorizedKeysFile " + dir.resolve(
            "authorized_keys"), "PasswordAuthentication no", "KbdInteractiveAuthentication no",
        "PubkeyAuthentication yes", "PermitRootLogin yes", "StrictModes no", "UsePAM no",
        "Subsystem sftp internal-sftp", ""));
    Files.createDirectories(Path.of("/run/sshd")); // sshd's privilege separation directory
    process = new ProcessBuilder(SSHD.toString(), "-D", "-e", "-f", config.toString())
        .redirectErrorStream(true).redirectOutput(dir.resolve("sshd.log").toFile()).start();
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (true) {
      try (Socket s = new Socket()) {
        s.connect(new InetSocketAddress("127.0.0.1", port), 1000);
        break;
      } catch (IOException notYet) {
        if (!process.isAlive() || System.nanoTime() > deadline) {
          close();
          throw new IllegalStateException("sshd did not start: " + Files.readString(dir.resolve("sshd.log")));
        }
        Thread.onSpinWait();
      }
    }
  }

  private static void exec(String... cmd) throws IOException, InterruptedException {
    Process p = new ProcessBuilder(List.of(cmd)).redirectErrorStream(true).start();
    if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
      p.destroyForcibly();
      throw new IllegalStateException(String.join(" ", cmd) + " failed: " + new String(p.getInputStream()
          .readAllBytes()));
    }
  }

  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
