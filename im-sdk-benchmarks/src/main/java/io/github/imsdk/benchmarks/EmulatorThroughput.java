package io.github.imsdk.benchmarks;

import io.github.imsdk.testing.EmulatorTimings;
import io.github.imsdk.testing.ImEmulator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Calls per second of {@code GET /infrastructures/{id}/state} on the {@link ImEmulator} and on {@link ImStub} in
 * the same JVM and run, with the same raw client ({@link RawJdkClient}, one thread): what the emulator's
 * routing, credential checks and state machine cost next to a server that only writes a recorded body. Rounds
 * alternate between the two servers, each gets a window of {@code --seconds} (default 1) per round, after one
 * warm-up window each; the medians over rounds are reported, and the ratio is taken within each round.
 *
 * <pre>{@code java -cp im-sdk-benchmarks/target/im-sdk-benchmarks.jar io.github.imsdk.benchmarks.EmulatorThroughput}</pre>
 */
public final class EmulatorThroughput {

  /** One run's result: median calls per second on each server and the median per-round ratio. */
  public record Result(double emulatorPerSecond, double stubPerSecond, double ratio, int rounds) {}

  private EmulatorThroughput() {}

  /** Runs the comparison and prints a Markdown table; {@code --rounds=N --seconds=S}. */
  public static void main(String[] args) {
    int rounds = 5;
    double seconds = 1;
    for (String a : args) {
      if (a.startsWith("--rounds=")) {
        rounds = Integer.parseInt(a.substring(9));
      } else if (a.startsWith("--seconds=")) {
        seconds = Double.parseDouble(a.substring(10));
      } else {
        throw new IllegalArgumentException("unknown option " + a + "; known: --rounds=N --seconds=S");
      }
    }
    Result r = run(rounds, Duration.ofMillis((long) (seconds * 1000)));
    System.out.println("| server | GET state calls/s (median of " + r.rounds() + " rounds, 1 thread) |");
    System.out.println("|---|---|");
    System.out.printf(Locale.ROOT, "| ImStub | %.0f |%n| ImEmulator | %.0f |%n", r.stubPerSecond(),
        r.emulatorPerSecond());
    System.out.printf(Locale.ROOT, "%nemulator / stub: %.2f (median of per-round ratios)%n", r.ratio());
  }

  /** Measures {@code rounds} alternating windows of {@code window} on each server. */
  public static Result run(int rounds, Duration window) {
    try (ImStub stub = ImStub.start(16);
         ImEmulator emulator = ImEmulator.builder().timings(EmulatorTimings.instant()).build()) {
      String emulatorId = create(emulator.endpoint());
      RawJdkClient toStub = new RawJdkClient(stub.endpoint());
      RawJdkClient toEmulator = new RawJdkClient(emulator.endpoint());
      measure(toStub, ImStub.INFRASTRUCTURE_ID, window);
      measure(toEmulator, emulatorId, window);
      List<Double> onStub = new ArrayList<>();
      List<Double> onEmulator = new ArrayList<>();
      List<Double> ratios = new ArrayList<>();
      for (int i = 0; i < rounds; i++) {
        double s = measure(toStub, ImStub.INFRASTRUCTURE_ID, window);
        double e = measure(toEmulator, emulatorId, window);
        onStub.add(s);
        onEmulator.add(e);
        ratios.add(e / s);
      }
      return new Result(Stats.median(onEmulator), Stats.median(onStub), Stats.median(ratios), rounds);
    }
  }

  private static double measure(RawJdkClient client, String id, Duration window) {
    long end = System.nanoTime() + window.toNanos();
    long start = System.nanoTime();
    long calls = 0;
    while (System.nanoTime() < end) {
      RawState s = client.state(id);
      if (!"configured".equals(s.state())) {
        throw new IllegalStateException("unexpected state " + s.state() + " from " + id);
      }
      calls++;
    }
    return calls / ((System.nanoTime() - start) / 1e9);
  }

  /** Creates one RADL VM on the emulator as the raw client's user, so its state calls are authorised. */
  private static String create(URI endpoint) {
    String radl = "network public (outbound = 'yes')\nsystem node (cpu.count >= 1 and memory.size >= 1g and"
        + " net_interface.0.connection = 'public' and disk.0.image.url = 'mock0://linux.for.ev.er/x')\n"
        + "configure node (\n@begin\n@end\n)\ncontextualize ()\ndeploy node 1\n";
    HttpRequest req = HttpRequest.newBuilder(URI.create(endpoint + "/infrastructures"))
        .timeout(Duration.ofSeconds(30))
        .header("Authorization", RawJdkClient.AUTHORIZATION)
        .header("Content-Type", "text/plain")
        .POST(HttpRequest.BodyPublishers.ofString(radl)).build();
    try {
      HttpResponse<String> r = HttpClient.newHttpClient().send(req, HttpResponse.BodyHandlers.ofString());
      if (r.statusCode() != 200) {
        throw new IllegalStateException("the emulator refused the create: " + r.statusCode() + " " + r.body());
      }
      return r.headers().firstValue("InfID").orElseThrow(() -> new IllegalStateException("no InfID header"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }
}
