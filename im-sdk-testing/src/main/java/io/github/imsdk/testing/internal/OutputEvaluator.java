package io.github.imsdk.testing.internal;

import io.github.imsdk.tosca.NodeTemplate;
import io.github.imsdk.tosca.ToscaException;
import io.github.imsdk.tosca.ToscaFunction;
import io.github.imsdk.tosca.ToscaTemplate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Evaluates TOSCA outputs against the live VMs the way IM does (recorded from IM 1.19.2 and 2.0), which is not
 * always how im-sdk-tosca reads them, so that the emulator can catch an SDK evaluation bug:
 * <ul>
 *   <li>{@code get_attribute} on a {@code tosca.nodes.indigo.Compute} (or any non-normative type) without an index
 *   is always a list, one item per VM, even with one VM; with an index it is that VM's scalar. An index equal to
 *   the VM count fails the whole call with 400 {@code list index out of range}; a larger one gives the last VM.
 *   <li>on the normative {@code tosca.nodes.Compute} it is always the first VM's scalar;
 *   <li>{@code concat} writes a list (or a map, or null) as Python's {@code repr}: {@code ['a', 'b']}.
 * </ul>
 * Other functions ({@code get_input}, {@code get_property}, {@code token}) use im-sdk-tosca's evaluator.
 */
final class OutputEvaluator {

  private static final String PREFIX = "Error Getting Inf. prop: ";

  private final Model.Infra inf;
  private final Instant now;
  private final ToscaTemplate t;

  OutputEvaluator(Model.Infra inf, Instant now) {
    this.inf = inf;
    this.now = now;
    this.t = inf.template.tosca();
  }

  Map<String, Object> evaluate() {
    Map<String, Object> out = new LinkedHashMap<>();
    for (Map.Entry<String, io.github.imsdk.tosca.ToscaOutput> e : t.outputs().entrySet()) {
      try {
        out.put(e.getKey(), value(e.getValue().value()));
      } catch (ToscaException ex) {
        throw new HttpError(400, PREFIX + "Error evaluating output " + e.getKey() + ": " + ex.getMessage());
      }
    }
    return out;
  }

  private Object value(Object v) {
    if (v instanceof ToscaFunction.GetAttribute ga) {
      return attribute(ga);
    }
    if (v instanceof ToscaFunction.Concat c) {
      StringBuilder sb = new StringBuilder();
      for (Object part : c.parts()) {
        Object p = value(part);
        sb.append(p instanceof String s ? s : PyRepr.of(p));
      }
      return sb.toString();
    }
    if (v instanceof ToscaFunction) {
      return t.evaluate(v, Map.of(), this::attribute, null);
    }
    return v;
  }

  private Object attribute(ToscaFunction.GetAttribute ga) {
    String node = ga.node();
    String attr = ga.attribute();
    List<Model.Vm> vms = inf.vms.stream().filter(vm -> !vm.deleted && vm.systemId.equals(node)).toList();
    List<Object> rest = ga.path();
    List<Object> values = new ArrayList<>();
    boolean credential = attr.equals("endpoint") && !rest.isEmpty() && "credential".equals(String.valueOf(rest.get(0)));
    for (Model.Vm vm : vms) {
      values.add(credential ? credential(vm) : vmAttribute(vm, node, attr));
    }
    List<Object> index = credential ? rest.subList(1, rest.size()) : rest;
    NodeTemplate n = t.nodeTemplates().get(node);
    if (n != null && "tosca.nodes.Compute".equals(n.type())) {
      return values.isEmpty() ? null : values.get(0);
    }
    if (index.isEmpty()) {
      return values;
    }
    int i;
    try {
      i = Integer.parseInt(String.valueOf(index.get(0)));
    } catch (NumberFormatException e) {
      return null;
    }
    if (i > values.size()) {
      i = values.size() - 1;
    }
    if (i < 0 || i >= values.size()) {
      throw new HttpError(400, PREFIX + "list index out of range");
    }
    return values.get(i);
  }

  private static Map<String, Object> credential(Model.Vm vm) {
    Map<String, Object> cred = new LinkedHashMap<>();
    cred.put("user", vm.username);
    cred.put("token", vm.password);
    cred.put("token_type", "password");
    return cred;
  }

  private Object vmAttribute(Model.Vm vm, String node, String attr) {
    return switch (attr) {
      case "public_address" -> vm.publicIp;
      case "ip_address" -> vm.publicIp != null ? vm.publicIp : vm.privateIp;
      case "private_address" -> vm.privateIp != null ? vm.privateIp : vm.publicIp;
      case "tosca_id" -> inf.id.substring(0, 8) + "-" + vm.id;
      case "tosca_name" -> node;
      case "state" -> vm.visible(now) ? vm.state(now).wire() : "pending";
      default -> null;
    };
  }
}
