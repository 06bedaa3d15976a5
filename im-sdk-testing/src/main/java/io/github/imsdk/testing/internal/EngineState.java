package io.github.imsdk.testing.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What every route of the emulated IM shares: the settings, the infrastructures (live and, for stats, every one
 * ever created), and the lookups that answer IM's 404/403. Guarded by the engine's lock.
 */
final class EngineState {

  static final String NOT_FOUND_INFRA = "Invalid infrastructure ID or access not granted.";

  final Settings settings;
  final ToscaReader tosca;
  final Answers answers;
  final Authenticator auth;
  final Launcher launcher;
  final Map<String, Model.Infra> infras = new LinkedHashMap<>();
  final List<Model.Infra> history = new ArrayList<>();

  EngineState(Settings settings, List<Engine.FaultRule> faults) {
    this.settings = settings;
    this.tosca = new ToscaReader(settings.extraNodeTypes(), settings.remoteImports());
    this.answers = new Answers(settings.imV2());
    this.auth = new Authenticator(settings);
    this.launcher = new Launcher(settings, faults);
  }

  Instant now() {
    return settings.clock().instant();
  }

  /** Ends the asynchronous destroys whose window has passed; called under the lock before each request. */
  void sweep() {
    Instant now = now();
    infras.values().removeIf(inf -> {
      if (inf.deletingUntil == null) {
        return false;
      }
      Instant half = inf.deletingFrom.plus(Duration.between(inf.deletingFrom, inf.deletingUntil).dividedBy(2));
      if (!now.isBefore(half)) {
        inf.vms.forEach(v -> v.deleted = true);
      }
      return !now.isBefore(inf.deletingUntil);
    });
  }

  /**
   * Contextualizes the VMs that were never contextualized (added with {@code context=0}), as IM does when a later
   * AddResource or RemoveResource runs with the default context.
   */
  void contextualizeRest(Model.Infra inf) {
    Instant now = now();
    for (Model.Vm v : inf.vms) {
      if (!v.deleted && v.doneAt == null) {
        Instant start = now.isBefore(v.runningAt) ? v.runningAt : now;
        v.doneAt = start.plus(inf.ctxtDisabled ? Duration.ZERO : settings.configure());
      }
    }
  }

  boolean imV2() {
    return settings.imV2();
  }

  /** A parsed request body: its RADL and, for TOSCA, the template. */
  record Description(Radl radl, ToscaReader.Template template, String toscaText) {}

  Description description(Exchange x, String prefix) {
    Answers.BodyKind kind = answers.bodyKind(x);
    String p = settings.imV2() ? "Error parsing request body: " : prefix;
    try {
      return switch (kind) {
        case TOSCA -> {
          ToscaReader.Template t = tosca.read(x.body);
          yield new Description(t.radl(), t, x.body);
        }
        case RADL_JSON -> new Description(x.body.isBlank() ? new Radl() : Radl.parseJson(x.body), null, null);
        case RADL -> new Description(Radl.parse(x.body), null, null);
      };
    } catch (Radl.ParseException e) {
      throw new HttpError(400, p + e.getMessage());
    }
  }

  /** Returns the infrastructure the caller owns, or the 404/403 IM gives. */
  Model.Infra owned(Authenticator.Caller caller, String id, String prefix) {
    Model.Infra inf = infras.get(id);
    if (inf == null) {
      throw new HttpError(404, prefix + NOT_FOUND_INFRA);
    }
    if (!inf.ownedBy(caller.ids())) {
      throw new HttpError(403, prefix + "Access to this infrastructure not granted.");
    }
    return inf;
  }

  /** Returns a visible VM of {@code inf}, or IM's 404. */
  Model.Vm vm(Model.Infra inf, String vmId, String prefix) {
    int n;
    try {
      n = Integer.parseInt(vmId);
    } catch (NumberFormatException e) {
      throw new HttpError(404, prefix + "Invalid VM ID");
    }
    for (Model.Vm v : inf.vms) {
      if (v.id == n && !now().isBefore(v.visibleAt)) {
        if (v.deleted) {
          throw new HttpError(404, prefix + "Deleted VM.");
        }
        return v;
      }
    }
    throw new HttpError(404, prefix + "Invalid VM ID");
  }

  static String infraUri(Exchange x, String id) {
    return x.baseUrl + "/infrastructures/" + id;
  }

  static String vmUri(Exchange x, String id, int vm) {
    return infraUri(x, id) + "/vms/" + vm;
  }
}
