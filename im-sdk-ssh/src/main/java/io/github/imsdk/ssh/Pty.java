package io.github.imsdk.ssh;

import java.util.Objects;

/**
 * The pseudo-terminal an interactive shell asks the server for.
 *
 * @param term the terminal type, e.g. {@code xterm-256color} (the local {@code TERM})
 * @param columns the width in characters
 * @param rows the height in lines
 */
public record Pty(String term, int columns, int rows) {

  /** Checks the components. */
  public Pty {
    Objects.requireNonNull(term, "term");
    if (term.isBlank()) {
      throw new IllegalArgumentException("terminal type must not be blank");
    }
    if (columns < 1 || rows < 1) {
      throw new IllegalArgumentException("terminal size must be at least 1x1, got " + columns + "x" + rows);
    }
  }

  /** Returns an {@code xterm} of 80 by 24, for when the local terminal's size is unknown. */
  public static Pty defaults() {
    return new Pty("xterm", 80, 24);
  }
}
