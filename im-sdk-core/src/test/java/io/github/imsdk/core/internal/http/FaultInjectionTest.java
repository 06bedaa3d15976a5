package io.github.imsdk.core.internal.http;

import static io.github.imsdk.core.internal.StubClients.ID;
import static io.github.imsdk.core.internal.StubClients.INF;
import static io.github.imsdk.core.internal.StubClients.error;
import static io.github.imsdk.core.internal.StubClients.json;
import static io.github.imsdk.core.internal.StubClients.state;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockserver.model.HttpRequest.request;
import static org.mockserver.model.HttpResponse.response;

import io.github.imsdk.core.ImBadRequestException;
import io.github.imsdk.core.ImResponseException;
import io.github.imsdk.core.ImServiceException;
import io.github.imsdk.core.ImTransportException;
import io.github.imsdk.core.ImUnauthorizedException;
import io.github.imsdk.core.ImWaitException;
import io.github.imsdk.core.InfrastructureManager;
import io.github.imsdk.core.InfrastructureState;
import io.github.imsdk.core.RetryPolicy;
import io.github.imsdk.core.State;
import io.github.imsdk.core.Template;
import io.github.imsdk.core.Timeouts;
import io.github.imsdk.core.Wait;
import io.github.imsdk.core.internal.StubClients.RotatingTokens;
import io.github.imsdk.core.internal.StubClients;
import io.github.imsdk.core.internal.StubServer;
import io.github.imsdk.core.internal.retry.FakeTime;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.mockserver.integration.ClientAndServer;
import org.mockserver.matchers.Times;
import org.mockserver.model.HttpError;
import org.mockserver.model.HttpRequest;
import org.mockserver.model.HttpResponse;

/**
 * Faults injected between the client and a stub IM. Each test asserts the typed exception or the recovered
 * result, the number of requests the stub received, and that a create was never sent twice.
 */
class FaultInjectionTest {
  private static final String STATE = INF + "/state";
  private static final String TOSCA = "tosca_definitions_version: tosca_simple_yaml_1_0\nmetadata:\n"
      + "  infra_name: fault-demo\ntopology_template:\n  node_templates: {}\n";
  private static final RetryPolicy POLICY = RetryPolicy.defaults()
      .withBackoff(Duration.ofSeconds(1), Duration.ofSeconds(8), 2.0).withJitter(0).withMaxAttempts(4);

  @RegisterExtension
  static final StubServer SERVER = new StubServer();
  private static final ClientAndServer mock = SERVER.mock();
  private FakeTime time;
  private InfrastructureManager im;

  @BeforeEach
  void setUp() {
    time = new FakeTime();
    im = client(StubClients.relaxed());
  }

  @AfterEach
  void tearDown() {
    im.close();
  }

  private InfrastructureManager client(Timeouts timeouts) {
    return StubClients.client(mock.getPort(), time, POLICY, StubClients.userPassword(), timeouts);
  }

  private static HttpRequest getState() {
    return request().withMethod("GET").withPath(STATE);
  }

  private static HttpRequest postCreate() {
    return request().withMethod("POST").withPath("/infrastructures");
  }

  private static int count(HttpRequest r) {
    return mock.retrieveRecordedRequests(r).length;
  }

  private static void answers(HttpRequest r, HttpResponse... in) {
    for (int i = 0; i < in.length; i++) {
      mock.when(r, i == in.length - 1 ? Times.unlimited() : Times.once()).respond(in[i]);
    }
  }

  private static HttpError dropMidBody() {
    String partial = "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 400\r\n\r\n"
        + "{\"state\": {\"state\": \"conf";
    return HttpError.error().withResponseBytes(partial.getBytes(StandardCharsets.US_ASCII)).withDropConnection(true);
  }

  // --- slow responses -------------------------------------------------------------------------------------

