package io.github.imsdk.core.internal;

import io.github.imsdk.ImException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.github.imsdk.auth.AuthLine;
import io.github.imsdk.core.Contextualization;
import io.github.imsdk.core.DestroyOptions;
import io.github.imsdk.core.Infrastructure;
import io.github.imsdk.core.InfrastructureId;
import io.github.imsdk.core.InfrastructureState;
import io.github.imsdk.core.Outputs;
import io.github.imsdk.core.State;
import io.github.imsdk.core.Template;
import io.github.imsdk.core.Vm;
import io.github.imsdk.core.Wait;
import io.github.imsdk.core.WaitProgress;
import io.github.imsdk.core.internal.wait.WaitSupport;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import io.github.imsdk.core.internal.http.ImCall;
import io.github.imsdk.core.internal.http.ImHttp;
import io.github.imsdk.core.internal.http.ImResponse;
import io.github.imsdk.core.internal.http.UriBuilder;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** {@link Infrastructure} over {@link ImHttp}: an immutable handle, one IM call per method. */
final class DefaultInfrastructure implements Infrastructure {
  private static final Logger LOG = LoggerFactory.getLogger(DefaultInfrastructure.class);

  private final ImHttp http;
  private final InfrastructureId id;
  private final WaitSupport waits;

  DefaultInfrastructure(ImHttp http, InfrastructureId id, WaitSupport waits) {
    this.http = http;
    this.id = id;
    this.waits = waits;
  }

  @Override
  public InfrastructureId id() {
    return id;
  }

  private String path(String... more) {
    String[] segs = new String[more.length + 2];
    segs[0] = "infrastructures";
    segs[1] = id.value();
    System.arraycopy(more, 0, segs, 2, more.length);
    return UriBuilder.path(segs);
  }

  @Override
  public InfrastructureState state() {
    ImCall call = ImCall.get(path("state"));
    ImResponse r = http.execute(call);
    JsonNode state = Responses.field(call, r, "state");
    if (!state.isObject()) {
      throw Responses.bad(call, r, "'state' is not a JSON object");
    }
    String raw = Responses.textual(call, r, state.get("state"), "state.state");
    Map<String, State> vms = new LinkedHashMap<>();
    JsonNode vmStates = state.get("vm_states");
    if (vmStates != null && !vmStates.isNull()) {
      if (!vmStates.isObject()) {
        throw Responses.bad(call, r, "'state.vm_states' is not a JSON object");
      }
      List<String> ids = new ArrayList<>();
      vmStates.fieldNames().forEachRemaining(ids::add);
      ids.sort(VM_ORDER);
      for (String vm : ids) {
        JsonNode v = vmStates.get(vm);
        vms.put(vm, State.fromWire(v.isNull() ? null : v.asText()));
      }
    }
    return new InfrastructureState(State.fromWire(raw), raw, vms);
  }

  /** Orders VM ids numerically (IM's ids are integers), others after them by text. */
  static final Comparator<String> VM_ORDER = Comparator
      .comparing((String s) -> !s.matches("\\d{1,18}"))
      .thenComparing(s -> s.matches("\\d{1,18}") ? Long.parseLong(s) : 0L)
      .thenComparing(Comparator.naturalOrder());

  @Override
  public Outputs outputs() {
    ImCall call = ImCall.get(path("outputs"));
    ImResponse r = http.execute(call);
    return Outputs.of(Responses.objectField(call, r, "outputs"));
  }

  @Override
  public String contmsg() {
    return property("contmsg", Map.of());
  }

  @Override
  public String contmsgHeaderOnly() {
    return property("contmsg", Map.of("headeronly", "true"));
  }

  @Override
  public String radl() {
    return property("radl", Map.of());
  }

  @Override
  public String tosca() {
    return property("tosca", Map.of());
  }

  @Override
  public String export() {
    return property("data", Map.of());
  }

  @Override
  public String exportAndRemove() {
    return property("data", Map.of("delete", "true"));
  }

  private String property(String name, Map<String, String> query) {
    boolean idempotent = !query.containsKey("delete");
    ImCall call = new ImCall("GET", path(name), query, null, null, idempotent);
    return Responses.text(call, http.execute(call), name);
  }

