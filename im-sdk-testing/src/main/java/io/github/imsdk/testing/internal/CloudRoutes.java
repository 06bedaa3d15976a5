package io.github.imsdk.testing.internal;

import io.github.imsdk.auth.AuthLine;
import io.github.imsdk.testing.EmulatedCloud;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code GET /clouds/{cloudId}/images|quotas}: answered for Dummy clouds as IM's Dummy connector does, or as the
 * cloud was configured ({@link EmulatedCloud}).
 */
final class CloudRoutes {

  private final EngineState s;

  CloudRoutes(EngineState s) {
    this.s = s;
  }

  void cloud(Exchange x, String cloudId, String param) {
    Authenticator.Caller c = s.auth.authenticate(x, "Error getting cloud info: ", true);
    if (!param.equals("images") && !param.equals("quotas")) {
      if (s.imV2()) {
        throw Answers.literal("param", param, List.of("images", "quotas"));
      }
      throw new HttpError(404, "Incorrect cloud property");
    }
    AuthLine line = Authenticator.cloudLines(c).stream().filter(l -> l.id().filter(cloudId::equals).isPresent())
        .findFirst()
        .orElseThrow(() -> new HttpError(400, "Error getting cloud info: Cloud ID " + cloudId + " not found."));
    // A configured cloud answers whatever its line's type (a test may present it as an EGI site).
    if (!line.type().equals("Dummy") && !s.settings.clouds().containsKey(cloudId)) {
      throw new HttpError(400, "Error getting cloud info: the IM emulator only answers for clouds of type Dummy; '"
          + cloudId + "' is of type " + line.type() + ".");
    }
    EmulatedCloud cloud = s.settings.cloud(cloudId);
    if (param.equals("images")) {
      List<Object> images = new ArrayList<>();
      cloud.images().forEach((uri, name) -> images.add(image(uri, name)));
      s.answers.jsonOnly(x, Map.of("images", images));
    } else {
      Map<String, Object> q = new LinkedHashMap<>();
      cloud.quotas().forEach((k, ul) -> {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("used", ul[0]);
        v.put("limit", ul[1]);
        q.put(k, v);
      });
      s.answers.jsonOnly(x, Map.of("quotas", q));
    }
  }

  private static Map<String, Object> image(String uri, String name) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("uri", uri);
    m.put("name", name);
    return m;
  }
}
