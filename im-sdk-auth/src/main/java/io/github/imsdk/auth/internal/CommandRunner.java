package io.github.imsdk.auth.internal;

import io.github.imsdk.auth.ImCredentialsException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs a credential command such as {@code oidc-token egi} without a shell, with a timeout, and returns its
 * standard output. Standard output is a secret: it never reaches a log line or an exception message; standard
 * error (capped) is quoted in the error when the command fails.
 */
public final class CommandRunner {

  private static final int MAX_STDERR_CHARS = 400;

  private CommandRunner() {}

  /**
   * Splits a command line on blanks, as the Python client does (no shell, no quoting).
   *
   * @throws ImCredentialsException if the command is blank
   */
  public static List<String> split(String commandLine) {
    List<String> argv = new ArrayList<>();
    for (String part : commandLine.trim().split("\\s+")) {
      if (!part.isEmpty()) {
        argv.add(part);
      }
    }
    if (argv.isEmpty()) {
      throw new ImCredentialsException("empty credential command");
    }
    return argv;
  }

  /**
   * Runs {@code argv} and returns its standard output with every line break removed, as the Python client does.
   *
   * @throws ImCredentialsException if the command cannot start, exits non-zero, prints nothing or exceeds
   *     {@code timeout}; the message names the program and quotes its standard error
   */
  public static String run(List<String> argv, Duration timeout) {
    String program = argv.get(0);
    Process process;
    try {
      process = new ProcessBuilder(argv).redirectInput(ProcessBuilder.Redirect.from(nullFile())).start();
    } catch (IOException e) {
      throw new ImCredentialsException("cannot run credential command '" + program + "': " + e.getMessage(), e);
    }
    long deadline = System.nanoTime() + timeout.toNanos();
    CompletableFuture<byte[]> out = drain(process.getInputStream(), program, "stdout");
    CompletableFuture<byte[]> err = drain(process.getErrorStream(), program, "stderr");
    try {
      if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        throw timedOut(process, program, timeout);
      }
      // A background child may keep the pipes open after the command exited: the deadline still holds.
      String stdout = new String(out.get(remainingNanos(deadline), TimeUnit.NANOSECONDS), StandardCharsets.UTF_8);
      String stderr = new String(err.get(remainingNanos(deadline), TimeUnit.NANOSECONDS), StandardCharsets.UTF_8)
          .strip();
      if (process.exitValue() != 0) {
        throw new ImCredentialsException("credential command '" + program + "' exited with status "
            + process.exitValue() + (stderr.isEmpty() ? "" : ": " + cap(stderr)));
      }
      String value = stdout.replace("\r", "").replace("\n", "");
      if (value.isBlank()) {
        throw new ImCredentialsException("credential command '" + program + "' printed nothing"
            + (stderr.isEmpty() ? "" : ": " + cap(stderr)));
      }
      return value;
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
      throw new ImCredentialsException("interrupted while running credential command '" + program + "'", e);
    } catch (TimeoutException e) {
      throw timedOut(process, program, timeout);
    } catch (ExecutionException e) {
      throw new ImCredentialsException("cannot read the output of credential command '" + program + "'", e);
    }
  }

  private static long remainingNanos(long deadline) {
    return Math.max(0, deadline - System.nanoTime());
  }

  /**
   * Destroys the command and the descendants still attached to it. A background child that the command left
   * behind when it exited has been re-parented and cannot be found; its drain thread is a daemon and ends when
   * the child closes the pipe.
   */
  private static ImCredentialsException timedOut(Process process, String program, Duration timeout) {
    process.descendants().forEach(ProcessHandle::destroyForcibly);
    process.destroyForcibly();
    return new ImCredentialsException(
        "credential command '" + program + "' did not finish within " + timeout.toMillis() + " ms");
  }

  /** Reads {@code in} to its end on a dedicated daemon thread: blocking pipe reads stay off the common pool. */
  private static CompletableFuture<byte[]> drain(InputStream in, String program, String which) {
    CompletableFuture<byte[]> result = new CompletableFuture<>();
    Thread t = new Thread(() -> {
      try (in) {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        in.transferTo(buf);
        result.complete(buf.toByteArray());
      } catch (IOException | RuntimeException e) {
        result.completeExceptionally(e);
      }
    }, "im-sdk-command-" + which + "-" + program);
    t.setDaemon(true);
    t.start();
    return result;
  }

  private static String cap(String s) {
    return s.length() <= MAX_STDERR_CHARS ? s : s.substring(0, MAX_STDERR_CHARS) + "...";
  }

  private static java.io.File nullFile() {
    return new java.io.File(System.getProperty("os.name").startsWith("Windows") ? "NUL" : "/dev/null");
  }
}
