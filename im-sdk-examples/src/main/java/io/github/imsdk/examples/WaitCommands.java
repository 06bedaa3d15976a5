package io.github.imsdk.examples;

import io.github.imsdk.core.CreateOptions;
import io.github.imsdk.core.ImWaitException;
import io.github.imsdk.core.Infrastructure;
import io.github.imsdk.core.InfrastructureId;
import io.github.imsdk.core.InfrastructureState;
import io.github.imsdk.core.State;
import io.github.imsdk.core.Template;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** im_client's waiting operations: wait and create_wait_outputs. */
final class WaitCommands {

  /** Default of wait's max_time, in seconds (10 h, as im_client). */
  static final long DEFAULT_WAIT_SECONDS = 36000;
  private static final Set<State> WAITING = Set.of(State.PENDING, State.RUNNING, State.UNKNOWN);

  private WaitCommands() {}

  /**
   * Waits until configured; returns null when it is, else im_client's message ("Timeout waiting." or "The
   * infrastructure is in state: failed"), after printing the waiter's reason on stderr. Unlike im_client, which
   * polls every 30 s, the SDK's waiter polls with backoff (see --help) and reports each state change.
   */
  static String waitConfigured(ImOperation op, Connection c, Infrastructure inf, long seconds, boolean chatty) {
    AtomicReference<InfrastructureState> last = new AtomicReference<>();
    try {
      inf.waitUntil(c.configured(Duration.ofSeconds(seconds)), p -> {
        last.set(p.snapshot());
        if (chatty && p.isInfrastructure() && WAITING.contains(p.current())) {
          op.out.println("The infrastructure is in state: " + p.snapshot().rawState() + ". Wait ...");
        }
      });
      return null;
    } catch (ImWaitException e) {
      if (e.reason() != ImWaitException.Reason.FAILED && e.reason() != ImWaitException.Reason.TIMEOUT) {
        throw e;
      }
      op.cli.err.println("error: " + Progress.summary(e));
      if (e.reason() == ImWaitException.Reason.TIMEOUT) {
        return "Timeout waiting.";
      }
      InfrastructureState s = e.lastState().orElse(last.get());
      return "The infrastructure is in state: " + (s == null ? State.UNKNOWN.wire() : s.rawState());
    }
  }

  @Command(name = "wait", description = "Wait until the infrastructure is configured (exit 1 if it fails)")
  static final class WaitOp extends ImOperation {
    @Parameters(index = "0", arity = "0..1", paramLabel = "inf_id")
    String infId;
    @Parameters(index = "1", arity = "0..1", paramLabel = "max_time", description = "seconds (default 36000)")
    String maxTime;

    @Override
    String failure() {
      return "ERROR waiting for the infrastructure";
    }

    @Override
    boolean run(Connection c) {
      Infrastructure inf = infrastructure(c, infId);
      long seconds = DEFAULT_WAIT_SECONDS;
      if (maxTime != null) {
        try {
          seconds = Long.parseLong(maxTime.trim());
        } catch (NumberFormatException e) {
          throw new OperationFailure("invalid literal for int() with base 10: '" + maxTime + "'");
        }
        if (seconds < 1) {
          throw new OperationFailure("Timeout waiting.");
        }
      }
      String failed = waitConfigured(this, c, inf, seconds, !opts.quiet);
      if (failed != null) {
        out.println(failed);
        return false;
      }
      if (!opts.quiet) {
        out.println("The infrastructure is in state: configured");
      }
      return true;
    }
  }

  @Command(name = "create_wait_outputs",
      description = "Create, wait until configured, print the outputs and the id as one JSON line")
  static final class CreateWaitOutputsOp extends ImOperation {
    @Parameters(index = "0", arity = "0..1", paramLabel = "radl_file")
    String file;

    @Override
    String failure() {
      return "ERROR creating the infrastructure";
    }

    @Override
    boolean run(Connection c) {
      InfrastructureId id;
      try {
        Template template = InfrastructureCommands.readTemplate(file, "RADL file not specified");
        id = c.im.infrastructures().create(template, CreateOptions.asyncLaunch());
      } catch (OperationFailure | io.github.imsdk.ImException | java.io.UncheckedIOException e) {
        out.println(PyFormat.json(Map.of("error", e.getMessage())));
        return false;
      }
      Infrastructure inf = c.im.infrastructure(id);
      String failed = waitConfigured(this, c, inf, DEFAULT_WAIT_SECONDS, false);
      if (failed != null) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("error", failed);
        m.put("infid", id.value());
        out.println(PyFormat.json(m));
        return false;
      }
      Map<String, Object> outputs;
      try {
        outputs = secrets().map(inf.outputs().asMap());
      } catch (io.github.imsdk.ImException e) {
        out.println("{\"infid\": \"" + id.value() + "\", \"outputs\": {}}");
        return true;
      }
      outputs.put("infid", id.value());
      out.println(PyFormat.json(outputs));
      return true;
    }
  }
}
