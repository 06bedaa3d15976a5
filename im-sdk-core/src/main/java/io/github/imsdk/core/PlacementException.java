package io.github.imsdk.core;

import io.github.imsdk.ImException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Thrown when no candidate site could host a placement. Whatever was created on the way was destroyed; a site
 * where that failed says so in its reason.
 */
public class PlacementException extends ImException {
  private static final long serialVersionUID = 1L;

  /** The reason of each site, in candidate order. */
  private final Map<String, String> reasons;

  /** Creates the exception from each site's reason. */
  public PlacementException(Map<String, String> reasons) {
    super(message(reasons));
    this.reasons = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(reasons));
  }

  private static String message(Map<String, String> reasons) {
    if (reasons.isEmpty()) {
      return "no site to place the deployment on: no candidate cloud";
    }
    return "no site could host the deployment: " + reasons.entrySet().stream()
        .map(e -> "site " + e.getKey() + ": " + e.getValue()).collect(Collectors.joining("; "));
  }

  /** Returns the reason each site was passed over, in candidate order. */
  public Map<String, String> reasons() {
    return reasons;
  }
}
