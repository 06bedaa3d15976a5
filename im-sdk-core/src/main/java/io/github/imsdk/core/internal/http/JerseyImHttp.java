package io.github.imsdk.core.internal.http;

import io.github.imsdk.auth.Credentials;
import io.github.imsdk.core.ImTransportException;
import io.github.imsdk.core.Tls;
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
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import org.glassfish.jersey.client.ClientProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Jersey implementation of {@link ImHttp}: builds the request (Accept JSON, explicit Content-Type, a fresh
 * Authorization header for every call), retries once with refreshed credentials when IM rejects them, and maps
 * errors. Thread-safe; {@link #close()} releases the Jersey client.
 */
public final class JerseyImHttp implements ImHttp, AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(JerseyImHttp.class);

  private final HttpSettings settings;
  private final String base;
  private final Client client;

  /** Creates the transport; builds the TLS context now, so a bad CA file fails here. */
  public JerseyImHttp(HttpSettings settings) {
    this.settings = settings;
    String e = settings.endpoint().toString();
    this.base = e.endsWith("/") ? e.substring(0, e.length() - 1) : e;
    ClientBuilder b = ClientBuilder.newBuilder()
        .connectTimeout(settings.timeouts().connect().toMillis(), TimeUnit.MILLISECONDS)
        .readTimeout(settings.timeouts().read().toMillis(), TimeUnit.MILLISECONDS)
        // PUT without a body (start, stop, reconfigure) is legal for IM; Jersey would refuse it otherwise.
        .property(ClientProperties.SUPPRESS_HTTP_COMPLIANCE_VALIDATION, true)
        .property(ClientProperties.FOLLOW_REDIRECTS, false);
    SSLContext ssl = TlsContexts.sslContext(settings.tls());
    if (ssl != null) {
      b.sslContext(ssl);
    }
    if (settings.tls().mode() == Tls.Mode.INSECURE) {
      LOG.warn("TLS certificate and host name checks are DISABLED for {} (Tls.insecure()); "
          + "use only against test servers", base);
      b.hostnameVerifier((host, session) -> true);
    }
    if (settings.proxy() != null) {
      b.property(ClientProperties.PROXY_URI, settings.proxy().toString());
    }
    this.client = b.build();
  }

  @Override
  public ImResponse execute(ImCall call) {
    Credentials credentials = settings.credentials();
    String authorization = credentials == null ? null : credentials.toAuthorizationHeader();
    ImResponse response = send(call, authorization);
    if (credentials != null && ErrorMapper.isCredentialRejection(response)) {
      LOG.debug("{} -> HTTP {}: credentials rejected; refreshing them and retrying once",
          call.describe(), response.status());
      credentials.invalidate();
      authorization = credentials.toAuthorizationHeader();
      response = send(call, authorization);
    }
    if (response.isSuccess()) {
      return response;
    }
    Redactor redactor = Redactor.forHeader(authorization);
    var error = ErrorMapper.toException(call, response, redactor);
    LOG.debug("{} failed: HTTP {}: {}", call.describe(), response.status(), error.serverMessage());
    return throwIt(error);
  }

  private static ImResponse throwIt(RuntimeException e) {
    throw e;
  }

  private ImResponse send(ImCall call, String authorization) {
    URI uri = UriBuilder.build(base, call.path(), call.query());
    long start = System.nanoTime();
    if (LOG.isDebugEnabled()) {
      LOG.debug("-> {} {}{} Accept: application/json{}{}", call.method(), call.path(), UriBuilder.queryString(
          call.query()), call.contentType() == null ? "" : ", Content-Type: " + call.contentType()
          + " (" + call.body().length() + " chars)", authorization == null ? "" : ", Authorization: [redacted]");
    }
    Invocation.Builder req = client.target(uri).request()
        .header("Accept", "application/json")
        .header("User-Agent", settings.userAgent());
    if (authorization != null) {
      req.header("Authorization", authorization);
    }
    try (Response r = call.body() == null
        ? req.method(call.method())
        : req.method(call.method(), Entity.entity(call.body(), call.contentType()))) {
      String contentType = r.getHeaderString("Content-Type");
      byte[] bytes = r.hasEntity() ? r.readEntity(byte[].class) : new byte[0];
      String body = new String(bytes, charset(contentType));
      Map<String, String> headers = new HashMap<>();
      MultivaluedMap<String, String> h = r.getStringHeaders();
      h.forEach((k, v) -> {
        if (!v.isEmpty()) {
          headers.put(k, v.get(0));
        }
      });
      ImResponse response = new ImResponse(r.getStatus(), contentType, body, headers);
      if (LOG.isDebugEnabled()) {
        LOG.debug("<- {} {}: HTTP {} {} ({} chars) in {} ms", call.method(), call.path(), response.status(),
            response.contentType(), body.length(), (System.nanoTime() - start) / 1_000_000);
      }
      return response;
    } catch (ProcessingException e) {
      throw transportError(call, e);
    } catch (IllegalStateException e) {
      throw new ImTransportException(call.method(), call.path(), "the response could not be read", e);
    }
  }

  private ImTransportException transportError(ImCall call, ProcessingException e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String what;
    if (root instanceof SocketTimeoutException || root instanceof InterruptedIOException) {
      what = "timed out (" + root.getMessage() + ")";
    } else if (root instanceof ConnectException) {
      what = "cannot connect to " + base + " (" + root.getMessage() + ")";
    } else if (root instanceof UnknownHostException) {
      what = "unknown host " + root.getMessage();
    } else if (root instanceof SSLException || root instanceof java.security.cert.CertificateException
        || root.getClass().getName().startsWith("sun.security")) {
      what = "TLS failure talking to " + base + " (" + root.getMessage() + ")";
    } else {
      what = "no usable response from " + base + " (" + root.getClass().getSimpleName() + ": "
          + root.getMessage() + ")";
    }
    LOG.debug("{} failed: {}", call.describe(), what);
    return new ImTransportException(call.method(), call.path(), Redactor.generic().scrub(what), e);
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

  @Override
  public void close() {
    client.close();
  }
}
