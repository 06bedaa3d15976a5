package io.github.imsdk.testing.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Routes on one VM: info, property, contmsg, alter, remove, start/stop/reboot and disk snapshot. */
final class VmRoutes {

  private final EngineState s;

  VmRoutes(EngineState s) {
    this.s = s;
  }

  void info(Exchange x, String id, String vmId) {
    String prefix = "Error Getting VM. info: ";
    Authenticator.Caller c = s.auth.authenticate(x, prefix, false);
    Model.Vm v = s.vm(s.owned(c, id, prefix), vmId, prefix);
    Radl r = v.radl(s.now());
    s.answers.plainOrJson(x, "radl", r.json(), r.text() + "\n\n");
  }

  void property(Exchange x, String id, String vmId, String prop) {
    String prefix = "Error Getting VM. property: ";
    Authenticator.Caller c = s.auth.authenticate(x, prefix, false);
    Model.Vm v = s.vm(s.owned(c, id, prefix), vmId, prefix);
    if (prop.equals("contmsg")) {
      String log = ContextLog.vmLog(v);
      s.answers.plainOrJson(x, "contmsg", log, log);
      return;
    }
    Radl.Aspect sys = v.radl(s.now()).all("system").get(0);
    Radl.Feature f = sys.feature(prop)
        .orElseThrow(() -> new HttpError(404, "Incorrect property " + prop + " for VM ID " + vmId));
    Object value = f.value();
    String text = value instanceof Number ? Json.write(value, true) + (f.unit() == null ? "" : f.unit())
        : String.valueOf(value);
    s.answers.plainOrJson(x, prop, value, text);
  }

  void alter(Exchange x, String id, String vmId) {
    String prefix = "Error modifying resources: ";
    Authenticator.Caller c = s.auth.authenticate(x, prefix, false);
    Model.Infra inf = s.owned(c, id, prefix);
    Model.Vm v = s.vm(inf, vmId, prefix);
    EngineState.Description d = s.description(x, prefix);
    List<Radl.Aspect> systems = d.radl().all("system");
    if (systems.isEmpty()) {
      throw new HttpError(400, prefix + "No system specified in the RADL to alter the VM.");
    }
    for (Radl.Feature f : systems.get(0).features) {
      // IM's Dummy grants exactly what was asked: a ">= 4" request ends as "= 4".
      v.system.set(new Radl.Feature(f.name(), f.op().equals("contains") ? "contains" : "=", f.value(), f.unit()));
    }
    // IM answers with the VM's whole RADL: description, networks, system, contextualize and its deploy.
    // Its JSON lists them as IM does: networks, system, deploy, contextualize, description.
    Radl r = v.radl(s.now());
    Radl.Aspect deploy = new Radl.Aspect("deploy", v.systemId);
    deploy.vmNumber = 1;
    r.aspects.add(deploy);
    inf.radl.all("contextualize").forEach(a -> r.aspects.add(a.copy()));
    inf.radl.all("description").forEach(a -> r.aspects.add(a.copy()));
    s.answers.plainOrJson(x, "radl", r.json(), r.text() + "\n\n");
  }

  void remove(Exchange x, String id, String vmIds) {
    String prefix = "Error Removing resources: ";
    Authenticator.Caller c = s.auth.authenticate(x, prefix, false);
    boolean context = s.answers.bool(x, "context", true);
    Model.Infra inf = s.owned(c, id, prefix);
    List<Model.Vm> targets = new ArrayList<>();
    for (String one : vmIds.split(",")) {
      targets.add(s.vm(inf, one.trim(), prefix));
    }
    targets.forEach(v -> v.deleted = true);
    if (context) {
      s.contextualizeRest(inf);
    }
    s.answers.empty(x);
  }

  void operation(Exchange x, String id, String vmId, String op) {
    if (!List.of("start", "stop", "reboot").contains(op)) {
      Authenticator.Caller c = s.auth.authenticate(x, "Error in " + op + " operation: ", false);
      if (s.imV2()) {
        throw Answers.literal("op", op, List.of("start", "stop", "reboot"));
      }
      s.owned(c, id, "Error in " + op + " operation: ");
      throw new HttpError(400, "Error in " + op + " operation: 404 Not Found: The requested URL was not found on "
          + "the server. If you entered the URL manually please check your spelling and try again.");
    }
    String prefix = "Error " + (op.equals("start") ? "starting" : op.equals("stop") ? "stopping" : "rebooting")
        + " the VM: ";
    Authenticator.Caller c = s.auth.authenticate(x, prefix, false);
    Model.Vm v = s.vm(s.owned(c, id, prefix), vmId, prefix);
    if (!op.equals("reboot")) {
      v.stopped = op.equals("stop");
    }
    s.answers.empty(x);
  }

  void snapshot(Exchange x, String id, String vmId, String disk) {
    String prefix = "Error creating snapshot: ";
    Authenticator.Caller c = s.auth.authenticate(x, prefix, false);
    String name = x.query.get("image_name");
    if (name == null || name.isBlank()) {
      if (s.imV2()) {
        throw s.answers.validation("query", "image_name", null, "missing", "Field required");
      }
      throw new HttpError(400, "Parameter image_name required.");
    }
    s.answers.bool(x, "auto_delete", false);
    Model.Vm v = s.vm(s.owned(c, id, prefix), vmId, prefix);
    if (!disk.matches("\\d+")) {
      throw new HttpError(400, prefix + "Incorrect disk number " + disk);
    }
    String scheme = Optional.ofNullable(v.system.string("disk.0.image.url")).filter(u -> u.contains("://"))
        .map(u -> u.substring(0, u.indexOf("://"))).orElse("mock0");
    s.answers.text(x, "text/plain", scheme + "://linux.for.ev.er/" + name);
  }
}
