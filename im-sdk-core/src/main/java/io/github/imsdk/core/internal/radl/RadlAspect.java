package io.github.imsdk.core.internal.radl;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One RADL aspect ({@code network}, {@code system}, ...) with its features keyed as in RADL-JSON: {@code prop},
 * {@code prop_min} for {@code >=}, {@code prop_max} for {@code <=}; sizes in base units.
 *
 * @param kind the aspect class, e.g. {@code system}
 * @param id the aspect id, e.g. {@code front}
 * @param features the features, in order
 */
public record RadlAspect(String kind, String id, Map<String, Object> features) {

  /** Checks and copies the components. */
  public RadlAspect {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(id, "id");
    features = Collections.unmodifiableMap(new LinkedHashMap<>(features));
  }
}
