package io.github.imsdk.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Prints the cost of a cached token lookup (the path every IM request takes). It asserts correctness only (one
 * fetch for a million lookups), never speed: figures belong in reports, not in assertions.
 */
class CachedTokenCostTest {

  @Test
  void cachedLookupCost() {
    AtomicInteger fetches = new AtomicInteger();
    String jwt = TestJwts.withExp(Instant.now().plusSeconds(3600));
    TokenProvider cached = TokenProviders.cached(() -> {
      fetches.incrementAndGet();
      return AccessToken.of(jwt);
    });
    long sink = 0;
    for (int i = 0; i < 200_000; i++) { // warm-up
      sink += cached.token().value().length();
    }
    // Five rounds of a million calls: the machine is shared, so the best round is the least disturbed one.
    int calls = 1_000_000;
    double[] nsPerCall = new double[5];
    for (int round = 0; round < nsPerCall.length; round++) {
      long t0 = System.nanoTime();
      for (int i = 0; i < calls; i++) {
        sink += cached.token().value().length();
      }
      nsPerCall[round] = (double) (System.nanoTime() - t0) / calls;
    }
    java.util.Arrays.sort(nsPerCall);
    System.out.printf("cached token lookup: best %.1f ns, median %.1f ns per call (5 rounds of %d calls)%n",
        nsPerCall[0], nsPerCall[2], calls);

    assertThat(fetches).hasValue(1);
    assertThat(sink).isEqualTo((long) jwt.length() * (5L * calls + 200_000));
  }
}
