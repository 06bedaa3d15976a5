package io.github.imsdk.core.internal.http;

import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.core.Response;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.InetSocketAddress;
import java.net.ProxySelector;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import org.glassfish.jersey.client.ClientRequest;
import org.glassfish.jersey.client.ClientResponse;
import org.glassfish.jersey.client.spi.AsyncConnectorCallback;
import org.glassfish.jersey.client.spi.Connector;

/**
 * The Jersey connector im-sdk pins, over {@code java.net.http.HttpClient} (HTTP/1.1), chosen over Jersey's
 * HttpURLConnection, jnh and Apache connectors (see the commit that added it). What it guarantees:
 *
 * <ul>
 *   <li>a request with a body is never re-sent by the transport (the JDK client repeats only GET/HEAD, and only
 *       when {@code jdk.httpclient.enableAllMethodRetry} is not set);
 *   <li>no logger prints a header: the JDK client logs only when the {@code jdk.httpclient.HttpClient.log} or
 *       {@code jdk.internal.httpclient.debug} system properties ask for it, whatever the JUL or SLF4J levels;
 *   <li>each call ends by its deadline ({@link #DEADLINE}, a {@link System#nanoTime()} value): connect, send,
 *       headers and the whole body; a drip-fed answer is cut there. Its response headers must also come by
 *       {@link #HEADERS_BY}. Both bounds are kept by {@link InFlightCalls}, to within its tick;
 *   <li>an answer larger than the cap ends the call and closes its connection;
 *   <li>{@link #abortAll()} ends every call in flight at once.
 * </ul>
 */
final class JdkHttpConnector implements Connector {

  /** The request property holding the call's deadline, as a {@link System#nanoTime()} value ({@code Long}). */
  static final String DEADLINE = "io.github.imsdk.deadline";

  /**
   * The request property holding when the response headers must have arrived, as a {@link System#nanoTime()}
   * value ({@code Long}); without it, the deadline.
   */
  static final String HEADERS_BY = "io.github.imsdk.headersBy";

  /** Headers java.net.http sets itself and refuses from the caller. */
  private static final Set<String> RESTRICTED = Set.of("connection", "content-length", "expect", "host", "upgrade");

  /** Why a call was cut short. */
  enum Reason { DEADLINE, READ_TIMEOUT, CLOSED, INTERRUPTED }

  /** A call this connector cut short; the transport maps it to its typed exception. */
  static final class AbortedException extends InterruptedIOException {
    private static final long serialVersionUID = 1L;
    final Reason reason;

    AbortedException(Reason reason, String message) {
      super(message);
      this.reason = reason;
    }
  }

  private final HttpClient client;
  private final long maxBodyBytes;
  private final InFlightCalls calls = new InFlightCalls();

  JdkHttpConnector(Duration connectTimeout, long maxBodyBytes, SSLContext ssl, URI proxy) {
    HttpClient.Builder b = HttpClient.newBuilder()
        .version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(connectTimeout)
        .followRedirects(HttpClient.Redirect.NEVER)
        // The client's own work (parsing, body delivery, completing the call) runs on its selector thread rather
        // than being handed to a worker pool: one thread switch less per call, which took single-caller
        // throughput from 0.60x to 0.87x of a plain java.net.http client in the same run (BENCHMARKS.md, issue
        // 14). Safe because nothing given to this client blocks: the request body is a byte array and BoundedBody
        // only copies buffers; whatever is added here must not block either.
        .executor(Runnable::run);
    if (ssl != null) {
      b.sslContext(ssl);
    }
    if (proxy != null) {
      b.proxy(ProxySelector.of(InetSocketAddress.createUnresolved(proxy.getHost(), proxy.getPort())));
    }
    this.client = b.build();
    this.maxBodyBytes = maxBodyBytes;
  }

