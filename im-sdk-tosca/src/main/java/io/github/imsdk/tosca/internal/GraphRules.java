package io.github.imsdk.tosca.internal;

import io.github.imsdk.tosca.NodeTemplate;
import io.github.imsdk.tosca.Requirement;
import io.github.imsdk.tosca.ToscaTemplate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds cycles of {@code host} / {@code dependency} requirements (HostedOn and DependsOn relationships): the IM
 * orders contextualization along them and recurses forever on a cycle.
 */
final class GraphRules {

  private GraphRules() {}

  /** Reports each cycle once, at the requirement that closes it. */
  static void checkCycles(ToscaTemplate t, Findings out) {
    Map<String, List<Edge>> edges = new LinkedHashMap<>();
    for (NodeTemplate n : t.nodeTemplates().values()) {
      List<Edge> list = new ArrayList<>();
      for (int i = 0; i < n.requirements().size(); i++) {
        Requirement r = n.requirements().get(i);
        if (r.node() != null && t.nodeTemplates().containsKey(r.node()) && ordersNodes(r)) {
          list.add(new Edge(r.node(), Validator.nodePath(n.name()) + ".requirements[" + i + "]." + r.name()));
        }
      }
      edges.put(n.name(), list);
    }
    Map<String, Integer> state = new HashMap<>();
    for (String start : edges.keySet()) {
      visit(start, edges, state, new ArrayList<>(), out);
    }
  }

  private record Edge(String target, String path) {}

  /** Host and dependency requirements, or any with a HostedOn / DependsOn relationship. */
  private static boolean ordersNodes(Requirement r) {
    if (r.relationship() != null && r.relationship().type() != null) {
      String type = r.relationship().type();
      return type.endsWith("HostedOn") || type.endsWith("DependsOn");
    }
    return r.name().equals("host") || r.name().equals("dependency");
  }

  private static void visit(String node, Map<String, List<Edge>> edges, Map<String, Integer> state,
      List<String> stack, Findings out) {
    Integer s = state.get(node);
    if (s != null) {
      return;
    }
    state.put(node, 1);
    stack.add(node);
    for (Edge e : edges.getOrDefault(node, List.of())) {
      Integer ts = state.get(e.target());
      if (ts != null && ts == 1) {
        List<String> cycle = new ArrayList<>(stack.subList(stack.indexOf(e.target()), stack.size()));
        cycle.add(e.target());
        out.error(e.path(), "requirements form a cycle " + String.join(" -> ", cycle)
            + "; the IM would order these nodes forever");
      } else if (ts == null) {
        visit(e.target(), edges, state, stack, out);
      }
    }
    stack.remove(stack.size() - 1);
    state.put(node, 2);
  }
}