  @Test
  void aReadSlowerThanTheReadTimeoutIsRetriedThenThrownAsTransport() {
    // Given: every answer comes after 2 s; the read timeout is 200 ms
    im.close();
    im = client(Timeouts.of(Duration.ofSeconds(2), Duration.ofMillis(200)));
    mock.when(getState()).respond(state("running").withDelay(TimeUnit.SECONDS, 2));

    // When / Then
    assertThatThrownBy(() -> im.infrastructure(ID).state())
        .isInstanceOf(ImTransportException.class).hasMessageContaining("timed out");
    assertThat(count(getState())).isEqualTo(4);
    assertThat(time.sleeps()).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(4));
  }

  @Test
  void aSlowCreateIsSentOnceAndTheErrorSaysHowToFindTheInfrastructure() {
    // Given
    im.close();
    // (a synchronous create's answer may start after the read timeout: its bound is longCall, 1 s here)
    im = client(new Timeouts(Duration.ofSeconds(2), Duration.ofMillis(200), Duration.ofSeconds(30),
        Duration.ofSeconds(1)));
    mock.when(postCreate()).respond(json("{\"uri\": \"http://h/infrastructures/" + ID + "\"}")
        .withDelay(TimeUnit.SECONDS, 3));

    // When / Then
    assertThatThrownBy(() -> im.infrastructures().create(Template.tosca(TOSCA)))
        .isInstanceOf(ImTransportException.class)
        .hasMessageContaining("did not complete within its 1 s bound")
        .hasMessageContaining("may have reached IM, so it was not repeated")
        .hasMessageContaining("infra_name 'fault-demo'")
        .hasMessageContaining("GET /infrastructures");
    assertThat(count(postCreate())).isEqualTo(1);
    assertThat(time.sleeps()).isEmpty();
  }

  // --- dropped connections --------------------------------------------------------------------------------

  @Test
  void aConnectionDroppedMidBodyIsRetriedForARead() {
    // Given
    mock.when(getState(), Times.once()).error(dropMidBody());
    mock.when(getState()).respond(state("configured", "configured"));

    // When
    InfrastructureState s = im.infrastructure(ID).state();

    // Then
    assertThat(s.state()).isEqualTo(State.CONFIGURED);
    assertThat(count(getState())).isEqualTo(2);
  }

  @Test
  void aCreateWhoseConnectionDropsMidBodyIsNotSentAgain() {
    // Given
    mock.when(postCreate()).error(dropMidBody());

    // When / Then
    assertThatThrownBy(() -> im.infrastructures().create(Template.tosca(TOSCA)))
        .isInstanceOf(ImTransportException.class).hasMessageContaining("infra_name 'fault-demo'");
    assertThat(count(postCreate())).isEqualTo(1);
  }

  @Test
  void aCreateWhoseConnectionDropsBeforeAnyAnswerIsNotSentAgain() {
    // Given: the JDK's HttpURLConnection silently re-sends a POST in this case unless streaming
    mock.when(postCreate()).error(HttpError.error().withDropConnection(true));

    // When / Then
    assertThatThrownBy(() -> im.infrastructures().create(Template.tosca(TOSCA)))
        .isInstanceOf(ImTransportException.class).hasMessageContaining("may have reached IM");
    assertThat(count(postCreate())).isEqualTo(1);
  }

  @Test
  void aCreateThatCannotConnectIsRetriedBecauseNothingLeft() throws IOException {
    // Given: a port nobody listens on
    int closedPort;
    try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      closedPort = s.getLocalPort();
    }
    try (InfrastructureManager refused = StubClients.client(closedPort, time, POLICY, StubClients.userPassword(),
        Timeouts.of(Duration.ofSeconds(2), Duration.ofSeconds(2)))) {

      // When / Then
      assertThatThrownBy(() -> refused.infrastructures().create(Template.tosca(TOSCA)))
          .isInstanceOf(ImTransportException.class).hasMessageContaining("cannot connect");
    }
    assertThat(time.sleeps()).as("4 attempts").hasSize(3);
  }

  // --- 5xx bursts -----------------------------------------------------------------------------------------

  @Test
  void aBurstOf502And503IsRetriedUntilSuccess() {
    // Given
    answers(getState(), error(502, "Bad Gateway"), error(503, "Service Unavailable"), error(502, "Bad Gateway"),
        state("configured", "configured"));

    // When
    InfrastructureState s = im.infrastructure(ID).state();

    // Then
    assertThat(s.isConfigured()).isTrue();
    assertThat(count(getState())).isEqualTo(4);
    assertThat(time.sleeps()).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(4));
  }

  @Test
  void a503BurstLongerThanTheAttemptsEndsInA503() {
    // Given
    answers(getState(), error(503, "Service Unavailable"));

    // When / Then
    assertThatThrownBy(() -> im.infrastructure(ID).state())
        .isInstanceOfSatisfying(ImServiceException.class, e -> assertThat(e.statusCode()).isEqualTo(503));
    assertThat(count(getState())).isEqualTo(4);
  }

  @Test
  void a500IsNotRetried() {
    // Given
    answers(getState(), error(500, "Internal Server Error"), state("configured"));

    // When / Then
    assertThatThrownBy(() -> im.infrastructure(ID).state())
        .isInstanceOfSatisfying(ImServiceException.class, e -> assertThat(e.statusCode()).isEqualTo(500));
    assertThat(count(getState())).isEqualTo(1);
  }

  @Test
  void aCreateAnswered503IsNotRetriedAndSaysItMayHaveRun() {
    // Given
    answers(postCreate(), error(503, "Service Unavailable"), json("{\"uri\": \"http://h/infrastructures/x\"}"));

    // When / Then
    assertThatThrownBy(() -> im.infrastructures().create(Template.tosca(TOSCA)))
        .isInstanceOfSatisfying(ImServiceException.class, e -> {
          assertThat(e.statusCode()).isEqualTo(503);
          assertThat(e.serverMessage()).contains("Service Unavailable", "infra_name 'fault-demo'");
        });
    assertThat(count(postCreate())).isEqualTo(1);
  }

  @Test
  void a504DuringDestroyThen404CountsAsDestroyed() {
    // Given: the first DELETE timed out at a proxy but IM deleted the infrastructure
    answers(request().withMethod("DELETE").withPath(INF), error(504, "Gateway Timeout"),
        error(404, "Deleted infrastructure."));

    // When
    im.infrastructure(ID).destroy();

    // Then
    assertThat(count(request().withMethod("DELETE").withPath(INF))).isEqualTo(2);
  }

  // --- Retry-After ----------------------------------------------------------------------------------------

  @Test
  void retryAfterInSecondsSetsThePause() {
    // Given
    answers(getState(), error(503, "busy").withHeader("Retry-After", "7"), state("running"));

    // When
    im.infrastructure(ID).state();

    // Then
    assertThat(time.sleeps()).containsExactly(Duration.ofSeconds(7));
    assertThat(count(getState())).isEqualTo(2);
  }

  @Test
  void retryAfterAsAnHttpDateSetsThePause() {
    // Given: the fake wall clock reads 2026-11-21T21:00:00Z
    answers(getState(), error(503, "busy").withHeader("Retry-After", "Sat, 21 Nov 2026 21:00:30 GMT"),
        state("running"));

    // When
    im.infrastructure(ID).state();

    // Then
    assertThat(time.sleeps()).containsExactly(Duration.ofSeconds(30));
    assertThat(count(getState())).isEqualTo(2);
  }

  @Test
  void aRetryAfterBeyondTheCallDeadlineIsNotWaitedFor() {
    // Given: the default call deadline is 2 minutes
    answers(getState(), error(503, "maintenance").withHeader("Retry-After", "3600"), state("running"));

    // When / Then
    assertThatThrownBy(() -> im.infrastructure(ID).state()).isInstanceOf(ImServiceException.class)
        .hasMessageContaining("maintenance");
    assertThat(count(getState())).isEqualTo(1);
    assertThat(time.sleeps()).isEmpty();
  }

  // --- garbled answers ------------------------------------------------------------------------------------

  @Test
  void truncatedJsonIsAResponseExceptionAndIsNotRetried() {
    // Given
    answers(getState(), json("{\"state\": {\"state\": \"conf"));

    // When / Then
    assertThatThrownBy(() -> im.infrastructure(ID).state())
        .isInstanceOf(ImResponseException.class).hasMessageContaining("not valid JSON");
    assertThat(count(getState())).isEqualTo(1);
  }

  @Test
  void truncatedJsonWhileWaitingCountsAsAnUnknownReading() {
    // Given
    answers(getState(), json("{\"state\": {\"sta"), state("running"), state("configured"));

    // When
    im.infrastructure(ID).waitUntil(Wait.configured());

    // Then
    assertThat(count(getState())).isEqualTo(3);
  }

  @Test
  void anHtmlErrorPageGivesTheTypedExceptionWithItsMessage() {
    // Given: a proxy's HTML page for a 502 (retried), and IM's HTML form of a 400 (not retried)
    String html502 = "<html><head><title>502 Bad Gateway</title></head><body><h1>Bad Gateway</h1>"
        + "<p>The proxy server received an invalid response.</p></body></html>";
    answers(getState(), response().withStatusCode(502).withHeader("Content-Type", "text/html").withBody(html502));
    String html400 = "<!DOCTYPE html><html><body><h1>Code: 400.</h1><h1>Message: Error Getting Inf. "
        + "contmsg: bad &amp; worse</h1></body></html>";
    answers(request().withMethod("GET").withPath(INF + "/contmsg"),
        response().withStatusCode(400).withHeader("Content-Type", "text/html").withBody(html400));

    // When / Then
    assertThatThrownBy(() -> im.infrastructure(ID).state())
        .isInstanceOfSatisfying(ImServiceException.class, e -> {
          assertThat(e.statusCode()).isEqualTo(502);
          assertThat(e.serverMessage()).contains("Bad Gateway").doesNotContain("<html>");
        });
    assertThat(count(getState())).isEqualTo(4);
    assertThatThrownBy(() -> im.infrastructure(ID).contmsg())
        .isInstanceOfSatisfying(ImBadRequestException.class,
            e -> assertThat(e.serverMessage()).isEqualTo("Error Getting Inf. contmsg: bad & worse"));
    assertThat(count(request().withPath(INF + "/contmsg"))).isEqualTo(1);
  }

  // --- credentials expiring during a long wait -------------------------------------------------------------

  @Test
  void aTokenThatExpiresDuringAWaitIsRefreshedOnceAndTheWaitGoesOn() {
    // Given: tok-1 works twice, then IM says (with its 400 quirk) that it is invalid; tok-2 works
    RotatingTokens tokens = new RotatingTokens();
    im.close();
    im = StubClients.client(mock.getPort(), time, POLICY, StubClients.token(tokens), StubClients.relaxed());
    HttpRequest withTok1 = getState().withHeader("Authorization", ".*tok-1.*");
    HttpRequest withTok2 = getState().withHeader("Authorization", ".*tok-2.*");
    mock.when(withTok1, Times.exactly(2)).respond(state("running", "running"));
    mock.when(withTok1).respond(error(400,
        "Error Getting Inf. state: Invalid InfrastructureManager credentials"));
    mock.when(withTok2).respond(state("configured", "configured"));

    // When
    im.infrastructure(ID).waitUntil(Wait.configured());

    // Then
    assertThat(tokens.invalidations).hasValue(1);
    assertThat(count(withTok1)).isEqualTo(3);
    assertThat(count(withTok2)).isEqualTo(1);
  }

  @Test
  void aRefreshedTokenThatIsRejectedTooEndsTheWaitWithTheCredentialsError() {
    // Given
    RotatingTokens tokens = new RotatingTokens();
    im.close();
    im = StubClients.client(mock.getPort(), time, POLICY, StubClients.token(tokens), StubClients.relaxed());
    answers(getState(), error(400, "Error Getting Inf. state: Invalid InfrastructureManager credentials"));

    // When / Then
    assertThatThrownBy(() -> im.infrastructure(ID).waitUntil(Wait.configured()))
        .isInstanceOfSatisfying(ImWaitException.class, e -> {
          assertThat(e.reason()).isEqualTo(ImWaitException.Reason.ERROR);
          assertThat(e.getCause()).isInstanceOf(ImUnauthorizedException.class);
          assertThat(e.getMessage()).doesNotContain("tok-");
        });
    assertThat(tokens.invalidations).hasValue(1);
    assertThat(count(getState())).isEqualTo(2);
  }

  @Test
  void aCreateRejectedForCredentialsIsResentOnceWithAFreshToken() {
    // Given: IM checks credentials before creating anything, so this one re-send is safe
    RotatingTokens tokens = new RotatingTokens();
    im.close();
    im = StubClients.client(mock.getPort(), time, POLICY, StubClients.token(tokens), StubClients.relaxed());
    mock.when(postCreate().withHeader("Authorization", ".*tok-1.*"))
        .respond(error(401, "Invalid InfrastructureManager credentials"));
    mock.when(postCreate().withHeader("Authorization", ".*tok-2.*"))
        .respond(json("{\"uri\": \"http://h/infrastructures/" + ID + "\"}"));

    // When
    String id = im.infrastructures().create(Template.tosca(TOSCA)).value();

    // Then
    assertThat(id).isEqualTo(ID);
    assertThat(count(postCreate())).isEqualTo(2);
    assertThat(tokens.invalidations).hasValue(1);
  }
}
