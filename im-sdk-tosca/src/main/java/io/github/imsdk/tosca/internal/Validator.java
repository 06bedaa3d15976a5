package io.github.imsdk.tosca.internal;

import io.github.imsdk.tosca.Capability;
import io.github.imsdk.tosca.NodeInterface;
import io.github.imsdk.tosca.NodeTemplate;
import io.github.imsdk.tosca.NodeTypes;
import io.github.imsdk.tosca.Operation;
import io.github.imsdk.tosca.Requirement;
import io.github.imsdk.tosca.ScalarUnit;
import io.github.imsdk.tosca.ToscaConstraint;
import io.github.imsdk.tosca.ToscaFunction;
import io.github.imsdk.tosca.ToscaInput;
import io.github.imsdk.tosca.ToscaOutput;
import io.github.imsdk.tosca.ToscaPolicy;
import io.github.imsdk.tosca.ToscaProblem;
import io.github.imsdk.tosca.ToscaTemplate;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/** The checks behind {@link ToscaTemplate#validate()}; each problem carries the dotted path of the value. */
public final class Validator {

  /** TOSCA's primitive and collection types that an input may have. */
  private static final Set<String> KNOWN_TYPES = Set.of("integer", "float", "boolean", "string", "list", "map",
      "scalar-unit.size", "scalar-unit.time", "scalar-unit.frequency", "version", "timestamp", "range", "null");

  /** Versions tosca-parser (the IM's reader) knows: the simple profile and its NFV extension. */
  private static final Set<String> VERSIONS = Set.of("tosca_simple_yaml_1_0", "tosca_simple_yaml_1_1",
      "tosca_simple_yaml_1_2", "tosca_simple_yaml_1_3", "tosca_simple_profile_for_nfv_1_0_0");

  private static final Set<String> PROTOCOLS = Set.of("tcp", "udp", "icmp");

  private final ToscaTemplate template;
  private final List<ToscaProblem> problems = new ArrayList<>();
  private final Set<String> groups = new HashSet<>();

  private Validator(ToscaTemplate template) {
    this.template = template;
    if (template.topologyExtras().get("groups") instanceof Map<?, ?> g) {
      g.keySet().forEach(k -> groups.add(String.valueOf(k)));
    }
  }

  /** Returns every problem of the template, in template order. */
  public static List<ToscaProblem> validate(ToscaTemplate template) {
    Validator v = new Validator(template);
    v.run();
    return List.copyOf(v.problems);
  }

  /** Returns the path of an input definition. */
  public static String inputPath(String name) {
    return "topology_template.inputs." + name;
  }

  /** Returns the path of a node template. */
  public static String nodePath(String name) {
    return "topology_template.node_templates." + name;
  }

  private void run() {
    if (template.definitionsVersion() == null) {
      problem("tosca_definitions_version", "missing; the IM expects e.g. tosca_simple_yaml_1_0");
    } else if (!VERSIONS.contains(template.definitionsVersion())) {
      problem("tosca_definitions_version", "'" + template.definitionsVersion() + "' is not a TOSCA version the IM"
          + " reads; expected one of " + new java.util.TreeSet<>(VERSIONS));
    }
    template.inputs().forEach(this::checkInput);
    template.nodeTemplates().values().forEach(this::checkNode);
    for (int i = 0; i < template.policies().size(); i++) {
      checkPolicy(template.policies().get(i));
    }
    template.outputs().forEach(this::checkOutput);
  }

  private void problem(String path, String message) {
    problems.add(new ToscaProblem(path, message));
  }

  // ---- inputs

  private void checkInput(String name, ToscaInput in) {
    String path = inputPath(name);
    String type = in.type();
    if (type == null) {
      problem(path + ".type", "an input needs a type (the IM's parser rejects inputs without one)");
    } else if (!KNOWN_TYPES.contains(type) && !type.contains(".")) {
      problem(path + ".type", "unknown type '" + type + "'; expected one of " + new java.util.TreeSet<>(KNOWN_TYPES)
          + " or a data type name");
    }
    Object def = in.defaultValue().orElse(null);
    boolean checkDefault = def != null && !(def instanceof ToscaFunction) && !isSpecialInput(def);
    if (checkDefault) {
      String why = typeProblem(type, def);
      if (why != null) {
        problem(path + ".default", why);
        checkDefault = false;
      }
    }
    for (int i = 0; i < in.constraints().size(); i++) {
      ToscaConstraint c = in.constraints().get(i);
      String cpath = path + ".constraints[" + i + "]";
      if (!checkConstraintShape(c, type, cpath)) {
        continue;
      }
      if (checkDefault) {
        String why = constraintProblem(c, type, def);
        if (why != null) {
          problem(path + ".default", why);
        }
      }
    }
    walk(def, path + ".default");
  }

