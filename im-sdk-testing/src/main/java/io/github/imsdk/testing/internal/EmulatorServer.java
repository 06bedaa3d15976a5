package io.github.imsdk.testing.internal;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/** Serves an {@link Engine} over HTTP on a loopback address with the JDK's built-in server. */
public final class EmulatorServer implements AutoCloseable {

  private static final AtomicInteger THREADS = new AtomicInteger();
  private static final String NODELAY = "sun.net.httpserver.nodelay";

  private final HttpServer server;
  private final ExecutorService executor;
  private final Engine engine;
  private final Consumer<Exchange> journal;

  /**
   * Binds {@code host:port} (port 0 picks a free one) and starts serving; {@code journal} sees every request
   * before the engine answers it.
   *
   * @throws UncheckedIOException if the address cannot be bound
   */
  public EmulatorServer(Engine engine, String host, int port, Consumer<Exchange> journal) {
    this.engine = engine;
    this.journal = journal;
    // The JDK server writes headers and body separately; with Nagle on, each answer then waits ~40 ms for the
    // client's delayed ACK. The server reads this property once, when its first instance is made in the JVM, so a
    // value the user set wins (as in im-sdk-benchmarks' stub).
    if (System.getProperty(NODELAY) == null) {
      System.setProperty(NODELAY, "true");
    }
    try {
      server = HttpServer.create(new InetSocketAddress(InetAddress.getByName(host), port), 64);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot bind the IM emulator to " + host + ":" + port, e);
    }
    // Enough workers for many slow clouds answering at once (EmulatedCloud.withAnswerDelay sleeps in a worker).
    executor = Executors.newFixedThreadPool(32, r -> {
      Thread t = new Thread(r, "im-emulator-" + THREADS.incrementAndGet());
      t.setDaemon(true);
      return t;
    });
    server.setExecutor(executor);
    server.createContext("/", this::serve);
    server.start();
  }

  /** Returns the bound port. */
  public int port() {
    return server.getAddress().getPort();
  }

  /** Returns the bound host address. */
  public String host() {
    return server.getAddress().getAddress().getHostAddress();
  }

  private void serve(HttpExchange http) throws IOException {
    try (http) {
      String body;
      try (InputStream in = http.getRequestBody()) {
        body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      }
      Map<String, String> headers = new LinkedHashMap<>();
      http.getRequestHeaders().forEach((k, v) -> {
        if (!v.isEmpty()) {
          headers.put(k, String.join(",", v));
        }
      });
      String hostHeader = http.getRequestHeaders().getFirst("Host");
      String base = "http://" + (hostHeader != null ? hostHeader : host() + ":" + port());
      Exchange x = new Exchange(http.getRequestMethod(), http.getRequestURI().getRawPath() == null ? "/"
          : URLDecoder.decode(http.getRequestURI().getRawPath().replace("+", "%2B"), StandardCharsets.UTF_8),
          query(http.getRequestURI().getRawQuery()), headers, body, base);
      journal.accept(x);
      engine.handle(x);
      byte[] out = x.responseBody.getBytes(StandardCharsets.UTF_8);
      http.getResponseHeaders().set("Content-Type", x.contentType);
      http.getResponseHeaders().set("Server", "im-sdk-testing IM emulator");
      x.responseHeaders.forEach((k, v) -> http.getResponseHeaders().set(k, v));
      http.sendResponseHeaders(x.status, out.length == 0 ? -1 : out.length);
      if (out.length > 0) {
        try (OutputStream os = http.getResponseBody()) {
          os.write(out);
        }
      }
    }
  }

  private static Map<String, String> query(String raw) {
    Map<String, String> q = new LinkedHashMap<>();
    if (raw == null || raw.isEmpty()) {
      return q;
    }
    for (String pair : raw.split("&")) {
      int eq = pair.indexOf('=');
      String k = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
      String v = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
      q.putIfAbsent(k, v);
    }
    return q;
  }

  /** Returns the engine behind this server. */
  public Engine engine() {
    return engine;
  }

  /** Stops serving at once and ends the worker threads. */
  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }
}
