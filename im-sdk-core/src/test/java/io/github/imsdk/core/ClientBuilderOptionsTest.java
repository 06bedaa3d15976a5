package io.github.imsdk.core;

import static io.github.imsdk.core.internal.StubClients.ID;
import static io.github.imsdk.core.internal.StubClients.INF;
import static io.github.imsdk.core.internal.StubClients.error;
import static io.github.imsdk.core.internal.StubClients.state;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockserver.model.HttpRequest.request;

import io.github.imsdk.core.internal.StubClients;
import io.github.imsdk.core.internal.StubServer;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.mockserver.integration.ClientAndServer;
import org.mockserver.matchers.Times;
import org.mockserver.model.HttpRequest;

/** The public builder's retryPolicy() and asyncExecutor() options reach the client. */
class ClientBuilderOptionsTest {
  @RegisterExtension
  static final StubServer SERVER = new StubServer();
  private static final ClientAndServer mock = SERVER.mock();

  private static InfrastructureManager.Builder builder() {
    return InfrastructureManager.builder().endpoint("http://127.0.0.1:" + mock.getPort())
        .credentials(StubClients.userPassword());
  }

  private static HttpRequest getState() {
    return request().withMethod("GET").withPath(INF + "/state");
  }

  private static void stub503ThenConfigured() {
    mock.when(getState(), Times.once()).respond(error(503, "Service Unavailable"));
    mock.when(getState()).respond(state("configured"));
  }

  @Test
  void retryPolicyNoneSendsEachCallOnce() {
    // Given
    stub503ThenConfigured();

    // When / Then
    try (InfrastructureManager im = builder().retryPolicy(RetryPolicy.none()).build()) {
      assertThatThrownBy(() -> im.infrastructure(ID).state())
          .isInstanceOfSatisfying(ImServiceException.class, e -> assertThat(e.statusCode()).isEqualTo(503));
    }
    assertThat(mock.retrieveRecordedRequests(getState())).hasSize(1);
  }

  @Test
  void aRetryPolicyRepeatsASafeCall() {
    // Given
    stub503ThenConfigured();
    RetryPolicy twice = RetryPolicy.defaults().withMaxAttempts(2).withBackoff(Duration.ZERO, Duration.ZERO, 1);

    // When
    try (InfrastructureManager im = builder().retryPolicy(twice).build()) {
      assertThat(im.infrastructure(ID).state().isConfigured()).isTrue();
    }

    // Then
    assertThat(mock.retrieveRecordedRequests(getState())).hasSize(2);
  }

  @Test
  void asyncWorkRunsOnTheCallersExecutorWhichCloseLeavesRunning() throws InterruptedException {
    // Given
    mock.when(getState()).respond(state("configured", "configured"));
    ScheduledExecutorService mine = Executors.newSingleThreadScheduledExecutor(r -> new Thread(r, "callers-pool"));
    AtomicReference<String> pollThread = new AtomicReference<>();
    try {
      // When
      try (InfrastructureManager im = builder().asyncExecutor(mine).build()) {
        im.infrastructure(ID).waitUntilAsync(Wait.configured(),
            p -> pollThread.set(Thread.currentThread().getName())).join();
      }

      // Then
      assertThat(pollThread.get()).isEqualTo("callers-pool");
      assertThat(mine.isShutdown()).isFalse();
    } finally {
      mine.shutdownNow();
      assertThat(mine.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
    }
  }
}
