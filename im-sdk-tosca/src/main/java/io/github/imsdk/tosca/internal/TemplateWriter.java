package io.github.imsdk.tosca.internal;

import io.github.imsdk.tosca.Artifact;
import io.github.imsdk.tosca.Capability;
import io.github.imsdk.tosca.NodeInterface;
import io.github.imsdk.tosca.NodeTemplate;
import io.github.imsdk.tosca.Operation;
import io.github.imsdk.tosca.Relationship;
import io.github.imsdk.tosca.Requirement;
import io.github.imsdk.tosca.ToscaConstraint;
import io.github.imsdk.tosca.ToscaFunction;
import io.github.imsdk.tosca.ToscaInput;
import io.github.imsdk.tosca.ToscaOutput;
import io.github.imsdk.tosca.ToscaPolicy;
import io.github.imsdk.tosca.ToscaTemplate;
import java.io.StringWriter;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Writes the model as YAML: keys in the order people write TOSCA, unknown keys after the known ones, multi-line
 * strings as block literals, functions and short scalar lists in flow form.
 *
 * <p>The writer builds SnakeYAML nodes with explicit styles and lets SnakeYAML's emitter quote scalars, so a string
 * such as {@code "510"} or {@code "yes"} is quoted and reads back as a string.
 */
public final class TemplateWriter {

  private TemplateWriter() {}

  /** Returns the template as YAML text. */
  public static String write(ToscaTemplate t) {
    Node root = toNode(toTree(t), false);
    DumperOptions o = new DumperOptions();
    o.setIndent(2);
    o.setIndicatorIndent(2);
    o.setIndentWithIndicator(true);
    o.setWidth(Integer.MAX_VALUE);
    o.setSplitLines(false);
    o.setLineBreak(DumperOptions.LineBreak.UNIX);
    StringWriter out = new StringWriter();
    new Yaml(o).serialize(root, out);
    return out.toString();
  }

  /** Returns the template as ordered plain values (maps, lists, scalars, functions), as it will be written. */
  public static Map<String, Object> toTree(ToscaTemplate t) {
    Map<String, Object> m = new LinkedHashMap<>();
    putIf(m, "tosca_definitions_version", t.definitionsVersion());
    if (!t.imports().isEmpty()) {
      m.put("imports", t.imports());
    }
    putIf(m, "description", t.description().orElse(null));
    if (!t.metadata().isEmpty()) {
      m.put("metadata", t.metadata());
    }
    m.putAll(t.extras());
    Map<String, Object> topo = new LinkedHashMap<>();
    if (t.topologyExtras().containsKey("description")) {
      topo.put("description", t.topologyExtras().get("description"));
    }
    if (!t.inputs().isEmpty()) {
      Map<String, Object> inputs = new LinkedHashMap<>();
      t.inputs().forEach((k, v) -> inputs.put(k, input(v)));
      topo.put("inputs", inputs);
    }
    if (!t.nodeTemplates().isEmpty()) {
      Map<String, Object> nodes = new LinkedHashMap<>();
      t.nodeTemplates().forEach((k, v) -> nodes.put(k, node(v)));
      topo.put("node_templates", nodes);
    }
    t.topologyExtras().forEach(topo::putIfAbsent);
    if (!t.policies().isEmpty()) {
      List<Object> policies = new ArrayList<>();
      for (ToscaPolicy p : t.policies()) {
        policies.add(Map.of(p.name(), policy(p)));
      }
      topo.put("policies", policies);
    }
    if (!t.outputs().isEmpty()) {
      Map<String, Object> outputs = new LinkedHashMap<>();
      t.outputs().forEach((k, v) -> outputs.put(k, output(v)));
      topo.put("outputs", outputs);
    }
    if (!topo.isEmpty() || !m.containsKey("topology_template")) {
      m.put("topology_template", topo);
    }
    return m;
  }

