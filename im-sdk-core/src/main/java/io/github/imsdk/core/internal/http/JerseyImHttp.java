package io.github.imsdk.core.internal.http;

import io.github.imsdk.ImException;
import io.github.imsdk.auth.Credentials;
import io.github.imsdk.core.ImResponseException;
import io.github.imsdk.core.ImTransportException;
import io.github.imsdk.core.RetryPolicy;
import io.github.imsdk.auth.Tls;
import io.github.imsdk.auth.internal.tls.TlsContexts;
import io.github.imsdk.auth.internal.tls.TransportWarnings;
import io.github.imsdk.core.internal.retry.AmbiguityHints;
import io.github.imsdk.core.internal.retry.ResponseInspector;
import io.github.imsdk.core.internal.retry.Retrier;
import io.github.imsdk.core.internal.retry.RetryCall;
import io.github.imsdk.core.internal.retry.RetryOutcome;
import io.github.imsdk.core.internal.retry.TimeSource;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.client.Client;
import jakarta.ws.rs.client.ClientBuilder;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.client.Invocation;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import org.glassfish.jersey.client.ClientProperties;
import org.glassfish.jersey.client.ClientConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Jersey implementation of {@link ImHttp}: builds the request (Accept JSON, explicit Content-Type, a fresh
 * Authorization header for every attempt), repeats calls through a {@link Retrier} (safe calls on transport
 * errors and 429/502/503/504; once with refreshed credentials when IM rejects them), and maps errors.
 * Thread-safe; {@link #close()} releases the Jersey client.
 */
public final class JerseyImHttp implements ImHttp, AutoCloseable {

  private static final java.util.Set<String> BODY_REQUIRED = java.util.Set.of("PUT", "POST");

  private final Logger log;
  private final HttpSettings settings;
  private final Retrier retrier;
  private final String base;
  private final Client client;
  private final JdkHttpConnector connector;
  private final java.util.concurrent.atomic.AtomicBoolean closed = new java.util.concurrent.atomic.AtomicBoolean();
  /** Calls between their closed-check and their end; close() waits for them before closing Jersey. */
  private final java.util.concurrent.atomic.AtomicInteger active = new java.util.concurrent.atomic.AtomicInteger();

  /**
   * Creates the transport without retries (the client builder passes its {@link RetryPolicy}); it still
   * re-sends once after refreshing rejected credentials. Builds the TLS context now.
   */
  public JerseyImHttp(HttpSettings settings) {
    this(settings, LoggerFactory.getLogger(JerseyImHttp.class));
  }

  /** Creates the transport logging to {@code log} (tests capture what would be logged); no retries. */
  public JerseyImHttp(HttpSettings settings, Logger log) {
    this(settings, log, new Retrier(RetryPolicy.none(), TimeSource.system(),
        () -> ThreadLocalRandom.current().nextDouble()));
  }

  /**
   * Creates the transport; builds the TLS context now, so a bad CA file fails here.
   *
   * @param settings what to connect to and how
   * @param log where to log (tests capture what would be logged)
   * @param retrier repeats the calls that may be repeated; it also re-sends once after refreshing rejected
   *     credentials, whatever its policy
   */
  public JerseyImHttp(HttpSettings settings, Logger log, Retrier retrier) {
    this.log = Objects.requireNonNull(log, "log");
    this.settings = settings;
    this.retrier = Objects.requireNonNull(retrier, "retrier");
    String e = settings.endpoint().toString();
    this.base = e.endsWith("/") ? e.substring(0, e.length() - 1) : e;
    SSLContext ssl = TlsContexts.sslContext(settings.tls());
    if (settings.tls().mode() == Tls.Mode.INSECURE) {
      TransportWarnings.warn(log, "TLS certificate and host name checks are DISABLED for " + base
          + " (Tls.insecure()); use only against test servers");
    }
    if (settings.credentials() != null && TransportWarnings.plainHttpToRemote(settings.endpoint())) {
      TransportWarnings.warn(log, "credentials will be sent unencrypted over http:// to " + base
          + "; use https:// for any IM that is not on this machine");
    }
    // The connector is pinned here, not found through META-INF/services: the user's classpath cannot swap it.
    this.connector = new JdkHttpConnector(settings.timeouts().connect(), settings.maxResponseBytes(), ssl,
        settings.proxy());
    ClientConfig config = new ClientConfig()
        .connectorProvider((c, runtime) -> connector)
        // PUT without a body (start, stop, reconfigure) is legal for IM; Jersey would refuse it otherwise.
        .property(ClientProperties.SUPPRESS_HTTP_COMPLIANCE_VALIDATION, true)
        .property(ClientProperties.FOLLOW_REDIRECTS, false);
    ClientBuilder b = ClientBuilder.newBuilder().withConfig(config);
    this.client = b.build();
  }

  /**
   * One attempt of a call and what is needed to report its failure.
   *
   * <p>The redactor is built only when a failure is reported: decoding the Authorization header to find its
   * secrets costs several times more than building it, and successful calls never need it.
   */
  public static final class Attempt {
    private final ImResponse response;
    private final java.util.function.Supplier<Redactor> redactor;

    /** An attempt whose failures are scrubbed by {@code redactor}. */
    public Attempt(ImResponse response, Redactor redactor) {
      this(response, () -> redactor);
    }

    private Attempt(ImResponse response, java.util.function.Supplier<Redactor> redactor) {
      this.response = response;
      this.redactor = redactor;
    }

    /** An attempt that sent {@code authorization}; its redactor is derived from it on first use. */
    static Attempt sent(ImResponse response, String authorization) {
      return new Attempt(response, () -> Redactor.forHeader(authorization));
    }

    /** Returns the raw response, whatever its status. */
    public ImResponse response() {
      return response;
    }

    /** Returns what masks the Authorization value this attempt sent. */
    public Redactor redactor() {
      return redactor.get();
    }

    /** Returns the response's status, content type and body length; never the body or the header. */
    @Override
    public String toString() {
      return "Attempt[" + response + "]";
    }
  }

  /**
   * {@inheritDoc}
   *
   * <p>It sends the call through the {@link Retrier}: safe calls are repeated on transport errors and
   * 429/502/503/504; when IM rejects the credentials (401, or IM's invalid-credentials 400) they are invalidated
   * and the call is sent once more with a rebuilt header.
   *
   * @throws IllegalStateException if the transport was closed
   */
  @Override
  public ImResponse execute(ImCall call) {
    Credentials credentials = settings.credentials();
    Runnable refresh = credentials == null ? null : credentials::invalidate;
    RetryCall retryCall = call.idempotent()
        ? RetryCall.idempotent(call.method(), call.path(), refresh)
        : RetryCall.nonIdempotent(call.method(), call.path(),
            AmbiguityHints.forCall(call.method(), call.path(), call.body()).orElse(null), refresh);
    // Each attempt rebuilds the Authorization header, so a retry after invalidate() carries a fresh token.
    RetryOutcome<Attempt> outcome = retrier.execute(retryCall, n -> attempt(call, n), INSPECTOR);
    Attempt last = outcome.response();
    ImResponse response = last.response();
    if (response.status() == 404 && "DELETE".equals(call.method()) && outcome.earlierAttemptMayHaveRun()) {
      // An earlier attempt got no usable answer but may have deleted it: the goal is reached.
      log.info("{} answered 404 after {} attempts; an earlier attempt deleted it", call.describe(),
          outcome.attempts());
      return new ImResponse(200, "text/plain", "", Map.of());
    }
    String note = outcome.ambiguityNote().orElse("");
    if (response.status() == 401 && response.body().isEmpty() && !call.idempotent() && call.body() != null) {
      note = note.isEmpty() ? STREAMED_401 : STREAMED_401 + ". " + note;
    }
    return complete(call, last, note);
  }

  /**
   * Sends one attempt of {@code call} with a freshly built Authorization header and returns the raw response,
   * whatever its status. This is the unit the {@link Retrier} repeats; {@link #complete} finishes it.
   *
   * @throws ImTransportException if no usable response was received
   * @throws io.github.imsdk.auth.ImCredentialsException if the credentials cannot be resolved
   * @throws IllegalStateException if the transport was closed
   */
  public Attempt attempt(ImCall call) {
    return attempt(call, 1);
  }

  private Attempt attempt(ImCall call, int n) {
    active.incrementAndGet();
    try {
      if (closed.get()) {
        if (n > 1) { // a call already under way when close() came: it ends as one in flight does
          throw new AbortedCallException(call.method(), call.path(), closedMessage(call));
        }
        throw new IllegalStateException("the InfrastructureManager is closed; cannot send " + call.describe());
      }
      Credentials credentials = settings.credentials();
      String authorization = credentials == null ? null : credentials.toAuthorizationHeader();
      return Attempt.sent(send(call, authorization), authorization);
    } finally {
      active.decrementAndGet();
    }
  }

  /**
   * Returns the response of a successful attempt, or throws the {@link io.github.imsdk.core.ImServiceException}
   * its status maps to, with the server message scrubbed of the credentials that attempt sent.
   */
  public ImResponse complete(ImCall call, Attempt attempt) {
    return complete(call, attempt, "");
  }

  private ImResponse complete(ImCall call, Attempt attempt, String note) {
    ImResponse response = attempt.response();
    if (response.isSuccess()) {
      return response;
    }
    var error = ErrorMapper.toException(call, response, attempt.redactor(), note);
    log.debug("{} failed: HTTP {}: {}", call.describe(), response.status(), error.serverMessage());
    throw error;
  }

  /** What the retry engine reads from an attempt; bodies are buffered, so nothing needs releasing. */
  private static final ResponseInspector<Attempt> INSPECTOR = new ResponseInspector<>() {
    @Override
    public int status(Attempt attempt) {
      return attempt.response().status();
    }

    @Override
    public java.util.Optional<String> header(Attempt attempt, String name) {
      return attempt.response().header(name);
    }

    @Override
    public boolean credentialsRejected(Attempt attempt) {
      return ErrorMapper.isCredentialRejection(attempt.response());
    }

    @Override
    public void discard(Attempt attempt) {
      // buffered: nothing to release
    }
  };

  private ImResponse send(ImCall call, String authorization) {
    URI uri = UriBuilder.build(base, call.path(), call.query());
    long start = System.nanoTime();
    if (log.isDebugEnabled()) {
      log.debug("-> {} {}{} Accept: application/json{}{}", call.method(), call.path(), UriBuilder.queryString(
          call.query()), call.body() == null ? "" : ", Content-Type: " + call.contentType()
          + " (" + call.body().length() + " chars)", authorization == null ? "" : ", Authorization: [redacted]");
    }
    boolean longCall = isLongCall(call);
    long endBy = start + deadline(longCall).toNanos();
    Invocation.Builder req = client.target(uri).request()
        .property(JdkHttpConnector.DEADLINE, endBy)
        // IM starts the answer to a long call only when the cloud work is done: its headers may take until the end
        .property(JdkHttpConnector.HEADERS_BY, longCall ? endBy : start + settings.timeouts().read().toNanos())
        .header("Accept", "application/json")
        .header("User-Agent", settings.userAgent());
    if (authorization != null) {
      req.header("Authorization", authorization);
    }
    try (Response r = call.body() != null
        ? req.method(call.method(), bodyEntity(req, call))
        : BODY_REQUIRED.contains(call.method())
            // Jersey warns on every PUT/POST without an entity; IM reads an empty text/plain body exactly as
            // no body (an empty RADL), so send that instead.
            ? req.method(call.method(), Entity.entity("", "text/plain"))
            : req.method(call.method())) {
      String contentType = r.getHeaderString("Content-Type");
      // The pinned connector hands over the whole body as a ByteArrayInputStream: read it as a stream, which
      // copies it once, where readEntity(byte[].class) pipes it through a growing buffer.
      byte[] bytes = r.hasEntity() ? readAll(r.readEntity(java.io.InputStream.class)) : new byte[0];
      checkComplete(call, r, bytes.length);
      String body = new String(bytes, charset(contentType));
      Map<String, String> headers = new HashMap<>();
      MultivaluedMap<String, String> h = r.getStringHeaders();
      h.forEach((k, v) -> {
        if (!v.isEmpty()) {
          headers.put(k, v.get(0));
        }
      });
      ImResponse response = new ImResponse(r.getStatus(), contentType, body, headers);
      if (log.isDebugEnabled()) {
        log.debug("<- {} {}: HTTP {} {} ({} chars) in {} ms", call.method(), call.path(), response.status(),
            response.contentType(), body.length(), (System.nanoTime() - start) / 1_000_000);
      }
      return response;
    } catch (ProcessingException e) {
      throw transportError(call, e);
    } catch (ImException e) {
      throw e;
    } catch (RuntimeException e) {
      // Jersey/HK2 failures (e.g. a client being closed) never reach the caller as such.
      if (closed.get()) {
        throw new AbortedCallException(call.method(), call.path(), closedMessage(call));
      }
      throw new ImTransportException(call.method(), call.path(), "the response could not be read ("
          + e.getClass().getSimpleName() + ")", null);
    }
  }

  /** Returns the total bound of a call: the long one for a create or destroy IM answers when done. */
  private java.time.Duration deadline(boolean longCall) {
    return longCall ? settings.timeouts().longCall() : settings.timeouts().call();
  }

  /** Tells whether IM answers {@code call} only when the cloud work is done: a create or destroy without async. */
  private static boolean isLongCall(ImCall call) {
    boolean async = "true".equalsIgnoreCase(call.query().get("async"))
        || "1".equals(call.query().get("async"));
    boolean create = ("POST".equals(call.method()) || "PUT".equals(call.method()))
        && call.path().equals("/infrastructures");
    boolean destroy = "DELETE".equals(call.method()) && call.path().startsWith("/infrastructures/")
        && call.path().indexOf('/', "/infrastructures/".length()) < 0;
    return (create || destroy) && !async;
  }

  private static byte[] readAll(java.io.InputStream in) {
    try (in) {
      return in.readAllBytes();
    } catch (java.io.IOException e) {
      throw new ProcessingException(e); // not from a ByteArrayInputStream; mapped like any transport failure
    }
  }

  private static String shown(java.time.Duration d) {
    return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : d.toMillis() + " ms";
  }

  private static String closedMessage(ImCall call) {
    return "the InfrastructureManager was closed while the call was in flight; no answer was received";
  }

  /** Returns the body as UTF-8 bytes; the pinned connector sends it with its length and never re-sends it. */
  private static Entity<?> bodyEntity(Invocation.Builder req, ImCall call) {
    return Entity.entity(call.body().getBytes(StandardCharsets.UTF_8), call.contentType());
  }

  /** Explains an empty 401 to a streamed call, whose body HttpURLConnection does not hand over. */
  static final String STREAMED_401 = "IM refused the credentials (no Authorization header, or one it could not"
      + " accept); its own message is not available for this call";

  /**
   * Fails when the connection closed before the declared {@code Content-Length} arrived: HttpURLConnection
   * returns the truncated body as if it were complete.
   */
  private static void checkComplete(ImCall call, Response r, int received) {
    String declared = r.getHeaderString("Content-Length");
    if (declared == null || r.getHeaderString("Content-Encoding") != null) {
      return;
    }
    if (r.getStatus() == 401 || r.getStatus() == 407) {
      return; // with a streamed body HttpURLConnection withholds the body of an auth challenge; the status suffices
    }
    long expected;
    try {
      expected = Long.parseLong(declared.trim());
    } catch (NumberFormatException e) {
      return;
    }
    if (received < expected) {
      throw new ImTransportException(call.method(), call.path(), "the connection closed after " + received
          + " of the " + expected + " bytes of the answer (HTTP " + r.getStatus() + ")", null);
    }
  }

  private ImException transportError(ImCall call, ProcessingException e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    if (root instanceof BoundedBody.TooLargeException big) {
      log.debug("{} failed: {}", call.describe(), big.getMessage());
      return new ImResponseException(call.method(), call.path(), 0, big.getMessage()
          + "; raise it with InfrastructureManager.builder().maxResponseSize(bytes) if the answer is legitimate",
          null);
    }
    if (root instanceof JdkHttpConnector.AbortedException aborted) {
      String m = switch (aborted.reason) {
        case DEADLINE -> "did not complete within its " + shown(deadline(isLongCall(call))) + " bound ("
            + "Timeouts.call/longCall): connect, send and the whole answer; " + aborted.getMessage();
        case READ_TIMEOUT -> "timed out (no response within the " + shown(settings.timeouts().read())
            + " read timeout)";
        case CLOSED -> closedMessage(call);
        case INTERRUPTED -> "interrupted; the call was abandoned";
      };
      log.debug("{} failed: {}", call.describe(), m);
      return switch (aborted.reason) {
        case DEADLINE, READ_TIMEOUT -> new ImTransportException(call.method(), call.path(), m, null);
        case CLOSED, INTERRUPTED -> new AbortedCallException(call.method(), call.path(), m);
      };
    }
    Throwable connect = find(e, ConnectException.class);
    String what;
    if (connect != null) {
      what = "cannot connect to " + base + " (" + (connect.getMessage() == null
          ? connect.getClass().getSimpleName() : connect.getMessage()) + ")";
    } else if (find(e, java.net.http.HttpTimeoutException.class) != null || root instanceof SocketTimeoutException
        || root instanceof InterruptedIOException) {
      what = "timed out (" + root.getMessage() + ")";
    } else if (root instanceof UnknownHostException) {
      what = "unknown host " + root.getMessage();
    } else if (find(e, SSLException.class) != null || root instanceof java.security.cert.CertificateException
        || root.getClass().getName().startsWith("sun.security")) {
      what = "TLS failure talking to " + base + " (" + root.getMessage() + ")";
    } else {
      what = "no usable response from " + base + " (" + root.getClass().getSimpleName() + ": "
          + root.getMessage() + ")";
    }
    String scrubbed = Redactor.generic().scrub(what);
    log.debug("{} failed: {}", call.describe(), scrubbed);
    // Chain the JDK's exception, not Jersey's wrapper: no Jersey type reaches the caller.
    Throwable cause = e;
    while (cause instanceof ProcessingException && cause.getCause() != null && cause.getCause() != cause) {
      cause = cause.getCause();
    }
    return new ImTransportException(call.method(), call.path(), scrubbed,
        cause instanceof ProcessingException ? null : cause);
  }

  private static Throwable find(Throwable e, Class<? extends Throwable> type) {
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (type.isInstance(t)) {
        return t;
      }
    }
    return null;
  }

  private static Charset charset(String contentType) {
    if (contentType != null) {
      for (String param : contentType.split(";")) {
        String p = param.trim();
        if (p.regionMatches(true, 0, "charset=", 0, 8)) {
          try {
            return Charset.forName(p.substring(8).replace("\"", "").trim());
          } catch (RuntimeException e) {
            return StandardCharsets.UTF_8;
          }
        }
      }
    }
    return StandardCharsets.UTF_8;
  }

  /**
   * Closes the transport: calls started afterwards throw {@link IllegalStateException}; calls in flight are
   * aborted and end at once with {@link ImTransportException}; then, once they have ended (at most 10 s), the
   * Jersey client is released.
   */
  @Override
  public void close() {
    if (closed.getAndSet(true)) {
      return;
    }
    connector.abortAll();
    long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (active.get() > 0 && System.nanoTime() < until) {
      connector.abortAll();
      java.util.concurrent.locks.LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(5));
    }
    client.close();
  }
}
