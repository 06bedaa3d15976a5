package io.github.imsdk.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class TokenProvidersTest {

  private final TestClock clock = new TestClock(Instant.parse("2026-01-01T10:00:00Z"));

  /** A provider handing out JWTs valid for {@code lifetime} from the test clock, counting its calls. */
  private static final class CountingJwtProvider implements TokenProvider {
    final AtomicInteger calls = new AtomicInteger();
    final AtomicInteger invalidations = new AtomicInteger();
    final TestClock clock;
    final Duration lifetime;

    CountingJwtProvider(TestClock clock, Duration lifetime) {
      this.clock = clock;
      this.lifetime = lifetime;
    }

    @Override
    public AccessToken token() {
      calls.incrementAndGet();
      return AccessToken.of(TestJwts.withExp(clock.instant().plus(lifetime), "call" + calls.get()));
    }

    @Override
    public void invalidate() {
      invalidations.incrementAndGet();
    }
  }

  @Test
  void cacheKeepsATokenUntilTheMarginBeforeItsJwtExpiry() {
    // Given a provider of one-hour JWTs behind a cache with a 5-minute margin
    CountingJwtProvider source = new CountingJwtProvider(clock, Duration.ofHours(1));
    TokenProvider cached = TokenProviders.cached(source, Duration.ofMinutes(5), clock);

    // When the token is asked for repeatedly within its life
    AccessToken first = cached.token();
    clock.advance(Duration.ofMinutes(54));
    AccessToken stillFirst = cached.token();

    // Then the source was asked once, and the expiry comes from the JWT exp claim
    assertThat(stillFirst).isSameAs(first);
    assertThat(source.calls).hasValue(1);
    assertThat(first.expiresAt()).contains(Instant.parse("2026-01-01T11:00:00Z"));

    // When the token enters the margin
    clock.advance(Duration.ofMinutes(1).plusSeconds(1));
    AccessToken second = cached.token();

    // Then a fresh one is fetched
    assertThat(source.calls).hasValue(2);
    assertThat(second.value()).isNotEqualTo(first.value());
  }

  @Test
  void invalidateForgetsTheTokenAndTellsTheSource() {
    // Given a cached token
    CountingJwtProvider source = new CountingJwtProvider(clock, Duration.ofHours(1));
    TokenProvider cached = TokenProviders.cached(source, Duration.ofMinutes(1), clock);
    AccessToken first = cached.token();

    // When the server rejected it
    cached.invalidate();
    AccessToken next = cached.token();

    // Then the next call fetches again
    assertThat(source.invalidations).hasValue(1);
    assertThat(source.calls).hasValue(2);
    assertThat(next.value()).isNotEqualTo(first.value());
  }

  @Test
  void tokenOfUnknownExpiryIsKeptUntilInvalidated() {
    AtomicInteger calls = new AtomicInteger();
    TokenProvider cached = TokenProviders.cached(() -> AccessToken.of("opaque-" + calls.incrementAndGet()),
        Duration.ofMinutes(1), clock);

    cached.token();
    clock.advance(Duration.ofDays(30));
    assertThat(cached.token().value()).isEqualTo("opaque-1");

    cached.invalidate();
    assertThat(cached.token().value()).isEqualTo("opaque-2");
  }

  @Test
  void providerReportedExpiryIsUsedWhenTheTokenIsNotAJwt() {
    AtomicInteger calls = new AtomicInteger();
    TokenProvider cached = TokenProviders.cached(
        () -> AccessToken.of("opaque-" + calls.incrementAndGet(), clock.instant().plusSeconds(600)),
        Duration.ofSeconds(60), clock);

    cached.token();
    clock.advance(Duration.ofSeconds(539));
    assertThat(cached.token().value()).isEqualTo("opaque-1");
    clock.advance(Duration.ofSeconds(2));
    assertThat(cached.token().value()).isEqualTo("opaque-2");
  }

  @Test
  void concurrentCallersShareOneFetch() throws Exception {
    // Given a slow source behind a cache, and many threads asking at once
    AtomicInteger calls = new AtomicInteger();
    CountDownLatch release = new CountDownLatch(1);
    TokenProvider slow = () -> {
      calls.incrementAndGet();
      try {
        release.await(10, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      return AccessToken.of(TestJwts.withExp(clock.instant().plusSeconds(3600)));
    };
    TokenProvider cached = TokenProviders.cached(slow, Duration.ofMinutes(1), clock);
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<AccessToken>> results = new ArrayList<>();
      for (int i = 0; i < 8; i++) {
        results.add(pool.submit(cached::token));
      }
      // When the source answers
      release.countDown();
      // Then every caller gets the same token from a single fetch
      AccessToken first = results.get(0).get(10, TimeUnit.SECONDS);
      for (Future<AccessToken> f : results) {
        assertThat(f.get(10, TimeUnit.SECONDS)).isSameAs(first);
      }
      assertThat(calls).hasValue(1);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void chainUsesTheFirstProviderThatDeliversAndRemembersIt() {
    // Given a chain whose first provider fails and second works
    AtomicInteger firstCalls = new AtomicInteger();
    AtomicInteger thirdCalls = new AtomicInteger();
    TokenProvider failing = () -> {
      firstCalls.incrementAndGet();
      throw new ImCredentialsException("not configured");
    };
    TokenProvider third = () -> {
      thirdCalls.incrementAndGet();
      return AccessToken.of("third");
    };
    TokenProvider chain = TokenProviders.firstAvailable(failing, StaticTokenProvider.of("second"), third);

    // When asked twice
    assertThat(chain.token().value()).isEqualTo("second");
    assertThat(chain.token().value()).isEqualTo("second");

    // Then the failing provider was tried once, the later one never
    assertThat(firstCalls).hasValue(1);
    assertThat(thirdCalls).hasValue(0);
  }

  @Test
  void chainFailureListsEveryReasonInOrderAndNoSecret() {
    // Given a chain where every provider fails
    TokenProvider chain = TokenProviders.firstAvailable(
        StaticTokenProvider.fromEnv("IM_TOKEN", name -> null, clock),
        StaticTokenProvider.fromEnv("EXPIRED", name -> TestJwts.withExp(clock.instant().minusSeconds(5)), clock),
        () -> {
          throw new IllegalStateException("boom");
        });

    // When / Then
    assertThatThrownBy(chain::token)
        .isInstanceOfSatisfying(ImCredentialsException.class, e -> {
          assertThat(e.reasons()).hasSize(3);
          assertThat(e.reasons().get(0)).contains("environment variable IM_TOKEN is not set");
          assertThat(e.reasons().get(1)).contains("environment variable EXPIRED", "expired at");
          assertThat(e.reasons().get(2)).contains("IllegalStateException: boom");
          assertThat(e.getMessage()).contains("no token provider of the chain supplied a token")
              .doesNotContain(TestJwts.withExp(clock.instant().minusSeconds(5)));
        });
  }

  @Test
  void chainTriesAgainWhenTheRememberedWinnerFailsLater() {
    // Given a winner that stops working after its first token
    AtomicInteger calls = new AtomicInteger();
    TokenProvider flaky = new TokenProvider() {
      @Override
      public AccessToken token() {
        if (calls.incrementAndGet() > 1) {
          throw new ImCredentialsException("agent went away");
        }
        return AccessToken.of("from-flaky");
      }
    };
    TokenProvider chain = TokenProviders.firstAvailable(List.of(flaky, StaticTokenProvider.of("backup")));
    assertThat(chain.token().value()).isEqualTo("from-flaky");

    // When it fails later, Then the rest of the chain is used and becomes the winner
    assertThat(chain.token().value()).isEqualTo("backup");
    assertThat(chain.token().value()).isEqualTo("backup");
    assertThat(calls).hasValue(2);
  }

  @Test
  void chainPassesInvalidateToTheWinner() {
    CountingJwtProvider source = new CountingJwtProvider(clock, Duration.ofHours(1));
    TokenProvider chain = TokenProviders.firstAvailable(source);
    chain.token();

    chain.invalidate();

    assertThat(source.invalidations).hasValue(1);
  }

  @Test
  void badArgumentsAreNamed() {
    assertThatThrownBy(() -> TokenProviders.firstAvailable())
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least one provider");
    assertThatThrownBy(() -> TokenProviders.firstAvailable(StaticTokenProvider.of("a"), null))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("provider #2");
    assertThatThrownBy(() -> TokenProviders.cached(StaticTokenProvider.of("a"), Duration.ofSeconds(-1)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("margin");
  }
}
