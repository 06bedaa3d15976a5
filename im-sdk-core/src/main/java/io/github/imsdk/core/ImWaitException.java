package io.github.imsdk.core;

import io.github.imsdk.ImException;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Thrown when a wait on an infrastructure ends without success: a failure state was reached, the timeout passed,
 * a poll failed in a way that will not heal, or the waiting thread was interrupted.
 *
 * <p>It carries what a caller needs to decide what to do next (and what to show a user): the last state read,
 * the state of each VM, the time spent, and the head of the contextualization log
 * ({@code GET /infrastructures/{id}/contmsg}), which usually says why Ansible failed. The log is not part of
 * {@link #getMessage()}, which stays short; read {@link #contmsgHead()}.
 */
public class ImWaitException extends ImException {
  private static final long serialVersionUID = 1L;

  /** Why the wait ended. */
  public enum Reason {
    /** A failure state was reached (e.g. {@code failed}, confirmed {@code unconfigured}, too many {@code unknown}). */
    FAILED,
    /** The overall timeout passed before the condition held. */
    TIMEOUT,
    /** A poll failed with an error that waiting will not heal (e.g. 403, or 404 when not waiting for deletion). */
    ERROR,
    /** The waiting thread was interrupted; its interrupt flag is set again. */
    INTERRUPTED
  }

  private final Reason reason;
  private final transient InfrastructureId infrastructureId;
  private final String condition;
  private final transient InfrastructureState lastState;
  private final Duration elapsed;
  private final int polls;
  private final String contmsgHead;

  /**
   * Creates the exception.
   *
   * @param reason why the wait ended
   * @param infrastructureId the infrastructure waited on; null if unknown
   * @param subject what was waited on, e.g. {@code "infrastructure 6b3d..."}
   * @param condition what was waited for, e.g. {@code "configured"}
   * @param detail one sentence on the last reading, e.g. {@code "state unconfigured read 2 times in a row"}
   * @param lastState the last state read; null if no state could be read
   * @param elapsed the time spent waiting
   * @param polls how many times the state was requested
   * @param contmsgHead the head of the contextualization log; null or empty if unavailable
   * @param cause the error that ended the wait, or null
   */
  public ImWaitException(Reason reason, InfrastructureId infrastructureId, String subject, String condition,
      String detail, InfrastructureState lastState, Duration elapsed, int polls, String contmsgHead,
      Throwable cause) {
    super(message(reason, subject, condition, detail, lastState, elapsed, polls, contmsgHead), cause);
    this.reason = Objects.requireNonNull(reason, "reason");
    this.infrastructureId = infrastructureId;
    this.condition = condition == null ? "" : condition;
    this.lastState = lastState;
    this.elapsed = Objects.requireNonNull(elapsed, "elapsed");
    this.polls = polls;
    this.contmsgHead = contmsgHead == null ? "" : contmsgHead;
  }

  /** Returns why the wait ended. */
  public Reason reason() {
    return reason;
  }

  /**
   * Returns the infrastructure waited on. After a failed create-and-wait it names what may still cost money, so
   * the caller can destroy it ({@code DELETE /infrastructures/{id}}).
   */
  public Optional<InfrastructureId> infrastructureId() {
    return Optional.ofNullable(infrastructureId);
  }

  /** Returns what was waited for, e.g. {@code "configured"}. */
  public String condition() {
    return condition;
  }

  /** Returns the last state read; empty if no poll returned a state. */
  public Optional<InfrastructureState> lastState() {
    return Optional.ofNullable(lastState);
  }

  /** Returns the state of each VM at the last reading; empty if no state was read. */
  public Map<String, State> vmStates() {
    return lastState == null ? Map.of() : lastState.vmStates();
  }

  /** Returns the time spent waiting. */
  public Duration elapsed() {
    return elapsed;
  }

  /** Returns how many times the state was requested. */
  public int polls() {
    return polls;
  }

  /** Returns the head of the contextualization log; empty if it could not be fetched or was not asked for. */
  public String contmsgHead() {
    return contmsgHead;
  }

  private static String message(Reason reason, String subject, String condition, String detail,
      InfrastructureState last, Duration elapsed, int polls, String contmsg) {
    StringBuilder sb = new StringBuilder();
    sb.append("Waiting for ").append(subject == null ? "infrastructure" : subject).append(" to be ")
        .append(condition);
    switch (reason) {
      case FAILED -> sb.append(" failed");
      case TIMEOUT -> sb.append(" timed out");
      case ERROR -> sb.append(" stopped on an error");
      case INTERRUPTED -> sb.append(" was interrupted");
      default -> throw new IllegalStateException(String.valueOf(reason));
    }
    sb.append(" after ").append(format(elapsed)).append(" (").append(polls).append(polls == 1 ? " poll)" : " polls)");
    if (detail != null && !detail.isEmpty()) {
      sb.append(": ").append(detail);
    }
    if (last != null) {
      sb.append("; last state ").append(last.rawState());
      if (!last.vmStates().isEmpty()) {
        StringBuilder vms = new StringBuilder();
        last.vmStates().forEach((vm, s) -> vms.append(vms.length() == 0 ? "" : ", ").append(vm).append('=')
            .append(s.wire()));
        sb.append(" (VMs: ").append(vms).append(')');
      }
    } else {
      sb.append("; no state could be read");
    }
    if (contmsg != null && !contmsg.isEmpty()) {
      sb.append("; contextualization log head in contmsgHead() (").append(contmsg.length()).append(" chars)");
    }
    return sb.toString();
  }

  /** Formats a duration as e.g. {@code 1h 2m 3s} or {@code 250ms}. */
  static String format(Duration d) {
    long ms = d.toMillis();
    if (ms < 1000) {
      return ms + "ms";
    }
    long s = d.getSeconds();
    long h = s / 3600;
    long m = (s % 3600) / 60;
    long sec = s % 60;
    StringBuilder sb = new StringBuilder();
    if (h > 0) {
      sb.append(h).append("h ");
    }
    if (h > 0 || m > 0) {
      sb.append(m).append("m ");
    }
    return sb.append(sec).append('s').toString();
  }
}
