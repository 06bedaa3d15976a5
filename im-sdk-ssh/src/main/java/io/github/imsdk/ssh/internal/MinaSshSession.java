package io.github.imsdk.ssh.internal;

import io.github.imsdk.ssh.CommandResult;
import io.github.imsdk.ssh.HostKeyPolicy;
import io.github.imsdk.ssh.PortForward;
import io.github.imsdk.ssh.Pty;
import io.github.imsdk.ssh.SshException;
import io.github.imsdk.ssh.SshOptions;
import io.github.imsdk.ssh.SshSession;
import io.github.imsdk.ssh.SshTarget;
import io.github.imsdk.ssh.SshTimeoutException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.sshd.client.channel.ChannelExec;
import org.apache.sshd.client.channel.ChannelShell;
import org.apache.sshd.client.channel.ClientChannel;
import org.apache.sshd.client.channel.ClientChannelEvent;
import org.apache.sshd.client.future.OpenFuture;
import org.apache.sshd.client.session.forward.ExplicitPortForwardingTracker;
import org.apache.sshd.common.util.net.SshdSocketAddress;

/** {@link SshSession} over Apache MINA SSHD: one {@link HopChain} and the channels opened on its last session. */
public final class MinaSshSession implements SshSession {

  private final SshTarget target;
  private final SshOptions options;
  private final HopChain chain;
  private final AtomicBoolean closed = new AtomicBoolean();

  private MinaSshSession(SshTarget target, SshOptions options, HopChain chain) {
    this.target = target;
    this.options = options;
    this.chain = chain;
  }

  /** Connects and authenticates every hop; see {@link SshSession.Builder#connect()}. */
  public static SshSession open(SshTarget target, HostKeyPolicy policy, SshOptions options,
      Duration waitUntilReady) {
    return new MinaSshSession(target, options, HopChain.open(target, policy, options, waitUntilReady));
  }

  @Override
  public SshTarget target() {
    return target;
  }

  private void checkOpen() {
    if (closed.get()) {
      throw new IllegalStateException("the SSH session to " + target + " is closed");
    }
  }

  @Override
  public CommandResult run(String command) {
    BoundedBuffer out = new BoundedBuffer(options.maxOutputBytes());
    BoundedBuffer err = new BoundedBuffer(options.maxOutputBytes());
    ChannelExec ch = exec(command, null, out, err);
    Integer status = finish(ch, "command", options.commandTimeout());
    String signal = ch.getExitSignal();
    return new CommandResult(status == null ? -1 : status, out.text(), err.text(),
        out.truncated() || err.truncated(), signal == null ? "" : signal);
  }

  @Override
  public int run(String command, InputStream stdin, OutputStream stdout, OutputStream stderr, Duration timeout) {
    Objects.requireNonNull(stdout, "stdout");
    Objects.requireNonNull(stderr, "stderr");
    Objects.requireNonNull(timeout, "timeout");
    ChannelExec ch = exec(command, stdin, stdout, stderr);
    Integer status = finish(ch, "command", timeout);
    return status == null ? -1 : status;
  }

  private ChannelExec exec(String command, InputStream stdin, OutputStream out, OutputStream err) {
    Objects.requireNonNull(command, "command");
    checkOpen();
    try {
      ChannelExec ch = chain.session().createExecChannel(command);
      ch.setIn(stdin == null ? new ByteArrayInputStream(new byte[0]) : stdin);
      ch.setOut(out);
      ch.setErr(err);
      open(ch, "command");
      return ch;
    } catch (IOException e) {
      throw new SshException("cannot start a command on " + target + ": " + e.getMessage(), e);
    }
  }

