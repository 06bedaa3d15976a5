package io.github.imsdk.testing.internal;

import io.github.imsdk.core.State;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** Operations on a whole infrastructure: start, stop, reconfigure, and changing its owners. */
final class InfraOperations {

  private static final Pattern VM_LIST = Pattern.compile("\\d+(,\\d+)*");

  private final EngineState s;

  InfraOperations(EngineState s) {
    this.s = s;
  }

  void operation(Exchange x, String id, String op) {
    switch (op) {
      case "start", "stop" -> {
        String prefix = "Error " + (op.equals("start") ? "starting" : "stopping") + " the infrastructure: ";
        Authenticator.Caller c = s.auth.authenticate(x, prefix, false);
        Model.Infra inf = s.owned(c, id, prefix);
        inf.vms.forEach(v -> v.stopped = op.equals("stop"));
        s.answers.empty(x);
      }
      case "reconfigure" -> reconfigure(x, id);
      default -> {
        Authenticator.Caller c = s.auth.authenticate(x, "Error in " + op + " operation: ", false);
        if (s.imV2()) {
          throw Answers.literal("op", op, List.of("start", "stop"));
        }
        s.owned(c, id, "Error in " + op + " operation: ");
        throw new HttpError(400, "Error in " + op + " operation: 404 Not Found: The requested URL was not found on "
            + "the server. If you entered the URL manually please check your spelling and try again.");
      }
    }
  }

  private void reconfigure(Exchange x, String id) {
    String prefix = "Error reconfiguring the infrastructure: ";
    Authenticator.Caller c = s.auth.authenticate(x, prefix, false);
    String vmList = x.query.get("vm_list");
    if (vmList != null && !VM_LIST.matcher(vmList).matches()) {
      throw new HttpError(400, "Incorrect vm_list format.");
    }
    Model.Infra inf = s.owned(c, id, prefix);
    if (!x.body.isBlank()) {
      EngineState.Description d = s.description(x, prefix);
      for (Radl.Aspect a : d.radl().aspects) {
        if (a.kind.equals("configure") || a.kind.equals("contextualize")) {
          inf.radl.aspects.removeIf(o -> o.kind.equals(a.kind) && (a.id == null || a.id.equals(o.id)));
          inf.radl.aspects.add(a.copy());
        }
      }
      inf.ctxtDisabled = inf.radl.contextualizationDisabled();
    }
    List<String> only = vmList == null ? null : List.of(vmList.split(","));
    Instant now = s.now();
    inf.ctxtStartedAt = now;
    for (Model.Vm v : inf.vms) {
      if (!v.deleted && (only == null || only.contains(String.valueOf(v.id))) && v.outcome != State.FAILED) {
        Instant start = now.isBefore(v.runningAt) ? v.runningAt : now;
        v.doneAt = start.plus(inf.ctxtDisabled ? Duration.ZERO : s.settings.configure());
      }
    }
    x.responseHeaders.put("InfID", inf.id);
    s.answers.empty(x);
  }

  void changeOwners(Exchange x, String id) {
    String prefix = "Error modifying the infrastructure owners: ";
    Authenticator.Caller c = s.auth.authenticate(x, prefix, false);
    boolean overwrite = s.answers.bool(x, "overwrite", false);
    String ct = x.header("Content-Type");
    String t = ct == null ? "" : ct.split(";")[0].trim();
    if (!t.isEmpty() && !t.equals("application/json")) {
      throw s.answers.unsupportedMediaType(ct);
    }
    Model.Infra inf = s.owned(c, id, prefix);
    Object body;
    try {
      body = Json.parse(x.body);
    } catch (RuntimeException e) {
      throw new HttpError(400, prefix + "Incorrect format of the auth data: " + e.getMessage());
    }
    if (!(body instanceof Map<?, ?> m)) {
      throw new HttpError(400, prefix + "Incorrect format of the auth data: one JSON object is expected.");
    }
    Model.Identity identity;
    if (m.get("token") instanceof String token) {
      identity = s.auth.tokenIdentity(token, prefix, 400);
    } else if (m.get("username") instanceof String u && m.get("password") instanceof String p) {
      identity = new Model.Identity(u, p, false);
    } else {
      throw new HttpError(400, prefix + "No credentials provided for the InfrastructureManager.");
    }
    if (overwrite) {
      inf.owners.clear();
    }
    if (inf.owners.stream().noneMatch(o -> o.matches(identity))) {
      inf.owners.add(identity);
    }
    s.answers.empty(x);
  }
}
