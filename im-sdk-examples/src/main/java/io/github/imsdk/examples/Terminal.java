package io.github.imsdk.examples;

import io.github.imsdk.ssh.Pty;
import io.github.imsdk.ssh.SshSession;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The local terminal for an interactive shell on a VM, as {@code ssh -t} sets it: raw mode (keys go to the VM as
 * typed, Ctrl-C included; no local echo), the VM's pseudo-terminal sized like the local one and of the local
 * {@code TERM}, and the terminal restored afterwards however the shell ends. Java cannot set terminal modes, so
 * this runs {@code stty} on {@code /dev/tty}, bounded in time. Without a terminal the shell still runs, on an
 * 80x24 pseudo-terminal, fed from stdin.
 */
final class Terminal {

  private static final Path TTY = Path.of("/dev/tty");
  private static final long STTY_SECONDS = 5;

  private Terminal() {}

  /** Opens an interactive shell on {@code ssh}; returns its exit code. */
  static int shell(SshSession ssh, Cli cli, Duration timeout) {
    if (!cli.terminal || !Files.isReadable(TTY)) {
      return ssh.shell(Pty.defaults(), cli.in, cli.out, timeout);
    }
    String saved = stty("-g").strip();
    Pty pty = pty(cli.env.getOrDefault("TERM", "xterm"));
    stty("raw", "-echo");
    try {
      return ssh.shell(pty, cli.in, cli.out, timeout);
    } finally {
      stty(saved);
    }
  }

  /** The local size ({@code stty size}: rows, then columns), or 80x24 if unknown. */
  private static Pty pty(String term) {
    String[] size = stty("size").strip().split("\\s+");
    try {
      return new Pty(term.isBlank() ? "xterm" : term, Integer.parseInt(size[1]), Integer.parseInt(size[0]));
    } catch (RuntimeException e) {
      return new Pty(term.isBlank() ? "xterm" : term, Pty.defaults().columns(), Pty.defaults().rows());
    }
  }

  private static String stty(String... args) {
    ProcessBuilder pb = new ProcessBuilder(new java.util.ArrayList<>(List.of("stty")));
    pb.command().addAll(List.of(args));
    pb.redirectInput(TTY.toFile()).redirectError(ProcessBuilder.Redirect.DISCARD);
    try {
      Process p = pb.start();
      try (InputStream in = p.getInputStream()) {
        String out = new String(in.readNBytes(4096), StandardCharsets.US_ASCII);
        if (!p.waitFor(STTY_SECONDS, TimeUnit.SECONDS)) {
          p.destroyForcibly();
          throw new IllegalStateException("stty " + String.join(" ", args) + " did not end within "
              + STTY_SECONDS + " s");
        }
        return out;
      }
    } catch (IOException e) {
      throw new IllegalStateException("cannot run stty to set up the terminal: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while setting up the terminal", e);
    }
  }
}