  /** The IM replaces {@code random(N)} and {@code access_token()} defaults itself. */
  private static boolean isSpecialInput(Object def) {
    return def instanceof String s && (s.matches("random\\(\\d+\\)") || s.equals("access_token()"));
  }

  /** Returns null if {@code v} fits {@code type}, else why not. */
  static String typeProblem(String type, Object v) {
    if (type == null || v == null) {
      return null;
    }
    boolean ok;
    switch (type) {
      // tosca-parser (the IM's reader) converts "2" to an integer and "true"/"false" to booleans, so these
      // strings are accepted rather than reported.
      case "integer" -> ok = Values.isInteger(v) || (v instanceof String s && s.trim().matches("[-+]?\\d+"));
      case "float" -> ok = v instanceof Number
          || (v instanceof String s && s.trim().matches("[-+]?(\\d+\\.?\\d*|\\.\\d+)([eE][-+]?\\d+)?"));
      case "boolean" -> ok = v instanceof Boolean
          || (v instanceof String s && (s.equalsIgnoreCase("true") || s.equalsIgnoreCase("false")));
      case "string" -> ok = v instanceof String;
      case "list" -> ok = v instanceof List<?>;
      case "map" -> ok = v instanceof Map<?, ?>;
      case "version" -> ok = (v instanceof String s && s.matches("\\d+(\\.\\d+){0,2}([.-].+)?")) || v instanceof Number;
      case "range" -> ok = v instanceof List<?> l && l.size() == 2 && Values.isInteger(l.get(0))
          && (Values.isInteger(l.get(1)) || "UNBOUNDED".equals(l.get(1)));
      case "scalar-unit.size", "scalar-unit.time", "scalar-unit.frequency" -> {
        ScalarUnit.Kind kind = ScalarUnit.Kind.ofTypeName(type).orElseThrow();
        if (v instanceof String s && ScalarUnit.parse(s, kind).isPresent()) {
          return null;
        }
        return Values.show(v) + " is not a " + type + " (a number and a unit, e.g. " + example(kind) + ")";
      }
      default -> ok = true;
    }
    return ok ? null : Values.show(v) + " is not of type " + type;
  }

  private static String example(ScalarUnit.Kind kind) {
    return switch (kind) {
      case SIZE -> "'2 GB'";
      case TIME -> "'30 s'";
      case FREQUENCY -> "'2 GHz'";
    };
  }

  private boolean checkConstraintShape(ToscaConstraint c, String type, String path) {
    String op = c.operator();
    if (!ToscaConstraint.OPERATORS.contains(op)) {
      problem(path, "unknown constraint '" + op + "'; expected one of " + new java.util.TreeSet<>(ToscaConstraint.OPERATORS));
      return false;
    }
    Object arg = c.argument();
    String apath = path + "." + op;
    switch (op) {
      case "valid_values" -> {
        if (!(arg instanceof List<?> l)) {
          problem(apath, "valid_values needs a list");
          return false;
        }
        boolean ok = true;
        for (int i = 0; i < l.size(); i++) {
          String why = typeProblem(type, l.get(i));
          if (why != null) {
            problem(apath + "[" + i + "]", why);
            ok = false;
          }
        }
        return ok;
      }
      case "in_range" -> {
        if (!(arg instanceof List<?> l) || l.size() != 2) {
          problem(apath, "in_range needs a list of two bounds");
          return false;
        }
        boolean ok = true;
        for (int i = 0; i < 2; i++) {
          if ("UNBOUNDED".equals(l.get(i))) {
            continue;
          }
          String why = typeProblem(type, l.get(i));
          if (why != null) {
            problem(apath + "[" + i + "]", why);
            ok = false;
          }
        }
        return ok;
      }
      case "length", "min_length", "max_length" -> {
        if (!Values.isInteger(arg) || ((Number) arg).longValue() < 0) {
          problem(apath, op + " needs a non-negative integer");
          return false;
        }
        return true;
      }
      case "pattern" -> {
        if (!(arg instanceof String s)) {
          problem(apath, "pattern needs a regular expression string");
          return false;
        }
        try {
          Pattern.compile(s);
        } catch (PatternSyntaxException e) {
          problem(apath, "not a valid regular expression: " + e.getDescription());
          return false;
        }
        return true;
      }
      default -> {
        String why = typeProblem(type, arg);
        if (why != null) {
          problem(apath, why);
          return false;
        }
        return true;
      }
    }
  }

