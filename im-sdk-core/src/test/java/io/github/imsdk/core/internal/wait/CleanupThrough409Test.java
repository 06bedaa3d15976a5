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
import io.github.imsdk.core.InfrastructureId;
import io.github.imsdk.core.InfrastructureManager;
import io.github.imsdk.core.RetryPolicy;
import io.github.imsdk.core.State;
import io.github.imsdk.core.Template;
import io.github.imsdk.core.Wait;
import io.github.imsdk.core.internal.StubClients;
import io.github.imsdk.core.internal.StubServer;
import io.github.imsdk.core.internal.retry.FakeTime;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.mockserver.integration.ClientAndServer;
import org.mockserver.matchers.Times;
import org.mockserver.model.HttpResponse;

/**
 * Every cleanup path destroys through IM's 409 (issue 14, row 5): right after an async create, real IM answers
 * {@code DELETE} with 409 "Invalid State to perform this operation" while it is still adding VMs. The stub
 * answers 409 N times, then 200 or 404; pauses run on a fake clock.
 */
class CleanupThrough409Test {
  private static final String STATE = INF + "/state";
  private static final String TOSCA = "tosca_definitions_version: tosca_simple_yaml_1_0\nmetadata:\n"
      + "  infra_name: cleanup-test\ntopology_template:\n  node_templates: {}\n";

  @RegisterExtension
  static final StubServer SERVER = new StubServer();
  private static final ClientAndServer mock = SERVER.mock();
  private FakeTime time;
  private InfrastructureManager im;

  @BeforeEach
  void setUp() {
    time = new FakeTime();
    im = StubClients.client(mock.getPort(), time, RetryPolicy.none(), StubClients.userPassword(),
        StubClients.relaxed());
    mock.when(request().withMethod("POST").withPath("/infrastructures"))
        .respond(json("{\"uri\": \"http://127.0.0.1:8800/infrastructures/" + ID + "\"}"));
    mock.when(request().withMethod("GET").withPath(INF + "/contmsg")).respond(json("{\"contmsg\": \"\"}"));
  }

  @AfterEach
  void tearDown() {
    im.close();
    Thread.interrupted();
  }

  /** IM still adding VMs: {@code conflicts} DELETEs answer 409, then {@code last}. */
  private static void deleteAnswers(int conflicts, HttpResponse last) {
    mock.when(request().withMethod("DELETE").withPath(INF), Times.exactly(conflicts))
        .respond(error(409, "Invalid State to perform this operation"));
    mock.when(request().withMethod("DELETE").withPath(INF)).respond(last);
  }

  private static int destroys() {
    return mock.retrieveRecordedRequests(request().withMethod("DELETE").withPath(INF)).length;
  }

  @Test
  void aFailedCreateAndWaitDestroysThrough409s() {
    // Given a create whose wait fails while IM answers DELETE with 409 three times
    mock.when(request().withMethod("GET").withPath(STATE)).respond(state("failed", "failed"));
    deleteAnswers(3, HttpResponse.response().withStatusCode(200));

    // When
    Throwable thrown = catchThrowable(() -> im.infrastructures().createAndWait(Template.tosca(TOSCA),
        Wait.configured(), null));

    // Then the fourth DELETE destroyed it, after growing pauses, and nothing is reported as leaked
    assertThat(thrown).isInstanceOf(ImWaitException.class);
    assertThat(thrown.getSuppressed()).isEmpty();
    assertThat(destroys()).isEqualTo(4);
    assertThat(time.sleeps()).containsSubsequence(Duration.ofSeconds(1), Duration.ofSeconds(2),
        Duration.ofSeconds(4));
  }

  @Test
  void aOneMillisecondWaitTimeoutDestroysThrough409sUntil404() {
    // Given a wait of 1 ms, and IM answering 409 twice, then 404 (it is gone)
    mock.when(request().withMethod("GET").withPath(STATE)).respond(state("running", "running"));
    deleteAnswers(2, error(404, "Invalid infrastructure ID or access not granted."));

    // When
    Throwable thrown = catchThrowable(() -> im.infrastructures().createAndWait(Template.tosca(TOSCA),
        Wait.configured().withTimeout(Duration.ofMillis(1)), null));

    // Then it timed out, and the cleanup went on until IM no longer knew it
    assertThat(thrown).isInstanceOfSatisfying(ImWaitException.class,
        e -> assertThat(e.reason()).isEqualTo(ImWaitException.Reason.TIMEOUT));
    assertThat(thrown.getSuppressed()).isEmpty();
    assertThat(destroys()).isEqualTo(3);
  }