  private static Map<String, Object> input(ToscaInput in) {
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

  private static Map<String, Object> node(NodeTemplate n) {
    Map<String, Object> m = new LinkedHashMap<>();
    putIf(m, "type", n.type());
    m.putAll(n.extras());
    if (!n.properties().isEmpty()) {
      m.put("properties", n.properties());
    }
    if (!n.capabilities().isEmpty()) {
      Map<String, Object> caps = new LinkedHashMap<>();
      n.capabilities().forEach((k, v) -> caps.put(k, capability(v)));
      m.put("capabilities", caps);
    }
    if (!n.requirements().isEmpty()) {
      List<Object> reqs = new ArrayList<>();
      for (Requirement r : n.requirements()) {
        Map<String, Object> one = new LinkedHashMap<>();
        one.put(r.name(), r.isShortForm() ? r.node() : requirement(r));
        reqs.add(one);
      }
      m.put("requirements", reqs);
    }
    if (!n.artifacts().isEmpty()) {
      Map<String, Object> arts = new LinkedHashMap<>();
      n.artifacts().forEach((k, v) -> arts.put(k, v.isShortForm() ? v.file() : artifact(v)));
      m.put("artifacts", arts);
    }
    if (!n.interfaces().isEmpty()) {
      Map<String, Object> ifs = new LinkedHashMap<>();
      n.interfaces().forEach((k, v) -> ifs.put(k, nodeInterface(v)));
      m.put("interfaces", ifs);
    }
    return m;
  }

  private static Map<String, Object> capability(Capability c) {
    Map<String, Object> m = new LinkedHashMap<>();
    if (!c.properties().isEmpty()) {
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

  /** Converts a plain value into a SnakeYAML node with the style this writer uses. */
  public static Node toNode(Object v, boolean flow) {
    if (v instanceof ToscaFunction f) {
      List<NodeTuple> one = List.of(new NodeTuple(scalar(f.keyword(), true), toNode(f.arguments(), true)));
      return new MappingNode(Tag.MAP, one, DumperOptions.FlowStyle.FLOW);
    }
    if (v instanceof Map<?, ?> m) {
      List<NodeTuple> tuples = new ArrayList<>(m.size());
      for (Map.Entry<?, ?> e : m.entrySet()) {
        tuples.add(new NodeTuple(scalar(String.valueOf(e.getKey()), flow), toNode(e.getValue(), flow)));
      }
      boolean asFlow = flow || m.isEmpty();
      return new MappingNode(Tag.MAP, tuples, asFlow ? DumperOptions.FlowStyle.FLOW : DumperOptions.FlowStyle.BLOCK);
    }
    if (v instanceof List<?> l) {
      boolean asFlow = flow || l.isEmpty() || allShortScalars(l);
      List<Node> items = new ArrayList<>(l.size());
      for (Object o : l) {
        items.add(toNode(o, asFlow));
      }
      return new SequenceNode(Tag.SEQ, items, asFlow ? DumperOptions.FlowStyle.FLOW : DumperOptions.FlowStyle.BLOCK);
    }
    if (v instanceof String s) {
      return scalar(s, flow);
    }
    if (v == null) {
      return new ScalarNode(Tag.NULL, "null", null, null, DumperOptions.ScalarStyle.PLAIN);
    }
    if (v instanceof Boolean b) {
      return new ScalarNode(Tag.BOOL, b.toString(), null, null, DumperOptions.ScalarStyle.PLAIN);
    }
    if (v instanceof Integer || v instanceof Long || v instanceof BigInteger) {
      return new ScalarNode(Tag.INT, v.toString(), null, null, DumperOptions.ScalarStyle.PLAIN);
    }
    if (v instanceof Double d) {
      String text;
      if (d.isNaN()) {
        text = ".NaN";
      } else if (d.isInfinite()) {
        text = d > 0 ? ".inf" : "-.inf";
      } else {
        text = d.toString();
      }
      return new ScalarNode(Tag.FLOAT, text, null, null, DumperOptions.ScalarStyle.PLAIN);
    }
    return scalar(String.valueOf(v), flow);
  }

  private static ScalarNode scalar(String s, boolean flow) {
    DumperOptions.ScalarStyle style = DumperOptions.ScalarStyle.PLAIN;
    if (s.indexOf('\n') >= 0) {
      style = flow ? DumperOptions.ScalarStyle.DOUBLE_QUOTED : DumperOptions.ScalarStyle.LITERAL;
    }
    return new ScalarNode(Tag.STR, s, null, null, style);
  }

  private static boolean allShortScalars(List<?> l) {
    for (Object o : l) {
      if (o instanceof String s) {
        if (s.indexOf('\n') >= 0 || s.length() > 60) {
          return false;
        }
      } else if (o instanceof Map<?, ?> || o instanceof List<?> || o instanceof ToscaFunction) {
        return false;
      }
    }
    return true;
  }
}
