package io.github.imsdk.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ImStubTest {

  private static ImStub stub;

  @BeforeAll
  static void start() {
    stub = ImStub.start(2);
  }

  @AfterAll
  static void stop() {
    stub.close();
  }

  @BeforeEach
  void reset() {
    stub.resetCounts();
  }

  @Test
  void servesTheRecordedStateAndCountsOneKeptAliveConnection() {
    // Given a raw client, which keeps its connection alive
    RawJdkClient raw = new RawJdkClient(stub.endpoint());

    // When it asks for the state three times and for the outputs once
    RawState state = raw.state(ImStub.INFRASTRUCTURE_ID);
    raw.state(ImStub.INFRASTRUCTURE_ID);
    raw.state(ImStub.INFRASTRUCTURE_ID);
    var outputs = raw.outputs(ImStub.INFRASTRUCTURE_ID);

    // Then it reads the recorded bodies over a single connection
    assertThat(state).isEqualTo(new RawState("configured", java.util.Map.of("0", "configured")));
    assertThat(outputs).containsEntry("node_ip", "10.0.0.1");
    assertThat(raw.version()).isEqualTo("1.19.2");
    assertThat(stub.requests()).isEqualTo(5);
    assertThat(stub.connectionsAccepted()).isEqualTo(1);
  }

  @Test
  void countsEachNewConnection() throws Exception {
    // Given a version request
    HttpRequest req = HttpRequest.newBuilder(URI.create(stub.endpoint() + "/version")).build();

    // When three separate clients (three connection pools) send it
    for (int i = 0; i < 3; i++) {
      HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
      assertThat(http.send(req, HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);
    }

    // Then the stub counts three connections
    assertThat(stub.connectionsAccepted()).isEqualTo(3);
  }

  @Test
  void refusesCallsWithoutCredentialsLikeIm() throws IOException, InterruptedException {
    // Given a state request without an Authorization header
    HttpRequest req = HttpRequest.newBuilder(
        URI.create(stub.endpoint() + "/infrastructures/" + ImStub.INFRASTRUCTURE_ID + "/state")).build();

    // When it is sent
    HttpResponse<String> r = HttpClient.newHttpClient().send(req, HttpResponse.BodyHandlers.ofString());

    // Then the stub answers 401 as IM does
    assertThat(r.statusCode()).isEqualTo(401);
  }
}
