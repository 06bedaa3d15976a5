package io.github.imsdk.benchmarks;

import io.github.imsdk.core.ImageWish;
import io.github.imsdk.core.InfrastructureManager;
import io.github.imsdk.core.PlacementOptions;
import io.github.imsdk.core.PlacementResult;
import io.github.imsdk.core.Template;
import io.github.imsdk.core.Wait;
import io.github.imsdk.testing.EmulatedCloud;
import io.github.imsdk.testing.EmulatorTimings;
import io.github.imsdk.testing.ImEmulator;
import io.github.imsdk.tosca.ToscaTemplate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * Measures placement against the emulator (issue 13): (a) what placement adds to a plain create-and-wait on one
 * fast cloud, and (b) the survey's wall time with ten clouds each answering images and quotas after 200 ms, which
 * shows whether the per-site queries run in parallel (sequential would be 10 x 2 x 200 ms = 4 s).
 * {@code java -cp im-sdk-benchmarks.jar io.github.imsdk.benchmarks.PlacementTiming [rounds]}
 */
public final class PlacementTiming {

  private static final String TEMPLATE = """
      tosca_definitions_version: tosca_simple_yaml_1_0
      topology_template:
        node_templates:
          vm:
            type: tosca.nodes.Compute
            capabilities:
              host:
                properties: { num_cpus: 2, mem_size: 2 GB }
              os:
                properties: { type: linux, image: 'mock0://linux.for.ev.er/image1' }
      """;

  private PlacementTiming() {}

  public static void main(String[] args) {
    int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 15;
    ToscaTemplate t = ToscaTemplate.parse(TEMPLATE);
    PlacementOptions like = PlacementOptions.defaults().withImage(ImageWish.like("image1"))
        .withWait(Wait.configured());

    List<Double> plain = new ArrayList<>();
    List<Double> placed = new ArrayList<>();
    List<Double> survey1 = new ArrayList<>();
    try (ImEmulator em = ImEmulator.builder().timings(EmulatorTimings.instant())
            .cloud("one", EmulatedCloud.dummy()).build();
         InfrastructureManager im = client(em)) {
      for (int i = 0; i < rounds + 3; i++) { // 3 warm-up rounds, interleaved so drift hits both alike
        long a = System.nanoTime();
        im.infrastructures().createAndWait(Template.of(t), Wait.configured(), null);
        long b = System.nanoTime();
        PlacementResult r = im.placement().deploy(t, like, null);
        long c = System.nanoTime();
        if (i >= 3) {
          plain.add((b - a) / 1e6);
          placed.add((c - b) / 1e6);
          survey1.add(r.surveyTime().toNanos() / 1e6);
        }
      }
    }

    List<Double> survey10 = new ArrayList<>();
    List<Double> total10 = new ArrayList<>();
    List<Double> quotasOnly10 = new ArrayList<>();
    ImEmulator.Builder b10 = ImEmulator.builder().timings(EmulatorTimings.instant());
    for (int s = 0; s < 10; s++) {
      b10.cloud("site" + s, EmulatedCloud.dummy().withAnswerDelay(Duration.ofMillis(200)));
    }
    try (ImEmulator em = b10.build(); InfrastructureManager im = client(em)) {
      for (int i = 0; i < Math.max(5, rounds / 3) + 1; i++) {
        long a = System.nanoTime();
        PlacementResult r = im.placement().deploy(t, like, null);
        long z = System.nanoTime();
        PlacementResult q = im.placement().deploy(t, PlacementOptions.defaults(), null);
        if (i >= 1) {
          survey10.add(r.surveyTime().toNanos() / 1e6);
          total10.add((z - a) / 1e6);
          quotasOnly10.add(q.surveyTime().toNanos() / 1e6);
        }
      }
    }
    System.out.printf(Locale.ROOT, "one fast cloud, %d rounds: createAndWait p50 %.1f ms; placement deploy p50 %.1f ms"
        + " (survey p50 %.1f ms); placement adds p50 %.1f ms%n", rounds, median(plain), median(placed),
        median(survey1), median(placed) - median(plain));
    System.out.printf(Locale.ROOT, "ten clouds answering after 200 ms, %d rounds: survey p50 %.1f ms (min %.1f, max %.1f);"
        + " whole deploy p50 %.1f ms%n", survey10.size(), median(survey10), Collections.min(survey10),
        Collections.max(survey10), median(total10));
    System.out.printf(Locale.ROOT, "ten clouds answering after 200 ms, quotas only (template's image): survey p50 %.1f ms%n",
        median(quotasOnly10));
  }

  private static InfrastructureManager client(ImEmulator em) {
    return InfrastructureManager.builder().endpoint(em.endpoint()).credentials(em.credentials()).build();
  }

  private static double median(List<Double> xs) {
    List<Double> s = new ArrayList<>(xs);
    Collections.sort(s);
    int n = s.size();
    return n % 2 == 1 ? s.get(n / 2) : (s.get(n / 2 - 1) + s.get(n / 2)) / 2;
  }
}
