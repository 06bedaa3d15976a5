package io.github.imsdk.core;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The evaluated TOSCA outputs of an infrastructure, from {@code GET /infrastructures/{id}/outputs}.
 *
 * <p>Values are JSON values: {@link String}, {@link Number} ({@link Long} or {@link BigDecimal}),
 * {@link Boolean}, {@link List}, {@link Map} (string keys), or {@code null}. Typed accessors throw
 * {@link NoSuchElementException} for an unknown name and {@link IllegalStateException} for a value of another
 * type; both messages name the output. {@link #toString()} shows names only, since outputs often carry
 * credentials.
 */
public final class Outputs {

  private final Map<String, Object> values;

  private Outputs(Map<String, ?> values) {
    this.values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
  }

  /**
   * Returns outputs holding {@code values} (JSON-like values as described above).
   */
  public static Outputs of(Map<String, ?> values) {
    Objects.requireNonNull(values, "values");
    return new Outputs(values);
  }

  /** Returns the output names, in the server's order. */
  public Set<String> names() {
    return values.keySet();
  }

  /** Returns every output as an unmodifiable map. */
  public Map<String, Object> asMap() {
    return values;
  }

  /** Tells whether an output called {@code name} exists. */
  public boolean has(String name) {
    return values.containsKey(name);
  }

  /** Returns the raw value of {@code name}; empty if there is no such output or its value is null. */
  public Optional<Object> value(String name) {
    return Optional.ofNullable(values.get(name));
  }

  /** Returns output {@code name} as text; numbers and booleans are converted. */
  public String string(String name) {
    Object v = require(name);
    if (v instanceof String s) {
      return s;
    }
    if (v instanceof Number || v instanceof Boolean) {
      return v.toString();
    }
    throw wrongType(name, v, "a string");
  }

  /** Returns output {@code name} as a number; numeric strings are parsed. */
  public BigDecimal number(String name) {
    Object v = require(name);
    if (v instanceof BigDecimal d) {
      return d;
    }
    if (v instanceof Number n) {
      return new BigDecimal(n.toString());
    }
    if (v instanceof String s) {
      try {
        return new BigDecimal(s.trim());
      } catch (NumberFormatException e) {
        throw new IllegalStateException("output '" + name + "' is not a number: '" + s + "'", e);
      }
    }
    throw wrongType(name, v, "a number");
  }

  /** Returns output {@code name} as a list. */
  public List<Object> list(String name) {
    Object v = require(name);
    if (v instanceof List<?> l) {
      return Collections.unmodifiableList(l);
    }
    throw wrongType(name, v, "a list");
  }

  /** Returns output {@code name} as a map. */
  @SuppressWarnings("unchecked")
  public Map<String, Object> map(String name) {
    Object v = require(name);
    if (v instanceof Map<?, ?> m) {
      return Collections.unmodifiableMap((Map<String, Object>) m);
    }
    throw wrongType(name, v, "a map");
  }

  /**
   * Returns output {@code name} as a credential: a map with {@code user}, {@code token} and optionally
   * {@code token_type}, as IM's TOSCA {@code get_attribute: [node, endpoint, credential]} produces.
   */
  public OutputCredential credential(String name) {
    Map<String, Object> m = map(name);
    Object user = m.get("user");
    Object token = m.get("token");
    if (!(user instanceof String) || !(token instanceof String)) {
      throw new IllegalStateException("output '" + name + "' is not a credential: it needs string 'user' and "
          + "'token' entries, it has keys " + m.keySet());
    }
    Object type = m.get("token_type");
    return new OutputCredential((String) user, (String) token, type == null ? "" : type.toString());
  }

  private Object require(String name) {
    Objects.requireNonNull(name, "name");
    if (!values.containsKey(name)) {
      throw new NoSuchElementException("no output '" + name + "'; outputs are " + values.keySet());
    }
    Object v = values.get(name);
    if (v == null) {
      throw new IllegalStateException("output '" + name + "' is null");
    }
    return v;
  }

  private static IllegalStateException wrongType(String name, Object v, String wanted) {
    String actual = v instanceof Map ? "a map" : v instanceof List ? "a list" : v instanceof String ? "a string"
        : v instanceof Number ? "a number" : v instanceof Boolean ? "a boolean" : v.getClass().getSimpleName();
    return new IllegalStateException("output '" + name + "' is " + actual + ", not " + wanted);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Outputs other && values.equals(other.values);
  }

  @Override
  public int hashCode() {
    return values.hashCode();
  }

  @Override
  public String toString() {
    return "Outputs" + values.keySet();
  }
}
