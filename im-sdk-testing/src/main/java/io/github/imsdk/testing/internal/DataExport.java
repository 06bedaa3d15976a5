package io.github.imsdk.testing.internal;

import io.github.imsdk.core.State;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The emulator's export format ({@code GET .../data}) and its import ({@code PUT /infrastructures}). */
final class DataExport {

  private DataExport() {}

  /** Returns the export of {@code inf}: its id, VMs (with their RADL as {@code info}), RADL and TOSCA. */
  static Map<String, Object> write(Model.Infra inf, Instant now) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", inf.id);
    List<Object> vms = new ArrayList<>();
    for (Model.Vm v : inf.vms) {
      if (v.deleted) {
        continue;
      }
      Map<String, Object> vm = new LinkedHashMap<>();
      vm.put("last_update", now.getEpochSecond());
      vm.put("destroy", false);
      vm.put("state", v.visible(now) ? v.state(now).wire() : "pending");
      vm.put("id", inf.id.substring(0, 8) + "-" + v.id);
      vm.put("im_id", v.id);
      vm.put("creation_im_id", v.id);
      Map<String, Object> cloud = new LinkedHashMap<>();
      cloud.put("id", v.cloudId);
      cloud.put("type", v.cloudType);
      vm.put("cloud", cloud);
      vm.put("info", v.radl(now).text());
      vms.add(vm);
    }
    m.put("vm_list", vms);
    m.put("auth", null);
    m.put("radl", inf.radl.text());
    m.put("tosca", inf.tosca);
    m.put("deleted", false);
    m.put("cloud_type", inf.cloudType);
    m.put("creation_date", inf.createdAt.getEpochSecond());
    return m;
  }

  /**
   * Rebuilds an infrastructure from an export ({@link #write}, or IM's own format: its {@code vm_list} entries carry
   * the VM RADL as {@code info}); owners are left to the caller.
   */
  static Model.Infra read(Map<?, ?> data, String id, Instant now, ToscaReader tosca, String prefix) {
    Model.Infra inf = new Model.Infra(id);
    inf.createdAt = now;
    inf.ctxtStartedAt = now;
    inf.radl = data.get("radl") instanceof String r ? parseQuietly(r) : new Radl();
    inf.ctxtDisabled = inf.radl.contextualizationDisabled();
    if (data.get("tosca") instanceof String toscaText) {
      inf.tosca = toscaText;
      try {
        inf.template = tosca.read(toscaText);
      } catch (Radl.ParseException e) {
        throw new HttpError(400, prefix + e.getMessage());
      }
    }
    inf.cloudType = data.get("cloud_type") instanceof String s ? s : "";
    if (data.get("vm_list") instanceof List<?> vms) {
      for (Object o : vms) {
        Map<?, ?> vmData = (Map<?, ?>) o;
        Radl info = vmData.get("info") instanceof String s ? parseQuietly(s) : new Radl();
        Radl.Aspect sys = info.all("system").stream().findFirst().orElseGet(() -> new Radl.Aspect("system", "vm"));
        Model.Vm vm = new Model.Vm(inf.vms.size(), sys.id);
        vm.system = sys.copy();
        vm.networks.addAll(info.all("network"));
        vm.createdAt = now;
        vm.visibleAt = now;
        vm.runningAt = now;
        vm.doneAt = now;
        String state = String.valueOf(vmData.get("state"));
        vm.outcome = State.fromWire(state) == State.UNCONFIGURED || State.fromWire(state) == State.FAILED
            ? State.fromWire(state) : State.CONFIGURED;
        vm.stopped = State.fromWire(state) == State.STOPPED;
        Map<?, ?> cloud = vmData.get("cloud") instanceof Map<?, ?> cm ? cm : Map.of();
        vm.cloudId = String.valueOf(cloud.get("id"));
        vm.cloudType = String.valueOf(cloud.get("type"));
        vm.username = sys.string("disk.0.os.credentials.username");
        vm.password = sys.string("disk.0.os.credentials.password");
        for (int i = 0; sys.string("net_interface." + i + ".connection") != null; i++) {
          String ip = sys.string("net_interface." + i + ".ip");
          boolean pub = info.get("network", sys.string("net_interface." + i + ".connection"))
              .map(n -> "yes".equals(n.string("outbound"))).orElse(false);
          if (pub && vm.publicIp == null) {
            vm.publicIp = ip;
          } else if (!pub && vm.privateIp == null) {
            vm.privateIp = ip;
          }
        }
        inf.vms.add(vm);
      }
    }
    return inf;
  }

  private static Radl parseQuietly(String text) {
    try {
      return Radl.parse(text);
    } catch (Radl.ParseException e) {
      return new Radl();
    }
  }
}
