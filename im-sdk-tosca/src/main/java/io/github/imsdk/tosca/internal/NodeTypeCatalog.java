package io.github.imsdk.tosca.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The node types a template may use without defining them: TOSCA Simple Profile 1.0's normative types and the IM's
 * custom types, with their parents and property names (resource {@code node-types.txt}), plus the types the
 * template itself defines under {@code node_types}.
 */
final class NodeTypeCatalog {

  /** A node type: its parent (or null) and the property names it declares itself. */
  record Type(String parent, Set<String> properties) {}

  private static final String PREFIX = "tosca.nodes.";
  private static final Map<String, Type> BUILT_IN = load();

  private final Map<String, Type> types;

  private NodeTypeCatalog(Map<String, Type> types) {
    this.types = types;
  }

  /** Returns the built-in types plus those a template defines in its {@code node_types} section. */
  static NodeTypeCatalog forTemplate(Object nodeTypes) {
    if (!(nodeTypes instanceof Map<?, ?> defs) || defs.isEmpty()) {
      return new NodeTypeCatalog(BUILT_IN);
    }
    Map<String, Type> all = new HashMap<>(BUILT_IN);
    defs.forEach((k, v) -> {
      String parent = null;
      Set<String> props = Set.of();
      if (v instanceof Map<?, ?> def) {
        parent = def.get("derived_from") instanceof String s ? s : null;
        if (def.get("properties") instanceof Map<?, ?> p) {
          props = new HashSet<>();
          for (Object name : p.keySet()) {
            props.add(String.valueOf(name));
          }
        }
      }
      all.put(String.valueOf(k), new Type(parent, props));
    });
    return new NodeTypeCatalog(all);
  }

  /** Returns the full name tosca-parser gives a type ({@code Compute} and {@code tosca:Compute} are normative). */
  String canonical(String type) {
    if (types.containsKey(type)) {
      return type;
    }
    String t = type.startsWith("tosca:") ? type.substring(6) : type;
    return types.containsKey(PREFIX + t) ? PREFIX + t : type;
  }

  /** Tells whether the type is known. */
  boolean knows(String type) {
    return types.containsKey(canonical(type));
  }

  /** Tells whether the type is, or derives from, {@code ancestor}. */
  boolean derivesFrom(String type, String ancestor) {
    String t = canonical(type);
    for (int i = 0; t != null && i < 50; i++) {
      if (t.equals(ancestor)) {
        return true;
      }
      Type def = types.get(t);
      t = def == null ? null : def.parent() == null ? null : canonical(def.parent());
    }
    return false;
  }

  /**
   * Returns the property names the type and its parents declare, or null if some type in the chain is unknown
   * (then nothing can be said about its properties).
   */
  Set<String> properties(String type) {
    Set<String> all = new LinkedHashSet<>();
    String t = canonical(type);
    for (int i = 0; t != null && i < 50; i++) {
      Type def = types.get(t);
      if (def == null) {
        return null;
      }
      all.addAll(def.properties());
      t = def.parent() == null ? null : canonical(def.parent());
    }
    return all;
  }

  private static Map<String, Type> load() {
    Map<String, Type> out = new HashMap<>();
    try (InputStream in = NodeTypeCatalog.class.getResourceAsStream("node-types.txt")) {
      if (in == null) {
        throw new IllegalStateException("resource node-types.txt is missing from the im-sdk-tosca jar");
      }
      BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      String line;
      while ((line = r.readLine()) != null) {
        if (line.isBlank() || line.startsWith("#") || line.startsWith("[")) {
          continue;
        }
        String[] f = line.split("\\|", -1);
        Set<String> props = f[2].isEmpty() ? Set.of() : Set.copyOf(Arrays.asList(f[2].split(",")));
        out.put(f[0], new Type(f[1].isEmpty() ? null : f[1], props));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return Collections.unmodifiableMap(out);
  }

  /** Imports whose types are in the built-in list: the IM's own custom types. */
  static boolean isImCustomTypes(Object importEntry) {
    Object url = importEntry;
    if (importEntry instanceof Map<?, ?> m && m.size() == 1) {
      url = m.values().iterator().next();
      if (url instanceof Map<?, ?> def) {
        url = def.get("file");
      }
    }
    return url instanceof String s && s.matches("https?://raw\\.githubusercontent\\.com/grycap/tosca/"
        + "(main|master)/custom_types\\.yaml");
  }

  /** Tells whether every import of a template is one the SDK knows, so unknown types can be reported. */
  static boolean allImportsKnown(List<Object> imports) {
    return imports.stream().allMatch(NodeTypeCatalog::isImCustomTypes);
  }
}
