package io.github.imsdk.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.runner.options.VerboseMode;

/**
 * Runs every im-sdk benchmark of issue 7 and prints a Markdown report with each figure and its ratio to the raw
 * baseline measured in the same run.
 *
 * <pre>{@code
 * ./mvnw -q -B -pl im-sdk-benchmarks -am package -DskipTests
 * java -jar im-sdk-benchmarks/target/im-sdk-benchmarks.jar            # everything, about 5 minutes on 2 cores
 * java -jar im-sdk-benchmarks/target/im-sdk-benchmarks.jar --only=overhead,auth --out=results.md
 * }</pre>
 *
 * <p>Options: {@code --only=<sections>} (overhead, throughput, connections, tosca, auth, memory,
 * coldstart), {@code --quick}
 * (one short in-process iteration of each, for smoke tests: the numbers mean nothing), {@code --verbose} (JMH's
 * own progress output), {@code --out=<file>} (also write the report there), {@code --coldstart-runs=<n>}.
 */
public final class RunAll {

  /** Every section, in run order. */
  static final List<String> SECTIONS = List.of("overhead", "throughput", "connections", "tosca", "auth", "memory",
      "coldstart");

  private final Set<String> only;
  private final boolean quick;
  private final boolean verbose;
  private final int coldStartRuns;
  private final Report report = new Report();

  RunAll(Set<String> only, boolean quick, boolean verbose, int coldStartRuns) {
    this.only = only;
    this.quick = quick;
    this.verbose = verbose;
    this.coldStartRuns = coldStartRuns;
  }

