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
    int calls = 1_000_000;
    long t0 = System.nanoTime();
    for (int i = 0; i < calls; i++) {
      sink += cached.token().value().length();
    }
    long elapsed = System.nanoTime() - t0;
    System.out.printf("cached token lookup: %.1f ns per call over %d calls%n", (double) elapsed / calls, calls);

    assertThat(fetches).hasValue(1);
    assertThat(sink).isEqualTo((long) jwt.length() * (calls + 200_000));
  }
}
