package io.github.imsdk.tosca.internal;

import io.github.imsdk.tosca.Capability;
import io.github.imsdk.tosca.NodeTemplate;
import io.github.imsdk.tosca.ToscaException;
import io.github.imsdk.tosca.ToscaFunction;
import io.github.imsdk.tosca.ToscaInput;
import io.github.imsdk.tosca.ToscaProblem;
import io.github.imsdk.tosca.ToscaTemplate;
import io.github.imsdk.tosca.ToscaValidationException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Evaluates intrinsic functions the way the IM does ({@code IM/tosca/Tosca.py} {@code _final_function_result}):
 * inputs from the given values or defaults, properties from the templates, {@code concat} and {@code token} on
 * the results; attributes come from the caller.
 */
public final class Evaluator {

  /** Bounds get_property chains that point at each other. */
  private static final int MAX_DEPTH = 64;

  private final ToscaTemplate template;
  private final Map<String, ?> given;
  private final Function<ToscaFunction.GetAttribute, Object> attributes;

  /** Creates an evaluator; {@code attributes} may be null if no attribute is known. */
  public Evaluator(ToscaTemplate template, Map<String, ?> given,
      Function<ToscaFunction.GetAttribute, Object> attributes) {
    this.template = template;
    this.given = given == null ? Map.of() : given;
    this.attributes = attributes;
  }

  /** Returns the given value of an input, else its default. */
  public static Object resolveInput(ToscaTemplate t, String name, Map<String, ?> given) {
    ToscaInput in = t.inputs().get(name);
    if (in == null) {
      throw new ToscaValidationException(List.of(new ToscaProblem(Validator.inputPath(name),
          "no such input; inputs are " + t.inputs().keySet())));
    }
    if (given != null && given.get(name) != null) {
      return given.get(name);
    }
    if (in.hasDefault()) {
      return in.defaultValue().orElse(null);
    }
    throw new ToscaValidationException(List.of(new ToscaProblem(Validator.inputPath(name),
        "no value given and no default")));
  }

  /** Evaluates {@code value} in the context of node {@code self} (may be null). */
  public Object evaluate(Object value, String self) {
    return eval(value, self, 0);
  }

  private Object eval(Object v, String self, int depth) {
    if (depth > MAX_DEPTH) {
      throw new ToscaException("function evaluation deeper than " + MAX_DEPTH + " levels (get_property cycle?)");
    }
    if (v instanceof ToscaFunction.GetInput g) {
      return at(resolveInput(template, g.name(), given), g.path(), "get_input " + g.name());
    }
    if (v instanceof ToscaFunction.GetProperty g) {
      String node = entity(g.node(), self, "get_property");
      return eval(property(node, g), node, depth + 1);
    }
    if (v instanceof ToscaFunction.GetAttribute g) {
      String node = entity(g.node(), self, "get_attribute");
      if (attributes == null) {
        return null;
      }
      Object out = attributes.apply(new ToscaFunction.GetAttribute(node, g.attribute(), g.path()));
      return out instanceof ToscaFunction ? eval(out, node, depth + 1) : out;
    }
    if (v instanceof ToscaFunction.Concat c) {
      StringBuilder sb = new StringBuilder();
      for (Object part : c.parts()) {
        Object r = eval(part, self, depth + 1);
        if (r == null) {
          // An attribute not known yet: the whole string is not known yet either.
          return null;
        }
        sb.append(text(r));
      }
      return sb.toString();
    }
    if (v instanceof ToscaFunction.Token t) {
      Object r = eval(t.string(), self, depth + 1);
      if (r == null) {
        return null;
      }
      List<String> pieces = split(text(r), t.separator());
      if (t.index() >= pieces.size()) {
        // The IM logs "Incorrect substring_index" and uses None.
        return null;
      }
      return pieces.get(t.index());
    }
    if (v instanceof Map<?, ?> m) {
      Map<String, Object> out = new LinkedHashMap<>();
      m.forEach((k, x) -> out.put(String.valueOf(k), eval(x, self, depth + 1)));
      return out;
    }
    if (v instanceof List<?> l) {
      List<Object> out = new ArrayList<>(l.size());
      for (Object x : l) {
        out.add(eval(x, self, depth + 1));
      }
      return out;
    }
    return v;
  }

  private String entity(String name, String self, String function) {
    switch (name) {
      case "SELF" -> {
        if (self == null) {
          throw new ToscaException(function + " of SELF outside a node template");
        }
        return self;
      }
      case "HOST" -> {
        if (self == null) {
          throw new ToscaException(function + " of HOST outside a node template");
        }
        String cur = self;
        // Follow host requirements down to the Compute, as the IM does.
        for (int i = 0; i < MAX_DEPTH; i++) {
          NodeTemplate n = template.nodeTemplates().get(cur);
          if (n == null || n.isCompute() || n.host().isEmpty()) {
            return cur;
          }
          cur = n.host().get();
        }
        return cur;
      }
      case "SOURCE", "TARGET" -> throw new ToscaException(function + " of " + name
          + " needs a relationship context, which this evaluator does not have");
      default -> {
        if (!template.nodeTemplates().containsKey(name)) {
          throw new ToscaValidationException(List.of(new ToscaProblem(Validator.nodePath(name),
              function + " of unknown node '" + name + "'")));
        }
        return name;
      }
    }
  }

  private Object property(String node, ToscaFunction.GetProperty g) {
    NodeTemplate n = template.nodeTemplates().get(node);
    List<Object> path = g.path();
    if (path.size() >= 2 && path.get(0) instanceof String cap && n.capabilities().containsKey(cap)
        && path.get(1) instanceof String prop) {
      Capability c = n.capabilities().get(cap);
      if (c.properties().containsKey(prop)) {
        return at(c.properties().get(prop), path.subList(2, path.size()), "get_property " + g.arguments());
      }
    }
    Object first = path.get(0);
    if (first instanceof String p && n.properties().containsKey(p)) {
      return at(n.properties().get(p), path.subList(1, path.size()), "get_property " + g.arguments());
    }
    throw new ToscaValidationException(List.of(new ToscaProblem(Validator.nodePath(node),
        "get_property " + g.arguments() + ": the node has no such property")));
  }

  private static Object at(Object value, List<Object> path, String what) {
    Object cur = value;
    for (Object key : path) {
      if (key instanceof Integer i && cur instanceof List<?> l && i >= 0 && i < l.size()) {
        cur = l.get(i);
      } else if (cur instanceof Map<?, ?> m && m.containsKey(String.valueOf(key))) {
        cur = m.get(String.valueOf(key));
      } else {
        throw new ToscaException(what + ": no item " + key + " in " + Values.show(cur));
      }
    }
    return cur;
  }

  /** Renders a value as Python's str() does, since the IM concatenates with it. */
  private static String text(Object v) {
    if (v instanceof Boolean b) {
      return b ? "True" : "False";
    }
    if (v instanceof Double d) {
      BigDecimal bd = BigDecimal.valueOf(d);
      return d == Math.rint(d) && !d.isInfinite() ? bd.setScale(1).toPlainString() : d.toString();
    }
    return String.valueOf(v);
  }

  /** Splits at each occurrence of the whole separator string, as Python's {@code str.split(sep)} does. */
  private static List<String> split(String s, String separator) {
    List<String> out = new ArrayList<>();
    int from = 0;
    int at;
    while ((at = s.indexOf(separator, from)) >= 0) {
      out.add(s.substring(from, at));
      from = at + separator.length();
    }
    out.add(s.substring(from));
    return out;
  }
}
