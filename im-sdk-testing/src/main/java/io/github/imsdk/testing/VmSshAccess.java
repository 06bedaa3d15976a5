package io.github.imsdk.testing;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Objects;
import java.util.Optional;

/**
 * A real SSH server (typically an sshd a test started on loopback) that the VMs an {@link ImEmulator} launches
 * stand for: each VM's first public interface gets {@link #ip()}, its public network maps {@link #port()} to the
 * VM's port 22 ({@code outports = 'port/tcp-22/tcp'}, as IM would for a VM behind NAT), and its
 * {@code disk.0.os.credentials} get the user and the password or private key. So an SSH client reading the VM's
 * information through the SDK reaches that server. VMs without a public network are left as they are.
 * {@link #toString()} never shows the password or the key.
 *
 * @param ip the server's loopback address
 * @param port the server's port
 * @param username the login user
 * @param password the password, if the server takes one
 * @param privateKey the private key (PEM or OpenSSH text), if the server takes one
 */
public record VmSshAccess(
    String ip, int port, String username, Optional<String> password, Optional<String> privateKey) {

  /** Checks the components: a loopback IP, a port, a user, and a password or a key. */
  public VmSshAccess {
    Objects.requireNonNull(ip, "ip");
    try {
      if (!InetAddress.getByName(ip).isLoopbackAddress()) {
        throw new IllegalArgumentException("emulated VMs have loopback addresses only, not " + ip);
      }
    } catch (UnknownHostException e) {
      throw new IllegalArgumentException("not an IP: " + ip, e);
    }
    if (port < 1 || port > 65535) {
      throw new IllegalArgumentException("port must be in 1-65535, not " + port);
    }
    Objects.requireNonNull(username, "username");
    Objects.requireNonNull(password, "password");
    Objects.requireNonNull(privateKey, "privateKey");
    if (password.isEmpty() && privateKey.isEmpty()) {
      throw new IllegalArgumentException("SSH access needs a password or a private key");
    }
  }

  /** Returns access by password. */
  public static VmSshAccess password(String ip, int port, String username, String password) {
    return new VmSshAccess(ip, port, username, Optional.of(password), Optional.empty());
  }

  /** Returns access by private key (PEM or OpenSSH text). */
  public static VmSshAccess privateKey(String ip, int port, String username, String privateKey) {
    return new VmSshAccess(ip, port, username, Optional.empty(), Optional.of(privateKey));
  }

  @Override
  public String toString() {
    return "VmSshAccess[" + username + "@" + ip + ":" + port + ", password=" + (password.isPresent() ? "***" : "none")
        + ", privateKey=" + (privateKey.isPresent() ? "***" : "none") + "]";
  }
}