  /** Returns null if {@code v} satisfies {@code c}, else why not. Assumes shapes were checked. */
  static String constraintProblem(ToscaConstraint c, String type, Object v) {
    Object arg = c.argument();
    boolean ok;
    switch (c.operator()) {
      case "equal" -> ok = compare(type, v, arg) == 0;
      case "greater_than" -> ok = compare(type, v, arg) > 0;
      case "greater_or_equal" -> ok = compare(type, v, arg) >= 0;
      case "less_than" -> ok = compare(type, v, arg) < 0;
      case "less_or_equal" -> ok = compare(type, v, arg) <= 0;
      case "in_range" -> {
        List<?> l = (List<?>) arg;
        ok = ("UNBOUNDED".equals(l.get(0)) || compare(type, v, l.get(0)) >= 0)
            && ("UNBOUNDED".equals(l.get(1)) || compare(type, v, l.get(1)) <= 0);
      }
      case "valid_values" -> {
        ok = false;
        for (Object o : (List<?>) arg) {
          if (compare(type, v, o) == 0) {
            ok = true;
            break;
          }
        }
      }
      case "length" -> ok = length(v) == ((Number) arg).longValue();
      case "min_length" -> ok = length(v) >= ((Number) arg).longValue();
      case "max_length" -> ok = length(v) >= 0 && length(v) <= ((Number) arg).longValue();
      case "pattern" -> ok = v instanceof String s && Pattern.compile((String) arg).matcher(s).matches();
      default -> ok = true;
    }
    if (ok) {
      return null;
    }
    // Length and pattern rules guard passwords and keys: describe the value instead of echoing it.
    boolean hide = v instanceof String && Set.of("length", "min_length", "max_length", "pattern").contains(
        c.operator());
    String shown = hide ? "the value (" + length(v) + " characters)" : Values.show(v);
    return shown + " does not satisfy " + c.operator() + ": " + showArg(arg);
  }

  private static String showArg(Object arg) {
    if (arg instanceof List<?> l) {
      List<String> shown = new ArrayList<>();
      l.forEach(o -> shown.add(Values.show(o)));
      return "[" + String.join(", ", shown) + "]";
    }
    return Values.show(arg);
  }

  private static long length(Object v) {
    if (v instanceof String s) {
      return s.codePointCount(0, s.length());
    }
    if (v instanceof List<?> l) {
      return l.size();
    }
    if (v instanceof Map<?, ?> m) {
      return m.size();
    }
    return -1;
  }

  /** Compares two values of a type; values that cannot be compared give a non-zero, non-matching result. */
  private static int compare(String type, Object a, Object b) {
    Optional<ScalarUnit.Kind> kind = ScalarUnit.Kind.ofTypeName(type == null ? "" : type);
    if (kind.isPresent()) {
      Optional<ScalarUnit> x = a instanceof String s ? ScalarUnit.parse(s, kind.get()) : Optional.empty();
      Optional<ScalarUnit> y = b instanceof String s ? ScalarUnit.parse(s, kind.get()) : Optional.empty();
      if (x.isPresent() && y.isPresent()) {
        return x.get().compareAmount(y.get());
      }
      return Integer.MIN_VALUE;
    }
    if ("integer".equals(type) || "float".equals(type)) {
      BigDecimal x = number(a);
      BigDecimal y = number(b);
      if (x != null && y != null) {
        return x.compareTo(y);
      }
    }
    if (a instanceof Number x && b instanceof Number y) {
      return decimal(x).compareTo(decimal(y));
    }
    if (a instanceof String x && b instanceof String y) {
      return Integer.signum(x.compareTo(y));
    }
    return a.equals(b) ? 0 : Integer.MIN_VALUE;
  }

