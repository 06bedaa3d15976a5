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
import io.github.imsdk.tosca.ToscaParseException;
import io.github.imsdk.tosca.ToscaPolicy;
import io.github.imsdk.tosca.ToscaTemplate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.error.Mark;

/** Turns the plain values of a parsed YAML document into the TOSCA model, keeping every key it does not name. */
public final class TemplateReader {

  private final YamlTree.Parsed parsed;

  private TemplateReader(YamlTree.Parsed parsed) {
    this.parsed = parsed;
  }

  /** A parsed template and where its entries are in the text. */
  public record Result(ToscaTemplate template, SourcePositions positions, SourceDocument source) {}

  /**
   * Parses YAML text into a template.
   *
   * @throws ToscaParseException on malformed YAML, duplicate keys or sections of the wrong shape
   */
  public static Result read(String text) {
    YamlTree.Parsed parsed = YamlTree.parse(text);
    ToscaTemplate t = new TemplateReader(parsed).template(parsed.root());
    return new Result(t, new SourcePositions(parsed.sources()), new SourceDocument(t, parsed));
  }

  private ToscaTemplate template(Object root) {
    Map<String, Object> top = map(root, "", "a TOSCA template");
    ToscaTemplate.Builder b = ToscaTemplate.builder().definitionsVersion(null);
    for (Map.Entry<String, Object> e : top.entrySet()) {
      String k = e.getKey();
      Object v = e.getValue();
      switch (k) {
        case "tosca_definitions_version" -> b.definitionsVersion(string(v, k));
        case "imports" -> list(v, k).forEach(b::importEntry);
        case "description" -> b.description(string(v, k));
        case "metadata" -> map(v, k, "metadata").forEach(b::metadata);
        case "topology_template" -> topology(b, map(v, k, "topology_template"));
        default -> b.extra(k, v);
      }
    }
    return b.build();
  }

  private void topology(ToscaTemplate.Builder b, Map<String, Object> topo) {
    String base = "topology_template";
    for (Map.Entry<String, Object> e : topo.entrySet()) {
      String k = e.getKey();
      String p = base + "." + k;
      Object v = e.getValue();
      switch (k) {
        case "inputs" -> map(v, p, "inputs").forEach((name, def) -> b.input(name, input(def, p + "." + name)));
        case "node_templates" -> map(v, p, "node_templates").forEach((name, def) ->
            b.nodeTemplate(node(name, def, p + "." + name)));
        case "outputs" -> map(v, p, "outputs").forEach((name, def) -> b.output(name, output(def, p + "." + name)));
        case "policies" -> policies(b, v, p);
        default -> b.topologyExtra(k, v);
      }
    }
  }

  private ToscaInput input(Object def, String path) {
    if (!(def instanceof Map<?, ?>) || def instanceof ToscaFunction) {
      // Template repositories give inputs as bare values ('num_cpus: 16'); the IM takes the value as the default.
      return ToscaInput.bareValue(def);
    }
    Map<String, Object> m = map(def, path, "an input definition");
    ToscaInput.Builder b = ToscaInput.builder(null);
    for (Map.Entry<String, Object> e : m.entrySet()) {
      String p = path + "." + e.getKey();
      switch (e.getKey()) {
        case "type" -> b.type(string(e.getValue(), p));
        case "description" -> b.description(string(e.getValue(), p));
        case "default" -> b.defaultValue(e.getValue());
        case "constraints" -> {
          List<Object> list = list(e.getValue(), p);
          for (int i = 0; i < list.size(); i++) {
            b.constraint(constraint(list.get(i), p + "[" + i + "]"));
          }
        }
        default -> b.extra(e.getKey(), e.getValue());
      }
    }
    return b.build();
  }

  private ToscaConstraint constraint(Object o, String path) {
    Map<String, Object> m = map(o, path, "a constraint");
    if (m.size() != 1) {
      throw shape(path, "a constraint must be a one-entry mapping such as 'valid_values: [...]', got " + m.keySet());
    }
    Map.Entry<String, Object> e = m.entrySet().iterator().next();
    return new ToscaConstraint(e.getKey(), e.getValue());
  }

