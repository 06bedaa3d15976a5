package io.github.imsdk.testing.internal;

import io.github.imsdk.auth.AuthLine;
import io.github.imsdk.auth.CredentialValue;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An infrastructure's lifecycle: list, create (or dry-run), import, its VM list, add resources, destroy.
 */
final class InfraRoutes {

  private static final Logger LOG = LoggerFactory.getLogger(InfraRoutes.class);

  private final EngineState s;
  private final DryRun dryRun;

  InfraRoutes(EngineState s) {
    this.s = s;
    this.dryRun = new DryRun(s);
  }

  void list(Exchange x) {
    Authenticator.Caller c = s.auth.authenticate(x, "Error Getting Inf. List: ", true);
    String filter = s.imV2() ? null : x.query.get("filter");
    Pattern p = filter == null ? null : Pattern.compile(filter);
    List<String> uris = new ArrayList<>();
    List<Model.Infra> list = new ArrayList<>(s.infras.values());
    Collections.reverse(list);
    for (Model.Infra inf : list) {
      if (inf.ownedBy(c.ids())) {
        String doc = inf.radl.text() + (inf.tosca == null ? "" : inf.tosca);
        if (p == null || p.matcher(doc).find()) {
          uris.add(EngineState.infraUri(x, inf.id));
        }
      }
    }
    s.answers.uriList(x, uris);
  }

  void create(Exchange x) {
    String prefix = "Error Creating Inf.: ";
    Authenticator.Caller c = s.auth.authenticate(x, prefix, true);
    boolean async = s.answers.bool(x, "async", false);
    boolean dry = s.answers.bool(x, "dry_run", false);
    EngineState.Description d = s.description(x, prefix);
    List<AuthLine> clouds = Authenticator.cloudLines(c);
    if (clouds.isEmpty()) {
      throw new HttpError(400, prefix + "No cloud provider available");
    }
    AuthLine cloud = clouds.get(0);
    if (dry) {
      dryRun.estimate(x, d, cloud);
      return;
    }
    Model.Infra inf = new Model.Infra(UUID.randomUUID().toString());
    inf.owners.addAll(c.ids());
    inf.createdAt = s.now();
    inf.cloudType = cloud.type();
    inf.cloudHost = cloud.value("host").map(CredentialValue::resolve).orElse("");
    inf.radl = d.radl().copy();
    inf.tosca = d.toscaText();
    inf.template = d.template();
    inf.ctxtDisabled = d.radl().contextualizationDisabled();
    inf.ctxtStartedAt = s.now();
    for (Radl.Aspect deploy : d.radl().all("deploy")) {
      Radl.Aspect sys = d.radl().get("system", deploy.id).orElseThrow();
      for (int i = 0; i < deploy.vmNumber; i++) {
        s.launcher.launch(inf, sys, d.radl(), cloud, async, true);
      }
    }
    if (async && !s.settings.adding().isZero()) {
      inf.addingUntil = s.now().plus(s.settings.adding());
    }
    s.infras.put(inf.id, inf);
    s.history.add(inf);
    LOG.info("emulator created infrastructure {} with {} VM(s)", inf.id, inf.vms.size());
    x.responseHeaders.put("InfID", inf.id);
    s.answers.uri(x, EngineState.infraUri(x, inf.id));
  }

  void info(Exchange x, String id) {
    String prefix = "Error Getting Inf. info: ";
    Authenticator.Caller c = s.auth.authenticate(x, prefix, false);
    Model.Infra inf = s.owned(c, id, prefix);
    List<String> uris = new ArrayList<>();
    inf.visibleVms(s.now()).forEach(v -> uris.add(EngineState.vmUri(x, id, v.id)));
    s.answers.uriList(x, uris);
  }

  void importInfrastructure(Exchange x) {
    String prefix = "Error Impporting Inf.: ";
    Authenticator.Caller c = s.auth.authenticate(x, prefix, true);
    String ct = x.header("Content-Type");
    String t = ct == null ? "" : ct.split(";")[0].trim();
    if (!t.isEmpty() && !t.equals("application/json")) {
      if (s.imV2()) {
        throw new HttpError(400, "415: Unsupported Media Type ['" + t + "']");
      }
      throw s.answers.unsupportedMediaType(ct);
    }
    Map<?, ?> data;
    try {
      data = (Map<?, ?>) Json.parse(x.body);
    } catch (RuntimeException e) {
      throw new HttpError(400, prefix + "the body is not an exported infrastructure: " + e.getMessage());
    }
    if (!(data.get("id") instanceof String id)) {
      throw new HttpError(400, prefix + "the body is not an exported infrastructure: no 'id'");
    }
    if (s.infras.containsKey(id)) {
      throw new HttpError(400, prefix + "Trying to add an existing infrastructure ID.");
    }
    Model.Infra inf = DataExport.read(data, id, s.now(), s.tosca, prefix);
    inf.owners.addAll(c.ids());
    s.infras.put(inf.id, inf);
    s.history.removeIf(h -> h.id.equals(inf.id));
    s.history.add(inf);
    s.answers.uri(x, EngineState.infraUri(x, inf.id));
  }

