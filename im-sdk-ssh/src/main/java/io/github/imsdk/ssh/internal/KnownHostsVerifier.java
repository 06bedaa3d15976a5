package io.github.imsdk.ssh.internal;

import io.github.imsdk.ssh.HostKeyPolicy;
import java.io.IOException;
import java.net.SocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.util.List;
import org.apache.sshd.client.config.hosts.KnownHostEntry;
import org.apache.sshd.client.keyverifier.ServerKeyVerifier;
import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.config.keys.PublicKeyEntry;
import org.apache.sshd.common.config.keys.PublicKeyEntryResolver;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checks one hop's host key under its logical name and port (not the tunnel's loopback address a jump host gives
 * it), following a {@link HostKeyPolicy}. The reason for a refusal is kept for the caller's exception, because
 * MINA only reports that the key "did not validate".
 */
final class KnownHostsVerifier implements ServerKeyVerifier {

  private static final Logger log = LoggerFactory.getLogger(KnownHostsVerifier.class);

  private final HostKeyPolicy policy;
  private final String host;
  private final int port;
  private volatile String refusal;

  KnownHostsVerifier(HostKeyPolicy policy, String host, int port) {
    this.policy = policy;
    this.host = host;
    this.port = port;
  }

  /** Returns why the key was refused, or {@code null} if it was not. */
  String refusal() {
    return refusal;
  }

  @Override
  public boolean verifyServerKey(ClientSession session, SocketAddress remoteAddress, PublicKey serverKey) {
    try {
      return check(serverKey);
    } catch (IOException | GeneralSecurityException | RuntimeException e) {
      refusal = "cannot check the host key of " + hostPort() + " against " + policy.knownHosts().orElseThrow() + ": "
          + e.getClass().getSimpleName() + " " + e.getMessage();
      return false;
    }
  }

  private boolean check(PublicKey key) throws IOException, GeneralSecurityException {
    if (policy.mode() == HostKeyPolicy.Mode.ACCEPT_ANY) {
      log.debug("accepting the host key of {} unchecked (HostKeyPolicy.acceptAny)", hostPort());
      return true;
    }
    Path file = policy.knownHosts().orElseThrow();
    String fingerprint = KeyUtils.getFingerPrint(key);
    boolean hostKnown = false;
    if (Files.exists(file)) {
      List<KnownHostEntry> entries = KnownHostEntry.readKnownHostEntries(file);
      for (KnownHostEntry e : entries) {
        if (!e.isHostMatch(host, port) || e.getKeyEntry() == null) {
          continue;
        }
        String marker = e.getMarker();
        PublicKey known = e.getKeyEntry().resolvePublicKey(null, null, PublicKeyEntryResolver.IGNORING);
        if (known == null) {
          continue; // a key type this client cannot read says nothing about this key
        }
        if ("revoked".equals(marker) && KeyUtils.compareKeys(known, key)) {
          refusal = "the host key of " + hostPort() + " (" + fingerprint + ") is marked @revoked in " + file;
          return false;
        }
        if (marker != null && !marker.isEmpty()) {
          continue;
        }
        hostKnown = true;
        if (KeyUtils.compareKeys(known, key)) {
          return true;
        }
      }
    }
    if (hostKnown) {
      refusal = "the host key of " + hostPort() + " (" + fingerprint + ") differs from the one recorded in " + file
          + ": the VM was re-created, or someone is in the middle; remove the old line to accept it";
      return false;
    }
    if (policy.mode() == HostKeyPolicy.Mode.STRICT) {
      refusal = "the host key of " + hostPort() + " (" + fingerprint + ") is not in " + file
          + " (HostKeyPolicy.strict)";
      return false;
    }
    record(file, key);
    log.info("recorded the new host key of {} ({}) in {}", hostPort(), fingerprint, file);
    return true;
  }

  private void record(Path file, PublicKey key) throws IOException {
    Path parent = file.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    String pattern = port == 22 ? host : "[" + host + "]:" + port;
    String line = pattern + " " + PublicKeyEntry.toString(key) + "\n";
    // One append of one line: concurrent writers (other sessions, the ssh command) do not interleave within it.
    synchronized (KnownHostsVerifier.class) {
      Files.writeString(file, line, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND,
          StandardOpenOption.WRITE);
    }
  }

  private String hostPort() {
    return host + ":" + port;
  }
}
