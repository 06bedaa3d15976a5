package io.github.imsdk.tosca.internal;

import io.github.imsdk.tosca.Artifact;
import io.github.imsdk.tosca.Capability;
import io.github.imsdk.tosca.NodeInterface;
import io.github.imsdk.tosca.NodeTemplate;
import io.github.imsdk.tosca.Operation;
import io.github.imsdk.tosca.Relationship;
import io.github.imsdk.tosca.Requirement;
import io.github.imsdk.tosca.ToscaConstraint;
import io.github.imsdk.tosca.ToscaInput;
import io.github.imsdk.tosca.ToscaOutput;
import io.github.imsdk.tosca.ToscaPolicy;
import io.github.imsdk.tosca.ToscaTemplate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;

/**
 * Writes the model as YAML. A part that still equals what was parsed is written from the parsed nodes, exactly as
 * authored (long or short forms, quoting, comments); anything else is written from the model: keys in the order
 * people write TOSCA, unknown keys kept, multi-line strings as block literals, functions and short scalar lists in
 * flow form, scalars quoted as {@link YamlEmitter} decides. No section is added that the template does not have.
 */
public final class TemplateWriter {

  private static final String TOPO = "topology_template";

  private final SourceDocument src;
  private final ToscaTemplate was;

  private TemplateWriter(SourceDocument src) {
    this.src = src;
    this.was = src == null ? null : src.template();
  }

  /** Returns the template as YAML text; {@code source} is what it was parsed from, or null. */
  public static String write(ToscaTemplate t, SourceDocument source) {
    if (source != null && source.template().equals(t)) {
      return YamlEmitter.serialize(source.root());
    }
    return YamlEmitter.serialize(YamlEmitter.toNode(new TemplateWriter(source).template(t), false));
  }

  /** Puts {@code key} into {@code m}: as parsed if unchanged, else built; omitted if built empty or null. */
  private void put(Map<String, Object> m, String key, String path, Object now, Supplier<Object> then,
      Supplier<Object> build) {
    if (src != null) {
      NodeTuple t = src.entry(path, now, then.get());
      if (t != null) {
        m.put(key, new YamlEmitter.Reused(t));
        return;
      }
    }
    Object v = build.get();
    if (v != null && !(v instanceof Map<?, ?> x && x.isEmpty()) && !(v instanceof List<?> l && l.isEmpty())) {
      m.put(key, v);
    }
  }

  private Object item(String path, Object now, Supplier<Object> then, Supplier<Object> build) {
    Node n = src == null ? null : src.item(path, now, then.get());
    return n != null ? n : build.get();
  }

  private Map<String, Object> template(ToscaTemplate t) {
    Map<String, Object> m = new LinkedHashMap<>();
    put(m, "tosca_definitions_version", "tosca_definitions_version", t.definitionsVersion(),
        () -> was.definitionsVersion(), t::definitionsVersion);
    put(m, "imports", "imports", t.imports(), () -> was.imports(), t::imports);
    put(m, "description", "description", t.description(), () -> was.description(), () -> t.description().orElse(null));
    put(m, "metadata", "metadata", t.metadata(), () -> was.metadata(), t::metadata);
    t.extras().forEach((k, v) -> put(m, k, k, v, () -> was.extras().get(k), () -> v));
    put(m, TOPO, TOPO, topologyOf(t), () -> topologyOf(was), () -> topology(t));
    return m;
  }

  private static List<Object> topologyOf(ToscaTemplate t) {
    return List.of(t.inputs(), t.nodeTemplates(), t.policies(), t.outputs(), t.topologyExtras());
  }

