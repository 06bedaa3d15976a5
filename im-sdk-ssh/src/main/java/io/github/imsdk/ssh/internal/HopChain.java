package io.github.imsdk.ssh.internal;

import io.github.imsdk.ssh.HostKeyPolicy;
import io.github.imsdk.ssh.SshException;
import io.github.imsdk.ssh.SshHostKeyException;
import io.github.imsdk.ssh.SshOptions;
import io.github.imsdk.ssh.SshTarget;
import io.github.imsdk.ssh.SshTimeoutException;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.client.session.forward.ExplicitPortForwardingTracker;
import org.apache.sshd.common.util.net.SshdSocketAddress;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The connections from here to a target: the jump hosts first (each reached through a local forward of the one
 * before), the target last. Closing closes them from the target back.
 */
final class HopChain implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(HopChain.class);
  private static final Duration MAX_PAUSE = Duration.ofSeconds(5);

  private final List<AutoCloseable> parts;
  private final ClientSession last;

  private HopChain(List<AutoCloseable> parts, ClientSession last) {
    this.parts = parts;
    this.last = last;
  }

  ClientSession session() {
    return last;
  }

  /**
   * Opens the chain once, or, with {@code waitUntilReady}, retries everything but a refused host key until it
   * works or the time is up.
   */
  static HopChain open(SshTarget target, HostKeyPolicy policy, SshOptions options, Duration waitUntilReady) {
    if (waitUntilReady == null) {
      return openOnce(target, policy, options);
    }
    long deadline = System.nanoTime() + waitUntilReady.toNanos();
    Duration pause = Duration.ofMillis(250);
    int attempts = 0;
    while (true) {
      attempts++;
      try {
        return openOnce(target, policy, options);
      } catch (SshHostKeyException e) {
        throw e;
      } catch (SshException e) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          throw new SshTimeoutException("SSH on " + target + " did not answer within " + waitUntilReady + " ("
              + attempts + " attempts); last: " + e.getMessage(), e);
        }
        log.debug("SSH on {} not ready (attempt {}): {}", target, attempts, e.getMessage());
        sleep(Math.min(pause.toNanos(), left));
        pause = pause.multipliedBy(2).compareTo(MAX_PAUSE) > 0 ? MAX_PAUSE : pause.multipliedBy(2);
      }
    }
  }

  private static void sleep(long nanos) {
    try {
      Thread.sleep(nanos / 1_000_000, (int) (nanos % 1_000_000));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new SshException("interrupted while waiting for SSH to answer", e);
    }
  }

  private static HopChain openOnce(SshTarget target, HostKeyPolicy policy, SshOptions options) {
    List<SshTarget> hops = new ArrayList<>();
    for (SshTarget t = target; t != null; t = t.jumpHost().orElse(null)) {
      hops.add(0, t);
      if (hops.size() > 8) {
        throw new SshException("more than 8 jump hosts in front of " + target.host() + ": a loop?");
      }
    }
    List<AutoCloseable> parts = new ArrayList<>();
    try {
      Hop previous = null;
      for (SshTarget hop : hops) {
        String address = hop.host();
        int port = hop.port();
        if (previous != null) {
          ExplicitPortForwardingTracker tunnel = tunnel(previous, hop);
          parts.add(tunnel);
          address = tunnel.getBoundAddress().getHostName();
          port = tunnel.getBoundAddress().getPort();
        }
        previous = Hop.open(hop, address, port, policy, options);
        parts.add(previous);
      }
      return new HopChain(parts, previous.session());
    } catch (RuntimeException e) {
      closeAll(parts);
      throw e;
    }
  }

  private static ExplicitPortForwardingTracker tunnel(Hop through, SshTarget to) {
    try {
      return through.session().createLocalPortForwardingTracker(new SshdSocketAddress("127.0.0.1", 0),
          new SshdSocketAddress(to.host(), to.port()));
    } catch (IOException e) {
      throw new SshException("cannot open a tunnel to " + to.host() + ":" + to.port() + " through the jump host: "
          + e.getMessage(), e);
    }
  }

  private static void closeAll(List<AutoCloseable> parts) {
    for (int i = parts.size() - 1; i >= 0; i--) {
      try {
        parts.get(i).close();
      } catch (Exception e) {
        log.debug("closing an SSH connection failed: {}", e.toString());
      }
    }
  }

  @Override
  public void close() {
    closeAll(parts);
  }
}
