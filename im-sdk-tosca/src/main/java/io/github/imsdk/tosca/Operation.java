package io.github.imsdk.tosca;

import io.github.imsdk.tosca.internal.Values;
import java.util.Map;

/**
 * An interface operation of a node, e.g. {@code Standard.configure} with an Ansible playbook URL as its
 * implementation and the playbook's inputs. The IM turns it into a RADL {@code configure} block.
 *
 * <p>The writer uses the short form {@code configure: playbook.yml} when there is only an implementation.
 *
 * @param implementation the artifact that implements it (a playbook URL or path), or null
 * @param inputs the operation inputs, in template order; values may be functions
 * @param extras other keys (e.g. a map-valued {@code implementation}, {@code description}), in template order
 */
public record Operation(String implementation, Map<String, Object> inputs, Map<String, Object> extras) {

  /** Freezes both maps. */
  public Operation {
    inputs = Values.freezeMap(inputs);
    extras = Values.freezeMap(extras);
  }

  /** Returns an operation with an implementation and inputs. */
  public static Operation of(String implementation, Map<String, ?> inputs) {
    return new Operation(implementation, Values.freezeMap(inputs), Map.of());
  }

  /** Shows the implementation and input names only: inputs may hold passwords passed to a playbook. */
  @Override
  public String toString() {
    return "Operation{" + implementation + ", inputs=" + inputs.keySet() + "}";
  }

  /** Tells whether this operation can be written as just its implementation. */
  public boolean isShortForm() {
    return implementation != null && inputs.isEmpty() && extras.isEmpty();
  }
}
