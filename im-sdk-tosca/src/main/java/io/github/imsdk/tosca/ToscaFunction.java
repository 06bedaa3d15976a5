package io.github.imsdk.tosca;

import io.github.imsdk.tosca.internal.Values;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A TOSCA intrinsic function call that appears as a value, written in YAML as a one-entry mapping such as
 * {@code { get_input: num_cpus }} or {@code get_attribute: [ vm, public_address, 0 ]}.
 *
 * <p>These are the functions the IM evaluates ({@code IM/tosca/Tosca.py}): {@link GetInput}, {@link GetAttribute},
 * {@link GetProperty}, {@link Concat} and {@link Token}. Other one-entry mappings (for example
 * {@code get_artifact}) stay plain maps in the model and are written back unchanged.
 *
 * <p>Arguments are plain values: strings, numbers, booleans, lists, maps or other functions.
 */
public sealed interface ToscaFunction
    permits ToscaFunction.GetInput, ToscaFunction.GetAttribute, ToscaFunction.GetProperty, ToscaFunction.Concat,
        ToscaFunction.Token {

  /** Entity names that refer to a node relative to where the function is used, not to a node template. */
  List<String> RELATIVE_ENTITIES = List.of("SELF", "HOST", "SOURCE", "TARGET");

  /** Returns the function keyword as written in YAML, e.g. {@code get_input}. */
  String keyword();

  /** Returns the value written after the keyword: a scalar or a list. */
  Object arguments();

  /** Returns {@code { get_input: name }}. */
  static GetInput getInput(String name) {
    return new GetInput(name, List.of());
  }

  /**
   * Returns {@code { get_attribute: [ node, attribute, path... ] }}; a path item is an attribute key (String) or a
   * list index (Integer), e.g. {@code getAttribute("vm", "public_address", 0)}.
   */
  static GetAttribute getAttribute(String node, String attribute, Object... path) {
    return new GetAttribute(node, attribute, Arrays.asList(path));
  }

  /** Returns {@code { get_property: [ node, name... ] }}, e.g. {@code getProperty("SELF", "host", "num_cpus")}. */
  static GetProperty getProperty(String node, String... path) {
    return new GetProperty(node, List.<Object>of((Object[]) path));
  }

  /** Returns {@code { concat: [ parts... ] }}; each part is a string, a number or another function. */
  static Concat concat(Object... parts) {
    return new Concat(Arrays.asList(parts));
  }

  /** Returns {@code { token: [ string, separator, index ] }}. */
  static Token token(Object string, String separator, int index) {
    return new Token(string, separator, index);
  }

  /**
   * {@code get_input}: the value of a template input, optionally followed by keys/indexes into it.
   *
   * @param name the input name
   * @param path keys (String) or indexes (Integer) into the input's value; usually empty
   */
  record GetInput(String name, List<Object> path) implements ToscaFunction {
    /** Checks the name and copies the path. */
    public GetInput {
      requireName(name, "get_input needs an input name");
      path = copyPath(path);
    }

    @Override
    public String keyword() {
      return "get_input";
    }

    @Override
    public Object arguments() {
      if (path.isEmpty()) {
        return name;
      }
      List<Object> args = new ArrayList<>();
      args.add(name);
      args.addAll(path);
      return List.copyOf(args);
    }

    @Override
    public String toString() {
      return "{ get_input: " + arguments() + " }";
    }
  }

  /**
   * {@code get_attribute}: a run-time attribute of a node, such as {@code public_address} or
   * {@code endpoint.credential}.
   *
   * @param node a node template name or one of {@link #RELATIVE_ENTITIES}
   * @param attribute the attribute name, e.g. {@code public_address}
   * @param path further keys (String) or list indexes (Integer), e.g. {@code [credential, 0]}
   */
  record GetAttribute(String node, String attribute, List<Object> path) implements ToscaFunction {
    /** Checks the names and copies the path. */
    public GetAttribute {
      requireName(node, "get_attribute needs a node name");
      requireName(attribute, "get_attribute needs an attribute name");
      path = copyPath(path);
    }

    /** Returns the list index that ends the path (e.g. 0 in {@code [vm, public_address, 0]}), or -1 if none. */
    public int index() {
      if (!path.isEmpty() && path.get(path.size() - 1) instanceof Integer i) {
        return i;
      }
      return -1;
    }

    @Override
    public String keyword() {
      return "get_attribute";
    }

    @Override
    public Object arguments() {
      List<Object> args = new ArrayList<>();
      args.add(node);
      args.add(attribute);
      args.addAll(path);
      return List.copyOf(args);
    }

    @Override
    public String toString() {
      return "{ get_attribute: " + arguments() + " }";
    }
  }

  /**
   * {@code get_property}: a property of a node template, of one of its capabilities, or a key inside a property.
   *
   * @param node a node template name or one of {@link #RELATIVE_ENTITIES}
   * @param path the property name, or a capability name then a property name, then optional keys/indexes
   */
  record GetProperty(String node, List<Object> path) implements ToscaFunction {
    /** Checks the node name and that the path names at least a property. */
    public GetProperty {
      requireName(node, "get_property needs a node name");
      path = copyPath(path);
      if (path.isEmpty()) {
        throw new IllegalArgumentException("get_property needs a property name after the node name");
      }
    }

    @Override
    public String keyword() {
      return "get_property";
    }

    @Override
    public Object arguments() {
      List<Object> args = new ArrayList<>();
      args.add(node);
      args.addAll(path);
      return List.copyOf(args);
    }

    @Override
    public String toString() {
      return "{ get_property: " + arguments() + " }";
    }
  }

  /**
   * {@code concat}: the parts joined into one string after each is evaluated.
   *
   * @param parts strings, numbers or functions
   */
  record Concat(List<Object> parts) implements ToscaFunction {
    /** Copies the parts; none may be null. */
    public Concat {
      parts = copyPath(parts);
    }

    @Override
    public String keyword() {
      return "concat";
    }

    @Override
    public Object arguments() {
      return parts;
    }

    @Override
    public String toString() {
      return "{ concat: " + parts + " }";
    }
  }

  /**
   * {@code token}: the {@code index}-th piece of a string split at each occurrence of the separator (the IM splits
   * with Python's {@code str.split(separator)}, so a multi-character separator is one separator, not a set).
   *
   * @param string the string to split: a literal or a function
   * @param separator the separator, e.g. {@code ":"}
   * @param index the 0-based piece to keep
   */
  record Token(Object string, String separator, int index) implements ToscaFunction {
    /** Checks that the parts are present and the index is not negative. */
    public Token {
      Values.require(string, "token needs a string to split");
      if (separator == null || separator.isEmpty()) {
        throw new IllegalArgumentException("token needs a non-empty separator");
      }
      if (index < 0) {
        throw new IllegalArgumentException("token index must be >= 0, got " + index);
      }
    }

    @Override
    public String keyword() {
      return "token";
    }

    @Override
    public Object arguments() {
      return List.of(string, separator, index);
    }

    @Override
    public String toString() {
      return "{ token: " + arguments() + " }";
    }
  }

  private static void requireName(String name, String message) {
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException(message);
    }
  }

  private static List<Object> copyPath(List<Object> path) {
    if (path == null) {
      return List.of();
    }
    for (Object o : path) {
      if (o == null) {
        throw new IllegalArgumentException("function arguments must not be null: " + path);
      }
    }
    return List.copyOf(path);
  }
}