  @Override
  public List<String> owners() {
    ImCall call = ImCall.get(path("authorization"));
    ImResponse r = http.execute(call);
    List<String> out = new ArrayList<>();
    if (r.isJson()) {
      JsonNode list = Responses.field(call, r, "authorization");
      if (!list.isArray()) {
        throw Responses.bad(call, r, "'authorization' is not a JSON array");
      }
      for (JsonNode n : list) {
        out.add(Responses.textual(call, r, n, "authorization[]"));
      }
      return out;
    }
    for (String line : r.body().split("\\r?\\n")) {
      if (!line.isBlank()) {
        out.add(line.strip());
      }
    }
    return out;
  }

  @Override
  public void addOwner(AuthLine imCredentials) {
    changeOwners(imCredentials, false);
  }

  @Override
  public void replaceOwners(AuthLine imCredentials) {
    changeOwners(imCredentials, true);
  }

  private void changeOwners(AuthLine line, boolean overwrite) {
    Objects.requireNonNull(line, "imCredentials");
    if (!line.isInfrastructureManager()) {
      throw new IllegalArgumentException("owners are InfrastructureManager credentials; got a '" + line.type()
          + "' line");
    }
    Map<String, String> body = new LinkedHashMap<>(line.resolve());
    body.remove("id");
    body.remove("type"); // IM defaults it to InfrastructureManager
    String json;
    try {
      json = Json.MAPPER.writeValueAsString(body);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot encode the owner credentials", e);
    }
    Map<String, String> q = overwrite ? Map.of("overwrite", "true") : Map.of();
    http.execute(new ImCall("POST", path("authorization"), q, json, "application/json", true));
  }

  @Override
  public void start() {
    operation("start");
  }

  @Override
  public void stop() {
    operation("stop");
  }

  private void operation(String op) {
    http.execute(new ImCall("PUT", path(op), Map.of(), null, null, true));
  }

  @Override
  public void reconfigure() {
    http.execute(new ImCall("PUT", path("reconfigure"), Map.of(), null, null, false));
  }

  @Override
  public void reconfigure(Template template) {
    Objects.requireNonNull(template, "template");
    http.execute(new ImCall("PUT", path("reconfigure"), Map.of(), template.content(),
        template.kind().mediaType(), false));
  }

  @Override
  public void reconfigure(Template template, Collection<String> vmIds) {
    String list = vmList(vmIds);
    http.execute(new ImCall("PUT", path("reconfigure"), Map.of("vm_list", list),
        template == null ? null : template.content(), template == null ? null : template.kind().mediaType(),
        false));
  }

  @Override
  public List<String> addResources(Template template) {
    return addResources(template, Contextualization.RUN);
  }

  @Override
  public List<String> addResources(Template template, Contextualization contextualization) {
    Objects.requireNonNull(template, "template");
    Objects.requireNonNull(contextualization, "contextualization");
    Map<String, String> q = contextualization == Contextualization.SKIP ? Map.of("context", "false") : Map.of();
    ImCall call = new ImCall("POST", path(), q, template.content(), template.kind().mediaType(), false);
    return vmIds(call, http.execute(call));
  }

  @Override
  public void removeVms(Collection<String> vmIds) {
    removeVms(vmIds, Contextualization.RUN);
  }

  @Override
  public void removeVms(Collection<String> vmIds, Contextualization contextualization) {
    Objects.requireNonNull(contextualization, "contextualization");
    String list = vmList(vmIds);
    Map<String, String> q = contextualization == Contextualization.SKIP ? Map.of("context", "false") : Map.of();
    http.execute(new ImCall("DELETE", path("vms", list), q, null, null, false));
  }

  @Override
  public void destroy() {
    destroy(DestroyOptions.defaults());
  }

  @Override
  public void destroy(DestroyOptions options) {
    Objects.requireNonNull(options, "options");
    Map<String, String> q = new LinkedHashMap<>();
    if (options.force()) {
      q.put("force", "true");
    }
    if (options.async()) {
      q.put("async", "true");
    }
    http.execute(new ImCall("DELETE", path(), q, null, null, true));
  }

  @Override
  public void waitUntil(Wait wait, Consumer<WaitProgress> progress) {
    Objects.requireNonNull(wait, "wait");
    waits.await(wait, id, this::state, this::contmsg, progress);
  }

  @Override
  public CompletableFuture<Void> waitUntilAsync(Wait wait, Consumer<WaitProgress> progress) {
    Objects.requireNonNull(wait, "wait");
    return waits.start(wait, id, this::state, this::contmsg, progress);
  }

