package io.github.imsdk.testing.internal;

import io.github.imsdk.core.State;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * The contextualization log ({@code contmsg}) the emulator shows, built from each VM's timeline with IM's own
 * lines (as recorded from IM 1.19.2 and 2.0). A VM's own log is empty, as with IM's Dummy connector: IM fills it
 * only from Ansible output on the VM. {@code headeronly} changes nothing, since there are no per-VM logs.
 */
final class ContextLog {

  private static final DateTimeFormatter LOG_TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSS").withZone(ZoneOffset.UTC);

  private ContextLog() {}

  static String contmsg(Model.Infra inf, Instant now, boolean headerOnly) {
    if (inf.ctxtDisabled) {
      return "Contextualization disabled by the RADL/TOSCA template.\n\n";
    }
    StringBuilder sb = new StringBuilder();
    List<Model.Vm> vms = inf.visibleVms(now).stream().filter(v -> v.doneAt != null).toList();
    if (vms.isEmpty()) {
      return "";
    }
    Instant start = vms.stream().map(v -> v.runningAt).min(Instant::compareTo).orElseThrow();
    start = start.isBefore(inf.ctxtStartedAt) ? inf.ctxtStartedAt : start;
    if (now.isBefore(start)) {
      return "";
    }
    line(sb, start, "Select master VM");
    line(sb, start, "Wait master VM to boot");
    line(sb, start, "Wait master VM to have the SSH active.");
    Instant end = vms.stream().map(v -> v.doneAt).max(Instant::compareTo).orElseThrow();
    boolean failed = vms.stream().anyMatch(v -> v.outcome != State.CONFIGURED);
    if (failed) {
      // IM's timeline when the master VM never answers SSH: an error a third of the way, then the time limit.
      Instant sshTimeout = start.plus(Duration.between(start, end).dividedBy(3));
      if (!now.isBefore(sshTimeout)) {
        line(sb, sshTimeout, "Contextualization Error: Error Waiting the Master VM to have the SSH active: "
            + "Timeout waiting SSH access.");
        line(sb, sshTimeout, "Creating and copying Ansible playbook files");
      }
      if (!now.isBefore(end)) {
        line(sb, end, "ERROR: Max contextualization time passed.");
      }
    } else {
      line(sb, start, "Creating and copying Ansible playbook files");
      if (!now.isBefore(end)) {
        line(sb, end, "Contextualization finished successfully.");
      }
    }
    return sb.toString();
  }

  /** A VM's own log: empty, as IM's with the Dummy connector. */
  static String vmLog(Model.Vm v) {
    return "";
  }

  private static void line(StringBuilder sb, Instant t, String msg) {
    sb.append(LOG_TIME.format(t)).append(": ").append(msg).append('\n');
  }
}
