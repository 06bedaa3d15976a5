package io.github.imsdk.testing.internal;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code GET /stats}: one entry per infrastructure the caller ever created, newest first. */
final class StatsRoute {

  private static final DateTimeFormatter STATS_TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);

  private final EngineState s;

  StatsRoute(EngineState s) {
    this.s = s;
  }

  void stats(Exchange x) {
    Authenticator.Caller c = s.auth.authenticate(x, "Error getting stats: ", false);
    LocalDate from = date(x, "init_date", LocalDate.of(1970, 1, 1));
    LocalDate to = date(x, "end_date", null);
    List<Object> out = new ArrayList<>();
    for (int i = s.history.size() - 1; i >= 0; i--) {
      Model.Infra inf = s.history.get(i);
      LocalDate created = inf.createdAt.atZone(ZoneOffset.UTC).toLocalDate();
      if (!inf.ownedBy(c.ids()) || created.isBefore(from) || (to != null && created.isAfter(to))) {
        continue;
      }
      long cpus = 0;
      long mem = 0;
      for (Model.Vm v : inf.vms) {
        cpus += Sizes.number(v.system, "cpu.count", 1);
        mem += Sizes.bytes(v.system, "memory.size") / 1_000_000;
      }
      Map<String, Object> e = new LinkedHashMap<>();
      e.put("creation_date", STATS_TIME.format(inf.createdAt));
      e.put("tosca_name", inf.template != null && inf.template.infraName() != null ? inf.template.infraName() : "");
      e.put("vm_count", inf.vms.size());
      e.put("cpu_count", cpus);
      e.put("memory_size", mem);
      e.put("cloud_type", inf.cloudType);
      e.put("cloud_host", inf.cloudHost);
      e.put("hybrid", false);
      e.put("deleted", inf.deleted || !s.infras.containsKey(inf.id));
      e.put("im_user", inf.owners.isEmpty() ? "" : inf.owners.get(0).username());
      e.put("inf_id", inf.id);
      e.put("last_date", STATS_TIME.format(s.now()));
      out.add(e);
    }
    s.answers.jsonOnly(x, Map.of("stats", out));
  }

  private static LocalDate date(Exchange x, String name, LocalDate dflt) {
    String v = x.query.get(name);
    if (v == null) {
      return dflt;
    }
    try {
      return LocalDate.parse(v.replace('/', '-'));
    } catch (DateTimeParseException e) {
      throw new HttpError(400, "Incorrect format in " + name + " parameter: YYYY/MM/dd");
    }
  }
}
