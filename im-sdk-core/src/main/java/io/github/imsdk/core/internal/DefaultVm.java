package io.github.imsdk.core.internal;

import io.github.imsdk.core.Contextualization;
import io.github.imsdk.core.ImResponseException;
import io.github.imsdk.core.InfrastructureId;
import io.github.imsdk.core.Template;
import io.github.imsdk.core.Vm;
import io.github.imsdk.core.VmInfo;
import io.github.imsdk.core.internal.http.ImCall;
import io.github.imsdk.core.internal.http.ImHttp;
import io.github.imsdk.core.internal.http.ImResponse;
import io.github.imsdk.core.internal.http.UriBuilder;
import io.github.imsdk.core.internal.radl.RadlAspect;
import io.github.imsdk.core.internal.radl.RadlTextParser;
import io.github.imsdk.core.internal.radl.VmInfoParser;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** {@link Vm} over {@link ImHttp}: an immutable handle, one IM call per method. */
final class DefaultVm implements Vm {

  private final ImHttp http;
  private final InfrastructureId infrastructureId;
  private final String id;

  DefaultVm(ImHttp http, InfrastructureId infrastructureId, String id) {
    this.http = http;
    this.infrastructureId = infrastructureId;
    this.id = id;
  }

  /** Returns {@code vmId} if it is a non-negative integer, as IM requires. */
  static String checkVmId(String vmId) {
    Objects.requireNonNull(vmId, "vmId");
    if (!vmId.matches("\\d{1,18}")) {
      throw new IllegalArgumentException("VM id must be a non-negative integer, got '" + vmId + "'");
    }
    return vmId;
  }

  @Override
  public String id() {
    return id;
  }

  @Override
  public InfrastructureId infrastructureId() {
    return infrastructureId;
  }

  private String path(String... more) {
    String[] segs = new String[more.length + 4];
    segs[0] = "infrastructures";
    segs[1] = infrastructureId.value();
    segs[2] = "vms";
    segs[3] = id;
    System.arraycopy(more, 0, segs, 4, more.length);
    return UriBuilder.path(segs);
  }

  @Override
  public VmInfo info() {
    ImCall call = ImCall.get(path());
    return parseInfo(call, http.execute(call));
  }

  private VmInfo parseInfo(ImCall call, ImResponse r) {
    List<RadlAspect> aspects;
    try {
      aspects = r.isJson() ? VmInfoParser.aspectsFromJson(Responses.json(call, r)) : RadlTextParser.parse(r.body());
      return VmInfoParser.toVmInfo(id, aspects, r.body());
    } catch (IllegalArgumentException e) {
      throw new ImResponseException(call.method(), call.path(), r.status(),
          "cannot read the VM information: " + e.getMessage(), e);
    }
  }

  @Override
  public String property(String name) {
    Objects.requireNonNull(name, "name");
    if (name.isBlank() || name.contains("/")) {
      throw new IllegalArgumentException("VM property name must be non-blank without '/', got '" + name + "'");
    }
    ImCall call = ImCall.get(path(name));
    return Responses.text(call, http.execute(call), name);
  }

  @Override
  public String contmsg() {
    ImCall call = ImCall.get(path("contmsg"));
    return Responses.text(call, http.execute(call), "contmsg");
  }

  @Override
  public VmInfo alter(Template template) {
    Objects.requireNonNull(template, "template");
    ImCall call = new ImCall("PUT", path(), Map.of(), template.content(), template.kind().mediaType(), false);
    return parseInfo(call, http.execute(call));
  }

  @Override
  public void start() {
    operation("start");
  }

  @Override
  public void stop() {
    operation("stop");
  }

  @Override
  public void reboot() {
    operation("reboot");
  }

  private void operation(String op) {
    http.execute(new ImCall("PUT", path(op), Map.of(), null, null, true));
  }

  @Override
  public String snapshot(int diskNumber, String imageName, boolean autoDelete) {
    if (diskNumber < 0) {
      throw new IllegalArgumentException("disk number must be >= 0, got " + diskNumber);
    }
    Objects.requireNonNull(imageName, "imageName");
    if (imageName.isBlank()) {
      throw new IllegalArgumentException("image name must not be blank");
    }
    Map<String, String> q = new LinkedHashMap<>();
    q.put("image_name", imageName);
    if (autoDelete) {
      q.put("auto_delete", "true");
    }
    ImCall call = new ImCall("PUT", path("disks", Integer.toString(diskNumber), "snapshot"), q, null, null, false);
    ImResponse r = http.execute(call);
    String url = r.isJson() ? Responses.text(call, r, "snapshot") : r.body().strip();
    if (url.isEmpty()) {
      throw Responses.bad(call, r, "empty snapshot URL");
    }
    return url;
  }

  @Override
  public void remove() {
    remove(Contextualization.RUN);
  }

  @Override
  public void remove(Contextualization contextualization) {
    Objects.requireNonNull(contextualization, "contextualization");
    Map<String, String> q = contextualization == Contextualization.SKIP ? Map.of("context", "false") : Map.of();
    http.execute(new ImCall("DELETE", path(), q, null, null, false));
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof DefaultVm other && infrastructureId.equals(other.infrastructureId) && id.equals(other.id);
  }

  @Override
  public int hashCode() {
    return Objects.hash(infrastructureId, id);
  }

  @Override
  public String toString() {
    return "Vm[" + infrastructureId + "/" + id + "]";
  }
}