  @Test
  void aCleanupThatNeverGetsPast409SaysSoInTheException() {
    // Given IM answers 409 for ever
    mock.when(request().withMethod("GET").withPath(STATE)).respond(state("failed", "failed"));
    mock.when(request().withMethod("DELETE").withPath(INF)).respond(error(409, "Invalid State"));

    // When
    Throwable thrown = catchThrowable(() -> im.infrastructures().createAndWait(Template.tosca(TOSCA),
        Wait.configured(), null));

    // Then the cleanup stopped at its deadline and the failure says the infrastructure was not destroyed
    assertThat(thrown).isInstanceOf(ImWaitException.class);
    assertThat(thrown.getSuppressed()).singleElement().satisfies(s -> assertThat(s)
        .hasMessageContaining("was NOT destroyed").hasMessageContaining(ID)
        .hasMessageContaining("409").hasMessageContaining("600 s cleanup deadline"));
    assertThat(destroys()).isGreaterThan(10);
    assertThat(time.sleeps().stream().reduce(Duration.ZERO, Duration::plus)).isLessThanOrEqualTo(
        Duration.ofMinutes(10));
  }

  @Test
  void cancellingAnAsyncCreateAndWaitDestroysThrough409s() throws Exception {
    // Given a create-and-wait the caller cancels at its first progress event, with IM answering 409 twice
    mock.when(request().withMethod("GET").withPath(STATE)).respond(state("running", "running"));
    deleteAnswers(2, HttpResponse.response().withStatusCode(200));
    CompletableFuture<?>[] future = new CompletableFuture<?>[1];
    java.util.concurrent.CountDownLatch started = new java.util.concurrent.CountDownLatch(1);

    // When
    future[0] = im.infrastructures().createAndWaitAsync(Template.tosca(TOSCA),
        Wait.configured().withBackoff(Duration.ZERO, Duration.ZERO, 1.0).withJitter(0), p -> {
          try {
            started.await();
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          if (p.isInfrastructure() && p.current() == State.RUNNING) {
            future[0].cancel(true);
          }
        });
    started.countDown();
    catchThrowable(future[0]::join);
    im.close(); // lets the cleanup finish

    // Then
    assertThat(future[0]).isCancelled();
    assertThat(destroys()).isEqualTo(3);
  }

  @Test
  void closingTheClientDestroysThrough409s() {
    // Given a pending async create-and-wait, with IM answering 409 twice
    mock.when(request().withMethod("GET").withPath(STATE)).respond(state("running", "running"));
    deleteAnswers(2, HttpResponse.response().withStatusCode(200));
    java.util.concurrent.CountDownLatch polled = new java.util.concurrent.CountDownLatch(1);
    CompletableFuture<InfrastructureId> f = im.infrastructures().createAndWaitAsync(Template.tosca(TOSCA),
        Wait.configured().withBackoff(Duration.ofMillis(1), Duration.ofMillis(1), 1).withJitter(0),
        p -> polled.countDown());

    // When the client is closed after the first poll
    try {
      assertThat(polled.await(30, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
    } catch (InterruptedException e) {
      throw new AssertionError(e);
    }
    im.close();

    // Then
    assertThat(f).isCancelled();
    assertThat(destroys()).isEqualTo(3);
  }

  @Test
  void anInterruptedCreateAndWaitDestroysWhenIMAcceptsAtOnce() {
    // Given the caller's thread is interrupted during the wait; IM destroys at the first DELETE
    mock.when(request().withMethod("GET").withPath(STATE)).respond(state("running", "running"));
    deleteAnswers(0, HttpResponse.response().withStatusCode(200));
    time.interruptOnSleep();

    // When / Then
    assertThatThrownBy(() -> im.infrastructures().createAndWait(Template.tosca(TOSCA),
        Wait.configured(), null)).isInstanceOf(ImWaitException.class);
    assertThat(Thread.interrupted()).as("interrupt flag restored").isTrue();
    assertThat(destroys()).isEqualTo(1);
  }

  @Test
  void aDeploymentClosedWhileImStillAddsVmsDestroysThrough409s() {
    // Given a deployment whose wait succeeded, and IM answering DELETE with 409 twice
    mock.when(request().withMethod("GET").withPath(STATE)).respond(state("configured", "configured"));
    deleteAnswers(2, HttpResponse.response().withStatusCode(200));

    // When it is closed
    try (io.github.imsdk.core.Deployment d = im.infrastructures().deploy(Template.tosca(TOSCA), Wait.configured())) {
      assertThat(d.id().value()).isEqualTo(ID);
    }

    // Then the third DELETE destroyed it
    assertThat(destroys()).isEqualTo(3);
  }

  @Test
  void aDeploymentThatCannotBeDestroyedSaysSoWithItsId() {
    // Given IM refusing the DELETE for good (403)
    mock.when(request().withMethod("GET").withPath(STATE)).respond(state("configured", "configured"));
    mock.when(request().withMethod("DELETE").withPath(INF)).respond(error(403, "Access to this infrastructure not granted."));
    io.github.imsdk.core.Deployment d = im.infrastructures().deploy(Template.tosca(TOSCA), Wait.configured());

    // When / Then close() says the infrastructure may still cost money, with its id
    assertThatThrownBy(d::close).isInstanceOf(io.github.imsdk.ImException.class)
        .hasMessageContaining(ID).hasMessageContaining("NOT destroyed");
  }
}
