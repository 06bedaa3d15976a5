package io.github.imsdk.ssh;

import io.github.imsdk.core.VmInfo;
import io.github.imsdk.ssh.internal.MinaSshSession;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * An open, authenticated SSH session to a VM (through its jump host when it has one), on which commands run, files
 * move over SFTP and local ports are forwarded. Built with {@link #builder()}; thread-safe; closing it closes
 * every channel and forward it opened.
 *
 * <pre>{@code
 * try (SshSession ssh = SshSession.builder()
 *     .target(SshTarget.of(infrastructure.vm("0").info()))
 *     .hostKeys(HostKeyPolicy.trustOnFirstUse(Path.of(System.getProperty("user.home"), ".imsdk", "known_hosts")))
 *     .waitUntilReady(Duration.ofMinutes(5))
 *     .connect()) {
 *   CommandResult r = ssh.run("docker ps");
 *   ssh.upload(Path.of("app.conf"), "/tmp/app.conf");
 *   try (PortForward web = ssh.forwardLocalPort(8080)) {
 *     // http://127.0.0.1:{web.localPort()}/ reaches port 8080 of the VM
 *   }
 * }
 * }</pre>
 */
public interface SshSession extends AutoCloseable {

  /** Returns a builder; {@link Builder#target} and {@link Builder#hostKeys} are required. */
  static Builder builder() {
    return new Builder();
  }

  /** Returns the target this session is logged in to. */
  SshTarget target();

  /**
   * Runs {@code command} with no input and collects its exit code and output, waiting at most
   * {@link SshOptions#commandTimeout()} and keeping at most {@link SshOptions#maxOutputBytes()} of each stream.
   *
   * @throws SshTimeoutException if the command runs longer (its channel is closed)
   */
  CommandResult run(String command);

  /**
   * Runs {@code command} streaming: {@code stdin} is sent (then end of input), output is copied to
   * {@code stdout} and {@code stderr} as it comes, without a size bound; returns the exit code ({@code -1} if a
   * signal ended the command).
   *
   * @param stdin the input to send, or {@code null} for none
   * @throws SshTimeoutException if the command runs longer than {@code timeout} (its channel is closed)
   */
  int run(String command, InputStream stdin, OutputStream stdout, OutputStream stderr, Duration timeout);

  /**
   * Opens an interactive login shell on a pseudo-terminal {@code pty} ({@code ssh -t}), copying {@code stdin} to it
   * and its output to {@code stdout} until the remote shell exits; returns its exit code. Putting the local terminal
   * in raw mode is the caller's job. With a pseudo-terminal the server merges stderr into stdout.
   *
   * @throws SshTimeoutException if the shell is still open after {@code timeout} (it is closed)
   */
  int shell(Pty pty, InputStream stdin, OutputStream stdout, Duration timeout);

  /**
   * Uploads the local file {@code local} to {@code remotePath} over SFTP, replacing it, within
   * {@link SshOptions#transferTimeout()}.
   *
   * @throws SshException naming both paths if the local file cannot be read or the remote one cannot be written
   */
  void upload(Path local, String remotePath);

  /**
   * Downloads {@code remotePath} over SFTP into the local file {@code local}, replacing it, within
   * {@link SshOptions#transferTimeout()}. On failure the local file is left as it was.
   *
   * @throws SshException naming both paths if the remote file cannot be read or the local one cannot be written
   */
  void download(String remotePath, Path local);

  /** Forwards a free loopback port to port {@code vmPort} of the VM itself ({@code ssh -L 0:localhost:vmPort}). */
  PortForward forwardLocalPort(int vmPort);

  /**
   * Forwards loopback port {@code localPort} ({@code 0} for a free one) to {@code remoteHost:remotePort} as the VM
   * sees it ({@code ssh -L localPort:remoteHost:remotePort}).
   *
   * @throws SshException if the local port cannot be bound
   */
  PortForward forwardLocalPort(int localPort, String remoteHost, int remotePort);

  /** Closes every channel, forward and connection (the jump host's too). Idempotent. */
  @Override
  void close();

  /** Builds and opens an {@link SshSession}. */
  final class Builder {
    private SshTarget target;
    private HostKeyPolicy hostKeys;
    private SshOptions options = SshOptions.defaults();
    private Duration waitUntilReady;

    private Builder() {}

    /** Sets where and as whom to log in (required). */
    public Builder target(SshTarget target) {
      this.target = Objects.requireNonNull(target, "target");
      return this;
    }

    /** Sets the target to what IM says about {@code vm}: same as {@code target(SshTarget.of(vm))}. */
    public Builder vm(VmInfo vm) {
      return target(SshTarget.of(vm));
    }

    /** Sets how host keys are checked (required: IM returns none, so the caller must choose). */
    public Builder hostKeys(HostKeyPolicy hostKeys) {
      this.hostKeys = Objects.requireNonNull(hostKeys, "hostKeys");
      return this;
    }

    /** Sets the bounds; {@link SshOptions#defaults()} if not called. */
    public Builder options(SshOptions options) {
      this.options = Objects.requireNonNull(options, "options");
      return this;
    }

    /**
     * Makes {@link #connect()} wait until SSH answers: while the VM boots, refused or timed-out connections and
     * refused credentials (cloud-init may not have set them yet) are retried, with a growing pause of at most 5 s,
     * for at most {@code maxWait} in all. Without it, {@link #connect()} tries once. A refused host key is never
     * retried.
     */
    public Builder waitUntilReady(Duration maxWait) {
      Objects.requireNonNull(maxWait, "maxWait");
      if (maxWait.isNegative() || maxWait.isZero()) {
        throw new IllegalArgumentException("maxWait must be positive, got " + maxWait);
      }
      this.waitUntilReady = maxWait;
      return this;
    }

    /**
     * Connects (through the jump host, if any), checks the host keys and authenticates.
     *
     * @throws IllegalStateException if the target or the host-key policy was not set
     * @throws SshAuthenticationException if every credential was refused
     * @throws SshHostKeyException if a host key was refused
     * @throws SshTimeoutException if SSH did not answer in time
     * @throws SshException if the connection failed otherwise
     */
    public SshSession connect() {
      if (target == null) {
        throw new IllegalStateException("SshSession.builder() needs a target(...) or vm(...)");
      }
      if (hostKeys == null) {
        throw new IllegalStateException("SshSession.builder() needs hostKeys(...): IM returns no host key, so choose "
            + "HostKeyPolicy.trustOnFirstUse(file), strict(file) or acceptAny()");
      }
      return MinaSshSession.open(target, hostKeys, options, waitUntilReady);
    }
  }
}
