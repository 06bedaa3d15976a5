package io.github.imsdk.benchmarks;

import io.github.imsdk.core.InfrastructureManager;
import java.net.URI;

/**
 * The program the cold-start measurement launches once per run: it builds one client, calls
 * {@code GET /infrastructures/{id}/state} once, prints {@code answer <state> <micros since main>} and exits.
 *
 * <p>Arguments: {@code sdk|raw|noop <endpoint>}. {@code noop} prints at once, giving the bare JVM's cost.
 */
public final class FirstCall {

  private FirstCall() {}

  /** Runs one cold first call; see the class comment for the arguments. */
  public static void main(String[] args) {
    long start = System.nanoTime();
    if (args.length != 2) {
      throw new IllegalArgumentException("usage: FirstCall sdk|raw|noop <endpoint>");
    }
    URI endpoint = URI.create(args[1]);
    String state;
    switch (args[0]) {
      case "sdk" -> {
        try (InfrastructureManager im = SdkClients.standard(endpoint)) {
          state = im.infrastructure(ImStub.INFRASTRUCTURE_ID).state().rawState();
        }
      }
      case "raw" -> state = new RawJdkClient(endpoint).state(ImStub.INFRASTRUCTURE_ID).state();
      case "noop" -> state = "none";
      default -> throw new IllegalArgumentException("unknown client '" + args[0] + "'; use sdk, raw or noop");
    }
    System.out.println("answer " + state + " " + (System.nanoTime() - start) / 1_000);
    System.out.flush();
  }
}
