package io.github.imsdk.testing.internal;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** {@code GET /stats}: one entry per infrastructure the caller ever created, newest first. */
final class StatsRoute {

  private static final DateTimeFormatter STATS_TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);

  private static final Pattern DATE = Pattern.compile("(\\d{4})[-/](\\d{1,2})[-/](\\d{1,2})(.*)");

  private final EngineState s;

  StatsRoute(EngineState s) {
    this.s = s;
  }

  void stats(Exchange x) {
    Authenticator.Caller c = s.auth.authenticate(x, "Error getting stats: ", false);
    Optional<LocalDate> from = date(x, "init_date", LocalDate.of(1970, 1, 1));
    Optional<LocalDate> to = date(x, "end_date", LocalDate.of(9999, 12, 31));
    List<Map<String, Object>> out = new ArrayList<>();
    for (int i = s.history.size() - 1; i >= 0 && from.isPresent() && to.isPresent(); i--) {
      Model.Infra inf = s.history.get(i);
      // IM compares the creation time with midnight of each date: end_date=D means "created <= D 00:00:00".
      Instant fromTime = from.get().atStartOfDay(ZoneOffset.UTC).toInstant();
      Instant toTime = to.get().atStartOfDay(ZoneOffset.UTC).toInstant();
      if (!inf.ownedBy(c.ids()) || inf.createdAt.isBefore(fromTime) || inf.createdAt.isAfter(toTime)) {
        continue;
      }
      out.add(entry(inf));
    }
    String accept = x.header("Accept") == null ? "" : x.header("Accept").split(",")[0].split(";")[0].trim();
    if (accept.equals("text/csv")) {
      s.answers.text(x, "text/csv", csv(out));
    } else if (accept.equals("text/plain") && s.imV2()) {
      s.answers.json(x, null); // IM 2.0 answers 200 with a JSON null
    } else {
      s.answers.jsonOnly(x, Map.of("stats", out));
    }
  }

  private Map<String, Object> entry(Model.Infra inf) {
    long cpus = 0;
    long mem = 0;
    for (Model.Vm v : inf.vms) {
      cpus += Sizes.number(v.system, "cpu.count", 1);
      mem += Sizes.bytes(v.system, "memory.size") / 1_000_000;
    }
    Map<String, Object> e = new LinkedHashMap<>();
    e.put("creation_date", STATS_TIME.format(inf.createdAt));
    e.put("tosca_name", toscaName(inf));
    e.put("vm_count", inf.vms.size());
    e.put("cpu_count", cpus);
    e.put("memory_size", mem);
    e.put("cloud_type", inf.cloudType);
    e.put("cloud_host", inf.cloudHost);
    e.put("hybrid", false);
    e.put("deleted", inf.deleted || !s.infras.containsKey(inf.id));
    e.put("im_user", inf.owners.isEmpty() ? "" : inf.owners.get(0).username());
    e.put("inf_id", inf.id);
    // IM keeps the date of the row's last save, at midnight.
    e.put("last_date", STATS_TIME.format(s.now().atZone(ZoneOffset.UTC).toLocalDate().atStartOfDay(ZoneOffset.UTC)));
    return e;
  }

  /** IM 1.19.2: the basename of metadata.icon minus its last 4 characters; 2.0 prefers metadata.template_name. */
  private String toscaName(Model.Infra inf) {
    if (inf.template == null) {
      return "";
    }
    Map<String, Object> meta = inf.template.tosca().metadata();
    if (s.imV2() && meta.get("template_name") instanceof String name) {
      return name;
    }
    if (meta.get("icon") instanceof String icon) {
      String base = icon.substring(icon.lastIndexOf('/') + 1);
      return base.length() > 4 ? base.substring(0, base.length() - 4) : "";
    }
    return "";
  }

  private static String csv(List<Map<String, Object>> rows) {
    StringBuilder sb = new StringBuilder("creation_date,tosca_name,vm_count,cpu_count,memory_size,cloud_type,"
        + "cloud_host,hybrid,deleted,im_user,inf_id,last_date\r\n");
    for (Map<String, Object> r : rows) {
      List<String> cells = new ArrayList<>();
      r.values().forEach(v -> cells.add(v instanceof Boolean b ? (b ? "True" : "False") : csvCell(String.valueOf(v))));
      sb.append(String.join(",", cells)).append("\r\n");
    }
    return sb.toString();
  }

  private static String csvCell(String v) {
    return v.contains(",") || v.contains("\"") || v.contains("\n") ? "\"" + v.replace("\"", "\"\"") + "\"" : v;
  }

  /**
   * Reads a date as IM does: {@code YYYY-MM-DD} or {@code YYYY/MM/DD}; anything after a valid date makes IM 2.0
   * answer 400 and IM 1.19.2 match nothing (empty result).
   */
  private Optional<LocalDate> date(Exchange x, String name, LocalDate dflt) {
    String v = x.query.get(name);
    if (v == null) {
      return Optional.of(dflt);
    }
    Matcher m = DATE.matcher(v);
    LocalDate d = null;
    if (m.matches()) {
      try {
        d = LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
      } catch (DateTimeException e) {
        d = null;
      }
    }
    if (d == null) {
      throw new HttpError(400, "Incorrect format in " + name + " parameter: YYYY/MM/dd");
    }
    if (!m.group(4).isEmpty()) {
      if (s.imV2()) {
        throw new HttpError(400, "Error getting stats: unconverted data remains: " + m.group(4));
      }
      return Optional.empty();
    }
    return Optional.of(d);
  }
}