  void destroy(Exchange x, String id) {
    String prefix = "Error Destroying Inf: ";
    Authenticator.Caller c = s.auth.authenticate(x, prefix, false);
    s.answers.bool(x, "force", false);
    boolean async = s.answers.bool(x, "async", false);
    Model.Infra inf = s.owned(c, id, prefix);
    if (inf.addingUntil != null && s.now().isBefore(inf.addingUntil)) {
      // IM's "adding" flag: an asynchronous create is still launching the VMs.
      throw new HttpError(409, prefix + "Invalid State to perform this operation.");
    }
    inf.deleted = true;
    if (async && !s.settings.deleting().isZero()) {
      inf.deletingFrom = s.now();
      inf.deletingUntil = inf.deletingFrom.plus(s.settings.deleting());
    } else {
      inf.vms.forEach(v -> v.deleted = true);
      s.infras.remove(id);
    }
    LOG.info("emulator destroyed infrastructure {}", id);
    s.answers.empty(x);
  }

  void addResources(Exchange x, String id) {
    String prefix = "Error Adding resources: ";
    Authenticator.Caller c = s.auth.authenticate(x, prefix, false);
    boolean context = s.answers.bool(x, "context", true);
    Model.Infra inf = s.owned(c, id, prefix);
    EngineState.Description d = s.description(x, prefix);
    List<AuthLine> clouds = Authenticator.cloudLines(c);
    AuthLine cloud = clouds.isEmpty() ? AuthLine.builder(inf.cloudType.isEmpty() ? "Dummy" : inf.cloudType).build()
        : clouds.get(0);
    List<Model.Vm> added = new ArrayList<>();
    if (d.template() != null) {
      if (inf.template == null) {
        throw new HttpError(400, prefix + "TOSCA can only be added to an infrastructure created from TOSCA.");
      }
      for (Map.Entry<String, Integer> e : d.template().computeCounts().entrySet()) {
        String sysId = e.getKey();
        List<String> removal = d.template().removalLists().getOrDefault(sysId, List.of());
        for (String r : removal) {
          inf.vms.stream().filter(v -> String.valueOf(v.id).equals(r) && !v.deleted).forEach(v -> v.deleted = true);
        }
        long current = inf.vms.stream().filter(v -> !v.deleted && v.systemId.equals(sysId)).count();
        Radl.Aspect sys = d.radl().get("system", sysId).orElseThrow();
        for (long i = current; i < e.getValue(); i++) {
          added.add(s.launcher.launch(inf, sys, d.radl(), cloud, false, context));
        }
        if (inf.radl.get("system", sysId).isEmpty()) {
          inf.radl.aspects.add(sys.copy());
        }
      }
      inf.template = d.template();
      inf.tosca = d.toscaText();
    } else {
      for (Radl.Aspect a : d.radl().aspects) {
        if (!a.bare && (a.kind.equals("system") || a.kind.equals("network") || a.kind.equals("configure"))) {
          inf.radl.aspects.removeIf(o -> o.kind.equals(a.kind) && a.id.equals(o.id));
          inf.radl.aspects.add(a.copy());
        }
      }
      for (Radl.Aspect deploy : d.radl().all("deploy")) {
        Radl.Aspect sys = inf.radl.get("system", deploy.id)
            .orElseThrow(() -> new HttpError(400, prefix + "Invalid system id in the deploy: " + deploy.id));
        for (int i = 0; i < deploy.vmNumber; i++) {
          added.add(s.launcher.launch(inf, sys, inf.radl, cloud, false, context));
        }
      }
    }
    if (context) {
      s.contextualizeRest(inf);
      x.responseHeaders.put("InfID", inf.id);
    }
    List<String> uris = new ArrayList<>();
    added.forEach(v -> uris.add(EngineState.vmUri(x, id, v.id)));
    s.answers.uriList(x, uris);
  }
}
