package io.github.imsdk.testing.internal;

import io.github.imsdk.core.State;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/** The contextualization log ({@code contmsg}) the emulator shows, built from each VM's timeline. */
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
    line(sb, start, "Creating and copying Ansible playbook files");
    line(sb, start, "Contextualization started (emulated).");
    Instant end = vms.stream().map(v -> v.doneAt).max(Instant::compareTo).orElseThrow();
    boolean failed = vms.stream().anyMatch(v -> v.outcome != State.CONFIGURED);
    if (!now.isBefore(end)) {
      line(sb, end, failed ? "ERROR: Contextualization failed on some VMs (fault injected in the IM emulator)."
          : "Contextualization finished successfully.");
    }
    if (!headerOnly) {
      for (Model.Vm v : vms) {
        if (!now.isBefore(v.doneAt)) {
          sb.append("VM ").append(v.id).append(":\n").append(vmLog(v)).append('\n').append("*".repeat(75))
              .append('\n');
        }
      }
    }
    return sb.toString();
  }

  static String vmLog(Model.Vm v) {
    return v.outcome == State.CONFIGURED
        ? "Contextualization of VM " + v.id + " finished: ok (emulated)."
        : "Contextualization of VM " + v.id + " failed: fault injected in the IM emulator.";
  }

  private static void line(StringBuilder sb, Instant t, String msg) {
    sb.append(LOG_TIME.format(t)).append(": ").append(msg).append('\n');
  }
}
