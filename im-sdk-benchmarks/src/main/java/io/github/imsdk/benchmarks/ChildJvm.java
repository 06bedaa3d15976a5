package io.github.imsdk.benchmarks;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Launches a main class of this module in a fresh JVM with the current classpath and collects its output, timing
 * the first output line that starts with a given prefix and the process exit.
 */
final class ChildJvm {

  /** What one child run produced. */
  record Run(List<String> lines, long millisToLine, long millisToExit) {

    /** Returns the first line starting with {@code prefix}. */
    String line(String prefix) {
      return lines.stream().filter(l -> l.startsWith(prefix)).findFirst()
          .orElseThrow(() -> new IllegalStateException("the child printed no '" + prefix + "' line: " + lines));
    }
  }

  private ChildJvm() {}

  /** Returns the current classpath. */
  static String classpath() {
    return System.getProperty("java.class.path");
  }

  /** Tells whether the classpath holds only jar files, which AppCDS requires. */
  static boolean classpathIsJarsOnly() {
    for (String entry : classpath().split(File.pathSeparator)) {
      if (!entry.endsWith(".jar")) {
        return false;
      }
    }
    return true;
  }

  /**
   * Runs {@code mainClass} with {@code jvmFlags} and {@code args}, waiting at most two minutes.
   *
   * @throws IllegalStateException if it fails or times out
   */
  static Run run(List<String> jvmFlags, Class<?> mainClass, List<String> args, String timedPrefix) {
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.addAll(jvmFlags);
    cmd.add("-cp");
    cmd.add(classpath());
    cmd.add(mainClass.getName());
    cmd.addAll(args);
    ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
    long start = System.nanoTime();
    Process p;
    try {
      p = pb.start();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start " + cmd, e);
    }
    try {
      List<String> lines = new ArrayList<>();
      long toLine = -1;
      try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
        String line;
        while ((line = r.readLine()) != null) {
          if (toLine < 0 && line.startsWith(timedPrefix)) {
            toLine = (System.nanoTime() - start) / 1_000_000;
          }
          lines.add(line);
        }
      }
      if (!p.waitFor(2, TimeUnit.MINUTES)) {
        throw new IllegalStateException("child " + mainClass.getSimpleName() + " did not exit in 2 minutes");
      }
      long toExit = (System.nanoTime() - start) / 1_000_000;
      if (p.exitValue() != 0 || toLine < 0) {
        throw new IllegalStateException("child " + cmd + " exited with " + p.exitValue() + ": " + lines);
      }
      return new Run(lines, toLine, toExit);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the output of " + mainClass.getSimpleName(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for " + mainClass.getSimpleName(), e);
    } finally {
      p.destroyForcibly();
    }
  }
}
