package io.github.imsdk.core;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.github.imsdk.auth.AuthLine;
import io.github.imsdk.auth.Credentials;
import io.github.imsdk.tosca.ToscaTemplate;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The sites of a placement are asked at once: a loopback IM holds every quota request until all five sites have
 * asked (a barrier, no clock), so a survey that asked one site after another would never get an answer and would
 * pass every site over.
 */
class PlacementConcurrencyTest {

  private static final int SITES = 5;
  private static final String TEMPLATE = """
      tosca_definitions_version: tosca_simple_yaml_1_0
      topology_template:
        node_templates:
          vm:
            type: tosca.nodes.Compute
            capabilities:
              os: { properties: { type: linux, image: 'ost://x/1' } }
      """;

  private HttpServer server;
  private ExecutorService workers;
  private final CyclicBarrier allAsked = new CyclicBarrier(SITES);
  private final List<String> requests = Collections.synchronizedList(new ArrayList<>());

  @BeforeEach
  void start() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
    workers = Executors.newFixedThreadPool(SITES + 3);
    server.setExecutor(workers);
    server.createContext("/", this::answer);
    server.start();
  }

  @AfterEach
  void stop() {
    server.stop(0);
    workers.shutdownNow();
  }

  private void answer(HttpExchange x) throws IOException {
    String path = x.getRequestURI().getPath();
    String query = x.getRequestURI().getQuery() == null ? "" : x.getRequestURI().getQuery();
    requests.add(x.getRequestMethod() + " " + path + (query.isEmpty() ? "" : "?" + query));
    x.getRequestBody().readAllBytes();
    String base = "http://127.0.0.1:" + server.getAddress().getPort();
    if (path.endsWith("/quotas")) {
      try {
        allAsked.await(20, TimeUnit.SECONDS);
      } catch (InterruptedException | BrokenBarrierException | TimeoutException e) {
        send(x, 500, "text/plain", "not asked in parallel");
        return;
      }
      send(x, 200, "application/json", "{\"quotas\": {\"cores\": {\"used\": 0, \"limit\": 8}}}");
    } else if (path.equals("/infrastructures") && query.contains("dry_run")) {
      send(x, 200, "application/json", "{\"s0\": {\"cloudType\": \"OpenStack\", \"cloudEndpoint\": \"https://s0\","
          + " \"compute\": [{\"cpuCores\": 2, \"memoryInMegabytes\": 2048}], \"storage\": []}}");
    } else if (path.equals("/infrastructures")) {
      send(x, 200, "text/uri-list", base + "/infrastructures/inf1");
    } else if (path.endsWith("/state")) {
      send(x, 200, "application/json", "{\"state\": {\"state\": \"configured\", \"vm_states\": {\"0\": \"configured\"}}}");
    } else {
      send(x, 404, "text/plain", "no route " + path);
    }
  }

  private static void send(HttpExchange x, int status, String type, String body) throws IOException {
    byte[] b = body.getBytes(StandardCharsets.UTF_8);
    x.getResponseHeaders().add("Content-Type", type);
    x.sendResponseHeaders(status, b.length);
    x.getResponseBody().write(b);
    x.close();
  }

  @Test
  void everySiteIsAskedAtOnce() {
    // Given five OpenStack lines
    List<AuthLine> lines = new ArrayList<>();
    lines.add(AuthLine.builder("InfrastructureManager").id("im").set("username", "u").set("password", "p").build());
    for (int i = 0; i < SITES; i++) {
      lines.add(AuthLine.builder("OpenStack").id("s" + i).set("host", "https://s" + i + ":5000").build());
    }
    try (InfrastructureManager im = InfrastructureManager.builder()
        .endpoint(URI.create("http://127.0.0.1:" + server.getAddress().getPort()))
        .credentials(Credentials.of(lines)).retryPolicy(RetryPolicy.none()).build()) {
      List<PlacementEvent> events = Collections.synchronizedList(new ArrayList<>());

      // When placed with the template's own image (so only quotas are asked)
      PlacementResult r = im.placement().deploy(ToscaTemplate.parse(TEMPLATE), PlacementOptions.defaults()
          .withWait(Wait.configured().withBackoff(java.time.Duration.ofMillis(10), java.time.Duration.ofMillis(50), 1.5)),
          events::add);

      // Then every site answered (none was passed over), and the first in order won the tie
      assertThat(r.passedOver()).isEmpty();
      assertThat(events).filteredOn(e -> e.kind() == PlacementEvent.Kind.FITS).hasSize(SITES);
      assertThat(r.site()).isEqualTo("s0");
      assertThat(r.siteEndpoint()).isEqualTo("https://s0:5000");
      assertThat(requests).filteredOn(s -> s.endsWith("/quotas")).hasSize(SITES);
      assertThat(requests).noneMatch(s -> s.endsWith("/images"));
      assertThat(requests).filteredOn(s -> s.equals("POST /infrastructures?async=true")).hasSize(1);
    }
  }
}
