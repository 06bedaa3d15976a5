package io.github.imsdk.core.internal.http;

import io.github.imsdk.auth.Credentials;
import io.github.imsdk.core.Timeouts;
import io.github.imsdk.auth.Tls;
import io.github.imsdk.auth.internal.UserInfo;
import java.net.URI;
import java.util.Objects;

/**
 * What the transport needs, as validated by the public builder.
 *
 * @param endpoint the IM base URL, without a trailing slash
 * @param credentials the credentials, or {@code null} to send no Authorization header
 * @param timeouts connect, read and per-call timeouts
 * @param tls the TLS trust setting
 * @param proxy the HTTP proxy, or {@code null} for a direct connection
 * @param userAgent the User-Agent header value
 * @param maxResponseBytes the largest answer body accepted, in bytes
 */
public record HttpSettings(URI endpoint, Credentials credentials, Timeouts timeouts, Tls tls, URI proxy,
    String userAgent, long maxResponseBytes) {

  /** The default cap on an answer's body: 32 MiB, far above IM's largest real answers (a few MiB of RADL). */
  public static final long DEFAULT_MAX_RESPONSE_BYTES = 32L * 1024 * 1024;

  /** The largest cap that can be set: what one Java array holds. */
  public static final long MAX_RESPONSE_BYTES_LIMIT = Integer.MAX_VALUE - 16;

  /** Checks the required components and the cap. */
  public HttpSettings {
    Objects.requireNonNull(endpoint, "endpoint");
    Objects.requireNonNull(timeouts, "timeouts");
    Objects.requireNonNull(tls, "tls");
    Objects.requireNonNull(userAgent, "userAgent");
    if (maxResponseBytes <= 0 || maxResponseBytes > MAX_RESPONSE_BYTES_LIMIT) {
      throw new IllegalArgumentException("the response size cap must be between 1 and " + MAX_RESPONSE_BYTES_LIMIT
          + " bytes, got " + maxResponseBytes);
    }
  }

  /** Shows the endpoint and proxy without any {@code user:password@}, and the credentials by their masked form. */
  @Override
  public String toString() {
    return "HttpSettings[endpoint=" + UserInfo.mask(endpoint.toString()) + ", credentials=" + credentials
        + ", timeouts=" + timeouts + ", tls=" + tls + ", proxy=" + (proxy == null ? "none"
        : UserInfo.mask(proxy.toString())) + ", userAgent=" + userAgent + ", maxResponseBytes=" + maxResponseBytes
        + "]";
  }

  /** Settings with the default response size cap. */
  public HttpSettings(URI endpoint, Credentials credentials, Timeouts timeouts, Tls tls, URI proxy,
      String userAgent) {
    this(endpoint, credentials, timeouts, tls, proxy, userAgent, DEFAULT_MAX_RESPONSE_BYTES);
  }
}