  @Override
  public ClientResponse apply(ClientRequest request) {
    long deadline = deadlineOf(request);
    HttpRequest.BodyPublisher body = HttpRequest.BodyPublishers.noBody();
    if (request.hasEntity()) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      request.setStreamProvider(contentLength -> out);
      try {
        request.writeEntity();
      } catch (IOException e) {
        throw new ProcessingException("cannot write the request body", e);
      }
      body = HttpRequest.BodyPublishers.ofByteArray(out.toByteArray());
    }
    long remaining = deadline - System.nanoTime();
    if (remaining <= 0) {
      throw new ProcessingException(new AbortedException(Reason.DEADLINE, "the call deadline passed before sending"));
    }
    // No HttpRequest.timeout: InFlightCalls enforces the wait for headers without a timer per call.
    HttpRequest.Builder rb = HttpRequest.newBuilder(request.getUri()).method(request.getMethod(), body);
    request.getStringHeaders().forEach((name, values) -> {
      if (!RESTRICTED.contains(name.toLowerCase(Locale.ROOT))) {
        for (String v : values) {
          rb.header(name, v);
        }
      }
    });
    InFlightCalls.Call call = calls.start(headersByOf(request, deadline), deadline);
    HttpResponse.BodyHandler<byte[]> handler = info -> {
      BoundedBody s = new BoundedBody(maxBodyBytes, info.headers().firstValueAsLong("Content-Length").orElse(-1));
      call.body(s);
      return s;
    };
    // send() on the calling thread, not sendAsync(): on JDK 17 the future sendAsync returns is completed through
    // CompletableFuture's default pool, which on a 2-core machine starts a new thread for every call.
    try {
      if (call.reason() != null) {
        throw aborted(call.reason());
      }
      // A response that arrived whole is returned even if an abort raced its last byte: a create keeps its id.
      return toClientResponse(request, client.send(rb.build(), handler));
    } catch (InterruptedException e) {
      call.abort(Reason.INTERRUPTED);
      if (call.reason() == Reason.INTERRUPTED) {
        Thread.currentThread().interrupt(); // the caller's own interrupt: keep it for the caller to see
      }
      throw aborted(call.reason());
    } catch (IOException e) {
      if (call.reason() != null) {
        throw aborted(call.reason());
      }
      throw new ProcessingException(e);
    } finally {
      calls.end(call);
    }
  }

  private ProcessingException aborted(Reason reason) {
    return switch (reason) {
      case DEADLINE -> new ProcessingException(new AbortedException(Reason.DEADLINE, "the call deadline passed"));
      case READ_TIMEOUT -> new ProcessingException(new AbortedException(Reason.READ_TIMEOUT,
          "no response headers in time"));
      case CLOSED -> closed();
      case INTERRUPTED -> new ProcessingException(new AbortedException(Reason.INTERRUPTED,
          "the calling thread was interrupted"));
    };
  }

  private static ProcessingException closed() {
    return new ProcessingException(new AbortedException(Reason.CLOSED, "the client was closed while the call was"
        + " in flight"));
  }

  private static long deadlineOf(ClientRequest request) {
    Object d = request.getProperty(DEADLINE);
    return d instanceof Long l ? l : System.nanoTime() + TimeUnit.DAYS.toNanos(1);
  }

  private static long headersByOf(ClientRequest request, long deadline) {
    Object h = request.getProperty(HEADERS_BY);
    return h instanceof Long l && l - deadline < 0 ? l : deadline;
  }

  private static ClientResponse toClientResponse(ClientRequest request, HttpResponse<byte[]> r) {
    Response.StatusType status = Response.Status.fromStatusCode(r.statusCode());
    if (status == null) {
      int code = r.statusCode();
      status = new Response.StatusType() {
        @Override
        public int getStatusCode() {
          return code;
        }

        @Override
        public Response.Status.Family getFamily() {
          return Response.Status.Family.familyOf(code);
        }

        @Override
        public String getReasonPhrase() {
          return "";
        }
      };
    }
    ClientResponse response = new ClientResponse(status, request);
    r.headers().map().forEach((name, values) -> {
      if (!name.startsWith(":")) {
        for (String v : values) {
          response.getHeaders().add(name, v);
        }
      }
    });
    response.setEntityStream(new ByteArrayInputStream(r.body()));
    return response;
  }

  /** Ends every call in flight now, and every later one at once; they fail with {@link Reason#CLOSED}. */
  void abortAll() {
    calls.abortAll();
  }

  @Override
  public Future<?> apply(ClientRequest request, AsyncConnectorCallback callback) {
    // The SDK makes only synchronous Jersey calls; its async operations run them on its own executor.
    try {
      callback.response(apply(request));
    } catch (ProcessingException e) {
      callback.failure(e);
    }
    return CompletableFuture.completedFuture(null);
  }

  @Override
  public String getName() {
    return "im-sdk java.net.http connector";
  }

  @Override
  public void close() {
    calls.close();
    if (client instanceof AutoCloseable c) { // JDK 21+: stop the selector thread now rather than at GC
      try {
        c.close();
      } catch (Exception e) {
        // nothing left to release
      }
    }
  }
}
