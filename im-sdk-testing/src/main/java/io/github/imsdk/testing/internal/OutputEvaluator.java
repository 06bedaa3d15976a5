package io.github.imsdk.testing.internal;

import io.github.imsdk.tosca.ToscaException;
import io.github.imsdk.tosca.ToscaFunction;
import io.github.imsdk.tosca.ToscaTemplate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Evaluates TOSCA outputs against the live VMs, with im-sdk-tosca's evaluator and VM attributes from here. */
final class OutputEvaluator {
  private final Model.Infra inf;
  private final Instant now;

  OutputEvaluator(Model.Infra inf, Instant now) {
    this.inf = inf;
    this.now = now;
  }

  Map<String, Object> evaluate() {
    Map<String, Object> out = new LinkedHashMap<>();
    ToscaTemplate t = inf.template.tosca();
    for (String name : t.outputs().keySet()) {
      try {
        out.put(name, t.evaluateOutput(name, Map.of(), this::attribute));
      } catch (ToscaException e) {
        throw new HttpError(400, "Error Getting Inf. prop: Error evaluating output " + name + ": "
            + e.getMessage());
      }
    }
    return out;
  }

  private Object attribute(ToscaFunction.GetAttribute ga) {
    String node = ga.node();
    String attr = ga.attribute();
    List<Model.Vm> vms = inf.vms.stream().filter(vm -> !vm.deleted && vm.systemId.equals(node)).toList();
    List<Object> rest = ga.path();
    if (attr.equals("endpoint") && !rest.isEmpty() && "credential".equals(String.valueOf(rest.get(0)))) {
      List<Object> creds = new ArrayList<>();
      for (Model.Vm vm : vms) {
        Map<String, Object> cred = new LinkedHashMap<>();
        cred.put("user", vm.username);
        cred.put("token", vm.password);
        cred.put("token_type", "password");
        creds.add(cred);
      }
      return pick(creds, rest.subList(1, rest.size()));
    }
    List<Object> values = new ArrayList<>();
    for (Model.Vm vm : vms) {
      values.add(switch (attr) {
        case "public_address" -> vm.publicIp;
        case "ip_address" -> vm.publicIp != null ? vm.publicIp : vm.privateIp;
        case "private_address" -> vm.privateIp != null ? vm.privateIp : vm.publicIp;
        case "tosca_id" -> inf.id.substring(0, 8) + "-" + vm.id;
        case "tosca_name" -> node;
        case "state" -> vm.visible(now) ? vm.state(now).wire() : "pending";
        default -> null;
      });
    }
    return pick(values, rest);
  }

  private Object pick(List<Object> values, List<?> rest) {
    if (!rest.isEmpty()) {
      int idx;
      try {
        idx = Integer.parseInt(String.valueOf(rest.get(0)));
      } catch (NumberFormatException e) {
        return null;
      }
      return idx >= 0 && idx < values.size() ? values.get(idx) : null;
    }
    return values.size() == 1 ? values.get(0) : values;
  }
}
