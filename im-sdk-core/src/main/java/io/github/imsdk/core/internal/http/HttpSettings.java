package io.github.imsdk.core.internal.http;

import io.github.imsdk.auth.Credentials;
import io.github.imsdk.core.Timeouts;
import io.github.imsdk.core.Tls;
import java.net.URI;
import java.util.Objects;

/**
 * What the transport needs, as validated by the public builder.
 *
 * @param endpoint the IM base URL, without a trailing slash
 * @param credentials the credentials, or {@code null} to send no Authorization header
 * @param timeouts connect and read timeouts
 * @param tls the TLS trust setting
 * @param proxy the HTTP proxy, or {@code null} for a direct connection
 * @param userAgent the User-Agent header value
 */
public record HttpSettings(
    URI endpoint, Credentials credentials, Timeouts timeouts, Tls tls, URI proxy, String userAgent) {

  /** Checks the required components. */
  public HttpSettings {
    Objects.requireNonNull(endpoint, "endpoint");
    Objects.requireNonNull(timeouts, "timeouts");
    Objects.requireNonNull(tls, "tls");
    Objects.requireNonNull(userAgent, "userAgent");
  }
}
