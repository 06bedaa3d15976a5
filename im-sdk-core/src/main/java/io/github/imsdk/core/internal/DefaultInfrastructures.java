package io.github.imsdk.core.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.imsdk.core.CloudEstimate;
import io.github.imsdk.core.CreateOptions;
import io.github.imsdk.core.Deployment;
import io.github.imsdk.core.Estimate;
import io.github.imsdk.core.ImBadRequestException;
import io.github.imsdk.core.ImForbiddenException;
import io.github.imsdk.core.ImNotFoundException;
import io.github.imsdk.core.ImResponseException;
import io.github.imsdk.core.InfrastructureId;
import io.github.imsdk.core.Infrastructures;
import io.github.imsdk.core.Template;
import io.github.imsdk.core.Wait;
import io.github.imsdk.core.WaitProgress;
import io.github.imsdk.core.internal.wait.WaitSupport;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import io.github.imsdk.core.internal.http.ImCall;
import io.github.imsdk.core.internal.http.ImHttp;
import io.github.imsdk.core.internal.http.ImResponse;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/** {@link Infrastructures} over {@link ImHttp}. */
final class DefaultInfrastructures implements Infrastructures {

  private static final String PATH = "/infrastructures";

  private final ImHttp http;
  private final WaitSupport waits;

  DefaultInfrastructures(ImHttp http, WaitSupport waits) {
    this.http = http;
    this.waits = waits;
  }

  @Override
  public List<InfrastructureId> list() {
    ImCall call = ImCall.get(PATH);
    return ids(call, http.execute(call));
  }

  @Override
  public List<InfrastructureId> list(String radlRegex) {
    Objects.requireNonNull(radlRegex, "radlRegex");
    Pattern pattern = Pattern.compile(radlRegex);
    ImCall call = ImCall.get(PATH).withQuery("filter", radlRegex);
    List<InfrastructureId> listed = ids(call, http.execute(call));
    List<InfrastructureId> out = new ArrayList<>();
    for (InfrastructureId id : listed) {
      if (matches(new DefaultInfrastructure(http, id, waits), pattern)) {
        out.add(id);
      }
    }
    return out;
  }

  // IM 1.19 matches the regex against the RADL and, for TOSCA infrastructures, the TOSCA text.
  private static boolean matches(DefaultInfrastructure inf, Pattern pattern) {
    try {
      if (pattern.matcher(inf.radl()).find()) {
        return true;
      }
    } catch (ImNotFoundException e) {
      return false; // deleted between the list and this read: it no longer exists, so it does not match
    }
    try {
      return pattern.matcher(inf.tosca()).find();
    } catch (ImForbiddenException | ImBadRequestException | ImNotFoundException e) {
      return false; // not created from TOSCA (IM 2.0: 403, IM 1.19: 400), or deleted meanwhile
    }
  }

  private static List<InfrastructureId> ids(ImCall call, ImResponse r) {
    List<InfrastructureId> out = new ArrayList<>();
    for (String uri : Responses.uris(call, r)) {
      out.add(id(call, r, uri));
    }
    return out;
  }

  private static InfrastructureId id(ImCall call, ImResponse r, String uri) {
    String segment = Responses.lastSegment(call, r, uri);
    try {
      return InfrastructureId.of(segment);
    } catch (IllegalArgumentException e) {
      throw new ImResponseException(call.method(), call.path(), r.status(), "bad infrastructure URI '" + uri + "'", e);
    }
  }

  @Override
  public InfrastructureId create(Template template) {
    return create(template, CreateOptions.defaults());
  }

  @Override
  public InfrastructureId create(Template template, CreateOptions options) {
    Objects.requireNonNull(template, "template");
    Objects.requireNonNull(options, "options");
    Map<String, String> q = new LinkedHashMap<>();
    if (options.async()) {
      q.put("async", "true");
    }
    ImCall call = new ImCall("POST", PATH, q, template.content(), template.kind().mediaType(), false);
    ImResponse r = http.execute(call);
    // The body names the new infrastructure; a server that sent an empty body still sent the InfID header.
    if (r.body().isBlank() && r.header("InfID").filter(h -> !h.isBlank()).isPresent()) {
      return id(call, r, "/" + r.header("InfID").get().strip());
    }
    return id(call, r, Responses.uri(call, r));
  }

  @Override
  public InfrastructureId createAndWait(Template template, Wait wait, Consumer<WaitProgress> progress) {
    Objects.requireNonNull(template, "template");
    Objects.requireNonNull(wait, "wait");
    InfrastructureId id = create(template, CreateOptions.defaults().withAsync(true));
    DefaultInfrastructure inf = new DefaultInfrastructure(http, id, waits);
    try {
      inf.waitUntil(wait, progress);
      return id;
    } catch (RuntimeException e) {
      inf.cleanUp(e);
      throw e;
    }
  }

