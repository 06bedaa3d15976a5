package io.github.imsdk.testing.internal;

import io.github.imsdk.core.State;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The emulated IM: applies injected faults, routes a request to the class that owns its concern, and answers
 * errors like IM 1.19.2 (or 2.0). The concerns: {@link InfraRoutes} (lifecycle), {@link InfraOperations},
 * {@link InfraProperties} (state, outputs, data export...), {@link VmRoutes}, {@link StatsRoute},
 * {@link CloudRoutes} and {@link ServiceRoutes}. One lock (this engine) guards all state; requests are short.
 */
public final class Engine {

  private static final Logger LOG = LoggerFactory.getLogger(Engine.class);

  /** A fault injected by a test: a route rule (delay or error) or the outcome of the next VMs. */
  public record FaultRule(String method, Pattern path, Duration delay, int status, State vmOutcome, int[] remaining) {}

  private final List<FaultRule> faults = new CopyOnWriteArrayList<>();
  private final EngineState state;
  private final ServiceRoutes service;
  private final CloudRoutes clouds;
  private final StatsRoute stats;
  private final InfraRoutes infra;
  private final InfraOperations operations;
  private final InfraProperties properties;
  private final VmRoutes vms;

  /** Creates an engine with the given settings. */
  public Engine(Settings settings) {
    this.state = new EngineState(settings, faults);
    this.service = new ServiceRoutes(state);
    this.clouds = new CloudRoutes(state);
    this.stats = new StatsRoute(state);
    this.infra = new InfraRoutes(state);
    this.operations = new InfraOperations(state);
    this.properties = new InfraProperties(state);
    this.vms = new VmRoutes(state);
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
    state.sweep();
    return List.copyOf(state.infras.keySet());
  }

  /** Returns the state of an infrastructure now, if it exists. */
  public synchronized Optional<State> stateOf(String id) {
    state.sweep();
    Model.Infra inf = state.infras.get(id);
    return inf == null ? Optional.empty() : Optional.of(inf.state(state.now()));
  }

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
        state.sweep();
        route(x);
      }
    } catch (HttpError e) {
      state.answers.error(x, e);
    } catch (RuntimeException e) {
      LOG.warn("emulator failure on {} {}", x.method, x.path, e);
      state.answers.error(x, new HttpError(500, "Internal error in the IM emulator: " + e));
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
    boolean v2 = state.imV2();
    if (n == 0 && m.equals("GET")) {
      if (v2) {
        service.swaggerPage(x);
      } else {
        service.index(x);
      }
    } else if (v2 && n == 1 && first.equals("openapi.json") && m.equals("GET")) {
      service.index(x);
    } else if (n == 1 && first.equals("version") && m.equals("GET")) {
      service.version(x);
    } else if (n == 1 && first.equals("stats") && m.equals("GET")) {
      stats.stats(x);
    } else if (n == 3 && first.equals("clouds") && m.equals("GET")) {
      clouds.cloud(x, seg.get(1), seg.get(2));
    } else if (first.equals("infrastructures")) {
      infrastructures(x, m, seg);
    } else {
      notFoundRoute(n > 0 && knownPath(seg));
    }
  }

  private static boolean knownPath(List<String> seg) {
    String f = seg.get(0);
    return f.equals("version") || f.equals("stats") || (f.equals("clouds") && seg.size() == 3);
  }

  private void notFoundRoute(boolean knownPath) {
    if (state.imV2()) {
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
        case "GET" -> infra.list(x);
        case "POST" -> infra.create(x);
        case "PUT" -> infra.importInfrastructure(x);
        default -> notFoundRoute(true);
      }
      return;
    }
    String id = seg.get(1);
    if (n == 2) {
      switch (m) {
        case "GET" -> infra.info(x, id);
        case "POST" -> infra.addResources(x, id);
        case "DELETE" -> infra.destroy(x, id);
        default -> notFoundRoute(true);
      }
    } else if (n == 3 && m.equals("GET")) {
      properties.property(x, id, seg.get(2));
    } else if (n == 3 && m.equals("PUT")) {
      operations.operation(x, id, seg.get(2));
    } else if (n == 3 && m.equals("POST") && seg.get(2).equals("authorization")) {
      operations.changeOwners(x, id);
    } else if (n >= 4 && seg.get(2).equals("vms")) {
      vmRoute(x, m, seg, id);
    } else {
      notFoundRoute(false);
    }
  }

  private void vmRoute(Exchange x, String m, List<String> seg, String id) {
    int n = seg.size();
    String vm = seg.get(3);
    if (n == 4) {
      switch (m) {
        case "GET" -> vms.info(x, id, vm);
        case "PUT" -> vms.alter(x, id, vm);
        case "DELETE" -> vms.remove(x, id, vm);
        default -> notFoundRoute(true);
      }
    } else if (n == 5 && m.equals("GET")) {
      vms.property(x, id, vm, seg.get(4));
    } else if (n == 5 && m.equals("PUT")) {
      vms.operation(x, id, vm, seg.get(4));
    } else if (n == 7 && m.equals("PUT") && seg.get(4).equals("disks") && seg.get(6).equals("snapshot")) {
      vms.snapshot(x, id, vm, seg.get(5));
    } else {
      notFoundRoute(false);
    }
  }
}
