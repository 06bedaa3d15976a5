package io.github.imsdk.core.internal.retry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.imsdk.core.ImTransportException;
import io.github.imsdk.core.RetryPolicy;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class RetrierTest {

  /** A scripted transport: each send takes the next step, a response or a transport failure. */
  record Resp(int status, Map<String, String> headers, String body) {
    static Resp of(int status) {
      return new Resp(status, Map.of(), "");
    }
  }

  static final class Script implements Exchange<Resp> {
    final Deque<Object> steps = new ArrayDeque<>();
    final List<Integer> attempts = new ArrayList<>();

    Script then(Object step) {
      steps.add(step);
      return this;
    }

    @Override
    public Resp send(int attempt) {
      attempts.add(attempt);
      Object step = steps.isEmpty() ? Resp.of(200) : steps.poll();
      if (step instanceof RuntimeException e) {
        throw e;
      }
      return (Resp) step;
    }
  }

  static final class Inspector implements ResponseInspector<Resp> {
    final List<Resp> discarded = new ArrayList<>();

    @Override
    public int status(Resp r) {
      return r.status();
    }

    @Override
    public Optional<String> header(Resp r, String name) {
      return Optional.ofNullable(r.headers().get(name));
    }

    @Override
    public boolean credentialsRejected(Resp r) {
      return r.status() == 401
          || (r.status() == 400 && r.body().contains("Invalid InfrastructureManager credentials"));
    }

    @Override
    public void discard(Resp r) {
      discarded.add(r);
    }
  }

  private final FakeTime time = new FakeTime();
  private final Inspector inspector = new Inspector();
  private final AtomicInteger invalidations = new AtomicInteger();
  private final RetryPolicy policy = RetryPolicy.defaults()
      .withBackoff(Duration.ofSeconds(1), Duration.ofSeconds(8), 2.0).withJitter(0.0);
  private final Retrier retrier = new Retrier(policy, time, () -> 0.5);

  private static ImTransportException timeout(String method, String path) {
    return new ImTransportException(method, path, "read timed out", new SocketTimeoutException("Read timed out"));
  }

  private static ImTransportException refused(String method, String path) {
    return new ImTransportException(method, path, "connection refused",
        new RuntimeException("wrapped", new ConnectException("Connection refused")));
  }

  private RetryCall get() {
    return RetryCall.idempotent("GET", "/infrastructures/x/state", invalidations::incrementAndGet);
  }

  private RetryCall create() {
    return RetryCall.nonIdempotent("POST", "/infrastructures",
        "List infrastructures (GET /infrastructures) and look for infra_name 'demo'.", invalidations::incrementAndGet);
  }

  @AfterEach
  void clearInterrupt() {
    Thread.interrupted();
  }

  @Test
  void retriesAnIdempotentCallThrough503And502WithGrowingPauses() {
    // Given
    Script script = new Script().then(Resp.of(503)).then(Resp.of(502)).then(Resp.of(200));

    // When
    RetryOutcome<Resp> out = retrier.execute(get(), script, inspector);

    // Then
    assertThat(out.response().status()).isEqualTo(200);
    assertThat(out.attempts()).isEqualTo(3);
    assertThat(script.attempts).containsExactly(1, 2, 3);
    assertThat(time.sleeps()).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(2));
    assertThat(inspector.discarded).hasSize(2);
    assertThat(out.earlierAttemptMayHaveRun()).isTrue();
    assertThat(out.ambiguityNote()).isEmpty();
  }

  @Test
  void retriesTransportErrorsOfAnIdempotentCall() {
    // Given
    Script script = new Script().then(timeout("GET", "/p")).then(timeout("GET", "/p")).then(Resp.of(200));

    // When
    RetryOutcome<Resp> out = retrier.execute(get(), script, inspector);

    // Then
    assertThat(out.attempts()).isEqualTo(3);
    assertThat(out.response().status()).isEqualTo(200);
  }

  @Test
  void givesUpAfterMaxAttemptsReturningTheLastResponse() {
    // Given
    Script script = new Script();
    for (int i = 0; i < 10; i++) {
      script.then(Resp.of(504));
    }

    // When
    RetryOutcome<Resp> out = retrier.execute(get(), script, inspector);

    // Then
    assertThat(out.response().status()).isEqualTo(504);
    assertThat(script.attempts).hasSize(4);
    assertThat(time.sleeps()).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(4));
  }

  @Test
  void rethrowsTheLastTransportErrorAfterMaxAttempts() {
    // Given
    Script script = new Script();
    for (int i = 0; i < 10; i++) {
      script.then(timeout("GET", "/p"));
    }

    // When / Then
    assertThatThrownBy(() -> retrier.execute(get(), script, inspector))
        .isInstanceOf(ImTransportException.class).hasMessageContaining("read timed out");
    assertThat(script.attempts).hasSize(4);
  }

  @Test
  void doesNotRetryA500OrA4xx() {
    // Given
    Script s500 = new Script().then(Resp.of(500));
    Script s404 = new Script().then(Resp.of(404));

    // When
    RetryOutcome<Resp> out500 = retrier.execute(get(), s500, inspector);
    RetryOutcome<Resp> out404 = retrier.execute(get(), s404, inspector);

    // Then
    assertThat(out500.attempts()).isEqualTo(1);
    assertThat(out404.attempts()).isEqualTo(1);
    assertThat(time.sleeps()).isEmpty();
  }

  @Test
  void honoursRetryAfterInSeconds() {
    // Given
    Script script = new Script().then(new Resp(503, Map.of("Retry-After", "7"), "")).then(Resp.of(200));

    // When
    RetryOutcome<Resp> out = retrier.execute(get(), script, inspector);

    // Then
    assertThat(out.attempts()).isEqualTo(2);
    assertThat(time.sleeps()).containsExactly(Duration.ofSeconds(7));
  }

  @Test
  void honoursRetryAfterAsAnHttpDate() {
    // Given: FakeTime's wall clock is 2026-11-21T21:00:00Z
    Script script = new Script().then(new Resp(429, Map.of("Retry-After", "Sat, 21 Nov 2026 21:00:12 GMT"), ""))
        .then(Resp.of(200));

    // When
    retrier.execute(get(), script, inspector);

    // Then
    assertThat(time.sleeps()).containsExactly(Duration.ofSeconds(12));
  }

  @Test
  void doesNotRetryWhenRetryAfterPassesTheCallDeadline() {
    // Given: the default deadline is 2 minutes
    Script script = new Script().then(new Resp(503, Map.of("Retry-After", "600"), "")).then(Resp.of(200));

    // When
    RetryOutcome<Resp> out = retrier.execute(get(), script, inspector);

    // Then
    assertThat(out.response().status()).isEqualTo(503);
    assertThat(out.attempts()).isEqualTo(1);
    assertThat(time.sleeps()).isEmpty();
  }

  @Test
  void stopsRetryingWhenTheNextPauseWouldPassTheDeadline() {
    // Given: each attempt takes 50 s of a 2 min deadline
    Retrier slow = new Retrier(policy.withMaxAttempts(10), time, () -> 0.5);
    Exchange<Resp> exchange = attempt -> {
      time.advance(Duration.ofSeconds(50));
      return Resp.of(503);
    };

    // When
    RetryOutcome<Resp> out = slow.execute(get(), exchange, inspector);

    // Then: 50 s + 1 s + 50 s + 2 s + 50 s = 153 s; no third pause starts
    assertThat(out.attempts()).isEqualTo(3);
    assertThat(time.sleeps()).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(2));
  }

  @Test
  void neverRepeatsACreateThatMayHaveReachedTheServer() {
    // Given
    Script script = new Script().then(timeout("POST", "/infrastructures")).then(Resp.of(200));

    // When / Then
    assertThatThrownBy(() -> retrier.execute(create(), script, inspector))
        .isInstanceOf(ImTransportException.class)
        .hasMessageContaining("POST /infrastructures")
        .hasMessageContaining("may have reached IM")
        .hasMessageContaining("infra_name 'demo'")
        .hasCauseInstanceOf(ImTransportException.class);
    assertThat(script.attempts).containsExactly(1);
  }

  @Test
  void reportsTheScrubbedMessageNotTheRawRootCause() {
    // Given a transport failure whose scrubbed message hides a token its root cause still quotes
    ImTransportException failure = new ImTransportException("POST", "/infrastructures",
        "no usable response (IOException: bad header ***)",
        new RuntimeException("wrapped", new java.io.IOException("bad header Bearer-Secret-Value-42")));
    Script script = new Script().then(failure);

    // When the create cannot be repeated
    // Then the new message carries the scrubbed text once, never the root cause's own message
    assertThatThrownBy(() -> retrier.execute(create(), script, inspector))
        .isInstanceOf(ImTransportException.class)
        .hasMessageStartingWith("POST /infrastructures: no usable response (IOException: bad header ***) (attempt 1)")
        .hasMessageNotContaining("Bearer-Secret-Value-42");
  }

  @Test
  void repeatsACreateWhoseConnectionWasRefused() {
    // Given
    Script script = new Script().then(refused("POST", "/infrastructures")).then(Resp.of(200));

    // When
    RetryOutcome<Resp> out = retrier.execute(create(), script, inspector);

    // Then
    assertThat(out.attempts()).isEqualTo(2);
    assertThat(out.earlierAttemptMayHaveRun()).isFalse();
  }

  @Test
  void returnsACreateAnswered503WithTheAmbiguityNote() {
    // Given
    Script script = new Script().then(Resp.of(503)).then(Resp.of(200));

    // When
    RetryOutcome<Resp> out = retrier.execute(create(), script, inspector);

    // Then
    assertThat(out.attempts()).isEqualTo(1);
    assertThat(out.response().status()).isEqualTo(503);
    assertThat(out.ambiguityNote()).hasValueSatisfying(n -> assertThat(n).contains("infra_name 'demo'"));
  }

  @Test
  void refreshesCredentialsAndResendsOnceOnImsInvalidCredentials400() {
    // Given
    Script script = new Script()
        .then(new Resp(400, Map.of(), "Error Getting Inf. state: Invalid InfrastructureManager credentials"))
        .then(Resp.of(200));

    // When
    RetryOutcome<Resp> out = retrier.execute(get(), script, inspector);

    // Then
    assertThat(out.attempts()).isEqualTo(2);
    assertThat(invalidations).hasValue(1);
    assertThat(time.sleeps()).isEmpty();
  }

  @Test
  void resendsOnlyOnceWhenTheFreshCredentialsAreRejectedToo() {
    // Given
    Script script = new Script().then(Resp.of(401)).then(Resp.of(401)).then(Resp.of(200));

    // When
    RetryOutcome<Resp> out = retrier.execute(create(), script, inspector);

    // Then
    assertThat(out.response().status()).isEqualTo(401);
    assertThat(out.attempts()).isEqualTo(2);
    assertThat(invalidations).hasValue(1);
  }

  @Test
  void aPlain400IsNotACredentialsProblem() {
    // Given
    Script script = new Script().then(new Resp(400, Map.of(), "Error parsing request body")).then(Resp.of(200));

    // When
    RetryOutcome<Resp> out = retrier.execute(get(), script, inspector);

    // Then
    assertThat(out.attempts()).isEqualTo(1);
    assertThat(invalidations).hasValue(0);
  }

  @Test
  void retriesNothingWithPolicyNone() {
    // Given
    Retrier none = new Retrier(RetryPolicy.none(), time, () -> 0.5);
    Script script = new Script().then(Resp.of(503)).then(Resp.of(200));

    // When
    RetryOutcome<Resp> out = none.execute(get(), script, inspector);

    // Then
    assertThat(out.attempts()).isEqualTo(1);
  }

  @Test
  void interruptionDuringAPauseRestoresTheFlagAndThrows() {
    // Given
    time.interruptOnSleep();
    Script script = new Script().then(Resp.of(503)).then(Resp.of(200));

    // When / Then
    assertThatThrownBy(() -> retrier.execute(get(), script, inspector))
        .isInstanceOf(ImTransportException.class).hasMessageContaining("interrupted")
        .hasCauseInstanceOf(InterruptedException.class);
    assertThat(Thread.currentThread().isInterrupted()).isTrue();
    assertThat(script.attempts).containsExactly(1);
  }
}
