package io.github.imsdk.ssh;

import java.util.Objects;

/**
 * What a remote command left: its exit code and its output, decoded as UTF-8.
 *
 * @param exitCode the exit status; {@code -1} when the command was killed by a signal (see {@code exitSignal})
 * @param stdout the standard output, at most {@link SshOptions#maxOutputBytes()} bytes of it
 * @param stderr the standard error, at most {@link SshOptions#maxOutputBytes()} bytes of it
 * @param truncated whether either stream was longer than the bound and was cut
 * @param exitSignal the signal that ended the command (e.g. {@code KILL}), or empty
 */
public record CommandResult(int exitCode, String stdout, String stderr, boolean truncated, String exitSignal) {

  /** Checks the components. */
  public CommandResult {
    Objects.requireNonNull(stdout, "stdout");
    Objects.requireNonNull(stderr, "stderr");
    Objects.requireNonNull(exitSignal, "exitSignal");
  }

  /** Returns whether the command exited with status 0. */
  public boolean isSuccess() {
    return exitCode == 0;
  }
}
