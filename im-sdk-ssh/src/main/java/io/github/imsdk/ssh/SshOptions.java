package io.github.imsdk.ssh;

import java.time.Duration;
import java.util.Objects;

/**
 * The bounds of an SSH session: how long to connect, authenticate, run a command and transfer a file, and how
 * much command output to keep. An immutable value: {@code with*} methods return changed copies.
 *
 * <pre>{@code
 * SshOptions o = SshOptions.defaults().withCommandTimeout(Duration.ofMinutes(30));
 * }</pre>
 */
public final class SshOptions {

  private static final SshOptions DEFAULTS = new SshOptions(Duration.ofSeconds(15), Duration.ofSeconds(30),
      Duration.ofMinutes(10), Duration.ofMinutes(30), 4 * 1024 * 1024);

  private final Duration connectTimeout;
  private final Duration authTimeout;
  private final Duration commandTimeout;
  private final Duration transferTimeout;
  private final int maxOutputBytes;

  private SshOptions(Duration connectTimeout, Duration authTimeout, Duration commandTimeout,
      Duration transferTimeout, int maxOutputBytes) {
    this.connectTimeout = positive(connectTimeout, "connect timeout");
    this.authTimeout = positive(authTimeout, "authentication timeout");
    this.commandTimeout = positive(commandTimeout, "command timeout");
    this.transferTimeout = positive(transferTimeout, "transfer timeout");
    if (maxOutputBytes < 0) {
      throw new IllegalArgumentException("max output bytes must be >= 0, got " + maxOutputBytes);
    }
    this.maxOutputBytes = maxOutputBytes;
  }

  private static Duration positive(Duration d, String what) {
    Objects.requireNonNull(d, what);
    if (d.isNegative() || d.isZero()) {
      throw new IllegalArgumentException(what + " must be positive, got " + d);
    }
    return d;
  }

  /**
   * Returns the defaults: connect 15 s (TCP and key exchange, per hop), authenticate 30 s, a command 10 min, a
   * file transfer 30 min, and 4 MiB kept of each of stdout and stderr.
   */
  public static SshOptions defaults() {
    return DEFAULTS;
  }

  /** Returns how long the TCP connection and key exchange may take, per hop. */
  public Duration connectTimeout() {
    return connectTimeout;
  }

  /** Returns how long authentication may take, per hop. */
  public Duration authTimeout() {
    return authTimeout;
  }

  /** Returns how long {@link SshSession#run(String)} waits for a command to finish. */
  public Duration commandTimeout() {
    return commandTimeout;
  }

  /** Returns how long one upload or download may take. */
  public Duration transferTimeout() {
    return transferTimeout;
  }

  /** Returns how many bytes of each output stream {@link SshSession#run(String)} keeps. */
  public int maxOutputBytes() {
    return maxOutputBytes;
  }

  /** Returns a copy with the connect timeout {@code d}. */
  public SshOptions withConnectTimeout(Duration d) {
    return new SshOptions(d, authTimeout, commandTimeout, transferTimeout, maxOutputBytes);
  }

  /** Returns a copy with the authentication timeout {@code d}. */
  public SshOptions withAuthTimeout(Duration d) {
    return new SshOptions(connectTimeout, d, commandTimeout, transferTimeout, maxOutputBytes);
  }

  /** Returns a copy with the command timeout {@code d}. */
  public SshOptions withCommandTimeout(Duration d) {
    return new SshOptions(connectTimeout, authTimeout, d, transferTimeout, maxOutputBytes);
  }

  /** Returns a copy with the transfer timeout {@code d}. */
  public SshOptions withTransferTimeout(Duration d) {
    return new SshOptions(connectTimeout, authTimeout, commandTimeout, d, maxOutputBytes);
  }

  /** Returns a copy keeping at most {@code bytes} of each output stream. */
  public SshOptions withMaxOutputBytes(int bytes) {
    return new SshOptions(connectTimeout, authTimeout, commandTimeout, transferTimeout, bytes);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof SshOptions s && connectTimeout.equals(s.connectTimeout) && authTimeout.equals(s.authTimeout)
        && commandTimeout.equals(s.commandTimeout) && transferTimeout.equals(s.transferTimeout)
        && maxOutputBytes == s.maxOutputBytes;
  }

  @Override
  public int hashCode() {
    return Objects.hash(connectTimeout, authTimeout, commandTimeout, transferTimeout, maxOutputBytes);
  }

  @Override
  public String toString() {
    return "SshOptions[connect=" + connectTimeout + ", auth=" + authTimeout + ", command=" + commandTimeout
        + ", transfer=" + transferTimeout + ", maxOutputBytes=" + maxOutputBytes + "]";
  }
}
