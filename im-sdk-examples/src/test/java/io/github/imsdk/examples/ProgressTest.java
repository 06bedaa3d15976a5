package io.github.imsdk.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.imsdk.core.ImWaitException;
import io.github.imsdk.core.InfrastructureId;
import io.github.imsdk.core.InfrastructureState;
import io.github.imsdk.core.State;
import io.github.imsdk.core.WaitProgress;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The wait display fed by the waiter's events: plain lines for logs, one rewritten line on a terminal. */
class ProgressTest {

  private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
  private final PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
  private final AtomicLong nanos = new AtomicLong();

  private static InfrastructureState state(State infra, State... vms) {
    Map<String, State> vmStates = new LinkedHashMap<>();
    for (int i = 0; i < vms.length; i++) {
      vmStates.put(String.valueOf(i), vms[i]);
    }
    return new InfrastructureState(infra, infra.wire(), vmStates);
  }

  private static WaitProgress infraEvent(long millis, InfrastructureState s, State previous) {
    return new WaitProgress(Duration.ofMillis(millis), Optional.empty(), Optional.ofNullable(previous), s.state(), s);
  }

  private static WaitProgress vmEvent(long millis, InfrastructureState s, String vm, State previous) {
    return new WaitProgress(Duration.ofMillis(millis), Optional.of(vm), Optional.ofNullable(previous),
        s.vmStates().get(vm), s);
  }

  private String printed() {
    return bytes.toString(StandardCharsets.UTF_8);
  }

  @Test
  void plainModePrintsOneLinePerReadingThatChangedSomething() {
    // Given a display for a log, not a terminal, of a wait that started 2 s after the command
    Progress progress = new Progress(out, false, Duration.ofSeconds(2), nanos::get);
    InfrastructureState pending = state(State.PENDING, State.PENDING, State.PENDING);
    InfrastructureState running = state(State.RUNNING, State.RUNNING, State.RUNNING);

    // When the waiter reports the first reading (one event for the infrastructure and each VM), then a change
    progress.accept(infraEvent(0, pending, null));
    progress.accept(vmEvent(0, pending, "0", null));
    progress.accept(vmEvent(0, pending, "1", null));
    progress.accept(infraEvent(2500, running, State.PENDING));
    progress.accept(vmEvent(2500, running, "0", State.PENDING));
    progress.accept(vmEvent(2500, running, "1", State.PENDING));
    progress.close();

    // Then each reading is one line with the infrastructure's state, each VM's state and the time since the start
    assertThat(printed().lines()).containsExactly(
        "[2.0s] infrastructure pending, vm 0 pending, vm 1 pending",
        "[4.5s] infrastructure running, vm 0 running, vm 1 running");
  }

  @Test
  void terminalModeRewritesOneLineAndKeepsTheTimeMovingBetweenEvents() {
    // Given a display on a terminal
    Progress progress = new Progress(out, true, Duration.ZERO, nanos::get);
    InfrastructureState pending = state(State.PENDING, State.PENDING);
    InfrastructureState configured = state(State.CONFIGURED, State.CONFIGURED);

    // When a reading arrives, 65 s pass with no change, then the last reading arrives and the wait ends
    progress.accept(infraEvent(1000, pending, null));
    nanos.addAndGet(Duration.ofSeconds(65).toNanos());
    progress.tick();
    progress.accept(infraEvent(70_000, configured, State.PENDING));
    progress.close();

    // Then the line was rewritten in place (carriage returns, one newline at the end) with the time advancing
    String shown = printed();
    assertThat(shown).startsWith("\rwaiting: infrastructure pending, vm 0 pending | 1.0s")
        .contains("\rwaiting: infrastructure pending, vm 0 pending | 1m06s")
        .contains("\rwaiting: infrastructure configured, vm 0 configured | 1m10s")
        .endsWith(System.lineSeparator());
    assertThat(shown.chars().filter(ch -> ch == '\n')).hasSize(1);
  }

  @Test
  void terminalTickBeforeAnyEventOrAfterTheEndPrintsNothing() {
    // Given a terminal display that has shown nothing yet
    Progress progress = new Progress(out, true, Duration.ZERO, nanos::get);

    // When the ticker fires before the first reading, Then nothing is printed
    progress.tick();
    assertThat(printed()).isEmpty();

    // When a reading is shown, the display is closed and the ticker fires once more
    progress.accept(infraEvent(0, state(State.RUNNING), null));
    progress.close();
    String atClose = printed();
    progress.tick();

    // Then the closed line is left alone
    assertThat(printed()).isEqualTo(atClose);
  }

  @Test
  void summaryKeepsTheWaitersAccountButNotItsPointerToTheApi() {
    // Given a failed wait whose exception carries a contextualization log head
    ImWaitException e = new ImWaitException(ImWaitException.Reason.FAILED, InfrastructureId.of("inf-1"),
        "infrastructure inf-1", "configured", "the infrastructure is unconfigured (read 2 times in a row)",
        state(State.UNCONFIGURED, State.UNCONFIGURED), Duration.ofSeconds(7), 3, "ERROR: ansible failed", null);

    // When it is summarized for a user
    String summary = Progress.summary(e);

    // Then the states, time and reason stay, and the pointer to contmsgHead() is gone
    assertThat(summary).isEqualTo("Waiting for infrastructure inf-1 to be configured failed after 7s (3 polls): "
        + "the infrastructure is unconfigured (read 2 times in a row); last state unconfigured "
        + "(VMs: 0=unconfigured)");
  }
}
