package io.github.imsdk.ssh.internal;

import io.github.imsdk.ssh.HostKeyPolicy;
import io.github.imsdk.ssh.SshAuthenticationException;
import io.github.imsdk.ssh.SshException;
import io.github.imsdk.ssh.SshHostKeyException;
import io.github.imsdk.ssh.SshOptions;
import io.github.imsdk.ssh.SshTarget;
import io.github.imsdk.ssh.SshTimeoutException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.sshd.client.SshClient;
import org.apache.sshd.client.config.hosts.HostConfigEntryResolver;
import org.apache.sshd.client.future.AuthFuture;
import org.apache.sshd.client.future.ConnectFuture;
import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.common.NamedResource;
import org.apache.sshd.common.config.keys.FilePasswordProvider;
import org.apache.sshd.common.keyprovider.KeyIdentityProvider;
import org.apache.sshd.common.util.security.SecurityUtils;
import org.apache.sshd.core.CoreModuleProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One authenticated SSH connection: its own MINA client (so its host-key check knows the hop's real name even
 * when it runs through a tunnel), connected to {@code address:addressPort} and checked as {@code target}.
 */
final class Hop implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(Hop.class);

  private final SshClient client;
  private final ClientSession session;

  private Hop(SshClient client, ClientSession session) {
    this.client = client;
    this.session = session;
  }

  ClientSession session() {
    return session;
  }

  /**
   * Connects to {@code address:addressPort} (the target itself, or a tunnel's loopback end), checks the host key
   * as {@code target}'s host and port, and authenticates with the target's passwords and keys.
   */
  static Hop open(SshTarget target, String address, int addressPort, HostKeyPolicy policy, SshOptions options) {
    KnownHostsVerifier verifier = new KnownHostsVerifier(policy, target.host(), target.port());
    SshClient client = SshClient.setUpDefaultClient();
    // Only what the caller gave: no ~/.ssh/config rewriting host, port or user, no ~/.ssh/id_* keys.
    client.setHostConfigEntryResolver(HostConfigEntryResolver.EMPTY);
    client.setKeyIdentityProvider(KeyIdentityProvider.EMPTY_KEYS_PROVIDER);
    client.setServerKeyVerifier(verifier);
    CoreModuleProperties.IO_CONNECT_TIMEOUT.set(client, options.connectTimeout());
    // MINA's own session timer is only a backstop: the caller's bounds are applied here, with clear errors.
    CoreModuleProperties.AUTH_TIMEOUT.set(client,
        options.connectTimeout().plus(options.authTimeout()).plus(Duration.ofSeconds(5)));
    client.start();
    ClientSession session = null;
    try {
      session = connect(client, target, address, addressPort, options.connectTimeout());
      addIdentities(session, target);
      authenticate(session, target, verifier, options.authTimeout());
      log.debug("logged in to {}", target.user() + "@" + target.host() + ":" + target.port());
      return new Hop(client, session);
    } catch (RuntimeException e) {
      closeQuietly(session, client);
      throw e;
    }
  }

  private static ClientSession connect(SshClient client, SshTarget t, String address, int port, Duration timeout) {
    String where = t.host() + ":" + t.port();
    ConnectFuture f;
    try {
      f = client.connect(t.user(), address, port);
      if (!f.await(timeout)) {
        f.cancel();
        throw new SshTimeoutException("no SSH connection to " + where + " within " + timeout);
      }
    } catch (IOException e) {
      throw new SshException("cannot connect to " + where + ": " + e.getMessage(), e);
    }
    if (!f.isConnected()) {
      Throwable cause = f.getException();
      throw new SshException("cannot connect to " + where + ": "
          + (cause == null ? "connection not established" : cause.getMessage()), cause);
    }
    return f.getSession();
  }

  private static void addIdentities(ClientSession session, SshTarget t) {
    if (t.passwords().isEmpty() && t.privateKeys().isEmpty()) {
      throw new SshAuthenticationException("no password or private key to log in as " + t.user() + " on "
          + t.host() + ":" + t.port());
    }
    t.passwords().forEach(session::addPasswordIdentity);
    for (int i = 0; i < t.privateKeys().size(); i++) {
      for (KeyPair kp : keyPairs(session, t, i)) {
        session.addPublicKeyIdentity(kp);
      }
    }
  }

  private static List<KeyPair> keyPairs(ClientSession session, SshTarget t, int index) {
    String pem = t.privateKeys().get(index).strip() + "\n";
    NamedResource name = NamedResource.ofName("private key " + (index + 1) + " of " + t.user() + "@" + t.host());
    List<KeyPair> out = new ArrayList<>();
    try {
      Iterable<KeyPair> pairs = SecurityUtils.loadKeyPairIdentities(session, name,
          new ByteArrayInputStream(pem.getBytes(StandardCharsets.UTF_8)), FilePasswordProvider.EMPTY);
      if (pairs != null) {
        pairs.forEach(out::add);
      }
    } catch (IOException | GeneralSecurityException | RuntimeException e) {
      // The parser's message names the format problem, never the key material.
      throw new SshAuthenticationException("cannot read " + name.getName() + " (expected an unencrypted PEM or "
          + "OpenSSH private key): " + e.getClass().getSimpleName(), e);
    }
    if (out.isEmpty()) {
      throw new SshAuthenticationException("cannot read " + name.getName() + ": no key found in the text "
          + "(expected an unencrypted PEM or OpenSSH private key)");
    }
    return out;
  }

  private static void authenticate(ClientSession session, SshTarget t, KnownHostsVerifier verifier, Duration d) {
    String who = t.user() + "@" + t.host() + ":" + t.port();
    AuthFuture f;
    try {
      f = session.auth();
      if (!f.await(d)) {
        hostKeyCheck(verifier);
        throw new SshTimeoutException("SSH authentication as " + who + " did not finish within " + d);
      }
    } catch (IOException e) {
      hostKeyCheck(verifier);
      throw new SshException("SSH authentication as " + who + " failed: " + e.getMessage(), e);
    }
    hostKeyCheck(verifier);
    if (!f.isSuccess()) {
      Throwable cause = f.getException();
      String reason = cause == null ? "" : String.valueOf(cause.getMessage());
      if (!reason.contains("authentication methods")) {
        // Not a refusal of our credentials: the connection ended first (not SSH, key exchange failed, closed).
        throw new SshException("SSH connection to " + t.host() + ":" + t.port() + " ended before authentication"
            + (cause == null ? "" : ": " + reason), cause);
      }
      String methods = (t.passwords().isEmpty() ? "" : t.passwords().size() + " password(s)")
          + (t.passwords().isEmpty() || t.privateKeys().isEmpty() ? "" : " and ")
          + (t.privateKeys().isEmpty() ? "" : t.privateKeys().size() + " private key(s)");
      throw new SshAuthenticationException("SSH server " + t.host() + ":" + t.port() + " refused " + methods
          + " for user " + t.user() + (cause == null ? "" : " (" + cause.getMessage() + ")"), cause);
    }
  }

  private static void hostKeyCheck(KnownHostsVerifier verifier) {
    String refusal = verifier.refusal();
    if (refusal != null) {
      throw new SshHostKeyException(refusal);
    }
  }

  private static void closeQuietly(ClientSession session, SshClient client) {
    try {
      if (session != null) {
        session.close(true);
      }
    } finally {
      client.stop();
    }
  }

  @Override
  public void close() {
    closeQuietly(session, client);
  }
}