  private NodeTemplate node(String name, Object def, String path) {
    Map<String, Object> m = map(def, path, "a node template");
    if (name.isBlank()) {
      throw shape(path, "a node template needs a non-blank name");
    }
    NodeTemplate.Builder b = NodeTemplate.builder(name, null);
    for (Map.Entry<String, Object> e : m.entrySet()) {
      String k = e.getKey();
      String p = path + "." + k;
      Object v = e.getValue();
      switch (k) {
        case "type" -> b.type(string(v, p));
        case "properties" -> map(v, p, "properties").forEach(b::property);
        case "capabilities" -> map(v, p, "capabilities").forEach((c, cv) -> b.capability(c, capability(cv,
            p + "." + c)));
        case "requirements" -> {
          List<Object> list = list(v, p);
          for (int i = 0; i < list.size(); i++) {
            b.requirement(requirement(list.get(i), p + "[" + i + "]"));
          }
        }
        case "artifacts" -> map(v, p, "artifacts").forEach((a, av) -> b.artifact(a, artifact(av, p + "." + a)));
        case "interfaces" -> map(v, p, "interfaces").forEach((i, iv) -> b.nodeInterface(i,
            nodeInterface(iv, p + "." + i)));
        default -> b.extra(k, v);
      }
    }
    return b.build();
  }

  private Capability capability(Object o, String path) {
    Map<String, Object> m = map(o, path, "a capability");
    Map<String, Object> props = Map.of();
    Map<String, Object> extras = new LinkedHashMap<>();
    for (Map.Entry<String, Object> e : m.entrySet()) {
      if (e.getKey().equals("properties")) {
        props = map(e.getValue(), path + ".properties", "properties");
      } else {
        extras.put(e.getKey(), e.getValue());
      }
    }
    return new Capability(props, extras);
  }

  private Requirement requirement(Object o, String path) {
    Map<String, Object> m = map(o, path, "a requirement");
    if (m.size() != 1) {
      throw shape(path, "a requirement must be a one-entry mapping such as '- host: vm', got " + m.keySet());
    }
    Map.Entry<String, Object> e = m.entrySet().iterator().next();
    String name = e.getKey();
    String p = path + "." + name;
    if (e.getValue() instanceof String node) {
      return Requirement.of(name, node);
    }
    Map<String, Object> def = map(e.getValue(), p, "a requirement assignment");
    String node = null;
    String capability = null;
    Relationship relationship = null;
    Map<String, Object> extras = new LinkedHashMap<>();
    for (Map.Entry<String, Object> x : def.entrySet()) {
      String xp = p + "." + x.getKey();
      switch (x.getKey()) {
        case "node" -> node = string(x.getValue(), xp);
        case "capability" -> capability = string(x.getValue(), xp);
        case "relationship" -> relationship = relationship(x.getValue(), xp);
        default -> extras.put(x.getKey(), x.getValue());
      }
    }
    return new Requirement(name, node, capability, relationship, extras);
  }

  private Relationship relationship(Object o, String path) {
    if (o instanceof String type) {
      return new Relationship(type, Map.of(), Map.of());
    }
    Map<String, Object> m = map(o, path, "a relationship");
    String type = null;
    Map<String, Object> props = Map.of();
    Map<String, Object> extras = new LinkedHashMap<>();
    for (Map.Entry<String, Object> e : m.entrySet()) {
      switch (e.getKey()) {
        case "type" -> type = string(e.getValue(), path + ".type");
        case "properties" -> props = map(e.getValue(), path + ".properties", "properties");
        default -> extras.put(e.getKey(), e.getValue());
      }
    }
    return new Relationship(type, props, extras);
  }

  private Artifact artifact(Object o, String path) {
    if (o instanceof String file) {
      return new Artifact(file, null, Map.of());
    }
    Map<String, Object> m = map(o, path, "an artifact");
    String file = null;
    String type = null;
    Map<String, Object> extras = new LinkedHashMap<>();
    for (Map.Entry<String, Object> e : m.entrySet()) {
      switch (e.getKey()) {
        case "file" -> {
          // A function ('file: { get_input: image }', Kubernetes apps) has no place in the typed field: kept as is.
          if (e.getValue() instanceof String f) {
            file = f;
          } else {
            extras.put("file", e.getValue());
          }
        }
        case "type" -> type = string(e.getValue(), path + ".type");
        default -> extras.put(e.getKey(), e.getValue());
      }
    }
    return new Artifact(file, type, extras);
  }

  private NodeInterface nodeInterface(Object o, String path) {
    Map<String, Object> m = map(o, path, "an interface");
    Map<String, Operation> ops = new LinkedHashMap<>();
    Map<String, Object> extras = new LinkedHashMap<>();
    for (Map.Entry<String, Object> e : m.entrySet()) {
      if (NodeInterface.NON_OPERATION_KEYS.contains(e.getKey())) {
        extras.put(e.getKey(), e.getValue());
      } else {
        ops.put(e.getKey(), operation(e.getValue(), path + "." + e.getKey()));
      }
    }
    return new NodeInterface(ops, extras);
  }