  /** Runs the benchmarks; see the class comment for the options. */
  public static void main(String[] args) {
    Set<String> only = new LinkedHashSet<>(SECTIONS);
    boolean quick = false;
    boolean verbose = false;
    int coldStartRuns = 4;
    Path out = null;
    for (String a : args) {
      if (a.equals("--quick")) {
        quick = true;
      } else if (a.equals("--verbose")) {
        verbose = true;
      } else if (a.startsWith("--only=")) {
        only = new LinkedHashSet<>(Arrays.asList(a.substring(7).split(",")));
        for (String s : only) {
          if (!SECTIONS.contains(s)) {
            throw new IllegalArgumentException("unknown section '" + s + "'; known: " + SECTIONS);
          }
        }
      } else if (a.startsWith("--out=")) {
        out = Path.of(a.substring(6));
      } else if (a.startsWith("--coldstart-runs=")) {
        coldStartRuns = Integer.parseInt(a.substring(17));
      } else {
        throw new IllegalArgumentException("unknown option '" + a + "'; see the RunAll javadoc");
      }
    }
    String text = new RunAll(only, quick, verbose, coldStartRuns).run();
    System.out.println();
    System.out.println(text);
    if (out != null) {
      try {
        Files.writeString(out, text, StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot write the report to " + out, e);
      }
    }
  }

  /** Runs the selected sections and returns the report. */
  String run() {
    long start = System.nanoTime();
    report.header(quick);
    for (String section : SECTIONS) {
      if (!only.contains(section)) {
        continue;
      }
      progress("running " + section);
      switch (section) {
        case "overhead" -> overhead();
        case "throughput" -> throughput();
        case "connections" -> connections();
        case "tosca" -> tosca();
        case "auth" -> auth();
        case "memory" -> memory();
        case "coldstart" -> coldStart();
        default -> throw new IllegalStateException(section);
      }
    }
    report.line("");
    report.line(String.format(Locale.ROOT, "Suite wall time: %.0f s.", (System.nanoTime() - start) / 1e9));
    return report.text();
  }

  private void overhead() {
    // 5 rounds: one fork's p50 ratio moves by +-0.1 from run to run (each fork's JIT decides differently)
    int rounds = quick ? 1 : 5;
    // 8 warm-up seconds: with 1, both clients were still getting faster from one iteration to the next (JIT on 2
    // cores), and the p50 mixed warm-up with steady state.
    JmhRounds r = jmh(CallOverheadBenchmark.class, rounds, 8, 3);
    report.section("1. Per-call latency (JMH SampleTime, µs; median over " + rounds + " rounds of one fork per "
        + "benchmark; ratio = client / raw java.net.http + Jackson within a round, median over rounds)");
    report.line("| call | client | p50 | p99 | p99.9 | samples | p50 ratio | p99 ratio |");
    report.line("|---|---|---:|---:|---:|---:|---:|---:|");
    latencyRows(r, "state()", "rawJdkState", List.of(
        new String[] {"sdkState", "im-sdk (pinned connector)"},
        new String[] {"rawJerseyState", "raw Jersey (default connector)"},
        new String[] {"rawJdkState", "raw java.net.http + Jackson"}));
    latencyRows(r, "outputs()", "rawJdkOutputs", List.of(
        new String[] {"sdkOutputs", "im-sdk (pinned connector)"},
        new String[] {"rawJdkOutputs", "raw java.net.http + Jackson"}));
    double ratio = r.ratio("sdkState", "rawJdkState", 50);
    double ratioJersey = r.ratio("sdkState", "rawJerseyState", 50);
    double outputs = r.ratio("sdkOutputs", "rawJdkOutputs", 50);
    report.line("");
    report.line(verdict("im-sdk state() p50 <= 1.10x raw", ratio, ratio <= 1.10)
        + String.format(Locale.ROOT, " (vs raw Jersey on HttpURLConnection: %.2fx)", ratioJersey));
    report.line(verdict("im-sdk outputs() p50 <= 1.10x raw", outputs, outputs <= 1.10));
  }

  private void latencyRows(JmhRounds r, String call, String baseline, List<String[]> rows) {
    for (String[] row : rows) {
      report.line(String.format(Locale.ROOT, "| %s | %s | %.1f | %.1f | %.1f | %d | %.2fx | %.2fx |", call, row[1],
          r.p(row[0], 50), r.p(row[0], 99), r.p(row[0], 99.9), r.samples(row[0]), r.ratio(row[0], baseline, 50),
          r.ratio(row[0], baseline, 99)));
    }
  }

  private void throughput() {
    int rounds = quick ? 1 : 4;
    Duration warmup = quick ? Duration.ofMillis(50) : Duration.ofSeconds(5); // per client and thread count
    Duration window = quick ? Duration.ofMillis(100) : Duration.ofSeconds(1);
    List<ThroughputRounds.Result> results = ThroughputRounds.measure(new int[] {1, 8, 64}, rounds, warmup, window);
    report.section("2. Throughput of state() on one shared client (calls/s, median of " + rounds + " interleaved "
        + window.toMillis() + " ms windows after " + warmup.toMillis() + " ms of warm-up; ratio = median over rounds "
        + "of client / raw java.net.http + Jackson in the same round)");
    report.line("| threads | client | calls/s | range | ratio |");
    report.line("|---:|---|---:|---:|---:|");
    List<String> verdicts = new ArrayList<>();
    for (ThroughputRounds.Result x : results) {
      report.line(String.format(Locale.ROOT, "| %d | %s | %.0f | %s | %.2fx |", x.threads(), x.client().label(),
          x.medianCallsPerSecond(), x.range(), x.medianRatio()));
      if (x.client() == ClientKind.SDK) {
        verdicts.add(verdict(x.threads() + " thread(s): im-sdk >= 0.9x raw", x.medianRatio(), x.medianRatio() >= 0.9));
      }
    }
    report.line("");
    verdicts.forEach(report::line);
  }

  private void connections() {
    int calls = quick ? 640 : 10_000;
    List<ConnectionCounts.Result> results = ConnectionCounts.measure(calls);
    report.section("2b. TCP connections accepted by the stub for " + calls + " state() calls on one fresh client");
    report.line("| client | sequential | " + ConnectionCounts.THREADS + " threads | requests re-sent by the client |");
    report.line("|---|---:|---:|---:|");
    for (ConnectionCounts.Result c : results) {
      report.line(String.format(Locale.ROOT, "| %s | %d | %d | %d |", c.client().label(), c.sequentialConnections(),
          c.parallelConnections(), c.resent()));
    }
    ConnectionCounts.Result sdk = results.get(0);
    report.line("");
    report.line((sdk.sequentialConnections() <= 5 ? "MET" : "MISSED") + ": im-sdk sequential connections <= pool size"
        + " (the pinned connector keeps one connection per concurrent caller): "
        + sdk.sequentialConnections());
  }

  private void tosca() {
    int rounds = quick ? 1 : 2;
    JmhRounds r = jmh(ToscaBenchmark.class, rounds, 2, 2);
    report.section("4. TOSCA (JMH SampleTime, µs per operation; median over " + rounds + " rounds; ratio = im-sdk / "
        + "raw SnakeYAML at p50 within a round, median over rounds)");
    report.line("| operation | p50 | p99 | samples | p50 ratio |");
    report.line("|---|---:|---:|---:|---:|");
    toscaRow(r, "recipeToYaml", "ContainerRecipe -> template -> toYaml() (the guide's seed template)",
        "rawDumpSeed");
    toscaRow(r, "rawDumpSeed", "raw SnakeYAML dump of the same document from maps", "rawDumpSeed");
    String nodes = LargeTemplate.GROUPS * 4 + " node templates, " + LargeTemplate.yaml().length() / 1024 + " KiB";
    toscaRow(r, "parseLarge", "ToscaTemplate.parse, " + nodes, "rawLoadLarge");
    toscaRow(r, "rawLoadLarge", "raw SnakeYAML new Yaml().load, same text", "rawLoadLarge");
    double ratio = r.ratio("parseLarge", "rawLoadLarge", 50);
    report.line("");
    report.line(verdict("ToscaTemplate.parse <= 1.5x raw SnakeYAML load", ratio, ratio <= 1.5));
  }

  private void toscaRow(JmhRounds r, String method, String label, String baseline) {
    report.line(String.format(Locale.ROOT, "| %s | %.1f | %.1f | %d | %.2fx |", label, r.p(method, 50),
        r.p(method, 99), r.samples(method), r.ratio(method, baseline, 50)));
  }

  private void auth() {
    int rounds = quick ? 1 : 2;
    JmhRounds r = jmh(AuthHeaderBenchmark.class, rounds, 1, 2);
    report.section("5. Authorization header for " + AuthHeaderBenchmark.LINES + " credential lines with ~1 KB JWTs "
        + "(JMH SampleTime, µs per header; median over " + rounds + " rounds; ratio = variant / literal values at p50 "
        + "within a round)");
    report.line("| values | p50 | p99 | mean | samples | p50 ratio |");
    report.line("|---|---:|---:|---:|---:|---:|");
    for (String[] row : List.of(new String[] {"literals", "literal tokens"},
        new String[] {"cachedProviders", "50 providers behind TokenProviders.cached"},
        new String[] {"sharedCachedProvider", "1 cached provider shared by 50 lines"},
        new String[] {"uncachedProviders", "50 StaticTokenProviders, no cache"},
        new String[] {"redactorForHeader", "core's Redactor.forHeader(header): built on every call"})) {
      report.line(String.format(Locale.ROOT, "| %s | %.1f | %.1f | %.1f | %d | %.2fx |", row[1], r.p(row[0], 50),
          r.p(row[0], 99), r.mean(row[0]), r.samples(row[0]), r.ratio(row[0], "literals", 50)));
    }
  }

  private void memory() {
    int runs = quick ? 1 : 3;
    try (ImStub stub = ImStub.start(2)) {
      Map<String, List<long[]>> byClient = new HashMap<>();
      for (int i = 0; i < runs; i++) {
        for (String client : List.of("sdk", "raw")) {
          ChildJvm.Run run = ChildJvm.run(List.of("-XX:+UseSerialGC", "-Xmx256m", "-Xshare:auto"), MemoryProbe.class,
              List.of(client, stub.endpoint().toString()), "memory ");
          String[] f = run.line("memory ").split(" ");
          byClient.computeIfAbsent(client, k -> new ArrayList<>())
              .add(new long[] {Long.parseLong(f[1]), Long.parseLong(f[2]), Long.parseLong(f[3])});
        }
      }
      report.section("6. Retained heap (serial GC, used heap after 4x System.gc(), median of " + runs + " JVMs, KiB)");
      report.line("| client | first client + 1 call | each further client + 1 call |");
      report.line("|---|---:|---:|");
      double[] sdk = medians(byClient.get("sdk"));
      double[] raw = medians(byClient.get("raw"));
      report.line(String.format(Locale.ROOT, "| im-sdk | %.0f | %.0f |", sdk[0] / 1024, sdk[1] / 1024));
      report.line(String.format(Locale.ROOT, "| raw java.net.http + Jackson | %.0f | %.0f |", raw[0] / 1024,
          raw[1] / 1024));
      report.line(String.format(Locale.ROOT, "| ratio | %.2fx | %.2fx |", sdk[0] / raw[0], sdk[1] / raw[1]));
      report.line("");
      report.line(String.format(Locale.ROOT, "%d infrastructure handles (ids made beforehand): %.0f KiB, %.1f bytes "
          + "per handle.", MemoryProbe.HANDLES, sdk[2] / 1024, sdk[2] / MemoryProbe.HANDLES));
    }
  }

  private static double[] medians(List<long[]> rows) {
    double[] m = new double[3];
    for (int k = 0; k < 3; k++) {
      int col = k;
      m[k] = Stats.median(rows.stream().map(a -> a[col]).toList());
    }
    return m;
  }

  private void coldStart() {
    int runs = quick ? 1 : coldStartRuns;
    boolean appCds = !quick && ChildJvm.classpathIsJarsOnly();
    try (ImStub stub = ImStub.start(2)) {
      List<ColdStart.Result> results = ColdStart.measure(stub.endpoint(), runs, Path.of("target", "appcds"), appCds);
      report.section("3. Cold start: launch of `java` to first answer (median of " + runs + " interleaved runs, ms; "
          + "ratio = im-sdk / raw java.net.http + Jackson with the same flags)");
      report.line("| client | JVM flags | to first answer | range | in main() | to process exit | ratio (answer) "
          + "| ratio (exit) |");
      report.line("|---|---|---:|---:|---:|---:|---:|---:|");
      Map<String, ColdStart.Result> byName = new HashMap<>();
      results.forEach(x -> byName.put(x.variant().name(), x));
      for (ColdStart.Result x : results) {
        ColdStart.Result raw = byName.get("raw " + x.variant().flagsName());
        boolean sdk = x.variant().client().equals("sdk") && raw != null;
        String ratio = sdk ? String.format(Locale.ROOT, "%.2fx", x.medianToAnswer() / raw.medianToAnswer()) : "";
        String exitRatio = sdk ? String.format(Locale.ROOT, "%.2fx", x.medianToExit() / raw.medianToExit()) : "";
        report.line(String.format(Locale.ROOT, "| %s | %s | %.0f | %s | %.0f | %.0f | %s | %s |",
            x.variant().client(), x.variant().flagsName(), x.medianToAnswer(), x.rangeToAnswer(), x.medianInMain(),
            x.medianToExit(), ratio, exitRatio));
      }
      if (!appCds) {
        report.line("");
        report.line("AppCDS variants skipped: " + (quick ? "quick mode" : "the classpath is not made of jars only"));
      }
    }
  }

  private JmhRounds jmh(Class<?> benchmark, int rounds, int warmups, int measurements) {
    ChainedOptionsBuilder o = new OptionsBuilder()
        .shouldFailOnError(true)
        .verbosity(verbose ? VerboseMode.NORMAL : VerboseMode.SILENT);
    if (quick) {
      o.forks(0).warmupIterations(0).measurementIterations(1).measurementTime(TimeValue.milliseconds(100));
    } else {
      o.forks(1).jvmArgs("-Xms512m", "-Xmx512m")
          .warmupIterations(warmups).warmupTime(TimeValue.seconds(1))
          .measurementIterations(measurements).measurementTime(TimeValue.seconds(1));
    }
    return JmhRounds.run(benchmark, rounds, o.build());
  }

  private static String verdict(String target, double ratio, boolean met) {
    return String.format(Locale.ROOT, "%s: %s (%.2fx)", met ? "MET" : "MISSED", target, ratio);
  }

  private static void progress(String what) {
    System.err.println("[im-sdk-benchmarks " + java.time.LocalTime.now().withNano(0) + "] " + what);
  }

  /** The Markdown report under construction. */
  private static final class Report {
    private final StringBuilder text = new StringBuilder();

    void header(boolean quick) {
      line("# im-sdk benchmark results" + (quick ? " (QUICK SMOKE RUN: numbers are meaningless)" : ""));
      line("");
      line(String.format(Locale.ROOT, "JVM %s %s, %d processors, %s %s; ratios compare clients measured in the "
          + "same run.", System.getProperty("java.vm.name"), System.getProperty("java.runtime.version"),
          Runtime.getRuntime().availableProcessors(), System.getProperty("os.name"), System.getProperty("os.arch")));
    }

    void section(String title) {
      line("");
      line("## " + title);
      line("");
    }

    void line(String s) {
      text.append(s).append('\n');
    }

    String text() {
      return text.toString();
    }
  }
}
