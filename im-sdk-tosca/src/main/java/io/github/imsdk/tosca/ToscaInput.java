package io.github.imsdk.tosca;

import io.github.imsdk.tosca.internal.Values;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A template input ({@code topology_template.inputs.<name>}): its type, description, default value and
 * constraints. Instances are immutable.
 *
 * <p>Types are TOSCA's: {@code integer}, {@code float}, {@code boolean}, {@code string},
 * {@code scalar-unit.size}, {@code scalar-unit.time}, {@code scalar-unit.frequency}, {@code list}, {@code map},
 * {@code version}, {@code timestamp}, {@code range}. Keys the model does not name (for example {@code required},
 * {@code entry_schema}) are kept in {@link #extras()} and written back.
 */
public final class ToscaInput {

  private final String type;
  private final String description;
  private final boolean hasDefault;
  private final Object defaultValue;
  private final List<ToscaConstraint> constraints;
  private final Map<String, Object> extras;
  private final boolean bareValue;

  private ToscaInput(Builder b) {
    this.bareValue = b.bareValue && b.type == null && b.description == null && b.constraints.isEmpty()
        && b.extras.isEmpty();
    this.type = b.type;
    this.description = b.description;
    this.hasDefault = b.hasDefault;
    this.defaultValue = b.defaultValue;
    this.constraints = List.copyOf(b.constraints);
    this.extras = Values.copyOrdered(b.extras);
  }

  /** Starts an input of the given TOSCA type, e.g. {@code "integer"} or {@code "scalar-unit.size"}. */
  public static Builder builder(String type) {
    return new Builder().type(type);
  }

  /** Returns an {@code integer} input with a default. */
  public static ToscaInput integer(int defaultValue) {
    return builder("integer").defaultValue(defaultValue).build();
  }

  /** Returns a {@code string} input with a default. */
  public static ToscaInput string(String defaultValue) {
    return builder("string").defaultValue(defaultValue).build();
  }

  /** Returns a {@code scalar-unit.size} input with a default such as {@code "2 GB"}. */
  public static ToscaInput size(String defaultValue) {
    return builder("scalar-unit.size").defaultValue(defaultValue).build();
  }

  /** Returns a builder holding this input's values. */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.type = type;
    b.description = description;
    b.hasDefault = hasDefault;
    b.defaultValue = defaultValue;
    b.constraints.addAll(constraints);
    b.extras.putAll(extras);
    b.bareValue = bareValue;
    return b;
  }

  /**
   * Returns an input written as just its value, {@code inputs: { num_cpus: 16 }}, as template repositories do (the
   * IM takes the value as the default of an untyped input).
   */
  public static ToscaInput bareValue(Object value) {
    Builder b = new Builder().defaultValue(value);
    b.bareValue = true;
    return b.build();
  }

  /**
   * Tells whether the input is written as just its value ({@link #bareValue(Object)}): it has a default and no
   * type, description, constraints or other keys.
   */
  public boolean isBareValue() {
    return bareValue;
  }

  /** Returns a copy with another default value. */
  public ToscaInput withDefault(Object value) {
    return toBuilder().defaultValue(value).build();
  }

  /** Returns the TOSCA type, or null if the template gave none. */
  public String type() {
    return type;
  }

  /** Returns the description, if any. */
  public Optional<String> description() {
    return Optional.ofNullable(description);
  }

  /** Tells whether a {@code default} is present (it may be null if written as {@code default: ~}). */
  public boolean hasDefault() {
    return hasDefault;
  }

  /** Returns the default value, if any and not null. */
  public Optional<Object> defaultValue() {
    return Optional.ofNullable(defaultValue);
  }

  /** Returns the constraints in template order. */
  public List<ToscaConstraint> constraints() {
    return constraints;
  }

  /** Returns keys the model does not name (e.g. {@code required}), in template order. */
  public Map<String, Object> extras() {
    return extras;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ToscaInput i && Objects.equals(type, i.type) && Objects.equals(description, i.description)
        && hasDefault == i.hasDefault && Objects.equals(defaultValue, i.defaultValue)
        && constraints.equals(i.constraints) && extras.equals(i.extras) && bareValue == i.bareValue;
  }

  @Override
  public int hashCode() {
    return Objects.hash(type, description, hasDefault, defaultValue, constraints, extras);
  }

  @Override
  public String toString() {
    // The default is not shown: inputs such as passwords have secret defaults.
    return "ToscaInput{type=" + type + (hasDefault ? ", with default" : "") + "}";
  }

  /** Builds a {@link ToscaInput}. */
  public static final class Builder {
    private String type;
    private String description;
    private boolean hasDefault;
    private Object defaultValue;
    private final List<ToscaConstraint> constraints = new ArrayList<>();
    private final Map<String, Object> extras = new LinkedHashMap<>();
    private boolean bareValue;

    private Builder() {}

    /** Sets the TOSCA type. */
    public Builder type(String type) {
      this.type = type;
      return this;
    }

    /** Sets the description shown to users. */
    public Builder description(String description) {
      this.description = description;
      return this;
    }

    /** Sets the default value: a literal such as {@code 2}, {@code "2 GB"} or a list. */
    public Builder defaultValue(Object value) {
      this.defaultValue = Values.freeze(value);
      this.hasDefault = true;
      return this;
    }

    /** Removes the default value. */
    public Builder noDefault() {
      this.defaultValue = null;
      this.hasDefault = false;
      return this;
    }

    /** Adds a constraint. */
    public Builder constraint(ToscaConstraint constraint) {
      constraints.add(Values.require(constraint, "constraint"));
      return this;
    }

    /** Replaces the constraints. */
    public Builder constraints(List<ToscaConstraint> list) {
      constraints.clear();
      list.forEach(this::constraint);
      return this;
    }

    /** Sets a key the model does not name, such as {@code required} or {@code entry_schema}. */
    public Builder extra(String key, Object value) {
      extras.put(Values.require(key, "key"), Values.freeze(value));
      return this;
    }

    /** Returns the input. */
    public ToscaInput build() {
      return new ToscaInput(this);
    }
  }
}
