package io.github.imsdk.testing.internal;

import io.github.imsdk.auth.AuthLine;
import io.github.imsdk.auth.CredentialValue;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code POST /infrastructures?dry_run=1}: the resource estimate IM gives without creating anything: one compute
 * entry per VM ({@code diskSizeInGigabytes} from {@code disk.0.size}, {@code publicIP} with a public network,
 * {@code GPU} with {@code gpu.count}) and one storage entry per {@code disk.N.size}, root disk included.
 */
final class DryRun {

  private final EngineState s;

  DryRun(EngineState s) {
    this.s = s;
  }

  void estimate(Exchange x, EngineState.Description d, AuthLine cloud) {
    List<Object> compute = new ArrayList<>();
    List<Object> storage = new ArrayList<>();
    for (Radl.Aspect deploy : d.radl().all("deploy")) {
      Radl.Aspect sys = d.radl().get("system", deploy.id).orElseThrow();
      for (int i = 0; i < deploy.vmNumber; i++) {
        Map<String, Object> vm = new LinkedHashMap<>();
        vm.put("cpuCores", Sizes.number(sys, "cpu.count", 1));
        vm.put("memoryInMegabytes", Sizes.bytes(sys, "memory.size") / 1_000_000);
        long disk0 = Math.max(Sizes.bytes(sys, "disk.0.size"), Sizes.bytes(sys, "disk.0.free_size"));
        if (disk0 > 0) {
          vm.put("diskSizeInGigabytes", disk0 / 1_000_000_000);
        }
        if (publicNetwork(d.radl(), sys)) {
          vm.put("publicIP", 1);
        }
        if (sys.value("gpu.count").isPresent()) {
          vm.put("GPU", Sizes.number(sys, "gpu.count", 0));
        }
        compute.add(vm);
        // IM lists every disk.N.size as a block storage, the root disk included (so it counts it twice).
        for (int n = 0; sys.value("disk." + n + ".size").isPresent(); n++) {
          Map<String, Object> st = new LinkedHashMap<>();
          st.put("sizeInGigabytes", Sizes.bytes(sys, "disk." + n + ".size") / 1_000_000_000);
          if (sys.string("disk." + n + ".type") != null) {
            st.put("type", sys.string("disk." + n + ".type"));
          }
          storage.add(st);
        }
      }
    }
    Map<String, Object> est = new LinkedHashMap<>();
    est.put("cloudType", cloud.type());
    est.put("cloudEndpoint", cloud.value("host").map(CredentialValue::resolve).orElse("http://:80"));
    est.put("compute", compute);
    est.put("storage", storage);
    Map<String, Object> out = new LinkedHashMap<>();
    if (!compute.isEmpty()) {
      out.put(cloud.id().orElse(cloud.type()), est);
    }
    s.answers.json(x, out);
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
}
