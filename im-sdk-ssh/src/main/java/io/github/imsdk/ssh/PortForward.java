package io.github.imsdk.ssh;

import java.net.InetSocketAddress;

/**
 * A local port forwarded through SSH to a port the VM can reach ({@code ssh -L}): connections to
 * {@link #localAddress()} are carried to {@link #remoteHost()}:{@link #remotePort()} as seen from the VM. Closing
 * it stops listening; the session stays open.
 */
public interface PortForward extends AutoCloseable {

  /** Returns the local address that listens (on loopback). */
  InetSocketAddress localAddress();

  /** Returns the local port that listens. */
  default int localPort() {
    return localAddress().getPort();
  }

  /** Returns the host the VM connects to, e.g. {@code localhost} for a service on the VM itself. */
  String remoteHost();

  /** Returns the port the VM connects to. */
  int remotePort();

  /** Stops forwarding. Idempotent. */
  @Override
  void close();
}