  /** Returns a number, or a numeric string as tosca-parser would convert it, as a decimal; else null. */
  private static BigDecimal number(Object o) {
    if (o instanceof Number n) {
      return decimal(n);
    }
    if (o instanceof String s) {
      try {
        return new BigDecimal(s.trim());
      } catch (NumberFormatException e) {
        return null;
      }
    }
    return null;
  }

  private static BigDecimal decimal(Number n) {
    if (n instanceof BigInteger b) {
      return new BigDecimal(b);
    }
    if (n instanceof Double d) {
      return BigDecimal.valueOf(d);
    }
    return BigDecimal.valueOf(n.longValue());
  }

  // ---- nodes

  private void checkNode(NodeTemplate n) {
    String path = nodePath(n.name());
    if (n.type() == null || n.type().isBlank()) {
      problem(path + ".type", "a node template needs a type, e.g. " + NodeTypes.INDIGO_COMPUTE);
    }
    n.properties().forEach((k, v) -> walk(v, path + ".properties." + k));
    for (Map.Entry<String, Capability> c : n.capabilities().entrySet()) {
      String cpath = path + ".capabilities." + c.getKey();
      c.getValue().properties().forEach((k, v) -> walk(v, cpath + ".properties." + k));
      c.getValue().extras().forEach((k, v) -> walk(v, cpath + "." + k));
    }
    for (int i = 0; i < n.requirements().size(); i++) {
      checkRequirement(n.requirements().get(i), path + ".requirements[" + i + "]." + n.requirements().get(i).name());
    }
    for (Map.Entry<String, NodeInterface> e : n.interfaces().entrySet()) {
      String ipath = path + ".interfaces." + e.getKey();
      e.getValue().extras().forEach((k, v) -> walk(v, ipath + "." + k));
      for (Map.Entry<String, Operation> op : e.getValue().operations().entrySet()) {
        String opath = ipath + "." + op.getKey();
        op.getValue().inputs().forEach((k, v) -> walk(v, opath + ".inputs." + k));
        op.getValue().extras().forEach((k, v) -> walk(v, opath + "." + k));
        checkPlaybookInputs(op.getValue(), opath);
      }
    }
    n.extras().forEach((k, v) -> walk(v, path + "." + k));
    if (n.isCompute()) {
      checkCompute(n, path);
    }
    if (NodeTypes.BLOCK_STORAGE.equals(n.type())) {
      literalOfType(n.properties().get("size"), "scalar-unit.size", path + ".properties.size");
    }
    Capability endpoint = n.capabilities().get("endpoint");
    if (endpoint != null) {
      checkEndpoint(endpoint, path + ".capabilities.endpoint.properties");
    }
  }

  /**
   * Checks string inputs of an Ansible playbook operation the way the IM will use them: it writes each as
   * {@code name: "<value>"} into the playbook's vars (Tosca.py {@code _gen_configure_from_interfaces}), so an
   * unescaped double quote breaks the playbook; and {@code ansible_tasks} must be a YAML list of tasks. Both would
   * otherwise fail only at contextualization, after the VMs were paid for.
   */
  private void checkPlaybookInputs(Operation op, String opath) {
    String impl = op.implementation();
    if (impl == null || !(impl.endsWith(".yml") || impl.endsWith(".yaml"))) {
      return;
    }
    for (Map.Entry<String, Object> in : op.inputs().entrySet()) {
      String where = opath + ".inputs." + in.getKey();
      Object v = in.getValue();
      if (v instanceof ToscaFunction.GetInput g && g.path().isEmpty() && template.inputs().containsKey(g.name())) {
        where = inputPath(g.name()) + ".default";
        v = template.inputs().get(g.name()).defaultValue().orElse(null);
      }
      if (!(v instanceof String text) || text.startsWith("|")) {
        continue;
      }
      if (hasUnescapedDoubleQuote(text)) {
        problem(where, "contains an unescaped double quote; the IM passes '" + in.getKey() + "' to the playbook"
            + " inside double quotes, so write it as \\\"");
      }
      if (in.getKey().equals("ansible_tasks") && !text.isBlank()) {
        checkAnsibleTasks(text.replace("\\\"", "\"").replace("\\\\", "\\"), where);
      }
    }
  }

