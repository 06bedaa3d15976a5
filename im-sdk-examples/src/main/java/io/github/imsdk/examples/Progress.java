package io.github.imsdk.examples;

import io.github.imsdk.core.InfrastructureState;
import io.github.imsdk.core.State;
import java.io.PrintStream;
import java.time.Duration;
import java.util.Map;

/**
 * Shows the wait: on a terminal one line rewritten in place; otherwise (a pipe, a CI log) a plain line each time a
 * state changes.
 */
final class Progress {

  private final PrintStream out;
  private final boolean terminal;
  private String last = "";
  private int width;

  Progress(PrintStream out, boolean terminal) {
    this.out = out;
    this.terminal = terminal;
  }

  void update(Duration elapsed, InfrastructureState s) {
    String states = describe(s);
    if (terminal) {
      String line = "waiting: " + states + " | " + format(elapsed);
      out.print("\r" + line + " ".repeat(Math.max(0, width - line.length())));
      out.flush();
      width = line.length();
    } else if (!states.equals(last)) {
      out.println("[" + format(elapsed) + "] " + states);
    }
    last = states;
  }

  void done() {
    if (terminal && width > 0) {
      out.println();
      width = 0;
    }
  }

  static String describe(InfrastructureState s) {
    StringBuilder sb = new StringBuilder("infrastructure ").append(s.rawState());
    for (Map.Entry<String, State> vm : s.vmStates().entrySet()) {
      sb.append(", vm ").append(vm.getKey()).append(' ').append(vm.getValue().wire());
    }
    return sb.toString();
  }

  static String format(Duration d) {
    long s = d.toSeconds();
    return s >= 60 ? (s / 60) + "m" + String.format("%02d", s % 60) + "s" : s + "." + (d.toMillisPart() / 100) + "s";
  }
}
