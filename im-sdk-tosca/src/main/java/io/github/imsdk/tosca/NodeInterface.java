package io.github.imsdk.tosca;

import io.github.imsdk.tosca.internal.Values;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * An interface of a node template, e.g. {@code Standard} with its {@code configure} operation.
 *
 * @param operations the operations by name, in template order
 * @param extras the interface's own keys ({@code type}, {@code inputs}, {@code description}), in template order
 */
public record NodeInterface(Map<String, Operation> operations, Map<String, Object> extras) {

  /** Keys of an interface assignment that are not operation names. */
  public static final Set<String> NON_OPERATION_KEYS = Set.of("type", "inputs", "description", "notifications",
      "operations");

  /** Copies the operations and freezes the extras. */
  public NodeInterface {
    operations = Values.copyOrdered(operations);
    extras = Values.freezeMap(extras);
  }

  /** Returns an interface with one operation. */
  public static NodeInterface of(String operation, Operation op) {
    return new NodeInterface(Map.of(operation, op), Map.of());
  }

  /** Returns one operation, if present. */
  public Optional<Operation> operation(String name) {
    return Optional.ofNullable(operations.get(name));
  }
}
