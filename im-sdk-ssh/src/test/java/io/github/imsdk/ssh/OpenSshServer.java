package io.github.imsdk.ssh;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * A real OpenSSH server (Debian's {@code openssh-server}) run by a test: its own host key, {@code sshd_config},
 * authorized-keys file and log in a temporary directory, listening on a free loopback port in the foreground
 * ({@code sshd -D -e}); stopped by PID, with the per-connection processes it forked.
 */
final class OpenSshServer implements AutoCloseable {

  static final Path SSHD = Path.of("/usr/sbin/sshd");

  private final Process process;
  private final int port;
  private final Path dir;
  private final List<String> log = new ArrayList<>();

  private OpenSshServer(Process process, int port, Path dir) {
    this.process = process;
    this.port = port;
    this.dir = dir;
  }

  /**
   * Skips the calling test when sshd (or root, needed to log in as a throw-away user) is missing, but fails it
   * under CI=true, where .ci/run installs openssh-server and runs as root.
   */
  static void assumeAvailable() {
    String missing = null;
    if (!Files.isExecutable(SSHD)) {
      missing = "sshd is not installed (apt-get install openssh-server)";
    } else if (!"root".equals(System.getProperty("user.name"))) {
      missing = "the sshd tests run as root (they create a throw-away user for password logins)";
    }
    if (missing != null) {
      if ("true".equalsIgnoreCase(System.getenv("CI"))) {
        fail("CI=true but " + missing + ": .ci/run installs openssh-server and runs as root");
      }
      Assumptions.abort(missing + "; skipping the real-sshd tests");
    }
  }

  /** Starts sshd in {@code dir} for {@code user}, with {@code extraConfig} lines appended to its config. */
  static OpenSshServer start(Path dir, String user, String extraConfig) throws IOException, InterruptedException {
    Files.createDirectories(dir);
    // sshd refuses to start as root without its privilege-separation directory, which only the service creates.
    Files.createDirectories(Path.of("/run/sshd"));
    Path hostKey = dir.resolve("host_ecdsa");
    if (!Files.exists(hostKey)) {
      keygen(hostKey, "ecdsa", "OpenSSH");
    }
    Path authorized = dir.resolve("authorized_keys");
    if (!Files.exists(authorized)) {
      Files.createFile(authorized);
    }
    int port = freePort();
    String config = String.join("\n",
        "Port " + port,
        "ListenAddress 127.0.0.1",
        "HostKey " + hostKey,
        "PidFile " + dir.resolve("sshd.pid"),
        "AuthorizedKeysFile " + authorized,
        "StrictModes no",
        "UsePAM no",
        "PasswordAuthentication yes",
        "KbdInteractiveAuthentication no",
        "PubkeyAuthentication yes",
        "PermitRootLogin no",
        "AllowUsers " + user,
        "AllowTcpForwarding yes",
        "Subsystem sftp internal-sftp",
        "LogLevel DEBUG1",
        extraConfig,
        "");
    Path configFile = dir.resolve("sshd_config");
    Files.writeString(configFile, config);
    ProcessBuilder pb = new ProcessBuilder(SSHD.toString(), "-D", "-e", "-f", configFile.toString());
    pb.redirectErrorStream(true);
    OpenSshServer server = new OpenSshServer(pb.start(), port, dir);
    server.awaitListening();
    return server;
  }

  private void awaitListening() throws InterruptedException {
    CountDownLatch listening = new CountDownLatch(1);
    Thread reader = new Thread(() -> {
      try (BufferedReader r = new BufferedReader(
          new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
        for (String line; (line = r.readLine()) != null; ) {
          synchronized (log) {
            log.add(line);
          }
          if (line.contains("Server listening on 127.0.0.1 port " + port)) {
            listening.countDown();
          }
        }
      } catch (IOException e) {
        // the process ended
      }
    }, "sshd-log-" + port);
    reader.setDaemon(true);
    reader.start();
    if (!listening.await(20, TimeUnit.SECONDS)) {
      close();
      throw new IllegalStateException("sshd did not start listening on port " + port + ": " + logText());
    }
  }

  static void keygen(Path file, String type, String format) throws IOException, InterruptedException {
    List<String> cmd = new ArrayList<>(List.of("ssh-keygen", "-q", "-t", type, "-N", "", "-C", "imsdk-test",
        "-f", file.toString()));
    if (type.equals("rsa")) {
      cmd.addAll(List.of("-b", "2048"));
    }
    if (format.equals("PEM")) {
      cmd.addAll(List.of("-m", "PEM"));
    }
    run(cmd);
  }

  static void run(List<String> cmd) throws IOException, InterruptedException {
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    if (!p.waitFor(60, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new IllegalStateException(cmd.get(0) + " did not finish in 60 s");
    }
    if (p.exitValue() != 0) {
      throw new IllegalStateException(String.join(" ", cmd) + " failed: "
          + new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
      return s.getLocalPort();
    }
  }

  /** Authorizes {@code publicKeyFile} for logins. */
  void authorize(Path publicKeyFile) throws IOException {
    Files.writeString(dir.resolve("authorized_keys"), Files.readString(publicKeyFile),
        java.nio.file.StandardOpenOption.APPEND);
  }

  /** Returns the host's public key line ({@code ecdsa-sha2-nistp256 AAAA... comment}). */
  String hostKeyLine() throws IOException {
    return Files.readString(dir.resolve("host_ecdsa.pub")).strip();
  }

  int port() {
    return port;
  }

  String logText() {
    synchronized (log) {
      return String.join("\n", log);
    }
  }

  long pid() {
    return process.pid();
  }

  @Override
  public void close() {
    process.descendants().forEach(ProcessHandle::destroy);
    process.destroy();
    try {
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
    }
  }
}
