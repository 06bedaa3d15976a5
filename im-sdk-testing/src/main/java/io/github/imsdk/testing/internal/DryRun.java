package io.github.imsdk.testing.internal;

import io.github.imsdk.auth.AuthLine;
import io.github.imsdk.auth.CredentialValue;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code POST /infrastructures?dry_run=1}: the resource estimate IM gives without creating anything. */
final class DryRun {

  private final EngineState s;

  DryRun(EngineState s) {
    this.s = s;
  }

  void estimate(Exchange x, EngineState.Description d, AuthLine cloud) {
    List<Object> compute = new ArrayList<>();
    for (Radl.Aspect deploy : d.radl().all("deploy")) {
      Radl.Aspect sys = d.radl().get("system", deploy.id).orElseThrow();
      for (int i = 0; i < deploy.vmNumber; i++) {
        Map<String, Object> vm = new LinkedHashMap<>();
        vm.put("cpuCores", Sizes.number(sys, "cpu.count", 1));
        vm.put("memoryInMegabytes", Sizes.bytes(sys, "memory.size") / 1_000_000);
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