  @Override
  public Deployment deploy(Template template, Wait wait, Consumer<WaitProgress> progress) {
    return new DefaultDeployment(new DefaultInfrastructure(http, createAndWait(template, wait, progress), waits));
  }

  @Override
  public CompletableFuture<InfrastructureId> createAndWaitAsync(Template template, Wait wait,
      Consumer<WaitProgress> progress) {
    Objects.requireNonNull(template, "template");
    Objects.requireNonNull(wait, "wait");
    return waits.chain(() -> create(template, CreateOptions.defaults().withAsync(true)), id -> {
      DefaultInfrastructure inf = new DefaultInfrastructure(http, id, waits);
      return waits.startOrCleanUp(wait, id, inf::state, inf::contmsg, progress, id, inf::cleanUp);
    }, id -> new DefaultInfrastructure(http, id, waits).cleanUp(null));
  }

  @Override
  public Estimate estimate(Template template) {
    Objects.requireNonNull(template, "template");
    ImCall call = new ImCall("POST", PATH, Map.of("dry_run", "true"), template.content(),
        template.kind().mediaType(), true);
    ImResponse r = http.execute(call);
    JsonNode root = Responses.json(call, r);
    if (!root.isObject()) {
      throw Responses.bad(call, r, "the estimate is not a JSON object");
    }
    Map<String, CloudEstimate> clouds = new LinkedHashMap<>();
    Iterator<Map.Entry<String, JsonNode>> it = root.fields();
    while (it.hasNext()) {
      Map.Entry<String, JsonNode> e = it.next();
      clouds.put(e.getKey(), cloudEstimate(call, r, e.getKey(), e.getValue()));
    }
    return new Estimate(clouds);
  }

  private static CloudEstimate cloudEstimate(ImCall call, ImResponse r, String cloud, JsonNode n) {
    if (!n.isObject()) {
      throw Responses.bad(call, r, "the estimate of cloud '" + cloud + "' is not an object");
    }
    // Absent numbers are 0 and an absent type is empty, as CloudEstimate documents (IM sends
    // diskSizeInGigabytes, publicIP, GPU and type only when they apply); a wrong type is an error.
    List<CloudEstimate.ComputeEstimate> compute = new ArrayList<>();
    for (JsonNode c : array(call, r, n, "compute", cloud)) {
      if (!c.isObject()) {
        throw Responses.bad(call, r, "an entry of 'compute' of cloud '" + cloud + "' is not an object");
      }
      compute.add(new CloudEstimate.ComputeEstimate(
          Responses.intField(call, r, c, "cpuCores").orElse(0),
          Responses.longField(call, r, c, "memoryInMegabytes").orElse(0),
          Responses.longField(call, r, c, "diskSizeInGigabytes").orElse(0),
          Responses.intField(call, r, c, "publicIP").orElse(0),
          Responses.intField(call, r, c, "GPU").orElse(0)));
    }
    List<CloudEstimate.StorageEstimate> storage = new ArrayList<>();
    for (JsonNode s : array(call, r, n, "storage", cloud)) {
      if (!s.isObject()) {
        throw Responses.bad(call, r, "an entry of 'storage' of cloud '" + cloud + "' is not an object");
      }
      storage.add(new CloudEstimate.StorageEstimate(
          Responses.longField(call, r, s, "sizeInGigabytes").orElse(0),
          Responses.textField(call, r, s, "type").orElse("")));
    }
    return new CloudEstimate(
        Responses.textField(call, r, n, "cloudType").orElseThrow(
            () -> Responses.bad(call, r, "the estimate of cloud '" + cloud + "' has no 'cloudType'")),
        Responses.textField(call, r, n, "cloudEndpoint").orElseThrow(
            () -> Responses.bad(call, r, "the estimate of cloud '" + cloud + "' has no 'cloudEndpoint'")),
        compute, storage);
  }

  /** Returns the array {@code name} of {@code n}; none when absent, an error when it is not an array. */
  private static Iterable<JsonNode> array(ImCall call, ImResponse r, JsonNode n, String name, String cloud) {
    JsonNode a = n.get(name);
    if (a == null || a.isNull()) {
      return List.of();
    }
    if (!a.isArray()) {
      throw Responses.bad(call, r, "'" + name + "' of cloud '" + cloud + "' is not a JSON array");
    }
    return a;
  }

  @Override
  public InfrastructureId importData(String exportedData) {
    Objects.requireNonNull(exportedData, "exportedData");
    ImCall call = new ImCall("PUT", PATH, Map.of(), exportedData, "application/json", false);
    ImResponse r = http.execute(call);
    return id(call, r, Responses.uri(call, r));
  }
}
