package io.github.imsdk.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

/**
 * A loopback IM stand-in on a free port that answers {@code GET /version}, {@code GET /infrastructures/{id}/state}
 * and {@code GET /infrastructures/{id}/outputs} with bodies recorded from a real IM 1.19.2, and counts the TCP
 * connections it accepted.
 *
 * <p>{@code com.sun.net.httpserver} does not expose its accept loop, so a connection is counted by its remote
 * endpoint (client address and ephemeral port) the first time a request arrives on it. An ephemeral port is unique
 * while its connection is open and the kernel cycles through the whole range before reusing one, so over a run of
 * a few thousand connections the count is exact.
 */
public final class ImStub implements AutoCloseable {

  /** The infrastructure id the recorded state and outputs belong to; any id is answered the same way. */
  public static final String INFRASTRUCTURE_ID = "4c83c54e-e5ed-11f1-a2dc-02fc00000001";

  private static final String NODELAY = "sun.net.httpserver.nodelay";

  private static final String RECORDED = "/io/github/imsdk/benchmarks/recorded/";

  private final HttpServer server;
  private final ExecutorService executor;
  private final Set<InetSocketAddress> peers = ConcurrentHashMap.newKeySet();
  private final LongAdder requests = new LongAdder();
  private final byte[] version;
  private final byte[] state;
  private final byte[] outputs;

  private ImStub(HttpServer server, ExecutorService executor) {
    this.server = server;
    this.executor = executor;
    this.version = recordedBody("002-version-json.json");
    this.state = recordedBody("069-state-tosca-plain-configured.json");
    this.outputs = recordedBody("026-outputs-tosca-docker.json");
  }

  /**
   * Starts a stub on 127.0.0.1 and a free port, handling requests on {@code workers} threads.
   *
   * @throws UncheckedIOException if the port cannot be bound
   */
  public static ImStub start(int workers) {
    if (workers < 1) {
      throw new IllegalArgumentException("workers must be at least 1, got " + workers);
    }
    // The JDK server writes headers and body separately; with Nagle on, the client's delayed ACK adds ~40 ms to
    // every exchange. The server reads this property once, when the first server of the JVM starts.
    if (System.getProperty(NODELAY) == null) {
      System.setProperty(NODELAY, "true");
    }
    try {
      HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 128);
      AtomicInteger n = new AtomicInteger();
      ExecutorService executor = Executors.newFixedThreadPool(workers, r -> {
        Thread t = new Thread(r, "im-stub-" + n.incrementAndGet());
        t.setDaemon(true);
        return t;
      });
      ImStub stub = new ImStub(server, executor);
      server.createContext("/", stub::handle);
      server.setExecutor(executor);
      server.start();
      return stub;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start the IM stub on loopback", e);
    }
  }

  /** Returns the base URL, e.g. {@code http://127.0.0.1:43210}. */
  public URI endpoint() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  /** Returns how many distinct connections have carried at least one request since the last reset. */
  public int connectionsAccepted() {
    return peers.size();
  }

  /** Returns how many requests were answered since the last reset. */
  public long requests() {
    return requests.sum();
  }

  /** Forgets the connection and request counts. */
  public void resetCounts() {
    peers.clear();
    requests.reset();
  }

  private void handle(HttpExchange exchange) throws IOException {
    peers.add(exchange.getRemoteAddress());
    requests.increment();
    try (exchange; InputStream in = exchange.getRequestBody()) {
      in.readAllBytes();
      String path = exchange.getRequestURI().getPath();
      boolean get = "GET".equals(exchange.getRequestMethod());
      if (get && path.equals("/version")) {
        send(exchange, 200, version);
      } else if (exchange.getRequestHeaders().getFirst("Authorization") == null) {
        // What IM answers to a call without credentials.
        send(exchange, 401, "{\"message\": \"No authentication data provided\", \"code\": 401}"
            .getBytes(StandardCharsets.UTF_8));
      } else if (get && path.startsWith("/infrastructures/") && path.endsWith("/state")) {
        send(exchange, 200, state);
      } else if (get && path.startsWith("/infrastructures/") && path.endsWith("/outputs")) {
        send(exchange, 200, outputs);
      } else {
        send(exchange, 404, "{\"message\": \"Not found\", \"code\": 404}".getBytes(StandardCharsets.UTF_8));
      }
    }
  }

  private static void send(HttpExchange exchange, int status, byte[] body) throws IOException {
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    exchange.sendResponseHeaders(status, body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(body);
    }
  }

  private static byte[] recordedBody(String name) {
    try (InputStream in = ImStub.class.getResourceAsStream(RECORDED + name)) {
      if (in == null) {
        throw new IllegalStateException("recorded exchange " + name + " is missing from the classpath");
      }
      JsonNode exchange = new ObjectMapper().readTree(in);
      JsonNode body = exchange.path("response").path("body");
      if (!body.isTextual()) {
        throw new IllegalStateException("recorded exchange " + name + " has no textual response body");
      }
      return body.asText().getBytes(StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read recorded exchange " + name, e);
    }
  }

  /** Stops the server at once and its worker threads. */
  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }
}
