package io.github.imsdk.auth.internal;

import io.github.imsdk.auth.ImCredentialsException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs a credential command such as {@code oidc-token egi} without a shell, with a timeout and an output cap, and
 * returns its standard output. Standard output is a secret: it never reaches a log line or an exception message;
 * standard error (capped) is quoted in the error when the command fails.
 *
 * <p>Bounds: the command (and every process it started that still holds its output open) must finish within the
 * timeout, and may print at most {@link #MAX_STDOUT_BYTES} on standard output; only the first
 * {@link #MAX_STDERR_BYTES} of standard error are kept (the rest is read and dropped). When a bound is hit the
 * whole process tree is stopped: the descendants, then the command, politely, then forcibly after
 * {@link #KILL_GRACE}.
 */
public final class CommandRunner {

  /** The most a credential command may print on standard output: 1 MiB, far above any token. */
  public static final int MAX_STDOUT_BYTES = 1 << 20;

  /** How much of standard error is kept: 64 KiB. */
  public static final int MAX_STDERR_BYTES = 64 << 10;

  /** How long a stopped process may take to exit before it is killed forcibly. */
  public static final Duration KILL_GRACE = Duration.ofMillis(500);

  private static final int MAX_STDERR_CHARS = 400;
  private static final long POLL_NANOS = TimeUnit.MILLISECONDS.toNanos(20);

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
   * @throws ImCredentialsException if the command cannot start, exits non-zero, prints nothing, prints more than
   *     {@link #MAX_STDOUT_BYTES} or exceeds {@code timeout}; the message names the program and the bound hit,
   *     quotes its standard error when it failed, and never quotes its standard output
   */
  public static String run(List<String> argv, Duration timeout) {
    return run(argv, timeout, MAX_STDOUT_BYTES);
  }

  /**
   * Runs {@code argv} as {@link #run(List, Duration)} does, with at most {@code maxStdoutBytes} of standard output.
   */
  public static String run(List<String> argv, Duration timeout, int maxStdoutBytes) {
    String program = argv.get(0);
    Process process;
    try {
      process = new ProcessBuilder(argv).redirectInput(ProcessBuilder.Redirect.from(nullFile())).start();
    } catch (IOException e) {
      throw new ImCredentialsException("cannot run credential command '" + program + "': " + e.getMessage(), e);
    }
    long deadline = System.nanoTime() + timeout.toNanos();
    CompletableFuture<byte[]> out = drain(process.getInputStream(), program, "stdout", maxStdoutBytes, true);
    CompletableFuture<byte[]> err = drain(process.getErrorStream(), program, "stderr", MAX_STDERR_BYTES, false);
    // Descendants seen while the command ran: a background child is re-parented once the command exits and can
    // then no longer be found from it. ProcessHandle checks the start time, so a reused PID is never signalled.
    Set<ProcessHandle> seen = new LinkedHashSet<>();
    try {
      while (process.isAlive()) {
        if (out.isCompletedExceptionally()) {
          out.get(); // throws: standard output passed its cap
        }
        process.descendants().forEach(seen::add);
        long left = remainingNanos(deadline);
        if (left == 0) {
          throw stopped(process, seen, timedOut(program, timeout));
        }
        CompletableFuture<?> next = out.isDone() ? process.onExit() : CompletableFuture.anyOf(process.onExit(), out);
        try {
          next.get(Math.min(left, POLL_NANOS), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
          // poll again: new descendants may have appeared
        }
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
      stopTree(process, seen);
      Thread.currentThread().interrupt();
      throw new ImCredentialsException("interrupted while running credential command '" + program + "'", e);
    } catch (TimeoutException e) {
      throw stopped(process, seen, timedOut(program, timeout));
    } catch (ExecutionException e) {
      if (e.getCause() instanceof OutputTooLarge) {
        throw stopped(process, seen, new ImCredentialsException("credential command '" + program
            + "' printed more than " + maxStdoutBytes + " bytes on standard output (the limit); it was stopped"));
      }
      stopTree(process, seen);
      throw new ImCredentialsException("cannot read the output of credential command '" + program + "'");
    }
  }

  private static long remainingNanos(long deadline) {
    return Math.max(0, deadline - System.nanoTime());
  }

  private static ImCredentialsException timedOut(String program, Duration timeout) {
    return new ImCredentialsException(
        "credential command '" + program + "' did not finish within " + timeout.toMillis() + " ms");
  }

  private static ImCredentialsException stopped(Process process, Set<ProcessHandle> seen,
      ImCredentialsException error) {
    boolean interrupted = stopTree(process, seen);
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
    return error;
  }

  /**
   * Stops the command and its descendants (those attached now and those seen earlier): SIGTERM first, SIGKILL to
   * whatever is still alive after {@link #KILL_GRACE}. Returns whether the wait was interrupted.
   */
  private static boolean stopTree(Process process, Set<ProcessHandle> seen) {
    Set<ProcessHandle> tree = new LinkedHashSet<>(seen);
    if (process.isAlive()) {
      process.descendants().forEach(tree::add);
    }
    tree.forEach(ProcessHandle::destroy);
    process.destroy();
    long graceEnd = System.nanoTime() + KILL_GRACE.toNanos();
    boolean interrupted = false;
    List<CompletableFuture<?>> exits = new ArrayList<>();
    exits.add(process.onExit());
    tree.forEach(h -> exits.add(h.onExit()));
    try {
      CompletableFuture.allOf(exits.toArray(CompletableFuture[]::new))
          .get(remainingNanos(graceEnd), TimeUnit.NANOSECONDS);
    } catch (InterruptedException e) {
      interrupted = true;
    } catch (TimeoutException | ExecutionException e) {
      // some did not exit in time: killed below
    }
    tree.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
    process.destroyForcibly();
    return interrupted;
  }

  /** Thrown (never leaving this class) when standard output passes its cap. */
  private static final class OutputTooLarge extends Exception {
    private static final long serialVersionUID = 1L;

    OutputTooLarge() {
      super(null, null, false, false);
    }
  }

  /**
   * Reads {@code in} to its end on a dedicated daemon thread: blocking pipe reads stay off the common pool. At most
   * {@code max} bytes are kept; past them the result fails with {@link OutputTooLarge} if {@code failOnOverflow}
   * (the rest is still read and dropped until the process ends, so the pipe stays open), else the rest is read and
   * dropped.
   */
  private static CompletableFuture<byte[]> drain(InputStream in, String program, String which, int max,
      boolean failOnOverflow) {
    CompletableFuture<byte[]> result = new CompletableFuture<>();
    Thread t = new Thread(() -> {
      try (in) {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        byte[] chunk = new byte[8192];
        for (int n = in.read(chunk); n >= 0; n = in.read(chunk)) {
          int keep = Math.min(n, max - buf.size());
          if (keep < n && failOnOverflow && !result.isDone()) {
            // Fail now, but keep the pipe open (reading and dropping) until the tree is stopped: closing it would
            // kill the command with SIGPIPE first, re-parenting its background children before they can be found.
            result.completeExceptionally(new OutputTooLarge());
          }
          if (!result.isDone()) {
            buf.write(chunk, 0, keep);
          }
        }
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
