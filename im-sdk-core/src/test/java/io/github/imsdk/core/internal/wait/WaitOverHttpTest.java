package io.github.imsdk.core.internal.wait;

import static io.github.imsdk.core.internal.StubClients.ID;
import static io.github.imsdk.core.internal.StubClients.INF;
import static io.github.imsdk.core.internal.StubClients.error;
import static io.github.imsdk.core.internal.StubClients.json;
import static io.github.imsdk.core.internal.StubClients.state;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.mockserver.model.HttpRequest.request;

import io.github.imsdk.core.ImWaitException;
import io.github.imsdk.core.Infrastructure;
import io.github.imsdk.core.InfrastructureId;
import io.github.imsdk.core.InfrastructureManager;
import io.github.imsdk.core.RetryPolicy;
import io.github.imsdk.core.State;
import io.github.imsdk.core.Template;
import io.github.imsdk.core.Wait;
import io.github.imsdk.core.WaitProgress;
import io.github.imsdk.core.internal.StubClients;
import io.github.imsdk.core.internal.StubServer;
import io.github.imsdk.core.internal.retry.FakeTime;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.mockserver.integration.ClientAndServer;
import org.mockserver.matchers.Times;
import org.mockserver.model.HttpRequest;
import org.mockserver.model.HttpResponse;

/** The waiter driven through the real client against a stub IM: every state sequence, events, cancel, cleanup. */
class WaitOverHttpTest {
  private static final String STATE = INF + "/state";
  private static final String CONTMSG = INF + "/contmsg";
  private static final String TOSCA = "tosca_definitions_version: tosca_simple_yaml_1_0\nmetadata:\n"
      + "  infra_name: wait-test\ntopology_template:\n  node_templates: {}\n";

  @RegisterExtension
  static final StubServer SERVER = new StubServer();
  private static final ClientAndServer mock = SERVER.mock();
  private FakeTime time;
  private InfrastructureManager im;
  private Infrastructure inf;

  @BeforeEach
  void setUp() {
    time = new FakeTime();
    im = StubClients.client(mock.getPort(), time, RetryPolicy.none(), StubClients.userPassword(),
        StubClients.relaxed());
    inf = im.infrastructure(ID);
    mock.when(request().withMethod("GET").withPath(CONTMSG))
        .respond(json("{\"contmsg\": \"TASK [grycap.docker : install] fatal: no route to host\"}"));
  }

  @AfterEach
  void tearDown() {
    im.close();
    Thread.interrupted();
  }

  /** Stubs {@code GET .../state}: each answer once, in order, the last one for ever. */
  private static void states(HttpResponse... answers) {
    for (int i = 0; i < answers.length; i++) {
      Times times = i == answers.length - 1 ? Times.unlimited() : Times.once();
      mock.when(request().withMethod("GET").withPath(STATE), times).respond(answers[i]);
    }
  }

  private static int count(HttpRequest r) {
    return mock.retrieveRecordedRequests(r).length;
  }

  private static int statePolls() {
    return count(request().withMethod("GET").withPath(STATE));
  }

  private static Wait quick(Wait wait) {
    return wait.withBackoff(Duration.ofSeconds(5), Duration.ofSeconds(20), 2.0).withJitter(0);
  }

  private static Wait immediate(Wait wait) {
    return wait.withBackoff(Duration.ZERO, Duration.ZERO, 1.0).withJitter(0);
  }

  @Test
  void unconfiguredThenConfiguredSucceeds() {
    // Given
    states(state("unconfigured", "unconfigured"), state("configured", "configured"));

    // When
    inf.waitUntil(quick(Wait.configured()));

    // Then
    assertThat(statePolls()).isEqualTo(2);
    assertThat(time.sleeps()).containsExactly(Duration.ofSeconds(5));
  }

