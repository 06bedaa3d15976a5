package io.github.imsdk.testing.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code GET /infrastructures/{id}/{prop}}: state, contmsg, radl, tosca, outputs (via {@link OutputEvaluator}),
 * data (via {@link DataExport}) and authorization.
 */
final class InfraProperties {

  private static final List<String> INFRA_PROPS =
      List.of("contmsg", "radl", "tosca", "state", "outputs", "data", "authorization");

  private final EngineState s;

  InfraProperties(EngineState s) {
    this.s = s;
  }

  void property(Exchange x, String id, String prop) {
    String prefix = "Error Getting Inf. prop: ";
    if (!INFRA_PROPS.contains(prop)) {
      Authenticator.Caller c = s.auth.authenticate(x, prefix, false);
      if (s.imV2()) {
        throw Answers.literal("prop", prop, INFRA_PROPS);
      }
      s.owned(c, id, prefix);
      throw new HttpError(404, "Incorrect infrastructure property");
    }
    Authenticator.Caller c = s.auth.authenticate(x, prefix, false);
    Model.Infra inf = s.owned(c, id, prefix);
    Instant now = s.now();
    switch (prop) {
      case "state" -> {
        Map<String, Object> vms = new LinkedHashMap<>();
        inf.visibleVms(now).forEach(v -> vms.put(String.valueOf(v.id), v.state(now).wire()));
        Map<String, Object> st = new LinkedHashMap<>();
        st.put("state", inf.state(now).wire());
        st.put("vm_states", vms);
        s.answers.jsonOnly(x, Map.of("state", st));
      }
      case "contmsg" -> {
        boolean headerOnly = s.answers.bool(x, "headeronly", false);
        String msg = ContextLog.contmsg(inf, now, headerOnly);
        s.answers.plainOrJson(x, "contmsg", msg, msg);
      }
      case "radl" -> s.answers.plainOrJson(x, "radl", inf.radl.text(), inf.radl.text());
      case "tosca" -> {
        requireTosca(inf, "tosca");
        String yaml = inf.tosca;
        // IM 1.19.2 refuses Accept: text/plain here (415); 2.0 serves it.
        if (s.answers.negotiate(x, s.imV2() ? "text/plain" : "text/yaml", true) == Answers.Out.JSON) {
          s.answers.json(x, Map.of("tosca", yaml));
        } else {
          s.answers.text(x, "text/plain", yaml);
        }
      }
      case "outputs" -> {
        requireTosca(inf, "outputs");
        s.answers.jsonOnly(x, Map.of("outputs", new OutputEvaluator(inf, now).evaluate()));
      }
      case "data" -> {
        boolean delete = s.answers.bool(x, "delete", false);
        String data = Json.write(DataExport.write(inf, s.now()), true);
        s.answers.jsonOnly(x, Map.of("data", data));
        if (delete) {
          s.infras.remove(inf.id);
        }
      }
      case "authorization" -> {
        List<String> names = new ArrayList<>();
        inf.owners.forEach(o -> names.add(o.username()));
        s.answers.plainOrJson(x, "authorization", names, String.join("\n", names));
      }
      default -> throw new IllegalStateException(prop);
    }
  }

  private void requireTosca(Model.Infra inf, String prop) {
    if (inf.template == null) {
      String msg = "'" + prop + "' infrastructure property is not valid in this infrastructure";
      throw s.imV2() ? new HttpError(403, "Error Getting Inf. prop: " + msg)
          : new HttpError(400, "Error Getting Inf. prop: 403 Forbidden: " + msg);
    }
  }
}
