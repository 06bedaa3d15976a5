package io.github.imsdk.tosca;

import io.github.imsdk.tosca.internal.Values;
import java.util.Map;
import java.util.Optional;

/**
 * A capability assignment of a node template ({@code capabilities.<name>}), e.g. {@code host} with
 * {@code num_cpus} and {@code mem_size}.
 *
 * @param properties the capability's properties, in template order; values may be functions
 * @param extras other keys (e.g. {@code attributes}), in template order
 */
public record Capability(Map<String, Object> properties, Map<String, Object> extras) {

  /** Freezes both maps. */
  public Capability {
    properties = Values.freezeMap(properties);
    extras = Values.freezeMap(extras);
  }

  /** Returns a capability with just properties. */
  public static Capability of(Map<String, ?> properties) {
    return new Capability(Values.freezeMap(properties), Map.of());
  }

  /** Returns one property, if present and not null. */
  public Optional<Object> property(String name) {
    return Optional.ofNullable(properties.get(name));
  }

  /** Shows property names only: values such as {@code os.credential} may hold passwords or keys. */
  @Override
  public String toString() {
    return "Capability{properties=" + properties.keySet() + ", extras=" + extras.keySet() + "}";
  }
}
