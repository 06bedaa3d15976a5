package io.github.imsdk.testing.internal;

import io.github.imsdk.auth.AuthLine;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code GET /clouds/{cloudId}/images|quotas}: answered for Dummy clouds as IM's Dummy connector does. */
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
    if (!line.type().equals("Dummy")) {
      throw new HttpError(400, "Error getting cloud info: the IM emulator only answers for clouds of type Dummy; '"
          + cloudId + "' is of type " + line.type() + ".");
    }
    if (param.equals("images")) {
      s.answers.jsonOnly(x, Map.of("images", List.of(
          image("mock0://linux.for.ev.er/image1", "Image Name1"),
          image("mock0://linux.for.ev.er/image2", "Image Name2"))));
    } else {
      Map<String, Object> q = new LinkedHashMap<>();
      for (String k : List.of("cores", "ram", "instances", "floating_ips", "security_groups")) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("used", 1);
        v.put("limit", 10);
        q.put(k, v);
      }
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
