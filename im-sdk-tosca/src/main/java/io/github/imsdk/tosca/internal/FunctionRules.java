package io.github.imsdk.tosca.internal;

import io.github.imsdk.tosca.ToscaFunction;
import io.github.imsdk.tosca.ToscaTemplate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Checks every value of a template for function calls: malformed known functions, functions that name an undefined
 * input or node, and calls of functions the IM does not have (a typo such as {@code get_imput}).
 */
final class FunctionRules {

  /**
   * Functions tosca-parser (the IM's reader) or the IM evaluate, beyond the ones the model decodes: a one-entry map
   * with one of these keys is a call the IM understands.
   */
  private static final Set<String> OTHER_KNOWN = Set.of("get_operation_output", "get_artifact");

  /** Keys that can only mean a function call: {@code get_*} and the functions of later TOSCA versions. */
  private static final Pattern LOOKS_LIKE_FUNCTION = Pattern.compile("get_[a-z_]+|join|list_join|get_nodes_of_type");

  private final ToscaTemplate template;
  private final Findings out;

  FunctionRules(ToscaTemplate template, Findings out) {
    this.template = template;
    this.out = out;
  }

  /** Checks a value and everything inside it; {@code path} names where it is. */
  void walk(Object v, String path) {
    if (v instanceof ToscaFunction f) {
      checkFunction(f, path);
    } else if (v instanceof Map<?, ?> m) {
      if (m.size() == 1) {
        Object key = m.keySet().iterator().next();
        Object args = m.get(key);
        if (FunctionCodec.STRICT_KEYWORDS.contains(key)) {
          out.error(path, "malformed " + key + ": " + usage((String) key) + ", got " + Values.show(args));
          return;
        }
        if (key instanceof String k && !OTHER_KNOWN.contains(k) && LOOKS_LIKE_FUNCTION.matcher(k).matches()
            && (args instanceof String || args instanceof List<?>)) {
          out.error(path, "unknown function '" + k + "'; the IM evaluates get_input, get_property, get_attribute,"
              + " get_operation_output, get_artifact, concat and token");
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
        out.error(path, "get_input of undefined input '" + g.name() + "'; inputs are " + template.inputs().keySet());
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
      out.error(path, function + " of unknown node '" + node + "'; nodes are " + template.nodeTemplates().keySet());
    }
  }
}
