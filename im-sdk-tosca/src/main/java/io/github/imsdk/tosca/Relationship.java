package io.github.imsdk.tosca;

import io.github.imsdk.tosca.internal.Values;
import java.util.Map;

/**
 * The relationship of a requirement, e.g. {@code tosca.relationships.AttachesTo} with properties
 * {@code location} and {@code device} for a {@code local_storage} requirement.
 *
 * @param type the relationship type
 * @param properties its properties, in template order
 * @param extras other keys (e.g. {@code interfaces}), in template order
 */
public record Relationship(String type, Map<String, Object> properties, Map<String, Object> extras) {

  /** Freezes both maps. */
  public Relationship {
    properties = Values.freezeMap(properties);
    extras = Values.freezeMap(extras);
  }

  /** Returns a relationship of a type with properties. */
  public static Relationship of(String type, Map<String, ?> properties) {
    return new Relationship(type, Values.freezeMap(properties), Map.of());
  }
}
