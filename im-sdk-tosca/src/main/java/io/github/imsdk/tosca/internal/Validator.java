package io.github.imsdk.tosca.internal;

import io.github.imsdk.tosca.ToscaConstraint;
import io.github.imsdk.tosca.ToscaFunction;
import io.github.imsdk.tosca.ToscaInput;
import io.github.imsdk.tosca.ToscaOutput;
import io.github.imsdk.tosca.ToscaPolicy;
import io.github.imsdk.tosca.ToscaProblem;
import io.github.imsdk.tosca.ToscaTemplate;
import io.github.imsdk.tosca.ValidationContext;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The checks behind {@link ToscaTemplate#validate()}; each problem carries the dotted path of the value and whether
 * the IM would reject the template for it (error) or accept something probably unintended (warning). Node rules are
 * in {@link NodeRules}, value and constraint rules in {@link ValueRules}, function calls in {@link FunctionRules},
 * requirement cycles in {@link GraphRules}.
 */
public final class Validator {

  /** TOSCA's primitive and collection types that an input may have. */
  private static final Set<String> KNOWN_TYPES = Set.of("integer", "float", "boolean", "string", "list", "map",
      "scalar-unit.size", "scalar-unit.time", "scalar-unit.frequency", "version", "timestamp", "range", "null");

  /** Versions tosca-parser (the IM's reader) knows: the simple profile and its NFV extension. */
  private static final Set<String> VERSIONS = Set.of("tosca_simple_yaml_1_0", "tosca_simple_yaml_1_1",
      "tosca_simple_yaml_1_2", "tosca_simple_yaml_1_3", "tosca_simple_profile_for_nfv_1_0_0");

  private final ToscaTemplate template;
  private final Findings out = new Findings();
  private final FunctionRules functions;
  private final NodeRules nodes;
  private final Set<String> groups = new HashSet<>();

  private Validator(ToscaTemplate template, ValidationContext context) {
    this.template = template;
    this.functions = new FunctionRules(template, out);
    this.nodes = new NodeRules(template, context, out, functions);
    if (template.topologyExtras().get("groups") instanceof Map<?, ?> g) {
      g.keySet().forEach(k -> groups.add(String.valueOf(k)));
    }
  }

  /** Returns every problem of the template, in template order. */
  public static List<ToscaProblem> validate(ToscaTemplate template, ValidationContext context) {
    Validator v = new Validator(template, context);
    v.run();
    return v.out.list();
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
      out.error("tosca_definitions_version", "missing; the IM expects e.g. tosca_simple_yaml_1_0");
    } else if (!VERSIONS.contains(template.definitionsVersion())) {
      out.error("tosca_definitions_version", "'" + template.definitionsVersion() + "' is not a TOSCA version the"
          + " IM reads; expected one of " + new java.util.TreeSet<>(VERSIONS));
    }
    template.inputs().forEach(this::checkInput);
    template.nodeTemplates().values().forEach(nodes::checkNode);
    GraphRules.checkCycles(template, out);
    for (int i = 0; i < template.policies().size(); i++) {
      checkPolicy(template.policies().get(i));
    }
    template.outputs().forEach(this::checkOutput);
  }

  private void checkInput(String name, ToscaInput in) {
    String path = inputPath(name);
    String type = in.type();
    if (type == null && !in.isBareValue()) {
      out.error(path + ".type", "an input needs a type (the IM's parser rejects inputs without one)");
    } else if (type != null && !KNOWN_TYPES.contains(type) && !type.contains(".")) {
      out.error(path + ".type", "unknown type '" + type + "'; expected one of " + new java.util.TreeSet<>(KNOWN_TYPES)
          + " or a data type name");
    }
    Object def = in.defaultValue().orElse(null);
    boolean checkDefault = def != null && !(def instanceof ToscaFunction) && !isSpecialInput(def);
    if (checkDefault) {
      String why = ValueRules.typeProblem(type, def);
      if (why != null) {
        out.error(path + ".default", why);
        checkDefault = false;
      }
    }
    for (int i = 0; i < in.constraints().size(); i++) {
      ToscaConstraint c = in.constraints().get(i);
      String cpath = path + ".constraints[" + i + "]";
      if (!ValueRules.checkConstraintShape(c, type, cpath, out)) {
        continue;
      }
      if (checkDefault) {
        String why = ValueRules.constraintProblem(c, type, def);
        if (why != null) {
          // tosca-parser checks a default only when no value is given; the Dashboard always gives one.
          out.warning(path + ".default", why + " (the default breaks its own constraint)");
        }
      }
    }
    functions.walk(def, path + ".default");
  }

  /** The IM replaces {@code random(N)} and {@code access_token()} defaults itself. */
  private static boolean isSpecialInput(Object def) {
    return def instanceof String s && (s.matches("random\\(\\d+\\)") || s.equals("access_token()"));
  }

  private void checkPolicy(ToscaPolicy p) {
    String path = "topology_template.policies." + p.name();
    if (p.type() == null) {
      out.error(path + ".type", "a policy needs a type, e.g. " + ToscaPolicy.PLACEMENT);
    }
    for (int i = 0; i < p.targets().size(); i++) {
      String t = p.targets().get(i);
      if (!template.nodeTemplates().containsKey(t) && !groups.contains(t)) {
        out.error(path + ".targets[" + i + "]", "policy target '" + t + "' is not a node template or group");
      }
    }
    p.properties().forEach((k, v) -> functions.walk(v, path + ".properties." + k));
  }

  private void checkOutput(String name, ToscaOutput o) {
    String path = "topology_template.outputs." + name;
    if (o.value() == null) {
      out.error(path + ".value", "an output needs a value");
    }
    functions.walk(o.value(), path + ".value");
  }
}
