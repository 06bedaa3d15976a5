package io.github.imsdk.core.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.imsdk.core.Server;
import io.github.imsdk.core.UsageRecord;
import io.github.imsdk.core.internal.http.ImCall;
import io.github.imsdk.core.internal.http.ImHttp;
import io.github.imsdk.core.internal.http.ImResponse;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@link Server} over {@link ImHttp}. */
final class DefaultServer implements Server {

  private final ImHttp http;

  DefaultServer(ImHttp http) {
    this.http = http;
  }

  @Override
  public String version() {
    ImCall call = ImCall.get("/version");
    ImResponse r = http.execute(call);
    String v = Responses.text(call, r, "version").strip();
    if (v.isEmpty()) {
      throw Responses.bad(call, r, "empty version");
    }
    return v;
  }

  @Override
  public List<UsageRecord> stats() {
    return stats(null, null);
  }

  @Override
  public List<UsageRecord> stats(LocalDate from, LocalDate to) {
    if (from != null && to != null && to.isBefore(from)) {
      throw new IllegalArgumentException("stats end date " + to + " is before the start date " + from);
    }
    Map<String, String> q = new LinkedHashMap<>();
    if (from != null) {
      q.put("init_date", from.toString());
    }
    if (to != null) {
      q.put("end_date", to.toString());
    }
    ImCall call = new ImCall("GET", "/stats", q, null, null, true);
    ImResponse r = http.execute(call);
    JsonNode stats = Responses.field(call, r, "stats");
    if (!stats.isArray()) {
      throw Responses.bad(call, r, "'stats' is not a JSON array");
    }
    List<UsageRecord> out = new ArrayList<>();
    for (JsonNode s : stats) {
      Map<String, Object> attrs = Responses.toMap(call, r, s, "stats[]");
      out.add(new UsageRecord(
          Responses.textual(call, r, s.get("inf_id"), "stats[].inf_id"),
          s.path("creation_date").asText(""), s.path("last_date").asText(""), s.path("tosca_name").asText(""),
          s.path("vm_count").asInt(0), s.path("cpu_count").asInt(0), s.path("memory_size").asLong(0),
          s.path("cloud_type").asText(""), s.path("cloud_host").asText(""), s.path("hybrid").asBoolean(false),
          s.path("deleted").asBoolean(false), s.path("im_user").asText(""), attrs));
    }
    return out;
  }

  @Override
  public String toString() {
    return "Server";
  }
}
