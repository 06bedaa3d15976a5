package io.github.imsdk.tosca.internal;

import io.github.imsdk.tosca.Capability;
import io.github.imsdk.tosca.NodeInterface;
import io.github.imsdk.tosca.NodeTemplate;
import io.github.imsdk.tosca.NodeTypes;
import io.github.imsdk.tosca.Operation;
import io.github.imsdk.tosca.Requirement;
import io.github.imsdk.tosca.ToscaFunction;
import io.github.imsdk.tosca.ToscaTemplate;
import io.github.imsdk.tosca.ValidationContext;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The rules for node templates: a known type and known property names, requirements on existing nodes, Compute
 * capabilities (image, sizes, counts), endpoint ports, and the playbook inputs the IM passes to Ansible.
 */
final class NodeRules {

  private static final Set<String> PROTOCOLS = Set.of("tcp", "udp", "icmp");

  private final ToscaTemplate template;
  private final ValidationContext context;
  private final Findings out;
  private final FunctionRules functions;
  private final NodeTypeCatalog types;
  /** Whether a type the catalogue does not know is a mistake (false when an import the SDK cannot read exists). */
  private final boolean typesKnowable;

  NodeRules(ToscaTemplate template, ValidationContext context, Findings out, FunctionRules functions) {
    this.template = template;
    this.context = context;
    this.out = out;
    this.functions = functions;
    this.types = NodeTypeCatalog.forTemplate(template.extras().get("node_types"));
    this.typesKnowable = NodeTypeCatalog.allImportsKnown(template.imports());
  }

  private boolean isCompute(NodeTemplate n) {
    return n.isCompute() || (n.type() != null && types.derivesFrom(n.type(), NodeTypes.COMPUTE));
  }

  private void checkType(NodeTemplate n, String path) {
    if (!typesKnowable) {
      // An import the SDK cannot read may define this type or add properties to a known one.
      return;
    }
    if (!types.knows(n.type())) {
      {
        out.error(path + ".type", "unknown node type '" + n.type() + "'; it is neither a TOSCA normative type, an"
            + " IM custom type nor defined in node_types");
      }
      return;
    }
    Set<String> props = types.properties(n.type());
    if (props == null) {
      return;
    }
    for (String p : n.properties().keySet()) {
      if (!props.contains(p)) {
        out.error(path + ".properties." + p, "type " + n.type() + " has no property '" + p + "'; its properties"
            + " are " + new java.util.TreeSet<>(props));
      }
    }
  }

  /**
   * Checks {@code os.image}: a string or a function. No image is fine (the IM picks one) unless the context says
   * no cloud can; an {@code appdb://} image is read but IM 2.0 no longer resolves it.
   */
  private void checkImage(Object image, String path) {
    Object literal = image;
    if (image instanceof ToscaFunction.GetInput g && g.path().isEmpty() && template.inputs().containsKey(g.name())) {
      literal = template.inputs().get(g.name()).defaultValue().orElse(null);
    }
    if (image == null || (image instanceof String s && s.isBlank())) {
      if (!context.cloudsChooseImages()) {
        out.warning(path, "no OS image, and no cloud of the auth data can choose one; set one such as"
            + " 'egi://SITE/IMAGE?VO' or 'ost://host/id'");
      }
    } else if (!(image instanceof String) && !(image instanceof ToscaFunction)) {
      out.error(path, "the image must be a string, got " + Values.show(image));
    } else if (literal instanceof String s && s.startsWith("appdb://")) {
      out.warning(path, "'" + s + "' is an appdb:// image, which IM 2.0 no longer resolves (EGI retired AppDB);"
          + " use egi://SITE/IMAGE?VO");
    }
  }