  private Map<String, Object> topology(ToscaTemplate t) {
    Map<String, Object> topo = new LinkedHashMap<>();
    Object desc = t.topologyExtras().get("description");
    if (desc != null) {
      put(topo, "description", TOPO + ".description", desc, () -> was.topologyExtras().get("description"),
          () -> desc);
    }
    String ip = TOPO + ".inputs";
    put(topo, "inputs", ip, t.inputs(), () -> was.inputs(), () -> {
      Map<String, Object> inputs = new LinkedHashMap<>();
      t.inputs().forEach((k, v) -> put(inputs, k, ip + "." + k, v, () -> was.inputs().get(k), () -> input(v)));
      return inputs;
    });
    String np = TOPO + ".node_templates";
    put(topo, "node_templates", np, t.nodeTemplates(), () -> was.nodeTemplates(), () -> {
      Map<String, Object> nodes = new LinkedHashMap<>();
      t.nodeTemplates().forEach((k, v) -> put(nodes, k, np + "." + k, v, () -> was.nodeTemplates().get(k),
          () -> node(v, np + "." + k, was == null ? null : was.nodeTemplates().get(k))));
      return nodes;
    });
    t.topologyExtras().forEach((k, v) -> {
      if (!topo.containsKey(k)) {
        put(topo, k, TOPO + "." + k, v, () -> was.topologyExtras().get(k), () -> v);
      }
    });
    String pp = TOPO + ".policies";
    put(topo, "policies", pp, t.policies(), () -> was.policies(), () -> {
      List<Object> policies = new ArrayList<>();
      for (int i = 0; i < t.policies().size(); i++) {
        ToscaPolicy p = t.policies().get(i);
        int at = i;
        policies.add(item(pp + "[" + i + "]", p, () -> at < was.policies().size() ? was.policies().get(at) : null,
            () -> Map.of(p.name(), policy(p))));
      }
      return policies;
    });
    String op = TOPO + ".outputs";
    put(topo, "outputs", op, t.outputs(), () -> was.outputs(), () -> {
      Map<String, Object> outputs = new LinkedHashMap<>();
      t.outputs().forEach((k, v) -> put(outputs, k, op + "." + k, v, () -> was.outputs().get(k), () -> output(v)));
      return outputs;
    });
    return topo;
  }

  private static Object input(ToscaInput in) {
    if (in.isBareValue()) {
      return in.defaultValue().orElse(null);
    }
    Map<String, Object> m = new LinkedHashMap<>();
    putIf(m, "type", in.type());
    putIf(m, "description", in.description().orElse(null));
    if (in.hasDefault()) {
      m.put("default", in.defaultValue().orElse(null));
    }
    if (!in.constraints().isEmpty()) {
      List<Object> cs = new ArrayList<>();
      for (ToscaConstraint c : in.constraints()) {
        Map<String, Object> one = new LinkedHashMap<>();
        one.put(c.operator(), c.argument());
        cs.add(one);
      }
      m.put("constraints", cs);
    }
    m.putAll(in.extras());
    return m;
  }

  private Map<String, Object> node(NodeTemplate n, String path, NodeTemplate old) {
    Map<String, Object> m = new LinkedHashMap<>();
    boolean same = src != null && old != null;
    putIf(m, "type", n.type());
    n.extras().forEach((k, v) -> put(m, k, path + "." + k, v, () -> same ? old.extras().get(k) : null, () -> v));
    put(m, "properties", path + ".properties", n.properties(), () -> same ? old.properties() : null,
        n::properties);
    put(m, "capabilities", path + ".capabilities", n.capabilities(), () -> same ? old.capabilities() : null, () -> {
      Map<String, Object> caps = new LinkedHashMap<>();
      n.capabilities().forEach((k, v) -> put(caps, k, path + ".capabilities." + k, v,
          () -> same ? old.capabilities().get(k) : null, () -> capability(v)));
      return caps;
    });
    put(m, "requirements", path + ".requirements", n.requirements(), () -> same ? old.requirements() : null, () -> {
      List<Object> reqs = new ArrayList<>();
      for (int i = 0; i < n.requirements().size(); i++) {
        Requirement r = n.requirements().get(i);
        int at = i;
        reqs.add(item(path + ".requirements[" + i + "]", r,
            () -> same && at < old.requirements().size() ? old.requirements().get(at) : null, () -> {
              Map<String, Object> one = new LinkedHashMap<>();
              one.put(r.name(), r.isShortForm() ? r.node() : requirement(r));
              return one;
            }));
      }
      return reqs;
    });
    put(m, "artifacts", path + ".artifacts", n.artifacts(), () -> same ? old.artifacts() : null, () -> {
      Map<String, Object> arts = new LinkedHashMap<>();
      n.artifacts().forEach((k, v) -> put(arts, k, path + ".artifacts." + k, v,
          () -> same ? old.artifacts().get(k) : null, () -> v.isShortForm() ? v.file() : artifact(v)));
      return arts;
    });
    put(m, "interfaces", path + ".interfaces", n.interfaces(), () -> same ? old.interfaces() : null, () -> {
      Map<String, Object> ifs = new LinkedHashMap<>();
      n.interfaces().forEach((k, v) -> put(ifs, k, path + ".interfaces." + k, v,
          () -> same ? old.interfaces().get(k) : null, () -> nodeInterface(v)));
      return ifs;
    });
    return m;
  }