  private static boolean hasUnescapedDoubleQuote(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '\\') {
        i++;
      } else if (c == '"') {
        return true;
      }
    }
    return false;
  }

  private void checkAnsibleTasks(String text, String where) {
    Object tasks;
    try {
      tasks = YamlTree.parse(text).root();
    } catch (io.github.imsdk.tosca.ToscaParseException e) {
      problem(where, "ansible_tasks is not valid YAML: " + e.getMessage());
      return;
    }
    if (!(tasks instanceof List<?> l) || l.stream().anyMatch(t -> !(t instanceof Map<?, ?>))) {
      problem(where, "ansible_tasks must be a YAML list of tasks ('- name: ...')");
    }
  }

  private void checkRequirement(Requirement r, String path) {
    String target = r.node();
    if (target != null && !template.nodeTemplates().containsKey(target) && !looksLikeTypeName(target)) {
      problem(r.isShortForm() ? path : path + ".node", "requirement '" + r.name() + "' names unknown node '"
          + target + "'; nodes are " + template.nodeTemplates().keySet());
    }
    if (r.relationship() != null) {
      r.relationship().properties().forEach((k, v) -> walk(v, path + ".relationship.properties." + k));
    }
    r.extras().forEach((k, v) -> walk(v, path + "." + k));
  }

  private static boolean looksLikeTypeName(String s) {
    return s.startsWith("tosca.");
  }

  private void checkCompute(NodeTemplate n, String path) {
    String caps = path + ".capabilities.";
    Object image = n.capabilityProperty("os", "image").orElse(null);
    if (image == null || (image instanceof String s && s.isBlank())) {
      problem(caps + "os.properties.image", "a Compute node needs an OS image (e.g. "
          + "'appdb://SITE/image?vo' or 'ost://host/id'); the IM cannot pick one");
    } else if (!(image instanceof String) && !(image instanceof ToscaFunction)) {
      problem(caps + "os.properties.image", "the image must be a string, got " + Values.show(image));
    }
    String host = caps + "host.properties.";
    Map<String, Object> hp = n.capability("host").map(Capability::properties).orElse(Map.of());
    positiveInteger(hp.get("num_cpus"), host + "num_cpus", 1);
    positiveInteger(hp.get("num_gpus"), host + "num_gpus", 0);
    literalOfType(hp.get("mem_size"), "scalar-unit.size", host + "mem_size");
    literalOfType(hp.get("disk_size"), "scalar-unit.size", host + "disk_size");
    // The IM spells it preemtible_instance (IM/tosca/Tosca.py property_map).
    literalOfType(hp.get("preemtible_instance"), "boolean", host + "preemtible_instance");
    Map<String, Object> sp = n.capability("scalable").map(Capability::properties).orElse(Map.of());
    for (String k : List.of("count", "min_instances", "max_instances", "default_instances")) {
      positiveInteger(sp.get(k), caps + "scalable.properties." + k, 0);
    }
  }

  private void positiveInteger(Object v, String path, int min) {
    if (v == null || v instanceof ToscaFunction) {
      return;
    }
    BigDecimal n = typeProblem("integer", v) == null ? number(v) : null;
    if (n == null) {
      problem(path, Values.show(v) + " is not an integer");
    } else if (n.compareTo(BigDecimal.valueOf(min)) < 0) {
      problem(path, v + " is below the minimum " + min);
    }
  }

  private void literalOfType(Object v, String type, String path) {
    if (v == null || v instanceof ToscaFunction) {
      return;
    }
    String why = typeProblem(type, v);
    if (why != null) {
      problem(path, why);
    }
  }

  private void checkEndpoint(Capability endpoint, String path) {
    Map<String, Object> p = endpoint.properties();
    checkPort(p.get("port"), path + ".port");
    checkProtocol(p.get("protocol"), path + ".protocol");
    Object ports = p.get("ports");
    if (ports instanceof Map<?, ?> m) {
      for (Map.Entry<?, ?> e : m.entrySet()) {
        String pp = path + ".ports." + e.getKey();
        if (e.getValue() instanceof Map<?, ?> spec) {
          checkPort(spec.get("source"), pp + ".source");
          checkPort(spec.get("target"), pp + ".target");
          if (spec.get("source_range") instanceof List<?> range) {
            for (int i = 0; i < range.size(); i++) {
              checkPort(range.get(i), pp + ".source_range[" + i + "]");
            }
          }
          checkProtocol(spec.get("protocol"), pp + ".protocol");
        } else if (e.getValue() != null && !(e.getValue() instanceof ToscaFunction)) {
          problem(pp, "a port must be a mapping with protocol and source, got " + Values.show(e.getValue()));
        }
      }
    } else if (ports != null && !(ports instanceof ToscaFunction)) {
      problem(path + ".ports", "ports must be a mapping of name to {protocol, source}, got " + Values.show(ports));
    }
  }

  private void checkPort(Object v, String path) {
    if (v == null || v instanceof ToscaFunction) {
      return;
    }
    if (!Values.isInteger(v)) {
      if (v instanceof String s && s.matches("\\d+[-:]\\d+")) {
        String[] r = s.split("[-:]");
        checkPort(Integer.parseInt(r[0]), path);
        checkPort(Integer.parseInt(r[1]), path);
        return;
      }
      problem(path, Values.show(v) + " is not a port number");
      return;
    }
    long port = ((Number) v).longValue();
    if (port < 1 || port > 65535) {
      problem(path, "port " + v + " is out of range 1..65535");
    }
  }

  private void checkProtocol(Object v, String path) {
    if (v instanceof String s && !PROTOCOLS.contains(s.toLowerCase(java.util.Locale.ROOT))) {
      problem(path, "unknown protocol '" + s + "'; expected tcp, udp or icmp");
    }
  }

  // ---- policies and outputs

  private void checkPolicy(ToscaPolicy p) {
    String path = "topology_template.policies." + p.name();
    if (p.type() == null) {
      problem(path + ".type", "a policy needs a type, e.g. " + ToscaPolicy.PLACEMENT);
    }
    for (int i = 0; i < p.targets().size(); i++) {
      String t = p.targets().get(i);
      if (!template.nodeTemplates().containsKey(t) && !groups.contains(t)) {
        problem(path + ".targets[" + i + "]", "policy target '" + t + "' is not a node template or group");
      }
    }
    p.properties().forEach((k, v) -> walk(v, path + ".properties." + k));
  }

  private void checkOutput(String name, ToscaOutput o) {
    String path = "topology_template.outputs." + name;
    if (o.value() == null) {
      problem(path + ".value", "an output needs a value");
    }
    walk(o.value(), path + ".value");
  }

  // ---- functions anywhere

  private void walk(Object v, String path) {
    if (v instanceof ToscaFunction f) {
      checkFunction(f, path);
    } else if (v instanceof Map<?, ?> m) {
      if (m.size() == 1) {
        Object key = m.keySet().iterator().next();
        if (FunctionCodec.STRICT_KEYWORDS.contains(key)) {
          problem(path, "malformed " + key + ": " + usage((String) key) + ", got " + Values.show(m.get(key)));
          return;
        }
      }
      m.forEach((k, x) -> walk(x, path + "." + k));
    } else if (v instanceof List<?> l) {
      for (int i = 0; i < l.size(); i++) {
        walk(l.get(i), path + "[" + i + "]");
      }
    }
  }

  private static String usage(String keyword) {
    return switch (keyword) {
      case "get_input" -> "expected '{ get_input: name }'";
      case "get_attribute" -> "expected '{ get_attribute: [ node, attribute, ... ] }'";
      case "get_property" -> "expected '{ get_property: [ node, property, ... ] }'";
      default -> "expected '{ concat: [ part, ... ] }'";
    };
  }

  private void checkFunction(ToscaFunction f, String path) {
    if (f instanceof ToscaFunction.GetInput g) {
      if (!template.inputs().containsKey(g.name())) {
        problem(path, "get_input of undefined input '" + g.name() + "'; inputs are " + template.inputs().keySet());
      }
    } else if (f instanceof ToscaFunction.GetAttribute g) {
      checkEntity(g.node(), "get_attribute", path);
    } else if (f instanceof ToscaFunction.GetProperty g) {
      checkEntity(g.node(), "get_property", path);
    } else if (f instanceof ToscaFunction.Concat c) {
      for (int i = 0; i < c.parts().size(); i++) {
        walk(c.parts().get(i), path + ".concat[" + i + "]");
      }
    } else if (f instanceof ToscaFunction.Token t) {
      walk(t.string(), path + ".token[0]");
    }
  }

  private void checkEntity(String node, String function, String path) {
    if (!ToscaFunction.RELATIVE_ENTITIES.contains(node) && !template.nodeTemplates().containsKey(node)) {
      problem(path, function + " of unknown node '" + node + "'; nodes are " + template.nodeTemplates().keySet());
    }
  }
}
