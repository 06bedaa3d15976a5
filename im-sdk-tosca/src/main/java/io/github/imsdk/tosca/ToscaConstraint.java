package io.github.imsdk.tosca;

import io.github.imsdk.tosca.internal.Values;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * One constraint clause of an input or property, written as a one-entry mapping such as
 * {@code valid_values: [ 1, 2, 4 ]} or {@code in_range: [ 1, 64 ]}.
 *
 * <p>The operators are TOSCA's (Simple Profile 1.0 §3.5.2): {@code equal}, {@code greater_than},
 * {@code greater_or_equal}, {@code less_than}, {@code less_or_equal}, {@code in_range}, {@code valid_values},
 * {@code length}, {@code min_length}, {@code max_length}, {@code pattern}.
 *
 * @param operator the operator keyword
 * @param argument its argument: a value, or a list for {@code in_range} and {@code valid_values}
 */
public record ToscaConstraint(String operator, Object argument) {

  /** Every operator TOSCA defines. */
  public static final Set<String> OPERATORS = Set.of("equal", "greater_than", "greater_or_equal", "less_than",
      "less_or_equal", "in_range", "valid_values", "length", "min_length", "max_length", "pattern");

  /** Checks the operator and freezes the argument. */
  public ToscaConstraint {
    Values.require(operator, "operator");
    argument = Values.freeze(argument);
  }

  /** Returns {@code valid_values: [ values... ]}. */
  public static ToscaConstraint validValues(Object... values) {
    return new ToscaConstraint("valid_values", Arrays.asList(values));
  }

  /** Returns {@code valid_values: values}. */
  public static ToscaConstraint validValues(List<?> values) {
    return new ToscaConstraint("valid_values", values);
  }

  /** Returns {@code in_range: [ min, max ]} (both inclusive). */
  public static ToscaConstraint inRange(Object min, Object max) {
    return new ToscaConstraint("in_range", List.of(min, max));
  }

  /** Returns {@code greater_or_equal: min}. */
  public static ToscaConstraint greaterOrEqual(Object min) {
    return new ToscaConstraint("greater_or_equal", min);
  }

  /** Returns {@code greater_than: bound}. */
  public static ToscaConstraint greaterThan(Object bound) {
    return new ToscaConstraint("greater_than", bound);
  }

  /** Returns {@code less_or_equal: max}. */
  public static ToscaConstraint lessOrEqual(Object max) {
    return new ToscaConstraint("less_or_equal", max);
  }

  /** Returns {@code less_than: bound}. */
  public static ToscaConstraint lessThan(Object bound) {
    return new ToscaConstraint("less_than", bound);
  }

  /** Returns {@code equal: value}. */
  public static ToscaConstraint equal(Object value) {
    return new ToscaConstraint("equal", value);
  }

  /** Returns {@code pattern: regex} (a Java/Python compatible regular expression matched against the whole value). */
  public static ToscaConstraint pattern(String regex) {
    return new ToscaConstraint("pattern", regex);
  }

  /** Returns {@code min_length: n}. */
  public static ToscaConstraint minLength(int n) {
    return new ToscaConstraint("min_length", n);
  }

  /** Returns {@code max_length: n}. */
  public static ToscaConstraint maxLength(int n) {
    return new ToscaConstraint("max_length", n);
  }

  /** Returns {@code length: n}. */
  public static ToscaConstraint length(int n) {
    return new ToscaConstraint("length", n);
  }
}