  @Override
  public int shell(Pty pty, InputStream stdin, OutputStream stdout, Duration timeout) {
    Objects.requireNonNull(pty, "pty");
    Objects.requireNonNull(stdin, "stdin");
    Objects.requireNonNull(stdout, "stdout");
    Objects.requireNonNull(timeout, "timeout");
    checkOpen();
    try {
      ChannelShell ch = chain.session().createShellChannel();
      ch.setUsePty(true);
      ch.setPtyType(pty.term());
      ch.setPtyColumns(pty.columns());
      ch.setPtyLines(pty.rows());
      ch.setIn(stdin);
      ch.setOut(stdout);
      ch.setErr(stdout);
      open(ch, "shell");
      Integer status = finish(ch, "shell", timeout);
      return status == null ? -1 : status;
    } catch (IOException e) {
      throw new SshException("cannot open a shell on " + target + ": " + e.getMessage(), e);
    }
  }

  private void open(ClientChannel ch, String what) throws IOException {
    OpenFuture f = ch.open();
    if (!f.await(options.connectTimeout())) {
      ch.close(true);
      throw new SshTimeoutException("the server " + target + " did not open a " + what + " channel within "
          + options.connectTimeout());
    }
    if (!f.isOpened()) {
      ch.close(true);
      Throwable cause = f.getException();
      throw new SshException("the server " + target + " refused a " + what + " channel"
          + (cause == null ? "" : ": " + cause.getMessage()), cause);
    }
  }

  /** Waits for the channel to close (all output read) and returns the exit status; closes it on timeout. */
  private Integer finish(ClientChannel ch, String what, Duration timeout) {
    try {
      Set<ClientChannelEvent> events = ch.waitFor(EnumSet.of(ClientChannelEvent.CLOSED), timeout);
      if (events.contains(ClientChannelEvent.TIMEOUT)) {
        throw new SshTimeoutException("the " + what + " on " + target + " did not finish within " + timeout
            + "; it was closed");
      }
      return ch.getExitStatus();
    } finally {
      ch.close(true);
    }
  }

  @Override
  public void upload(Path local, String remotePath) {
    checkOpen();
    Sftp.upload(chain.session(), target, local, remotePath, options.transferTimeout());
  }

  @Override
  public void download(String remotePath, Path local) {
    checkOpen();
    Sftp.download(chain.session(), target, remotePath, local, options.transferTimeout());
  }

  @Override
  public PortForward forwardLocalPort(int vmPort) {
    return forwardLocalPort(0, "localhost", vmPort);
  }

  @Override
  public PortForward forwardLocalPort(int localPort, String remoteHost, int remotePort) {
    if (localPort < 0 || localPort > 65535) {
      throw new IllegalArgumentException("local port must be within 0..65535, got " + localPort);
    }
    if (remotePort < 1 || remotePort > 65535) {
      throw new IllegalArgumentException("remote port must be within 1..65535, got " + remotePort);
    }
    Objects.requireNonNull(remoteHost, "remoteHost");
    checkOpen();
    try {
      ExplicitPortForwardingTracker t = chain.session().createLocalPortForwardingTracker(
          new SshdSocketAddress("127.0.0.1", localPort), new SshdSocketAddress(remoteHost, remotePort));
      SshdSocketAddress bound = t.getBoundAddress();
      return new Forward(t, new InetSocketAddress(bound.getHostName(), bound.getPort()), remoteHost, remotePort);
    } catch (IOException e) {
      throw new SshException("cannot forward 127.0.0.1:" + localPort + " to " + remoteHost + ":" + remotePort
          + " through " + target + ": " + e.getMessage(), e);
    }
  }

  private record Forward(ExplicitPortForwardingTracker tracker, InetSocketAddress localAddress, String remoteHost,
      int remotePort) implements PortForward {
    @Override
    public void close() {
      try {
        tracker.close();
      } catch (IOException e) {
        throw new SshException("cannot stop forwarding " + localAddress + ": " + e.getMessage(), e);
      }
    }

    @Override
    public String toString() {
      return "PortForward[" + localAddress + " -> " + remoteHost + ":" + remotePort + "]";
    }
  }

  @Override
  public void close() {
    if (closed.compareAndSet(false, true)) {
      chain.close();
    }
  }

  @Override
  public String toString() {
    return "SshSession[" + target + (closed.get() ? ", closed" : "") + "]";
  }
}
