package io.github.imsdk.testing.internal;

import io.github.imsdk.auth.AuthLine;
import io.github.imsdk.auth.CredentialValue;
import io.github.imsdk.core.State;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The emulated IM: routes a request, checks credentials and media types like IM 1.19.2 (or 2.0), and runs the
 * infrastructure/VM state machine on the configured clock. One lock guards all state; requests are short.
 */
public final class Engine {

  private static final Logger LOG = LoggerFactory.getLogger(Engine.class);
  private static final DateTimeFormatter STATS_TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);
  private static final Pattern VM_LIST = Pattern.compile("\\d+(,\\d+)*");
  private static final String NOT_FOUND_INFRA = "Invalid infrastructure ID or access not granted.";

  /** A fault injected by a test: a route rule (delay or error) or the outcome of the next VMs. */
  public record FaultRule(String method, Pattern path, Duration delay, int status, State vmOutcome, int[] remaining) {}

  private final Settings settings;
  private final ToscaReader tosca;
  private final Answers answers;
  private final Authenticator auth;
  private final Launcher launcher;
  private final Map<String, Model.Infra> infras = new LinkedHashMap<>();
  private final List<Model.Infra> history = new ArrayList<>();
  private final List<FaultRule> faults = new CopyOnWriteArrayList<>();

  /** Creates an engine with the given settings. */
  public Engine(Settings settings) {
    this.settings = settings;
    this.tosca = new ToscaReader(settings.extraNodeTypes(), settings.remoteImports());
    this.answers = new Answers(settings.imV2());
    this.auth = new Authenticator(settings);
    this.launcher = new Launcher(settings, faults);
  }

  /** Adds a fault rule. */
  public void addFault(FaultRule rule) {
    faults.add(rule);
  }

  /** Removes every fault rule. */
  public void clearFaults() {
    faults.clear();
  }

  /** Returns the ids of the infrastructures that exist now (of every owner). */
  public synchronized List<String> infrastructureIds() {
    return List.copyOf(infras.keySet());
  }

  /** Returns the state of an infrastructure now, if it exists. */
  public synchronized Optional<State> stateOf(String id) {
    Model.Infra inf = infras.get(id);
    return inf == null ? Optional.empty() : Optional.of(inf.state(now()));
  }

  private Instant now() {
    return settings.clock().instant();
  }

  // ------------------------------------------------------------------------------------------------ dispatch

  /** Answers one request; never throws. */
  public void handle(Exchange x) {
    try {
      Optional<Duration> delay = routeFault(x, true).map(FaultRule::delay);
      if (delay.isPresent()) {
        sleep(delay.get());
      }
      Optional<FaultRule> error = routeFault(x, false);
      if (error.isPresent()) {
        throw new HttpError(error.get().status(), "Injected fault: " + x.method + " " + x.path);
      }
      synchronized (this) {
        route(x);
      }
    } catch (HttpError e) {
      answers.error(x, e);
    } catch (RuntimeException e) {
      LOG.warn("emulator failure on {} {}", x.method, x.path, e);
      answers.error(x, new HttpError(500, "Internal error in the IM emulator: " + e));
    }
  }

  private Optional<FaultRule> routeFault(Exchange x, boolean wantDelay) {
    for (FaultRule f : faults) {
      if (f.vmOutcome() != null || (f.delay() != null) != wantDelay) {
        continue;
      }
      if ((f.method() == null || f.method().equalsIgnoreCase(x.method)) && f.path().matcher(x.path).matches()) {
        synchronized (f.remaining()) {
          if (f.remaining()[0] == 0) {
            continue;
          }
          if (f.remaining()[0] > 0) {
            f.remaining()[0]--;
          }
        }
        return Optional.of(f);
      }
    }
    return Optional.empty();
  }

  private static void sleep(Duration d) {
    try {
      Thread.sleep(d.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void route(Exchange x) {
    List<String> seg = new ArrayList<>();
    for (String s : x.path.split("/")) {
      if (!s.isEmpty()) {
        seg.add(s);
      }
    }
    String m = x.method.toUpperCase(Locale.ROOT);
    int n = seg.size();
    String first = n > 0 ? seg.get(0) : "";
    if (n == 0 && m.equals("GET")) {
      if (settings.imV2()) {
        swaggerPage(x);
      } else {
        index(x);
      }
    } else if (settings.imV2() && n == 1 && first.equals("openapi.json") && m.equals("GET")) {
      index(x);
    } else if (n == 1 && first.equals("version") && m.equals("GET")) {
      version(x);
    } else if (n == 1 && first.equals("stats") && m.equals("GET")) {
      stats(x);
    } else if (n == 3 && first.equals("clouds") && m.equals("GET")) {
      cloud(x, seg.get(1), seg.get(2));
    } else if (first.equals("infrastructures")) {
      infrastructures(x, m, seg);
    } else {
      notFoundRoute(x, n > 0 && knownPath(seg));
    }
  }

  private static boolean knownPath(List<String> seg) {
    String f = seg.get(0);
    return f.equals("version") || f.equals("stats") || (f.equals("clouds") && seg.size() == 3);
  }

  private void notFoundRoute(Exchange x, boolean knownPath) {
    if (settings.imV2()) {
      throw knownPath ? new HttpError(405, "Method Not Allowed", "Method Not Allowed")
          : new HttpError(404, "Not Found", "Not Found");
    }
    // IM 1.19.2 has a catch-all OPTIONS route, so every unknown URL answers 405.
    throw new HttpError(405, "The method is not allowed for the requested URL.");
  }

  private void infrastructures(Exchange x, String m, List<String> seg) {
    int n = seg.size();
    if (n == 1) {
      switch (m) {
        case "GET" -> listInfrastructures(x);
        case "POST" -> create(x);
        case "PUT" -> importInfrastructure(x);
        default -> notFoundRoute(x, true);
      }
      return;
    }
    String id = seg.get(1);
    if (n == 2) {
      switch (m) {
        case "GET" -> infraInfo(x, id);
        case "POST" -> addResources(x, id);
        case "DELETE" -> destroy(x, id);
        default -> notFoundRoute(x, true);
      }
    } else if (n == 3 && m.equals("GET")) {
      infraProperty(x, id, seg.get(2));
    } else if (n == 3 && m.equals("PUT")) {
      infraOperation(x, id, seg.get(2));
    } else if (n == 3 && m.equals("POST") && seg.get(2).equals("authorization")) {
      changeOwners(x, id);
    } else if (n >= 4 && seg.get(2).equals("vms")) {
      String vm = seg.get(3);
      if (n == 4) {
        switch (m) {
          case "GET" -> vmInfo(x, id, vm);
          case "PUT" -> alterVm(x, id, vm);
          case "DELETE" -> removeVms(x, id, vm);
          default -> notFoundRoute(x, true);
        }
      } else if (n == 5 && m.equals("GET")) {
        vmProperty(x, id, vm, seg.get(4));
      } else if (n == 5 && m.equals("PUT")) {
        vmOperation(x, id, vm, seg.get(4));
      } else if (n == 7 && m.equals("PUT") && seg.get(4).equals("disks") && seg.get(6).equals("snapshot")) {
        snapshot(x, id, vm, seg.get(5));
      } else {
        notFoundRoute(x, false);
      }
    } else {
      notFoundRoute(x, false);
    }
  }

  /** A parsed request body: its RADL and, for TOSCA, the template. */
  private record Description(Radl radl, ToscaReader.Template template, String toscaText) {}

  private Description description(Exchange x, String prefix) {
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
  private Model.Infra owned(Authenticator.Caller caller, String id, String prefix) {
    Model.Infra inf = infras.get(id);
    if (inf == null) {
      throw new HttpError(404, prefix + NOT_FOUND_INFRA);
    }
    if (!inf.ownedBy(caller.ids())) {
      throw new HttpError(403, prefix + "Access to this infrastructure not granted.");
    }
    return inf;
  }

  private Model.Vm vm(Model.Infra inf, String vmId, String prefix) {
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

  private String infraUri(Exchange x, String id) {
    return x.baseUrl + "/infrastructures/" + id;
  }

  private String vmUri(Exchange x, String id, int vm) {
    return infraUri(x, id) + "/vms/" + vm;
  }

  // ------------------------------------------------------------------------------------------------ simple routes

  /** IM 2.0 serves Swagger UI at {@code /}; the emulator serves a small page pointing at its document. */
  private void swaggerPage(Exchange x) {
    x.contentType = "text/html; charset=utf-8";
    x.responseBody = "<!DOCTYPE html>\n<html>\n<head><title>Infrastructure Manager (IM) REST API - emulated</title>"
        + "</head>\n<body>\n<p>The OpenAPI document is at <a href=\"/openapi.json\">/openapi.json</a>.</p>\n</body>\n"
        + "</html>\n";
  }

  private void index(Exchange x) {
    Map<String, Object> info = new LinkedHashMap<>();
    info.put("description", "Infrastructure Manager (IM) REST API, as emulated by im-sdk-testing.");
    info.put("version", version());
    info.put("title", "Infrastructure Manager (IM) REST API");
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("openapi", "3.0.0");
    doc.put("info", info);
    doc.put("tags", List.of(Map.of("name", "infrastructures", "description", "Manages Virtual Infrastructures.")));
    Map<String, Object> paths = new LinkedHashMap<>();
    for (String p : List.of("/infrastructures", "/infrastructures/{InfId}", "/infrastructures/{InfId}/{prop}",
        "/infrastructures/{InfId}/vms/{VmId}", "/clouds/{cloudId}/{param}", "/stats", "/version")) {
      paths.put(p, Map.of());
    }
    doc.put("paths", paths);
    doc.put("externalDocs", Map.of("description", "IM documentation", "url", "https://imdocs.readthedocs.io/"));
    doc.put("servers", List.of(Map.of("url", x.baseUrl + "/")));
    doc.put("components", Map.of());
    answers.json(x, doc);
  }

  private String version() {
    return settings.imV2() ? "2.0.0" : "1.19.2";
  }

  private void version(Exchange x) {
    answers.plainOrJson(x, "version", version(), version());
  }

  private void listInfrastructures(Exchange x) {
    Authenticator.Caller c = auth.authenticate(x, "Error Getting Inf. List: ", true);
    String filter = settings.imV2() ? null : x.query.get("filter");
    Pattern p = filter == null ? null : Pattern.compile(filter);
    List<String> uris = new ArrayList<>();
    List<Model.Infra> list = new ArrayList<>(infras.values());
    java.util.Collections.reverse(list);
    for (Model.Infra inf : list) {
      if (inf.ownedBy(c.ids())) {
        String doc = inf.radl.text() + (inf.tosca == null ? "" : inf.tosca);
        if (p == null || p.matcher(doc).find()) {
          uris.add(infraUri(x, inf.id));
        }
      }
    }
    answers.uriList(x, uris);
  }

  private void stats(Exchange x) {
    Authenticator.Caller c = auth.authenticate(x, "Error getting stats: ", false);
    LocalDate from = date(x, "init_date", LocalDate.of(1970, 1, 1));
    LocalDate to = date(x, "end_date", null);
    List<Object> out = new ArrayList<>();
    for (int i = history.size() - 1; i >= 0; i--) {
      Model.Infra inf = history.get(i);
      LocalDate created = inf.createdAt.atZone(ZoneOffset.UTC).toLocalDate();
      if (!inf.ownedBy(c.ids()) || created.isBefore(from) || (to != null && created.isAfter(to))) {
        continue;
      }
      long cpus = 0;
      long mem = 0;
      for (Model.Vm v : inf.vms) {
        cpus += number(v.system, "cpu.count", 1);
        mem += bytes(v.system, "memory.size") / 1_000_000;
      }
      Map<String, Object> e = new LinkedHashMap<>();
      e.put("creation_date", STATS_TIME.format(inf.createdAt));
      e.put("tosca_name", inf.template != null && inf.template.infraName() != null ? inf.template.infraName() : "");
      e.put("vm_count", inf.vms.size());
      e.put("cpu_count", cpus);
      e.put("memory_size", mem);
      e.put("cloud_type", inf.cloudType);
      e.put("cloud_host", inf.cloudHost);
      e.put("hybrid", false);
      e.put("deleted", inf.deleted || !infras.containsKey(inf.id));
      e.put("im_user", inf.owners.isEmpty() ? "" : inf.owners.get(0).username());
      e.put("inf_id", inf.id);
      e.put("last_date", STATS_TIME.format(now()));
      out.add(e);
    }
    answers.jsonOnly(x, Map.of("stats", out));
  }

  private LocalDate date(Exchange x, String name, LocalDate dflt) {
    String v = x.query.get(name);
    if (v == null) {
      return dflt;
    }
    try {
      return LocalDate.parse(v.replace('/', '-'));
    } catch (DateTimeParseException e) {
      throw new HttpError(400, "Incorrect format in " + name + " parameter: YYYY/MM/dd");
    }
  }

  private void cloud(Exchange x, String cloudId, String param) {
    Authenticator.Caller c = auth.authenticate(x, "Error getting cloud info: ", true);
    if (!param.equals("images") && !param.equals("quotas")) {
      if (settings.imV2()) {
        throw Answers.literal("param", param, List.of("images", "quotas"));
      }
      throw new HttpError(404, "Incorrect cloud property");
    }
    AuthLine line = Authenticator.cloudLines(c).stream().filter(l -> l.id().filter(cloudId::equals).isPresent()).findFirst()
        .orElseThrow(() -> new HttpError(400, "Error getting cloud info: Cloud ID " + cloudId + " not found."));
    if (!line.type().equals("Dummy")) {
      throw new HttpError(400, "Error getting cloud info: the IM emulator only answers for clouds of type Dummy; '"
          + cloudId + "' is of type " + line.type() + ".");
    }
    if (param.equals("images")) {
      answers.jsonOnly(x, Map.of("images", List.of(
          image("mock0://linux.for.ev.er/image1", "Image Name1"),
          image("mock0://linux.for.ev.er/image2", "Image Name2"))));
    } else {
      Map<String, Object> q = new LinkedHashMap<>();
      for (String k : List.of("cores", "ram", "instances", "floating_ips", "security_groups")) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("used", 1);
        v.put("limit", 10);
        q.put(k, v);
      }
      answers.jsonOnly(x, Map.of("quotas", q));
    }
  }

  private static Map<String, Object> image(String uri, String name) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("uri", uri);
    m.put("name", name);
    return m;
  }

  // ------------------------------------------------------------------------------------------------ create

  private void create(Exchange x) {
    String prefix = settings.imV2() ? "Error Creating Inf.: " : "Error Creating Inf.: ";
    Authenticator.Caller c = auth.authenticate(x, prefix, true);
    boolean async = answers.bool(x, "async", false);
    boolean dryRun = answers.bool(x, "dry_run", false);
    Description d = description(x, prefix);
    List<AuthLine> clouds = Authenticator.cloudLines(c);
    if (clouds.isEmpty()) {
      throw new HttpError(400, prefix + "No cloud provider available");
    }
    AuthLine cloud = clouds.get(0);
    if (dryRun) {
      dryRun(x, d, cloud);
      return;
    }
    Model.Infra inf = new Model.Infra(UUID.randomUUID().toString());
    inf.owners.addAll(c.ids());
    inf.createdAt = now();
    inf.cloudType = cloud.type();
    inf.cloudHost = cloud.value("host").map(CredentialValue::resolve).orElse("");
    inf.radl = d.radl().copy();
    inf.tosca = d.toscaText();
    inf.template = d.template();
    inf.ctxtDisabled = d.radl().contextualizationDisabled();
    inf.ctxtStartedAt = now();
    for (Radl.Aspect deploy : d.radl().all("deploy")) {
      Radl.Aspect sys = d.radl().get("system", deploy.id).orElseThrow();
      for (int i = 0; i < deploy.vmNumber; i++) {
        launcher.launch(inf, sys, d.radl(), cloud, async, true);
      }
    }
    infras.put(inf.id, inf);
    history.add(inf);
    LOG.info("emulator created infrastructure {} with {} VM(s)", inf.id, inf.vms.size());
    x.responseHeaders.put("InfID", inf.id);
    answers.uri(x, infraUri(x, inf.id));
  }

  private void dryRun(Exchange x, Description d, AuthLine cloud) {
    List<Object> compute = new ArrayList<>();
    for (Radl.Aspect deploy : d.radl().all("deploy")) {
      Radl.Aspect sys = d.radl().get("system", deploy.id).orElseThrow();
      for (int i = 0; i < deploy.vmNumber; i++) {
        Map<String, Object> vm = new LinkedHashMap<>();
        vm.put("cpuCores", number(sys, "cpu.count", 1));
        vm.put("memoryInMegabytes", bytes(sys, "memory.size") / 1_000_000);
        if (publicNetwork(d.radl(), sys)) {
          vm.put("publicIP", 1);
        }
        compute.add(vm);
      }
    }
    Map<String, Object> est = new LinkedHashMap<>();
    est.put("cloudType", cloud.type());
    est.put("cloudEndpoint", cloud.value("host").map(CredentialValue::resolve).orElse("http://:80"));
    est.put("compute", compute);
    est.put("storage", List.of());
    Map<String, Object> out = new LinkedHashMap<>();
    if (!compute.isEmpty()) {
      out.put(cloud.id().orElse(cloud.type()), est);
    }
    answers.json(x, out);
  }

  private static boolean publicNetwork(Radl radl, Radl.Aspect sys) {
    for (int i = 0; sys.string("net_interface." + i + ".connection") != null; i++) {
      String net = sys.string("net_interface." + i + ".connection");
      if (radl.get("network", net).map(n -> "yes".equals(n.string("outbound"))).orElse(false)) {
        return true;
      }
    }
    return false;
  }

  private static long number(Radl.Aspect a, String name, long dflt) {
    return a.value(name).filter(v -> v instanceof Number).map(v -> ((Number) v).longValue()).orElse(dflt);
  }

  private static long bytes(Radl.Aspect a, String name) {
    return a.feature(name).filter(f -> f.value() instanceof Number).map(f -> {
      Object v = f.jsonValue();
      return ((Number) v).longValue();
    }).orElse(0L);
  }

  // ------------------------------------------------------------------------------------------------ infra routes

  private void infraInfo(Exchange x, String id) {
    String prefix = "Error Getting Inf. info: ";
    Authenticator.Caller c = auth.authenticate(x, prefix, false);
    Model.Infra inf = owned(c, id, prefix);
    List<String> uris = new ArrayList<>();
    inf.visibleVms(now()).forEach(v -> uris.add(vmUri(x, id, v.id)));
    answers.uriList(x, uris);
  }

  private static final List<String> INFRA_PROPS =
      List.of("contmsg", "radl", "tosca", "state", "outputs", "data", "authorization");

  private void infraProperty(Exchange x, String id, String prop) {
    String prefix = "Error Getting Inf. prop: ";
    if (!INFRA_PROPS.contains(prop)) {
      Authenticator.Caller c = auth.authenticate(x, prefix, false);
      if (settings.imV2()) {
        throw Answers.literal("prop", prop, INFRA_PROPS);
      }
      owned(c, id, prefix);
      throw new HttpError(404, "Incorrect infrastructure property");
    }
    Authenticator.Caller c = auth.authenticate(x, prefix, false);
    Model.Infra inf = owned(c, id, prefix);
    Instant now = now();
    switch (prop) {
      case "state" -> {
        Map<String, Object> vms = new LinkedHashMap<>();
        inf.visibleVms(now).forEach(v -> vms.put(String.valueOf(v.id), v.state(now).wire()));
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("state", inf.state(now).wire());
        s.put("vm_states", vms);
        answers.jsonOnly(x, Map.of("state", s));
      }
      case "contmsg" -> {
        boolean headerOnly = answers.bool(x, "headeronly", false);
        String msg = ContextLog.contmsg(inf, now, headerOnly);
        answers.plainOrJson(x, "contmsg", msg, msg);
      }
      case "radl" -> answers.plainOrJson(x, "radl", inf.radl.text(), inf.radl.text());
      case "tosca" -> {
        requireTosca(inf, "tosca");
        String yaml = inf.tosca;
        // IM 1.19.2 refuses Accept: text/plain here (415); 2.0 serves it.
        if (answers.negotiate(x, settings.imV2() ? "text/plain" : "text/yaml", true) == Answers.Out.JSON) {
          answers.json(x, Map.of("tosca", yaml));
        } else {
          answers.text(x, "text/plain", yaml);
        }
      }
      case "outputs" -> {
        requireTosca(inf, "outputs");
        answers.jsonOnly(x, Map.of("outputs", new OutputEvaluator(inf, now).evaluate()));
      }
      case "data" -> {
        boolean delete = answers.bool(x, "delete", false);
        String data = Json.write(DataExport.write(inf, now()), true);
        answers.jsonOnly(x, Map.of("data", data));
        if (delete) {
          infras.remove(inf.id);
        }
      }
      case "authorization" -> {
        List<String> names = new ArrayList<>();
        inf.owners.forEach(o -> names.add(o.username()));
        answers.plainOrJson(x, "authorization", names, String.join("\n", names));
      }
      default -> throw new IllegalStateException(prop);
    }
  }

  private void requireTosca(Model.Infra inf, String prop) {
    if (inf.template == null) {
      String msg = "'" + prop + "' infrastructure property is not valid in this infrastructure";
      throw settings.imV2() ? new HttpError(403, "Error Getting Inf. prop: " + msg)
          : new HttpError(400, "Error Getting Inf. prop: 403 Forbidden: " + msg);
    }
  }

  private void importInfrastructure(Exchange x) {
    String prefix = "Error Impporting Inf.: ";
    Authenticator.Caller c = auth.authenticate(x, prefix, true);
    String ct = x.header("Content-Type");
    String t = ct == null ? "" : ct.split(";")[0].trim();
    if (!t.isEmpty() && !t.equals("application/json")) {
      if (settings.imV2()) {
        throw new HttpError(400, "415: Unsupported Media Type ['" + t + "']");
      }
      throw answers.unsupportedMediaType(ct);
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
    if (infras.containsKey(id)) {
      throw new HttpError(400, prefix + "Trying to add an existing infrastructure ID.");
    }
    Model.Infra inf = DataExport.read(data, id, now(), tosca, prefix);
    inf.owners.addAll(c.ids());
    infras.put(inf.id, inf);
    history.removeIf(h -> h.id.equals(inf.id));
    history.add(inf);
    answers.uri(x, infraUri(x, inf.id));
  }

  private void destroy(Exchange x, String id) {
    String prefix = "Error Destroying Inf: ";
    Authenticator.Caller c = auth.authenticate(x, prefix, false);
    answers.bool(x, "force", false);
    answers.bool(x, "async", false);
    Model.Infra inf = owned(c, id, prefix);
    inf.deleted = true;
    inf.vms.forEach(v -> v.deleted = true);
    infras.remove(id);
    LOG.info("emulator destroyed infrastructure {}", id);
    answers.empty(x);
  }

  private void addResources(Exchange x, String id) {
    String prefix = "Error Adding resources: ";
    Authenticator.Caller c = auth.authenticate(x, prefix, false);
    boolean context = answers.bool(x, "context", true);
    Model.Infra inf = owned(c, id, prefix);
    Description d = description(x, prefix);
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
          added.add(launcher.launch(inf, sys, d.radl(), cloud, false, context));
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
          added.add(launcher.launch(inf, sys, inf.radl, cloud, false, context));
        }
      }
    }
    if (context) {
      x.responseHeaders.put("InfID", inf.id);
    }
    List<String> uris = new ArrayList<>();
    added.forEach(v -> uris.add(vmUri(x, id, v.id)));
    answers.uriList(x, uris);
  }

  private void infraOperation(Exchange x, String id, String op) {
    switch (op) {
      case "start", "stop" -> {
        String prefix = "Error " + (op.equals("start") ? "starting" : "stopping") + " the infrastructure: ";
        Authenticator.Caller c = auth.authenticate(x, prefix, false);
        Model.Infra inf = owned(c, id, prefix);
        inf.vms.forEach(v -> v.stopped = op.equals("stop"));
        answers.empty(x);
      }
      case "reconfigure" -> reconfigure(x, id);
      default -> {
        Authenticator.Caller c = auth.authenticate(x, "Error in " + op + " operation: ", false);
        if (settings.imV2()) {
          throw Answers.literal("op", op, List.of("start", "stop"));
        }
        owned(c, id, "Error in " + op + " operation: ");
        throw new HttpError(400, "Error in " + op + " operation: 404 Not Found: The requested URL was not found on "
            + "the server. If you entered the URL manually please check your spelling and try again.");
      }
    }
  }

  private void reconfigure(Exchange x, String id) {
    String prefix = "Error reconfiguring the infrastructure: ";
    Authenticator.Caller c = auth.authenticate(x, prefix, false);
    String vmList = x.query.get("vm_list");
    if (vmList != null && !VM_LIST.matcher(vmList).matches()) {
      throw new HttpError(400, "Incorrect vm_list format.");
    }
    Model.Infra inf = owned(c, id, prefix);
    if (!x.body.isBlank()) {
      Description d = description(x, prefix);
      for (Radl.Aspect a : d.radl().aspects) {
        if (a.kind.equals("configure") || a.kind.equals("contextualize")) {
          inf.radl.aspects.removeIf(o -> o.kind.equals(a.kind) && (a.id == null || a.id.equals(o.id)));
          inf.radl.aspects.add(a.copy());
        }
      }
      inf.ctxtDisabled = inf.radl.contextualizationDisabled();
    }
    List<String> only = vmList == null ? null : List.of(vmList.split(","));
    Instant now = now();
    inf.ctxtStartedAt = now;
    for (Model.Vm v : inf.vms) {
      if (!v.deleted && (only == null || only.contains(String.valueOf(v.id))) && v.outcome != State.FAILED) {
        Instant start = now.isBefore(v.runningAt) ? v.runningAt : now;
        v.doneAt = start.plus(inf.ctxtDisabled ? Duration.ZERO : settings.configure());
      }
    }
    x.responseHeaders.put("InfID", inf.id);
    answers.empty(x);
  }

  private void changeOwners(Exchange x, String id) {
    String prefix = "Error modifying the infrastructure owners: ";
    Authenticator.Caller c = auth.authenticate(x, prefix, false);
    boolean overwrite = answers.bool(x, "overwrite", false);
    String ct = x.header("Content-Type");
    String t = ct == null ? "" : ct.split(";")[0].trim();
    if (!t.isEmpty() && !t.equals("application/json")) {
      throw answers.unsupportedMediaType(ct);
    }
    Model.Infra inf = owned(c, id, prefix);
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
      identity = auth.tokenIdentity(token, prefix, 400);
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
    answers.empty(x);
  }

  // ------------------------------------------------------------------------------------------------ VM routes

  private void vmInfo(Exchange x, String id, String vmId) {
    String prefix = "Error Getting VM. info: ";
    Authenticator.Caller c = auth.authenticate(x, prefix, false);
    Model.Vm v = vm(owned(c, id, prefix), vmId, prefix);
    Radl r = v.radl(now());
    answers.plainOrJson(x, "radl", r.json(), r.text() + "\n\n");
  }

  private void vmProperty(Exchange x, String id, String vmId, String prop) {
    String prefix = "Error Getting VM. property: ";
    Authenticator.Caller c = auth.authenticate(x, prefix, false);
    Model.Vm v = vm(owned(c, id, prefix), vmId, prefix);
    if (prop.equals("contmsg")) {
      Instant now = now();
      String log = v.doneAt != null && !now.isBefore(v.doneAt) ? ContextLog.vmLog(v) : "";
      answers.plainOrJson(x, "contmsg", log, log);
      return;
    }
    Radl.Aspect sys = v.radl(now()).all("system").get(0);
    Radl.Feature f = sys.feature(prop)
        .orElseThrow(() -> new HttpError(404, "Incorrect property " + prop + " for VM ID " + vmId));
    Object value = f.value();
    String text = value instanceof Number ? Json.write(value, true) + (f.unit() == null ? "" : f.unit())
        : String.valueOf(value);
    answers.plainOrJson(x, prop, value, text);
  }

  private void alterVm(Exchange x, String id, String vmId) {
    String prefix = "Error modifying resources: ";
    Authenticator.Caller c = auth.authenticate(x, prefix, false);
    Model.Infra inf = owned(c, id, prefix);
    Model.Vm v = vm(inf, vmId, prefix);
    Description d = description(x, prefix);
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
    Radl r = v.radl(now());
    Radl.Aspect deploy = new Radl.Aspect("deploy", v.systemId);
    deploy.vmNumber = 1;
    r.aspects.add(deploy);
    inf.radl.all("contextualize").forEach(a -> r.aspects.add(a.copy()));
    inf.radl.all("description").forEach(a -> r.aspects.add(a.copy()));
    answers.plainOrJson(x, "radl", r.json(), r.text() + "\n\n");
  }

  private void removeVms(Exchange x, String id, String vmIds) {
    String prefix = "Error Removing resources: ";
    Authenticator.Caller c = auth.authenticate(x, prefix, false);
    answers.bool(x, "context", true);
    Model.Infra inf = owned(c, id, prefix);
    List<Model.Vm> targets = new ArrayList<>();
    for (String one : vmIds.split(",")) {
      targets.add(vm(inf, one.trim(), prefix));
    }
    targets.forEach(v -> v.deleted = true);
    answers.empty(x);
  }

  private void vmOperation(Exchange x, String id, String vmId, String op) {
    if (!List.of("start", "stop", "reboot").contains(op)) {
      Authenticator.Caller c = auth.authenticate(x, "Error in " + op + " operation: ", false);
      if (settings.imV2()) {
        throw Answers.literal("op", op, List.of("start", "stop", "reboot"));
      }
      owned(c, id, "Error in " + op + " operation: ");
      throw new HttpError(400, "Error in " + op + " operation: 404 Not Found: The requested URL was not found on "
          + "the server. If you entered the URL manually please check your spelling and try again.");
    }
    String prefix = "Error " + (op.equals("start") ? "starting" : op.equals("stop") ? "stopping" : "rebooting")
        + " the VM: ";
    Authenticator.Caller c = auth.authenticate(x, prefix, false);
    Model.Vm v = vm(owned(c, id, prefix), vmId, prefix);
    if (!op.equals("reboot")) {
      v.stopped = op.equals("stop");
    }
    answers.empty(x);
  }

  private void snapshot(Exchange x, String id, String vmId, String disk) {
    String prefix = "Error creating snapshot: ";
    Authenticator.Caller c = auth.authenticate(x, prefix, false);
    String name = x.query.get("image_name");
    if (name == null || name.isBlank()) {
      if (settings.imV2()) {
        throw answers.validation("query", "image_name", null, "missing", "Field required");
      }
      throw new HttpError(400, "Parameter image_name required.");
    }
    answers.bool(x, "auto_delete", false);
    Model.Vm v = vm(owned(c, id, prefix), vmId, prefix);
    if (!disk.matches("\\d+")) {
      throw new HttpError(400, prefix + "Incorrect disk number " + disk);
    }
    String scheme = Optional.ofNullable(v.system.string("disk.0.image.url")).filter(u -> u.contains("://"))
        .map(u -> u.substring(0, u.indexOf("://"))).orElse("mock0");
    answers.text(x, "text/plain", scheme + "://linux.for.ev.er/" + name);
  }
}
