package io.github.imsdk.tosca;

import io.github.imsdk.tosca.internal.Values;
import java.util.Map;

/**
 * A template output ({@code topology_template.outputs.<name>}), whose value the IM evaluates once the
 * infrastructure is deployed ({@code GET /infrastructures/{id}/outputs}).
 *
 * @param value a literal or a {@link ToscaFunction}, e.g. {@code getAttribute("vm", "public_address", 0)}
 * @param description the description, or null
 * @param extras keys the model does not name, in template order
 */
public record ToscaOutput(Object value, String description, Map<String, Object> extras) {

  /** Freezes the value and copies the extras. */
  public ToscaOutput {
    value = Values.freeze(value);
    extras = Values.freezeMap(extras);
  }

  /** Returns an output with just a value. */
  public static ToscaOutput of(Object value) {
    return new ToscaOutput(value, null, Map.of());
  }
}
