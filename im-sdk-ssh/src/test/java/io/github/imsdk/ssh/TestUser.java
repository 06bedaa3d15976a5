package io.github.imsdk.ssh;

import java.io.IOException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A throw-away local user with a random name and password (root only), so password logins to the test sshd work
 * without touching any real account; removed with its home directory on close.
 */
final class TestUser implements AutoCloseable {

  final String name;
  final String password;
  final Path home;

  private TestUser(String name, String password, Path home) {
    this.name = name;
    this.password = password;
    this.home = home;
  }

  static TestUser create(Path base) throws IOException, InterruptedException {
    SecureRandom random = new SecureRandom();
    byte[] id = new byte[4];
    random.nextBytes(id);
    byte[] pw = new byte[12];
    random.nextBytes(pw);
    String name = "imsdk" + HexFormat.of().formatHex(id);
    String password = "Pw-" + HexFormat.of().formatHex(pw);
    Path home = base.resolve(name);
    OpenSshServer.run(List.of("useradd", "-m", "-d", home.toString(), "-s", "/bin/sh", name));
    Process p = new ProcessBuilder("chpasswd").redirectErrorStream(true).start();
    p.getOutputStream().write((name + ":" + password + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
    p.getOutputStream().close();
    if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
      new TestUser(name, password, home).close();
      throw new IllegalStateException("chpasswd failed for " + name);
    }
    return new TestUser(name, password, home);
  }

  @Override
  public void close() {
    try {
      OpenSshServer.run(List.of("userdel", "-r", "-f", name));
    } catch (IOException | InterruptedException | IllegalStateException e) {
      // userdel -r warns when the mail spool is missing; the account itself is gone either way
      if (e instanceof InterruptedException) {
        Thread.currentThread().interrupt();
      }
    }
  }

  @Override
  public String toString() {
    return "TestUser[" + name + "]";
  }
}
