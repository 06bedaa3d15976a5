package io.github.imsdk.ssh;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * How an SSH client decides whether to trust a server's host key. IM returns no host key for the VMs it deploys,
 * so the caller chooses:
 *
 * <ul>
 *   <li>{@link #trustOnFirstUse(Path)}: a host (and port) absent from the known-hosts file is accepted and its key
 *       appended to the file; a host present with a different key is refused. The first connection is
 *       unauthenticated, later ones are checked: OpenSSH's {@code StrictHostKeyChecking=accept-new}.
 *   <li>{@link #strict(Path)}: only keys already in the file are accepted ({@code StrictHostKeyChecking=yes});
 *       the file is never written. Use it when the keys were collected out of band (e.g. from the cloud's console).
 *   <li>{@link #acceptAny()}: every key is accepted and nothing is recorded. Anyone on the path can impersonate
 *       the VM; only for throw-away test VMs.
 * </ul>
 *
 * <p>The known-hosts file uses OpenSSH's format ({@code host} for port 22, {@code [host]:port} otherwise; hashed
 * entries are read too), so it can be shared with the {@code ssh} command. Behind a jump host each hop is checked
 * under its own name and port, not under the tunnel's local address.
 */
public final class HostKeyPolicy {

  /** The kinds of host-key checking. */
  public enum Mode {
    /** Accept and record unknown hosts; refuse changed keys. */
    TRUST_ON_FIRST_USE,
    /** Accept only keys already in the known-hosts file. */
    STRICT,
    /** Accept every key. */
    ACCEPT_ANY
  }

  private final Mode mode;
  private final Path knownHosts;

  private HostKeyPolicy(Mode mode, Path knownHosts) {
    this.mode = mode;
    this.knownHosts = knownHosts;
  }

  /**
   * Returns the trust-on-first-use policy recording keys into {@code knownHosts} (created, with its parent
   * directories, on first write).
   */
  public static HostKeyPolicy trustOnFirstUse(Path knownHosts) {
    return new HostKeyPolicy(Mode.TRUST_ON_FIRST_USE, Objects.requireNonNull(knownHosts, "knownHosts"));
  }

  /** Returns the strict policy: only keys in {@code knownHosts} are accepted (a missing file accepts none). */
  public static HostKeyPolicy strict(Path knownHosts) {
    return new HostKeyPolicy(Mode.STRICT, Objects.requireNonNull(knownHosts, "knownHosts"));
  }

  /** Returns the policy that accepts every host key without checking or recording it. */
  public static HostKeyPolicy acceptAny() {
    return new HostKeyPolicy(Mode.ACCEPT_ANY, null);
  }

  /** Returns the kind of checking. */
  public Mode mode() {
    return mode;
  }

  /** Returns the known-hosts file, absent for {@link Mode#ACCEPT_ANY}. */
  public Optional<Path> knownHosts() {
    return Optional.ofNullable(knownHosts);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof HostKeyPolicy p && mode == p.mode && Objects.equals(knownHosts, p.knownHosts);
  }

  @Override
  public int hashCode() {
    return Objects.hash(mode, knownHosts);
  }

  @Override
  public String toString() {
    return "HostKeyPolicy[" + mode + (knownHosts == null ? "" : ", " + knownHosts) + "]";
  }
}
