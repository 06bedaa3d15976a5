package io.github.imsdk.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * IM's busy windows over raw HTTP, as recorded in {@code recorded-2} 017-029: a DELETE right after an asynchronous
 * create answers 409 until IM has launched the VMs, and an asynchronous DELETE leaves the infrastructure
 * {@code deleting} for a while. The windows are set by {@link EmulatorTimings#withAdding} and
 * {@link EmulatorTimings#withDeleting}; a {@link ManualClock} moves through them.
 */
class BusyWindowsTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private final HttpClient http = HttpClient.newHttpClient();
  private ManualClock clock;
  private ImEmulator emulator;

  @BeforeEach
  void start() {
    clock = ManualClock.startingAt(Instant.parse("2026-12-07T14:18:35Z"));
    emulator = ImEmulator.builder().clock(clock).timings(EmulatorTimings.instant()
        .withAdding(Duration.ofMillis(300)).withDeleting(Duration.ofMillis(200))).build();
  }

  @AfterEach
  void stop() {
    emulator.close();
  }

  @Test
  void deleteRightAfterAnAsyncCreateAnswers409ThenSucceedsAfterTheWindow() throws Exception {
    // Given an infrastructure created with ?async=1
    String id = create("?async=1");

    // When it is destroyed at once, then again after the adding window
    HttpResponse<String> during = send("DELETE", "/infrastructures/" + id, "text/plain");
    HttpResponse<String> stateDuring = send("GET", "/infrastructures/" + id + "/state", "application/json");
    clock.advance(Duration.ofMillis(300));
    HttpResponse<String> after = send("DELETE", "/infrastructures/" + id, "text/plain");

    // Then the first DELETE got IM's 409 and left it alive (pending, no VM listed yet), and the second removed it
    assertThat(during.statusCode()).isEqualTo(409);
    assertThat(during.body()).isEqualTo("Error Destroying Inf: Invalid State to perform this operation.");
    assertThat(JSON.readTree(stateDuring.body()).at("/state/state").asText()).isEqualTo("pending");
    assertThat(JSON.readTree(stateDuring.body()).at("/state/vm_states").size()).isZero();
    assertThat(after.statusCode()).isEqualTo(200);
    assertThat(send("GET", "/infrastructures/" + id + "/state", "application/json").statusCode()).isEqualTo(404);
    assertThat(emulator.journal().count("DELETE", "/infrastructures/" + id)).isEqualTo(2);
  }

  @Test
  void aSynchronousCreateHasNoWindow() throws Exception {
    // Given an infrastructure created without async
    String id = create("");

    // When it is destroyed at once
    HttpResponse<String> r = send("DELETE", "/infrastructures/" + id, "application/json");

    // Then IM had finished adding before answering the create, so the destroy succeeds
    assertThat(r.statusCode()).isEqualTo(200);
  }

  @Test
  void asyncDeleteStaysDeletingUntilItsWindowEnds() throws Exception {
    // Given a configured infrastructure
    String id = create("");

    // When it is destroyed with ?async=1 and polled through the window
    HttpResponse<String> delete = send("DELETE", "/infrastructures/" + id + "?async=1", "text/plain");
    String first = send("GET", "/infrastructures/" + id + "/state", "application/json").body();
    clock.advance(Duration.ofMillis(100));
    String second = send("GET", "/infrastructures/" + id + "/state", "application/json").body();
    clock.advance(Duration.ofMillis(100));
    int last = send("GET", "/infrastructures/" + id + "/state", "application/json").statusCode();

    // Then it went deleting (with its VM), deleting (without), then 404, as recorded
    assertThat(delete.statusCode()).isEqualTo(200);
    assertThat(JSON.readTree(first).at("/state/state").asText()).isEqualTo("deleting");
    assertThat(JSON.readTree(first).at("/state/vm_states").size()).isEqualTo(1);
    assertThat(JSON.readTree(second).at("/state/state").asText()).isEqualTo("deleting");
    assertThat(JSON.readTree(second).at("/state/vm_states").size()).isZero();
    assertThat(last).isEqualTo(404);
    assertThat(emulator.infrastructures()).isEmpty();
  }

  private String create(String query) throws Exception {
    HttpRequest r = HttpRequest.newBuilder(URI.create(emulator.endpoint() + "/infrastructures" + query))
        .header("Authorization", emulator.credentials().toAuthorizationHeader())
        .header("Content-Type", "text/yaml")
        .POST(HttpRequest.BodyPublishers.ofString(resource("plain_vm.yaml"))).build();
    HttpResponse<String> resp = http.send(r, HttpResponse.BodyHandlers.ofString());
    assertThat(resp.statusCode()).as(resp.body()).isEqualTo(200);
    return resp.headers().firstValue("InfID").orElseThrow();
  }

  private HttpResponse<String> send(String method, String pathAndQuery, String accept) throws Exception {
    HttpRequest r = HttpRequest.newBuilder(URI.create(emulator.endpoint() + pathAndQuery))
        .header("Authorization", emulator.credentials().toAuthorizationHeader())
        .header("Accept", accept)
        .method(method, HttpRequest.BodyPublishers.noBody()).build();
    return http.send(r, HttpResponse.BodyHandlers.ofString());
  }

  private static String resource(String name) throws IOException {
    try (InputStream in = BusyWindowsTest.class.getClassLoader().getResourceAsStream(name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
