package io.github.imsdk.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Issue 7 §3: whole-process cold start, from launching {@code java} to the first answer printed by
 * {@link FirstCall}, for im-sdk and the raw client, plain, with C1 only ({@code -XX:TieredStopAtLevel=1}), with an
 * AppCDS archive (dumped by one training run with {@code -XX:ArchiveClassesAtExit}) and with both. Runs are
 * interleaved round by round so that load changes hit every variant alike; medians are reported.
 */
final class ColdStart {

  /** One measured configuration. */
  record Variant(String client, String flagsName, List<String> flags) {

    String name() {
      return client + " " + flagsName;
    }
  }

  /** Medians and ranges of one variant. */
  record Result(Variant variant, double medianToAnswer, double medianToExit, double medianInMain,
      String rangeToAnswer) {}

  private static final String C1 = "-XX:TieredStopAtLevel=1";

  private ColdStart() {}

  /** Measures every variant {@code runs} times; AppCDS variants only when the classpath is made of jars. */
  static List<Result> measure(URI endpoint, int runs, Path workDir, boolean withAppCds) {
    List<Variant> variants = new ArrayList<>();
    variants.add(new Variant("noop", "plain", List.of()));
    for (String client : List.of("sdk", "raw")) {
      variants.add(new Variant(client, "plain", List.of()));
      variants.add(new Variant(client, "C1", List.of(C1)));
      if (withAppCds) {
        Path archive = dumpArchive(client, endpoint, workDir);
        String use = "-XX:SharedArchiveFile=" + archive;
        variants.add(new Variant(client, "AppCDS", List.of(use)));
        variants.add(new Variant(client, "AppCDS+C1", List.of(use, C1)));
      }
    }
    Map<Variant, List<ChildJvm.Run>> runsByVariant = new LinkedHashMap<>();
    variants.forEach(v -> runsByVariant.put(v, new ArrayList<>()));
    for (int round = 0; round < runs; round++) {
      for (Variant v : variants) {
        runsByVariant.get(v).add(once(v, endpoint));
      }
    }
    List<Result> results = new ArrayList<>();
    runsByVariant.forEach((v, rs) -> {
      List<Long> toAnswer = rs.stream().map(ChildJvm.Run::millisToLine).toList();
      List<Long> toExit = rs.stream().map(ChildJvm.Run::millisToExit).toList();
      List<Double> inMain = rs.stream()
          .map(r -> Long.parseLong(r.line("answer ").split(" ")[2]) / 1000.0).toList();
      results.add(new Result(v, Stats.median(toAnswer), Stats.median(toExit), Stats.median(inMain),
          Stats.range(toAnswer, "%.0f")));
    });
    return results;
  }

  private static ChildJvm.Run once(Variant v, URI endpoint) {
    List<String> flags = new ArrayList<>(v.flags());
    flags.add("-Xshare:auto");
    ChildJvm.Run run = ChildJvm.run(flags, FirstCall.class, List.of(v.client(), endpoint.toString()), "answer ");
    String answer = run.line("answer ");
    if (!v.client().equals("noop") && !answer.startsWith("answer configured ")) {
      throw new IllegalStateException(v.name() + " did not read the recorded state: " + answer);
    }
    return run;
  }

  private static Path dumpArchive(String client, URI endpoint, Path workDir) {
    try {
      Files.createDirectories(workDir);
      Path archive = workDir.resolve("first-call-" + client + ".jsa").toAbsolutePath();
      Files.deleteIfExists(archive);
      ChildJvm.run(List.of("-XX:ArchiveClassesAtExit=" + archive), FirstCall.class,
          List.of(client, endpoint.toString()), "answer ");
      if (!Files.isRegularFile(archive)) {
        throw new IllegalStateException("the AppCDS training run wrote no archive at " + archive);
      }
      return archive;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot prepare the AppCDS archive in " + workDir, e);
    }
  }
}