  private Operation operation(Object o, String path) {
    if (o instanceof String impl) {
      return new Operation(impl, Map.of(), Map.of());
    }
    Map<String, Object> m = map(o, path, "an operation");
    String impl = null;
    Map<String, Object> inputs = Map.of();
    Map<String, Object> extras = new LinkedHashMap<>();
    for (Map.Entry<String, Object> e : m.entrySet()) {
      if (e.getKey().equals("implementation") && e.getValue() instanceof String s) {
        impl = s;
      } else if (e.getKey().equals("inputs")) {
        inputs = map(e.getValue(), path + ".inputs", "inputs");
      } else {
        extras.put(e.getKey(), e.getValue());
      }
    }
    return new Operation(impl, inputs, extras);
  }

  private ToscaOutput output(Object o, String path) {
    Map<String, Object> m = map(o, path, "an output definition");
    Object value = null;
    String description = null;
    Map<String, Object> extras = new LinkedHashMap<>();
    for (Map.Entry<String, Object> e : m.entrySet()) {
      switch (e.getKey()) {
        case "value" -> value = e.getValue();
        case "description" -> description = string(e.getValue(), path + ".description");
        default -> extras.put(e.getKey(), e.getValue());
      }
    }
    return new ToscaOutput(value, description, extras);
  }

  private void policies(ToscaTemplate.Builder b, Object v, String path) {
    List<Object> list = list(v, path);
    for (int i = 0; i < list.size(); i++) {
      String p = path + "[" + i + "]";
      Map<String, Object> one = map(list.get(i), p, "a policy");
      if (one.size() != 1) {
        throw shape(p, "a policy must be a one-entry mapping '- name: {type: ...}', got " + one.keySet());
      }
      Map.Entry<String, Object> e = one.entrySet().iterator().next();
      String pp = p + "." + e.getKey();
      Map<String, Object> def = map(e.getValue(), pp, "a policy definition");
      String type = null;
      List<String> targets = new ArrayList<>();
      Map<String, Object> props = Map.of();
      Map<String, Object> extras = new LinkedHashMap<>();
      for (Map.Entry<String, Object> x : def.entrySet()) {
        String xp = pp + "." + x.getKey();
        switch (x.getKey()) {
          case "type" -> type = string(x.getValue(), xp);
          case "targets" -> {
            List<Object> t = list(x.getValue(), xp);
            for (int j = 0; j < t.size(); j++) {
              targets.add(string(t.get(j), xp + "[" + j + "]"));
            }
          }
          case "properties" -> props = map(x.getValue(), xp, "properties");
          default -> extras.put(x.getKey(), x.getValue());
        }
      }
      b.policy(new ToscaPolicy(e.getKey(), type, targets, props, extras));
    }
  }

  @SuppressWarnings("unchecked")
  private Map<String, Object> map(Object o, String path, String what) {
    if (o == null) {
      return Map.of();
    }
    if (o instanceof Map<?, ?> m) {
      return (Map<String, Object>) m;
    }
    throw shape(path, what + " must be a mapping, got " + describe(o));
  }

  @SuppressWarnings("unchecked")
  private List<Object> list(Object o, String path) {
    if (o == null) {
      return List.of();
    }
    if (o instanceof List<?> l) {
      return (List<Object>) l;
    }
    throw shape(path, "must be a list, got " + describe(o));
  }

  private String string(Object o, String path) {
    if (o == null || o instanceof String) {
      return (String) o;
    }
    if (o instanceof Number || o instanceof Boolean) {
      throw shape(path, "must be a string, got the " + describe(o) + " (quote it)");
    }
    throw shape(path, "must be a string, got " + describe(o));
  }

  private static String describe(Object o) {
    if (o instanceof Map<?, ?>) {
      return "a mapping";
    }
    if (o instanceof List<?>) {
      return "a list";
    }
    if (o instanceof String s) {
      return "the string '" + s + "'";
    }
    return (o instanceof Number ? "number " : o instanceof Boolean ? "boolean " : "") + o;
  }

  private ToscaParseException shape(String path, String message) {
    Mark m = parsed.mark(path);
    return new ToscaParseException(message, m == null ? 0 : m.getLine() + 1, m == null ? 0 : m.getColumn() + 1,
        path, null);
  }
}
