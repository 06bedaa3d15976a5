package io.github.imsdk.auth.internal;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.imsdk.auth.ImCredentialsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Running credential commands with a timeout. */
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
  void backgroundChildHoldingStdoutOpenCannotOutliveTheTimeout() {
    // Given a command that prints a token and exits, leaving a background child with its stdout open. It lingers
    // 0.2 s (well inside the timeout) so the readers are blocked on the pipes when it exits; otherwise the JDK
    // drains and closes the pipes of an exited process itself and the child's open stdout goes unnoticed.
    childPid = dir.resolve("child.pid");
    List<String> argv = List.of("sh", "-c", "sleep 30 & echo $! > \"$1\"; echo tok; sleep 0.2", "sh",
        childPid.toString());

    // When it is run with a 500 ms timeout, Then the typed timeout error is thrown
    assertThatThrownBy(() -> CommandRunner.run(argv, Duration.ofMillis(500)))
        .isInstanceOf(ImCredentialsException.class)
        .hasMessage("credential command 'sh' did not finish within 500 ms");
  }
}
