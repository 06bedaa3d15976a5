package io.github.imsdk.examples;

import io.github.imsdk.core.ImWaitException;
import io.github.imsdk.core.InfrastructureState;
import io.github.imsdk.core.State;
import io.github.imsdk.core.WaitProgress;
import java.io.PrintStream;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import java.util.regex.Pattern;

/**
 * Shows a wait, fed by the {@link WaitProgress} events of {@code Infrastructure.waitUntil}: on a terminal one line
 * rewritten in place (the infrastructure's state, each VM's state, the time waited); otherwise (a pipe, a CI log)
 * a plain line each time a state changes.
 *
 * <p>The waiter reports only changes, so on a terminal a ticker repaints the line every second to keep the time
 * moving while IM contextualizes for minutes.
 */
final class Progress implements Consumer<WaitProgress>, AutoCloseable {

  private static final Pattern CONTMSG_POINTER =
      Pattern.compile("; contextualization log head in contmsgHead\\(\\) \\(\\d+ chars\\)$");

  private final PrintStream out;
  private final boolean terminal;
  private final LongSupplier nanoTime;
  private final Duration offset;
  private ScheduledExecutorService ticker;
  private InfrastructureState lastState;
  private Duration lastElapsed = Duration.ZERO;
  private long lastEventNanos;
  private String lastStates = "";
  private int width;

  /**
   * Creates a display without a ticker; {@link #tick()} repaints by hand.
   *
   * @param offset added to the events' times, which count from the start of the wait: the time already spent,
   *     e.g. on the create call, so that the display shows the time since the user started the command
   * @param nanoTime the clock the terminal line's time advances by between events
   */
  Progress(PrintStream out, boolean terminal, Duration offset, LongSupplier nanoTime) {
    this.out = out;
    this.terminal = terminal;
    this.offset = offset;
    this.nanoTime = nanoTime;
  }

  /**
   * Creates a display; on a terminal it repaints every second until {@link #close()}.
   *
   * @param offset the time spent before the wait started, added to the events' times
   */
  static Progress start(PrintStream out, boolean terminal, Duration offset) {
    Progress p = new Progress(out, terminal, offset, System::nanoTime);
    if (terminal) {
      p.ticker = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "progress-ticker");
        t.setDaemon(true);
        return t;
      });
      p.ticker.scheduleAtFixedRate(p::tick, 1, 1, TimeUnit.SECONDS);
    }
    return p;
  }

  /**
   * Shows the reading an event came from. One poll yields an event per changed state, all with the same
   * snapshot, so in plain mode only the first of them prints a line.
   */
  @Override
  public synchronized void accept(WaitProgress event) {
    lastState = event.snapshot();
    lastElapsed = offset.plus(event.elapsed());
    lastEventNanos = nanoTime.getAsLong();
    String states = describe(lastState);
    if (terminal) {
      paint(states, lastElapsed);
    } else if (!states.equals(lastStates)) {
      out.println("[" + format(lastElapsed) + "] " + states);
    }
    lastStates = states;
  }

  /** Repaints the terminal line with the time advanced since the last event; nothing in plain mode. */
  synchronized void tick() {
    if (terminal && lastState != null && width > 0) {
      paint(lastStates, lastElapsed.plusNanos(nanoTime.getAsLong() - lastEventNanos));
    }
  }

  private void paint(String states, Duration elapsed) {
    String line = "waiting: " + states + " | " + format(elapsed);
    out.print("\r" + line + " ".repeat(Math.max(0, width - line.length())));
    out.flush();
    width = line.length();
  }

  /** Ends the terminal line, so that what follows starts on a line of its own. */
  synchronized void done() {
    if (terminal && width > 0) {
      out.println();
      width = 0;
    }
  }

  /** Stops the ticker and ends the terminal line. */
  @Override
  public void close() {
    if (ticker != null) {
      ticker.shutdownNow();
    }
    done();
  }

  /** Describes a reading, e.g. {@code infrastructure running, vm 0 running, vm 1 pending}. */
  static String describe(InfrastructureState s) {
    StringBuilder sb = new StringBuilder("infrastructure ").append(s.rawState());
    for (Map.Entry<String, State> vm : s.vmStates().entrySet()) {
      sb.append(", vm ").append(vm.getKey()).append(' ').append(vm.getValue().wire());
    }
    return sb.toString();
  }

  /**
   * Returns the waiter's one-line account of a failed wait (what was waited for, the time, the last state and
   * each VM's), without its closing pointer to {@code contmsgHead()}, which addresses a programmer: the commands
   * print the log head themselves where it helps.
   */
  static String summary(ImWaitException e) {
    return CONTMSG_POINTER.matcher(e.getMessage()).replaceFirst("");
  }

  /** Formats a duration as e.g. {@code 2.5s} or {@code 3m05s}. */
  static String format(Duration d) {
    long s = d.toSeconds();
    return s >= 60 ? (s / 60) + "m" + String.format("%02d", s % 60) + "s" : s + "." + (d.toMillisPart() / 100) + "s";
  }
}
