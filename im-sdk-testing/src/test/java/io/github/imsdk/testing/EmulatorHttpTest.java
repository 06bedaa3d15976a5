package io.github.imsdk.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.imsdk.auth.AuthLine;
import io.github.imsdk.auth.Credentials;
import io.github.imsdk.core.InfrastructureId;
import io.github.imsdk.core.State;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The emulator over raw HTTP: state machine on a manual clock, outputs, addresses, faults, IM 2.0 shapes. */
class EmulatorHttpTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private final HttpClient http = HttpClient.newHttpClient();
  private ManualClock clock;
  private ImEmulator emulator;

  @BeforeEach
  void start() {
    clock = ManualClock.startingAt(Instant.parse("2026-01-01T00:00:00Z"));
    emulator = ImEmulator.builder().clock(clock).timings(EmulatorTimings.demo()).build();
  }

  @AfterEach
  void stop() {
    emulator.close();
  }

  @Test
  void toscaVmGoesPendingRunningConfiguredAsTheClockMoves() throws Exception {
    // Given a TOSCA template with a configure interface (contextualization on)
    String id = create(resource("docker_ansible.yaml"));

    // When the clock moves through the configured timings
    String atStart = state(id);
    clock.advance(Duration.ofSeconds(1));
    String afterPending = state(id);
    clock.advance(Duration.ofSeconds(2));
    String afterConfigure = state(id);

    // Then the VM went through each state
    assertThat(atStart).isEqualTo("pending");
    assertThat(afterPending).isEqualTo("running");
    assertThat(afterConfigure).isEqualTo("configured");
    assertThat(emulator.state(InfrastructureId.of(id))).contains(State.CONFIGURED);
  }

  @Test
  void outputsAreEvaluatedWithLoopbackAddressesAndInputDefaults() throws Exception {
    // Given a created TOSCA infrastructure
    String id = create(resource("docker_ansible.yaml"));

    // When its outputs are read
    JsonNode outputs = JSON.readTree(send("GET", "/infrastructures/" + id + "/outputs", null, null).body())
        .get("outputs");

    // Then addresses are in 127.0.0.0/8 and concat used the app_port input default
    String ip = outputs.get("node_ip").asText();
    assertThat(ip).startsWith("127.");
    assertThat(outputs.get("endpoint").asText()).isEqualTo("http://" + ip + ":8080/");
    assertThat(outputs.get("node_creds").get("user").asText()).isEqualTo("cloudadm");
    assertThat(outputs.get("node_creds").get("token").asText()).hasSize(12);
  }

  @Test
  void injectedUnconfiguredFaultEndsTheNextVmUnconfigured() throws Exception {
    // Given a fault on the next VM
    emulator.inject(Fault.nextVmsEndIn(State.UNCONFIGURED));

    // When two infrastructures are created and configured
    String first = create(resource("docker_ansible.yaml"));
    String second = create(resource("docker_ansible.yaml"));
    clock.advance(Duration.ofSeconds(10));

    // Then only the first ends unconfigured and its contmsg ends as IM's does when the master VM never answers SSH
    assertThat(state(first)).isEqualTo("unconfigured");
    assertThat(state(second)).isEqualTo("configured");
    assertThat(send("GET", "/infrastructures/" + first + "/contmsg", null, null).body()).contains("ERROR: Max contextualization time passed.");
  }

  @Test
  void injectedFailedFaultNeverRuns() throws Exception {
    // Given a fault making the next VM fail
    emulator.inject(Fault.nextVmsEndIn(State.FAILED));

    // When an infrastructure is created and time passes
    String id = create(resource("plain_vm.yaml"));
    clock.advance(Duration.ofSeconds(5));

    // Then it is failed
    assertThat(state(id)).isEqualTo("failed");
  }

  @Test
  void injectedServerErrorAnswersTheGivenStatusTheGivenNumberOfTimes() throws Exception {
    // Given a 503 on the version route, twice
    emulator.inject(Fault.serverError("GET", "/version", 503).times(2));

    // When the route is called three times
    int first = send("GET", "/version", null, null).statusCode();
    int second = send("GET", "/version", null, null).statusCode();
    int third = send("GET", "/version", null, null).statusCode();

    // Then the first two fail
    assertThat(first).isEqualTo(503);
    assertThat(second).isEqualTo(503);
    assertThat(third).isEqualTo(200);
  }

  @Test
  void plainVmWithoutConfigureInterfacesIsConfiguredOnceRunning() throws Exception {
    // Given a TOSCA template without interfaces
    String id = create(resource("plain_vm.yaml"));

    // When the VM has left pending
    clock.advance(Duration.ofSeconds(1));

    // Then it is configured at once and contmsg says contextualization is off
    assertThat(state(id)).isEqualTo("configured");
    assertThat(send("GET", "/infrastructures/" + id + "/contmsg", null, null).body())
        .contains("Contextualization disabled by the RADL/TOSCA template.");
  }

  @Test
  void destroyedInfrastructuresDisappear() throws Exception {
    // Given an infrastructure
    String id = create(resource("plain_vm.yaml"));

    // When it is destroyed
    int status = send("DELETE", "/infrastructures/" + id, null, null).statusCode();

    // Then the emulator no longer has it
    assertThat(status).isEqualTo(200);
    assertThat(emulator.infrastructures()).isEmpty();
    assertThat(send("GET", "/infrastructures/" + id + "/state", null, null).statusCode()).isEqualTo(404);
  }

  @Test
  void imV2ModeAnswersFastApiShapes() throws Exception {
    // Given an emulator imitating IM 2.0
    try (ImEmulator v2 = ImEmulator.builder().imVersion(ImVersion.V2_0_0).build()) {
      // When an unknown route and a bad boolean are sent
      HttpResponse<String> unknown = send(v2, "GET", "/no/such/route", null, null);
      HttpResponse<String> badBool = send(v2, "POST", "/infrastructures?async=maybe", "text/plain",
          "system front ()\ndeploy front 1");

      // Then they come back as FastAPI does
      assertThat(unknown.statusCode()).isEqualTo(404);
      assertThat(unknown.body()).isEqualTo("{\"detail\":\"Not Found\"}");
      assertThat(badBool.statusCode()).isEqualTo(422);
      assertThat(JSON.readTree(badBool.body()).get("detail").get(0).get("loc").toString())
          .isEqualTo("[\"query\",\"async\"]");
    }
  }

  @Test
  void builderRejectsNonLoopbackHostsAndBadFaults() {
    assertThatThrownBy(() -> ImEmulator.builder().host("8.8.8.8"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("loopback");
    assertThatThrownBy(() -> Fault.nextVmsEndIn(State.RUNNING))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("FAILED or UNCONFIGURED");
    assertThatThrownBy(() -> Fault.serverError("GET", "(", 500))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("invalid path pattern");
  }

  private String create(String tosca) throws Exception {
    HttpResponse<String> r = send("POST", "/infrastructures", "text/yaml", tosca);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    return r.headers().firstValue("InfID").orElseThrow();
  }

  @Test
  void aTokenWhosePayloadIsNotAJsonObjectIsAnInvalidToken() throws Exception {
    for (String payload : List.of("null", "42", "[1]", "\"text\"")) {
      // Given an IM line whose JWT payload is JSON but not an object
      String jwt = "eyJhbGciOiJub25lIn0." + Base64.getUrlEncoder().withoutPadding()
          .encodeToString(payload.getBytes(StandardCharsets.UTF_8)) + ".sig";
      String header = Credentials.of(AuthLine.builder(AuthLine.INFRASTRUCTURE_MANAGER).id("im").set("token", jwt)
          .build()).toAuthorizationHeader();

      // When it lists infrastructures
      HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(emulator.endpoint() + "/infrastructures"))
          .header("Accept", "application/json").header("Authorization", header).GET().build(),
          HttpResponse.BodyHandlers.ofString());

      // Then the answer is IM's 401 for a bad token, not a 500
      assertThat(r.statusCode()).as("payload %s", payload).isEqualTo(401);
      assertThat(r.body()).as("payload %s", payload)
          .contains("Invalid InfrastructureManager credentials. Invalid token.");
    }
  }

  private String state(String id) throws Exception {
    return JSON.readTree(send("GET", "/infrastructures/" + id + "/state", null, null).body())
        .get("state").get("state").asText();
  }

  private HttpResponse<String> send(String method, String path, String contentType, String body) throws Exception {
    return send(emulator, method, path, contentType, body);
  }

  private HttpResponse<String> send(ImEmulator target, String method, String path, String contentType, String body)
      throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(target.endpoint() + path))
        .header("Accept", "application/json")
        .header("Authorization", target.credentials().toAuthorizationHeader());
    if (contentType != null) {
      b.header("Content-Type", contentType);
    }
    b.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
    return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static String resource(String name) throws IOException {
    try (InputStream in = EmulatorHttpTest.class.getClassLoader().getResourceAsStream(name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
