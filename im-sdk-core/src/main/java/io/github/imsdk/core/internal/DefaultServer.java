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
      // IM compares each creation time with end_date at 00:00, so the day after makes 'to' inclusive.
      q.put("end_date", to.plusDays(1).toString());
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
          text(call, r, s, "creation_date"), text(call, r, s, "last_date"), text(call, r, s, "tosca_name"),
          Responses.intField(call, r, s, "vm_count").orElse(0), Responses.intField(call, r, s, "cpu_count").orElse(0),
          Responses.longField(call, r, s, "memory_size").orElse(0), text(call, r, s, "cloud_type"),
          text(call, r, s, "cloud_host"), Responses.booleanField(call, r, s, "hybrid").orElse(false),
          Responses.booleanField(call, r, s, "deleted").orElse(false), text(call, r, s, "im_user"), attrs));
    }
    return out;
  }

  // An absent or null field is empty, as UsageRecord documents; a field of the wrong type is an error.
  private static String text(ImCall call, ImResponse r, JsonNode s, String name) {
    return Responses.textField(call, r, s, name).orElse("");
  }

  @Override
  public String toString() {
    return "Server";
  }
}