  void checkNode(NodeTemplate n) {
    String path = Validator.nodePath(n.name());
    if (n.type() == null || n.type().isBlank()) {
      out.error(path + ".type", "a node template needs a type, e.g. " + NodeTypes.INDIGO_COMPUTE);
    } else {
      checkType(n, path);
    }
    n.properties().forEach((k, v) -> functions.walk(v, path + ".properties." + k));
    for (Map.Entry<String, Capability> c : n.capabilities().entrySet()) {
      String cpath = path + ".capabilities." + c.getKey();
      c.getValue().properties().forEach((k, v) -> functions.walk(v, cpath + ".properties." + k));
      c.getValue().extras().forEach((k, v) -> functions.walk(v, cpath + "." + k));
    }
    for (int i = 0; i < n.requirements().size(); i++) {
      checkRequirement(n.requirements().get(i), path + ".requirements[" + i + "]." + n.requirements().get(i).name());
    }
    for (Map.Entry<String, NodeInterface> e : n.interfaces().entrySet()) {
      String ipath = path + ".interfaces." + e.getKey();
      e.getValue().extras().forEach((k, v) -> functions.walk(v, ipath + "." + k));
      for (Map.Entry<String, Operation> op : e.getValue().operations().entrySet()) {
        String opath = ipath + "." + op.getKey();
        op.getValue().inputs().forEach((k, v) -> functions.walk(v, opath + ".inputs." + k));
        op.getValue().extras().forEach((k, v) -> functions.walk(v, opath + "." + k));
        checkPlaybookInputs(op.getValue(), opath);
      }
    }
    n.extras().forEach((k, v) -> functions.walk(v, path + "." + k));
    if (isCompute(n)) {
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
        where = Validator.inputPath(g.name()) + ".default";
        v = template.inputs().get(g.name()).defaultValue().orElse(null);
      }
      if (!(v instanceof String text) || text.startsWith("|")) {
        continue;
      }
      if (hasUnescapedDoubleQuote(text)) {
        out.warning(where, "contains an unescaped double quote; the IM passes '" + in.getKey() + "' to the playbook"
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
      out.warning(where, "ansible_tasks is not valid YAML: " + e.getMessage());
      return;
    }
    if (!(tasks instanceof List<?> l) || l.stream().anyMatch(t -> !(t instanceof Map<?, ?>))) {
      out.warning(where, "ansible_tasks must be a YAML list of tasks ('- name: ...')");
    }
  }

  private void checkRequirement(Requirement r, String path) {
    String target = r.node();
    if (target != null && !template.nodeTemplates().containsKey(target) && !looksLikeTypeName(target)) {
      out.error(r.isShortForm() ? path : path + ".node", "requirement '" + r.name() + "' names unknown node '"
          + target + "'; nodes are " + template.nodeTemplates().keySet());
    }
    if (r.relationship() != null) {
      r.relationship().properties().forEach((k, v) -> functions.walk(v, path + ".relationship.properties." + k));
    }
    r.extras().forEach((k, v) -> functions.walk(v, path + "." + k));
  }

  private static boolean looksLikeTypeName(String s) {
    return s.startsWith("tosca.");
  }

  private void checkCompute(NodeTemplate n, String path) {
    String caps = path + ".capabilities.";
    checkImage(n.capabilityProperty("os", "image").orElse(null), caps + "os.properties.image");
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
    BigDecimal n = ValueRules.typeProblem("integer", v) == null ? ValueRules.number(v) : null;
    if (n == null) {
      out.error(path, Values.show(v) + " is not an integer");
    } else if (n.compareTo(BigDecimal.valueOf(min)) < 0) {
      out.error(path, v + " is below the minimum " + min);
    }
  }

  private void literalOfType(Object v, String type, String path) {
    // A one-entry map is a function call, judged by FunctionRules.
    if (v == null || v instanceof ToscaFunction || (v instanceof Map<?, ?> m && m.size() == 1)) {
      return;
    }
    String why = ValueRules.typeProblem(type, v);
    if (why != null) {
      out.error(path, why);
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
          out.error(pp, "a port must be a mapping with protocol and source, got " + Values.show(e.getValue()));
        }
      }
    } else if (ports != null && !(ports instanceof ToscaFunction)) {
      out.error(path + ".ports", "ports must be a mapping of name to {protocol, source}, got " + Values.show(ports));
    }
  }

  private void checkPort(Object v, String path) {
    if (v == null || v instanceof ToscaFunction) {
      return;
    }
    if (!Values.isInteger(v)) {
      if (v instanceof String s && s.matches("\\d+[-:]\\d+")) {
        String[] r = s.split("[-:]");
        // BigInteger: the digits may be too many for an int (e.g. '99999999999-1').
        checkPort(new BigInteger(r[0]), path);
        checkPort(new BigInteger(r[1]), path);
        return;
      }
      out.error(path, Values.show(v) + " is not a port number");
      return;
    }
    // Compared as decimals: a BigInteger's longValue() would wrap 2^64 + 80 round to 80.
    BigDecimal port = ValueRules.decimal((Number) v);
    if (port.compareTo(BigDecimal.ONE) < 0 || port.compareTo(BigDecimal.valueOf(65535)) > 0) {
      out.error(path, "port " + v + " is out of range 1..65535");
    }
  }

  private void checkProtocol(Object v, String path) {
    if (v instanceof String s && !PROTOCOLS.contains(s.toLowerCase(java.util.Locale.ROOT))) {
      out.error(path, "unknown protocol '" + s + "'; expected tcp, udp or icmp");
    }
  }
}