  @Override
  public CompletableFuture<Void> destroyAsync(Wait deleted) {
    Objects.requireNonNull(deleted, "deleted");
    if (!deleted.isDeletion()) {
      throw new IllegalArgumentException("destroyAsync needs a Wait.deleted() condition, got " + deleted.describe());
    }
    return waits.chain(() -> {
      destroy(DestroyOptions.defaults().withAsync(true));
      return id;
    }, ignored -> waits.start(deleted, id, this::state, this::contmsg, null), null);
  }

  /**
   * Destroys this infrastructure ({@code DELETE /infrastructures/{id}}) through IM's 409 while it is still being
   * created, until gone or the cleanup deadline (see {@link Cleanup}). Never throws for an IM or transport failure.
   */
  Cleanup.Outcome destroyThroughConflicts() {
    return new Cleanup(http, waits.time(), Cleanup.DEFAULT_DEADLINE).destroy(path());
  }

  /**
   * Destroys this infrastructure after a failed or abandoned create-and-wait ({@code DELETE /infrastructures/{id}},
   * synchronous so that a failure is seen, repeated through IM's 409 while it is still being created, see
   * {@link Cleanup}), on an interrupted thread too. Never throws: a failure is logged with the id and attached to
   * {@code reason} (null when the caller gave up) as a suppressed {@link ImException} saying so.
   */
  void cleanUp(Throwable reason) {
    boolean interrupted = Thread.interrupted(); // a pause would end at once on an interrupted thread
    try {
      LOG.info("destroying infrastructure {}: the wait for it ended without success ({})", id,
          reason == null ? "the caller gave up" : reason.getMessage());
      Cleanup.Outcome outcome = destroyThroughConflicts();
      if (outcome.gone()) {
        LOG.info("infrastructure {} destroyed after {} attempt(s): {}", id, outcome.attempts(), outcome.detail());
        return;
      }
      String message = "infrastructure " + id + " was NOT destroyed after the failed create-and-wait and may still"
          + " cost money; destroy it yourself (DELETE /infrastructures/" + id + "): " + outcome.detail();
      LOG.error(message);
      if (reason != null) {
        reason.addSuppressed(new ImException(message));
      }
    } finally {
      if (interrupted || Thread.interrupted()) {
        Thread.currentThread().interrupt();
      }
    }
  }

  @Override
  public List<Vm> vms() {
    ImCall call = ImCall.get(path());
    List<Vm> out = new ArrayList<>();
    for (String vmId : vmIds(call, http.execute(call))) {
      out.add(new DefaultVm(http, id, vmId));
    }
    return out;
  }

  private static List<String> vmIds(ImCall call, ImResponse r) {
    List<String> out = new ArrayList<>();
    for (String uri : Responses.uris(call, r)) {
      out.add(Responses.lastSegment(call, r, uri));
    }
    return out;
  }

  @Override
  public Vm vm(String vmId) {
    return new DefaultVm(http, id, DefaultVm.checkVmId(vmId));
  }

  private static String vmList(Collection<String> vmIds) {
    Objects.requireNonNull(vmIds, "vmIds");
    if (vmIds.isEmpty()) {
      throw new IllegalArgumentException("at least one VM id is needed");
    }
    List<String> checked = new ArrayList<>();
    for (Iterator<String> it = vmIds.iterator(); it.hasNext(); ) {
      checked.add(DefaultVm.checkVmId(it.next()));
    }
    return String.join(",", checked);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof DefaultInfrastructure other && id.equals(other.id);
  }

  @Override
  public int hashCode() {
    return id.hashCode();
  }

  @Override
  public String toString() {
    return "Infrastructure[" + id + "]";
  }

  @Override
  public CompletableFuture<InfrastructureState> stateAsync() {
    return waits.supply(this::state);
  }

  @Override
  public CompletableFuture<Outputs> outputsAsync() {
    return waits.supply(this::outputs);
  }

  @Override
  public CompletableFuture<List<String>> addResourcesAsync(Template template) {
    Objects.requireNonNull(template, "template");
    return waits.supply(() -> addResources(template));
  }

  @Override
  public CompletableFuture<Void> removeVmsAsync(Collection<String> vmIds) {
    List<String> ids = List.copyOf(Objects.requireNonNull(vmIds, "vmIds"));
    return waits.supply(() -> {
      removeVms(ids);
      return null;
    });
  }

  @Override
  public CompletableFuture<Void> reconfigureAsync() {
    return waits.supply(() -> {
      reconfigure();
      return null;
    });
  }

  @Override
  public CompletableFuture<Void> reconfigureAsync(Template template) {
    Objects.requireNonNull(template, "template");
    return waits.supply(() -> {
      reconfigure(template);
      return null;
    });
  }
}
