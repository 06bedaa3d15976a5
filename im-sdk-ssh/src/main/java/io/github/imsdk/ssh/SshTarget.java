package io.github.imsdk.ssh;

import io.github.imsdk.core.OsCredentials;
import io.github.imsdk.core.ProxyHost;
import io.github.imsdk.core.VmInfo;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Where and as whom to log in over SSH: host, port, user, the passwords and private keys to offer (in order), and
 * the jump host to go through, if any. An immutable value: {@code with*} methods return changed copies.
 *
 * <p>{@link #of(VmInfo)} reads all of it from what IM says about a VM. {@link #toString()} never shows a password
 * or a key.
 *
 * <pre>{@code
 * SshTarget vm = SshTarget.of(infrastructure.vm("0").info());
 * SshTarget manual = SshTarget.of("127.0.0.2", 2222, "cloudadm").withPassword(secret);
 * }</pre>
 */
public final class SshTarget {

  private final String host;
  private final int port;
  private final String user;
  private final List<String> passwords;
  private final List<String> privateKeys;
  private final SshTarget jumpHost;

  private SshTarget(String host, int port, String user, List<String> passwords, List<String> privateKeys,
      SshTarget jumpHost) {
    Objects.requireNonNull(host, "host");
    if (host.isBlank()) {
      throw new IllegalArgumentException("SSH host must not be blank");
    }
    if (port < 1 || port > 65535) {
      throw new IllegalArgumentException("SSH port must be within 1..65535, got " + port);
    }
    Objects.requireNonNull(user, "user");
    if (user.isBlank()) {
      throw new IllegalArgumentException("SSH user must not be blank");
    }
    this.host = host;
    this.port = port;
    this.user = user;
    this.passwords = List.copyOf(passwords);
    this.privateKeys = List.copyOf(privateKeys);
    this.jumpHost = jumpHost;
  }

  /** Returns a target with no credentials yet; add them with {@link #withPassword} or {@link #withPrivateKey}. */
  public static SshTarget of(String host, int port, String user) {
    return new SshTarget(host, port, user, List.of(), List.of(), null);
  }

  /**
   * Returns the target IM describes for a VM, following IM's own rules: the public IP, else the private IP; the
   * SSH port mapped on the public network ({@link VmInfo#sshPort()}); the user, password and private key of
   * {@code disk.0.os.credentials} (then any pending {@code new.password} / {@code new.private_key}, so a login
   * works before and after IM applies the change); and the {@code proxy_host} / {@code proxy_key} gateway as the
   * jump host.
   *
   * @throws SshException naming the VM if IM gave it no IP, no user, no password or key, or a gateway without a
   *     user
   */
  public static SshTarget of(VmInfo vm) {
    Objects.requireNonNull(vm, "vm");
    String host = vm.sshHost().orElseThrow(() -> new SshException(
        "VM " + vm.vmId() + " has no IP yet (state " + vm.state().wire() + "): IM's RADL has no net_interface.N.ip"));
    OsCredentials c = vm.credentials().orElseThrow(() -> new SshException(
        "VM " + vm.vmId() + " has no SSH user: IM's RADL has no disk.0.os.credentials.username"));
    List<String> passwords = new ArrayList<>();
    c.password().ifPresent(passwords::add);
    c.newPassword().filter(p -> !passwords.contains(p)).ifPresent(passwords::add);
    List<String> keys = new ArrayList<>();
    c.privateKey().ifPresent(keys::add);
    c.newPrivateKey().filter(k -> !keys.contains(k)).ifPresent(keys::add);
    if (passwords.isEmpty() && keys.isEmpty()) {
      throw new SshException("VM " + vm.vmId() + " has no SSH password or private key in IM's RADL (user "
          + c.username() + ")");
    }
    SshTarget jump = vm.proxyHost().map(p -> jumpHost(vm.vmId(), p)).orElse(null);
    return new SshTarget(host, vm.sshPort(), c.username(), passwords, keys, jump);
  }

  private static SshTarget jumpHost(String vmId, ProxyHost p) {
    String user = p.user().orElseThrow(() -> new SshException(
        "the proxy_host of VM " + vmId + " (" + p.host() + ":" + p.port() + ") names no user"));
    return new SshTarget(p.host(), p.port(), user, p.password().stream().toList(), p.privateKey().stream().toList(),
        null);
  }

  /** Returns the host name or IP to connect to. */
  public String host() {
    return host;
  }

  /** Returns the SSH port. */
  public int port() {
    return port;
  }

  /** Returns the user to log in as. */
  public String user() {
    return user;
  }

  /** Returns the passwords to offer, in order (secrets: never log them). */
  public List<String> passwords() {
    return passwords;
  }

  /** Returns the private keys (PEM or OpenSSH text) to offer, in order (secrets: never log them). */
  public List<String> privateKeys() {
    return privateKeys;
  }

  /** Returns the jump host to connect through, if any. */
  public Optional<SshTarget> jumpHost() {
    return Optional.ofNullable(jumpHost);
  }

  /** Returns a copy connecting to {@code host} instead. */
  public SshTarget withHost(String host) {
    return new SshTarget(host, port, user, passwords, privateKeys, jumpHost);
  }

  /** Returns a copy connecting to {@code port} instead. */
  public SshTarget withPort(int port) {
    return new SshTarget(host, port, user, passwords, privateKeys, jumpHost);
  }

  /** Returns a copy logging in as {@code user} instead. */
  public SshTarget withUser(String user) {
    return new SshTarget(host, port, user, passwords, privateKeys, jumpHost);
  }

  /** Returns a copy offering {@code password} as its only password. */
  public SshTarget withPassword(String password) {
    Objects.requireNonNull(password, "password");
    return new SshTarget(host, port, user, List.of(password), privateKeys, jumpHost);
  }

  /** Returns a copy offering {@code privateKey} (PEM or OpenSSH text, unencrypted) as its only key. */
  public SshTarget withPrivateKey(String privateKey) {
    Objects.requireNonNull(privateKey, "privateKey");
    return new SshTarget(host, port, user, passwords, List.of(privateKey), jumpHost);
  }

  /** Returns a copy reached through {@code jumpHost} ({@code ssh -J}), or directly when it is {@code null}. */
  public SshTarget withJumpHost(SshTarget jumpHost) {
    return new SshTarget(host, port, user, passwords, privateKeys, jumpHost);
  }

  /** Returns {@code user@host:port}, then the jump host; never a password or a key. */
  @Override
  public String toString() {
    return user + "@" + host + ":" + port + (jumpHost == null ? "" : " via " + jumpHost);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof SshTarget t && host.equals(t.host) && port == t.port && user.equals(t.user)
        && passwords.equals(t.passwords) && privateKeys.equals(t.privateKeys) && Objects.equals(jumpHost, t.jumpHost);
  }

  @Override
  public int hashCode() {
    return Objects.hash(host, port, user, passwords, privateKeys, jumpHost);
  }
}