  private static Map<String, Object> capability(Capability c) {
    Map<String, Object> m = new LinkedHashMap<>();
    // tosca-parser fails on a capability without 'properties' (KeyError), so an empty one keeps the key.
    if (!c.properties().isEmpty() || c.extras().isEmpty()) {
      m.put("properties", c.properties());
    }
    m.putAll(c.extras());
    return m;
  }

  private static Map<String, Object> requirement(Requirement r) {
    Map<String, Object> m = new LinkedHashMap<>();
    putIf(m, "node", r.node());
    putIf(m, "capability", r.capability());
    if (r.relationship() != null) {
      Relationship rel = r.relationship();
      if (rel.properties().isEmpty() && rel.extras().isEmpty() && rel.type() != null) {
        m.put("relationship", rel.type());
      } else {
        Map<String, Object> rm = new LinkedHashMap<>();
        putIf(rm, "type", rel.type());
        if (!rel.properties().isEmpty()) {
          rm.put("properties", rel.properties());
        }
        rm.putAll(rel.extras());
        m.put("relationship", rm);
      }
    }
    m.putAll(r.extras());
    return m;
  }

  private static Map<String, Object> artifact(Artifact a) {
    Map<String, Object> m = new LinkedHashMap<>();
    putIf(m, "file", a.file());
    putIf(m, "type", a.type());
    m.putAll(a.extras());
    return m;
  }

  private static Map<String, Object> nodeInterface(NodeInterface i) {
    Map<String, Object> m = new LinkedHashMap<>(i.extras());
    i.operations().forEach((k, op) -> m.put(k, op.isShortForm() ? op.implementation() : operation(op)));
    return m;
  }

  private static Map<String, Object> operation(Operation op) {
    Map<String, Object> m = new LinkedHashMap<>();
    putIf(m, "implementation", op.implementation());
    if (!op.inputs().isEmpty()) {
      m.put("inputs", op.inputs());
    }
    op.extras().forEach(m::putIfAbsent);
    return m;
  }

  private static Map<String, Object> policy(ToscaPolicy p) {
    Map<String, Object> m = new LinkedHashMap<>();
    putIf(m, "type", p.type());
    if (!p.properties().isEmpty()) {
      m.put("properties", p.properties());
    }
    if (!p.targets().isEmpty()) {
      m.put("targets", p.targets());
    }
    m.putAll(p.extras());
    return m;
  }

  private static Map<String, Object> output(ToscaOutput o) {
    Map<String, Object> m = new LinkedHashMap<>();
    putIf(m, "description", o.description());
    m.put("value", o.value());
    m.putAll(o.extras());
    return m;
  }

  private static void putIf(Map<String, Object> m, String key, Object value) {
    if (value != null) {
      m.put(key, value);
    }
  }
}