  @Test
  void threeUnknownReadingsFailWithTheLogHead() {
    // Given
    states(state("unknown", "unknown"), state("unknown", "unknown"), state("unknown", "unknown"),
        state("configured", "configured"));

    // When / Then
    assertThatThrownBy(() -> inf.waitUntil(quick(Wait.configured())))
        .isInstanceOfSatisfying(ImWaitException.class, e -> {
          assertThat(e.reason()).isEqualTo(ImWaitException.Reason.FAILED);
          assertThat(e.infrastructureId()).contains(InfrastructureId.of(ID));
          assertThat(e.contmsgHead()).contains("no route to host");
          assertThat(e.vmStates()).containsEntry("0", State.UNKNOWN);
        });
    assertThat(statePolls()).isEqualTo(3);
    assertThat(count(request().withPath(CONTMSG))).isEqualTo(1);
  }

  @Test
  void failedEndsTheWaitAfterOneRequest() {
    // Given
    states(state("failed", "failed"));

    // When / Then
    assertThatThrownBy(() -> inf.waitUntil(quick(Wait.configured())))
        .isInstanceOfSatisfying(ImWaitException.class,
            e -> assertThat(e.reason()).isEqualTo(ImWaitException.Reason.FAILED));
    assertThat(statePolls()).isEqualTo(1);
  }

  @Test
  void timeoutAfterAFixedNumberOfPolls() {
    // Given
    states(state("running", "running"));

    // When / Then: polls at 0, 5, 15, 35 and 40 s of fake time
    assertThatThrownBy(() -> inf.waitUntil(quick(Wait.configured()).withTimeout(Duration.ofSeconds(40))))
        .isInstanceOfSatisfying(ImWaitException.class, e -> {
          assertThat(e.reason()).isEqualTo(ImWaitException.Reason.TIMEOUT);
          assertThat(e.elapsed()).isEqualTo(Duration.ofSeconds(40));
        });
    assertThat(statePolls()).isEqualTo(5);
  }

  @Test
  void notFoundWhileDeletingIsSuccess() {
    // Given
    states(state("deleting", "deleting"), state("deleting", "off"),
        error(404, "Error Getting Inf. state: Deleted infrastructure."));

    // When
    inf.waitUntil(quick(Wait.deleted()));

    // Then
    assertThat(statePolls()).isEqualTo(3);
  }

  @Test
  void destroyAsyncSendsOneAsyncDeleteThenPollsUntil404() {
    // Given
    mock.when(request().withMethod("DELETE").withPath(INF)).respond(HttpResponse.response().withStatusCode(200));
    states(state("deleting", "deleting"), error(404, "Deleted infrastructure."));

    // When
    inf.destroyAsync(immediate(Wait.deleted())).join();

    // Then
    HttpRequest[] deletes = mock.retrieveRecordedRequests(request().withMethod("DELETE").withPath(INF));
    assertThat(deletes).hasSize(1);
    assertThat(deletes[0].getFirstQueryStringParameter("async")).isEqualTo("true");
    assertThat(statePolls()).isEqualTo(2);
  }

  @Test
  void progressEventsArriveInOrder() {
    // Given
    states(state("pending", "pending", "pending"), state("running", "running", "pending"),
        state("running", "configured", "running"), state("configured", "configured", "configured"));
    List<String> events = new CopyOnWriteArrayList<>();

    // When
    inf.waitUntil(quick(Wait.configured()), p -> events.add(p.toString()));

    // Then
    assertThat(events).containsExactly(
        "infrastructure: pending after 0ms",
        "VM 0: pending after 0ms",
        "VM 1: pending after 0ms",
        "infrastructure: pending -> running after 5s",
        "VM 0: pending -> running after 5s",
        "VM 0: running -> configured after 15s",
        "VM 1: pending -> running after 15s",
        "infrastructure: running -> configured after 35s",
        "VM 1: running -> configured after 35s");
  }

