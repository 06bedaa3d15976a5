package io.github.imsdk.examples;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * The examples jar run as a separate process with no IM configuration of the developer's leaking in: a fresh
 * working directory and {@code user.home}, and the {@code IM_*} variables removed. Always stopped by {@link #close()}.
 */
final class JarProcess implements AutoCloseable {

  private final Process process;
  private final List<String> out = new CopyOnWriteArrayList<>();
  private final List<String> err = new CopyOnWriteArrayList<>();
  private final BlockingQueue<String> outLines = new LinkedBlockingQueue<>();

  private JarProcess(Process process) {
    this.process = process;
    pump(process.getInputStream(), out, outLines);
    pump(process.getErrorStream(), err, new LinkedBlockingQueue<>());
  }

  static JarProcess start(Path workDir, String... args) throws IOException {
    String jar = System.getProperty("examples.jar");
    if (jar == null) {
      throw new IllegalStateException("system property examples.jar is not set (run through failsafe)");
    }
    List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Duser.home=" + workDir, "-jar", jar));
    cmd.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(cmd).directory(workDir.toFile());
    Map<String, String> env = pb.environment();
    env.keySet().removeIf(k -> k.startsWith("IM_"));
    return new JarProcess(pb.start());
  }

  private static void pump(InputStream in, List<String> sink, BlockingQueue<String> queue) {
    Thread t = new Thread(() -> {
      try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
        for (String line = r.readLine(); line != null; line = r.readLine()) {
          sink.add(line);
          queue.add(line);
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }, "jar-process-output");
    t.setDaemon(true);
    t.start();
  }

  /** Blocks until a stdout line matches, or the timeout passes; returns the line or null. */
  String awaitLine(Predicate<String> matching, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    for (long left = timeout.toNanos(); left > 0; left = deadline - System.nanoTime()) {
      String line = outLines.poll(left, TimeUnit.NANOSECONDS);
      if (line != null && matching.test(line)) {
        return line;
      }
    }
    return null;
  }

  /** Waits for the process to end and returns its exit code; kills it if it does not end in time. */
  int exitCode(Duration timeout) throws InterruptedException {
    if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
      process.destroyForcibly().waitFor();
      throw new AssertionError("the examples jar did not end within " + timeout + "; stdout " + out + "; stderr "
          + err);
    }
    return process.exitValue();
  }

  long pid() {
    return process.pid();
  }

  /** Sends a real SIGINT, as Ctrl-C does ({@link Process#destroy()} sends SIGTERM). */
  void interrupt() throws IOException, InterruptedException {
    Process kill = new ProcessBuilder("kill", "-INT", Long.toString(process.pid())).inheritIO().start();
    if (kill.waitFor() != 0) {
      throw new AssertionError("kill -INT " + process.pid() + " failed");
    }
  }

  String stdout() {
    return String.join("\n", out);
  }

  String stderr() {
    return String.join("\n", err);
  }

  @Override
  public void close() throws InterruptedException {
    if (process.isAlive()) {
      process.destroyForcibly().waitFor();
    }
  }
}
