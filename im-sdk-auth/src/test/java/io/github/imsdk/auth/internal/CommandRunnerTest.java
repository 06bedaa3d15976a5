package io.github.imsdk.auth.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.imsdk.auth.ImCredentialsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Running credential commands with a timeout and an output cap. */
class CommandRunnerTest {

  @TempDir
  Path dir;

  private Path childPid;

  @AfterEach
  void killBackgroundChild() throws Exception {
    // The command's background child is re-parented when the command exits: it is stopped here by its PID.
    if (childPid != null && Files.exists(childPid)) {
      String pid = Files.readString(childPid).strip();
      if (!pid.isEmpty()) {
        ProcessHandle.of(Long.parseLong(pid)).ifPresent(ProcessHandle::destroyForcibly);
      }
    }
  }

  @Test
  void backgroundChildHoldingStdoutOpenCannotOutliveTheTimeout() throws Exception {
    // Given a command that prints a token and exits, leaving a background child with its stdout open. It lingers
    // 0.5 s (well inside the timeout) so the readers are blocked on the pipes when it exits; otherwise the JDK
    // drains and closes the pipes of an exited process itself and the child's open stdout goes unnoticed.
    childPid = dir.resolve("child.pid");
    List<String> argv = List.of("sh", "-c", "sleep 30 & echo $! > \"$1\"; echo tok; sleep 0.5", "sh",
        childPid.toString());

    // When it is run with a 2 s timeout, Then the typed timeout error is thrown
    assertThatThrownBy(() -> CommandRunner.run(argv, Duration.ofSeconds(2)))
        .isInstanceOf(ImCredentialsException.class)
        .hasMessage("credential command 'sh' did not finish within 2000 ms");

    // And the re-parented child, seen while the command ran, was stopped too (it used to live on for 30 s)
    assertGone(readPid(childPid));
  }

  @Test
  void hugeOutputEndsWithTheCapErrorWithoutBufferingIt() {
    // Given a command printing 300 MB (before the cap, every byte was kept: an OutOfMemoryError in a reader thread)
    List<String> argv = List.of("head", "-c", "300000000", "/dev/zero");

    // When it is run with a timeout far longer than the cap needs, Then the cap error is thrown, not the timeout,
    // and it quotes no output
    assertThatThrownBy(() -> CommandRunner.run(argv, Duration.ofSeconds(60)))
        .isInstanceOf(ImCredentialsException.class)
        .hasMessage("credential command 'head' printed more than 1048576 bytes on standard output (the limit);"
            + " it was stopped");
  }

  @Test
  void outputCapKillsTheWholeProcessTree() throws Exception {
    // Given a command that starts a background child, then prints without end
    childPid = dir.resolve("child.pid");
    List<String> argv = List.of("sh", "-c", "sleep 1000 & echo $! > \"$1\"; exec cat /dev/zero", "sh",
        childPid.toString());

    // When it passes a 64 KiB cap
    assertThatThrownBy(() -> CommandRunner.run(argv, Duration.ofSeconds(60), 64 << 10))
        .isInstanceOf(ImCredentialsException.class)
        .hasMessageContaining("printed more than 65536 bytes on standard output (the limit)");

    // Then the background child is gone too
    assertGone(readPid(childPid));
  }

  @Test
  void timeoutKillsABackgroundChildOfARunningCommand() throws Exception {
    // Given a command that starts a background child, writes its PID and keeps running
    childPid = dir.resolve("child.pid");
    List<String> argv = List.of("sh", "-c", "sleep 1000 & echo $! > \"$1\"; sleep 1000", "sh",
        childPid.toString());

    // When it is run with a 1 s timeout
    assertThatThrownBy(() -> CommandRunner.run(argv, Duration.ofSeconds(1)))
        .isInstanceOf(ImCredentialsException.class)
        .hasMessage("credential command 'sh' did not finish within 1000 ms");

    // Then the background child did not outlive the timeout
    assertGone(readPid(childPid));
  }

  @Test
  void stderrFloodIsCappedAndTheTokenStillReturned() {
    // Given a command that writes 5 MB on standard error, then prints a token
    List<String> argv = List.of("sh", "-c", "head -c 5000000 /dev/zero | tr '\\0' x >&2; echo tok");

    // When it is run, Then the token is returned (standard error is read and dropped past its cap)
    assertThat(CommandRunner.run(argv, Duration.ofSeconds(60))).isEqualTo("tok");
  }

  private static long readPid(Path file) throws Exception {
    return Long.parseLong(Files.readString(file).strip());
  }

  /** Asserts that the process {@code pid} has exited (a zombie not yet reaped by PID 1 counts as exited). */
  private static void assertGone(long pid) throws Exception {
    Optional<ProcessHandle> handle = ProcessHandle.of(pid);
    if (handle.isPresent() && handle.get().isAlive()) {
      // SIGKILL was sent; wait for the kernel to finish the exit, bounded
      try {
        handle.get().onExit().get(10, TimeUnit.SECONDS);
      } catch (java.util.concurrent.TimeoutException e) {
        Path status = Path.of("/proc", Long.toString(pid), "status");
        assertThat(Files.exists(status) ? Files.readString(status) : "State:\tX")
            .as("state of the background child %d", pid).containsPattern("State:\\s+[ZX]");
      }
    }
  }
}