  /**
   * A listener that, once {@code started} is counted down (so {@code future[0]} is set), cancels {@code future[0]}
   * as soon as the infrastructure is reported running: the caller giving up mid-wait.
   */
  private static java.util.function.Consumer<WaitProgress> cancelOnceRunning(CompletableFuture<?>[] future,
      CountDownLatch started) {
    return p -> {
      try {
        started.await(5, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      if (p.isInfrastructure() && p.current() == State.RUNNING) {
        future[0].cancel(true);
      }
    };
  }

  @Test
  void cancellingAnAsyncWaitStopsTheRequests() {
    // Given: the caller gives up as soon as the infrastructure is running
    states(state("pending", "pending"), state("running", "running"));
    CompletableFuture<?>[] future = new CompletableFuture<?>[1];
    CountDownLatch started = new CountDownLatch(1);
    java.util.function.Consumer<WaitProgress> giveUp = cancelOnceRunning(future, started);

    // When
    future[0] = inf.waitUntilAsync(immediate(Wait.configured()), giveUp);
    started.countDown();
    catchThrowable(future[0]::join); // returns once the listener cancelled
    im.close(); // waits for the client's threads: nothing can still be polling afterwards

    // Then
    assertThat(future[0]).isCancelled();
    assertThat(statePolls()).isEqualTo(2);
  }

  @Test
  void asyncWaitCompletesExceptionallyWithTheWaitFailure() {
    // Given
    states(state("running"), state("unconfigured"), state("unconfigured"));

    // When
    CompletableFuture<Void> f = inf.waitUntilAsync(immediate(Wait.configured()), null);

    // Then
    assertThatThrownBy(f::join).isInstanceOf(CompletionException.class)
        .cause().isInstanceOfSatisfying(ImWaitException.class,
            e -> assertThat(e.reason()).isEqualTo(ImWaitException.Reason.FAILED));
    assertThat(statePolls()).isEqualTo(3);
  }

  private static void stubCreate() {
    mock.when(request().withMethod("POST").withPath("/infrastructures"))
        .respond(json("{\"uri\": \"http://127.0.0.1:8800/infrastructures/" + ID + "\"}"));
    mock.when(request().withMethod("DELETE").withPath(INF)).respond(HttpResponse.response().withStatusCode(200));
  }

  private static int creates() {
    return count(request().withMethod("POST").withPath("/infrastructures"));
  }

  private static int destroys() {
    return count(request().withMethod("DELETE").withPath(INF));
  }

  @Test
  void createAndWaitReturnsTheIdWhenConfigured() {
    // Given
    stubCreate();
    states(state("pending", "pending"), state("configured", "configured"));

    // When
    InfrastructureId id = im.infrastructures().createAndWait(Template.tosca(TOSCA), quick(Wait.configured()), null);

    // Then
    assertThat(id.value()).isEqualTo(ID);
    assertThat(creates()).isEqualTo(1);
    assertThat(mock.retrieveRecordedRequests(request().withMethod("POST"))[0]
        .getFirstQueryStringParameter("async")).isEqualTo("true");
    assertThat(destroys()).isZero();
  }

  @Test
  void createAndWaitDestroysTheInfrastructureWhenTheWaitFails() {
    // Given
    stubCreate();
    states(state("running", "running"), state("failed", "failed"));

    // When / Then
    assertThatThrownBy(() -> im.infrastructures().createAndWait(Template.tosca(TOSCA), quick(Wait.configured()),
        null)).isInstanceOfSatisfying(ImWaitException.class, e -> {
          assertThat(e.infrastructureId()).contains(InfrastructureId.of(ID));
          assertThat(e.contmsgHead()).contains("fatal");
          assertThat(e.getSuppressed()).isEmpty();
        });
    assertThat(creates()).isEqualTo(1);
    assertThat(statePolls()).isEqualTo(2);
    assertThat(destroys()).isEqualTo(1);
  }

  @Test
  void createAndWaitDestroysTheInfrastructureWhenTheCallerIsInterrupted() {
    // Given
    stubCreate();
    states(state("running", "running"));
    time.interruptOnSleep();

    // When / Then
    assertThatThrownBy(() -> im.infrastructures().createAndWait(Template.tosca(TOSCA), quick(Wait.configured()),
        null)).isInstanceOfSatisfying(ImWaitException.class,
            e -> assertThat(e.reason()).isEqualTo(ImWaitException.Reason.INTERRUPTED));
    assertThat(Thread.interrupted()).as("interrupt flag restored").isTrue(); // cleared: the stub client needs it so
    assertThat(destroys()).isEqualTo(1);
    assertThat(creates()).isEqualTo(1);
  }

  @Test
  void aFailedCleanupIsAttachedToTheWaitFailure() {
    // Given
    mock.when(request().withMethod("POST").withPath("/infrastructures"))
        .respond(json("{\"uri\": \"http://127.0.0.1:8800/infrastructures/" + ID + "\"}"));
    mock.when(request().withMethod("DELETE").withPath(INF)).respond(error(409, "Invalid State"));
    states(state("failed", "failed"));

    // When / Then
    assertThatThrownBy(() -> im.infrastructures().createAndWait(Template.tosca(TOSCA), quick(Wait.configured()),
        null)).isInstanceOfSatisfying(ImWaitException.class,
            e -> assertThat(e.getSuppressed()).singleElement().satisfies(
                s -> assertThat(s).hasMessageContaining("409")));
  }

  @Test
  void cancellingAnAsyncCreateAndWaitDestroysWhatItCreated() {
    // Given: the caller gives up once the infrastructure exists and is running
    stubCreate();
    states(state("pending", "pending"), state("running", "running"));
    CompletableFuture<?>[] future = new CompletableFuture<?>[1];
    CountDownLatch started = new CountDownLatch(1);
    java.util.function.Consumer<WaitProgress> giveUp = cancelOnceRunning(future, started);

    // When
    future[0] = im.infrastructures().createAndWaitAsync(Template.tosca(TOSCA), immediate(Wait.configured()),
        giveUp);
    started.countDown();
    catchThrowable(future[0]::join); // returns once the listener cancelled
    im.close(); // lets the cleanup finish

    // Then
    assertThat(future[0]).isCancelled();
    assertThatThrownBy(future[0]::join).isInstanceOf(CancellationException.class);
    assertThat(creates()).isEqualTo(1);
    assertThat(statePolls()).isEqualTo(2);
    assertThat(destroys()).isEqualTo(1);
  }

  @Test
  void closingTheClientDestroysWhatAPendingAsyncCreateAndWaitCreated() {
    // Given: a create-and-wait that would poll for ever
    stubCreate();
    states(state("running", "running"));
    List<WaitProgress> seen = new CopyOnWriteArrayList<>();
    CountDownLatch polled = new CountDownLatch(1);
    CompletableFuture<InfrastructureId> f = im.infrastructures().createAndWaitAsync(Template.tosca(TOSCA),
        Wait.configured().withBackoff(Duration.ofMillis(1), Duration.ofMillis(1), 1).withJitter(0), p -> {
          seen.add(p);
          polled.countDown();
        });

    // When: the first poll has been made, the client is closed
    awaitLatch(polled);
    im.close();

    // Then
    assertThat(f).isCancelled();
    assertThat(creates()).isEqualTo(1);
    assertThat(destroys()).isEqualTo(1);
    assertThat(seen).isNotEmpty();
  }

  @Test
  void asynchronousCallsOnAClosedClientFailWithIllegalState() {
    // Given
    im.close();

    // When / Then
    assertThatThrownBy(() -> inf.waitUntilAsync(Wait.configured(), null))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("closed");
    assertThatThrownBy(() -> im.infrastructures().createAndWaitAsync(Template.tosca(TOSCA), Wait.configured(),
        null).join()).isInstanceOf(CompletionException.class).cause().isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> inf.waitUntil(Wait.configured())).isInstanceOf(IllegalStateException.class);
    assertThat(mock.retrieveRecordedRequests(request())).isEmpty();
  }

  private static void awaitLatch(CountDownLatch latch) {
    try {
      assertThat(latch.await(30, TimeUnit.SECONDS)).as("the first poll happened").isTrue();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }
}
