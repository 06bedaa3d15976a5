package io.github.imsdk.core;

import io.github.imsdk.auth.Credentials;
import io.github.imsdk.auth.Tls;
import io.github.imsdk.core.internal.DefaultInfrastructureManager;
import io.github.imsdk.core.internal.Defaults;
import io.github.imsdk.core.internal.http.HttpSettings;
import io.github.imsdk.core.internal.http.JerseyImHttp;
import io.github.imsdk.core.internal.retry.Retrier;
import io.github.imsdk.core.internal.wait.WaitSupport;
import java.net.URI;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.LoggerFactory;

/**
 * The client of an Infrastructure Manager (IM) REST server: the entry point of the SDK.
 *
 * <pre>{@code
 * try (InfrastructureManager im = InfrastructureManager.builder()
 *     .endpoint(URI.create("https://im.egi.eu/im"))
 *     .credentials(credentials)
 *     .build()) {
 *   InfrastructureId id = im.infrastructures().create(Template.tosca(yaml));
 *   InfrastructureState state = im.infrastructure(id).state();
 * }
 * }</pre>
 *
 * <p>Instances are thread-safe; share one per IM server and close it when done. The credentials'
 * {@link Credentials#toAuthorizationHeader()} is called for every request, so token-backed values stay fresh; when
 * IM rejects them, the client invalidates them and retries the call once. Every call sends
 * {@code Accept: application/json}.
 */
public interface InfrastructureManager extends AutoCloseable {

  /** Returns a builder. */
  static Builder builder() {
    return new Builder();
  }

  /**
   * Returns a client configured like the IM Python client: the endpoint and auth file come from the environment
   * variables {@code IM_URL} and {@code IM_AUTH_FILE}, else from the {@code [im_client]} keys {@code restapi_url}
   * and {@code auth_file} of {@code ~/.im_client.cfg} and {@code ./im_client.cfg} (the home file wins key by
   * key); the endpoint defaults to {@code http://localhost:8800}. See {@link ImClientConfig}. A configuration
   * or auth file that is group- or world-writable or owned by another user is refused; an auth file named by
   * {@code ./im_client.cfg} may not use {@code command(...)} or {@code file(...)} values, and credentials from
   * elsewhere are not sent to an endpoint only {@code ./im_client.cfg} names, unless the environment variable
   * {@code IMSDK_ALLOW_LOCAL_CONFIG=1} is set.
   *
   * @throws io.github.imsdk.auth.ImCredentialsException if no auth file is named, it cannot be read, a file is
   *     unsafe, a local configuration's auth file uses {@code command(...)} or {@code file(...)}, or a local
   *     configuration names the endpoint for credentials from elsewhere
   * @throws IllegalArgumentException if a configuration file is malformed or the endpoint is not an http(s) URL
   */
  static InfrastructureManager fromDefaults() {
    return builderFromDefaults().build();
  }

  /**
   * Returns a builder preset as {@link #fromDefaults()} describes, so that timeouts, TLS or a proxy can be added.
   *
   * @throws io.github.imsdk.auth.ImCredentialsException if no auth file is named, or it cannot be read
   * @throws IllegalArgumentException if a configuration file is malformed or the endpoint is not an http(s) URL
   */
  static Builder builderFromDefaults() {
    return Defaults.ofProcess().builder();
  }

  /** Returns the caller's infrastructures: list, create, estimate, import. */
  Infrastructures infrastructures();

  /** Returns a handle on the infrastructure {@code id} (no I/O). */
  Infrastructure infrastructure(InfrastructureId id);

  /**
   * Returns a handle on the infrastructure {@code id} (no I/O).
   *
   * @throws IllegalArgumentException if {@code id} is blank or contains {@code /}
   */
  default Infrastructure infrastructure(String id) {
    return infrastructure(InfrastructureId.of(id));
  }

  /**
   * Returns a handle on the cloud whose auth line has id {@code cloudId} (no I/O).
   *
   * @throws IllegalArgumentException if {@code cloudId} is blank or contains {@code /}
   */
  Cloud cloud(String cloudId);

  /**
   * Returns the placement of templates across the clouds of the credentials: survey, rank, deploy with fall-back
   * (no I/O until {@link Placement#deploy}).
   */
  Placement placement();

  /** Returns calls about the server itself: version, usage statistics. */
  Server server();

  /** Returns the IM endpoint this client talks to. */
  URI endpoint();

  /**
   * Releases the HTTP resources: cancels asynchronous operations still running (a cancelled create-and-wait
   * destroys what it created), waits up to 30 s for them, stops the client's own threads. Calling it again does
   * nothing. Calls made afterwards, also through handles obtained before, throw {@link IllegalStateException}.
   */
  @Override
  void close();

  /** Builds an {@link InfrastructureManager}. Not thread-safe; {@link #build()} validates and copies. */
  final class Builder {

    /** The default User-Agent header value. */
    public static final String DEFAULT_USER_AGENT = "im-sdk-java";

    private URI endpoint;
    private Credentials credentials;
    private Timeouts timeouts = Timeouts.DEFAULT;
    private Tls tls = Tls.system();
    private URI proxy;
    private String userAgent = DEFAULT_USER_AGENT;
    private RetryPolicy retryPolicy = RetryPolicy.defaults();
    private ScheduledExecutorService asyncExecutor;
    private long maxResponseBytes = HttpSettings.DEFAULT_MAX_RESPONSE_BYTES;

    private Builder() {}

    /**
     * Sets the largest answer body accepted, in bytes (default 32 MiB). A larger answer ends the call with
     * {@link ImResponseException} and closes its connection, so that a broken or hostile server cannot exhaust
     * the heap.
     *
     * @throws IllegalArgumentException if it is not positive or exceeds what one Java array holds
     */
    public Builder maxResponseSize(long bytes) {
      if (bytes <= 0 || bytes > HttpSettings.MAX_RESPONSE_BYTES_LIMIT) {
        throw new IllegalArgumentException("maxResponseSize must be between 1 and "
            + HttpSettings.MAX_RESPONSE_BYTES_LIMIT + " bytes, got " + bytes);
      }
      this.maxResponseBytes = bytes;
      return this;
    }

    /**
     * Sets the IM base URL, e.g. {@code https://im.egi.eu/im} or {@code http://localhost:8800} (required).
     *
     * @throws IllegalArgumentException if it is not an absolute http(s) URL, or holds user info, a query or a
     *     fragment
     */
    public Builder endpoint(URI endpoint) {
      Objects.requireNonNull(endpoint, "endpoint");
      // First, so that no later message repeats a password.
      if (hasUserInfo(endpoint)) {
        throw new IllegalArgumentException("endpoint must not hold user info; use credentials(...)");
      }
      String scheme = endpoint.getScheme() == null ? "" : endpoint.getScheme().toLowerCase(Locale.ROOT);
      if (!scheme.equals("http") && !scheme.equals("https")) {
        throw new IllegalArgumentException("endpoint must be an http or https URL, got '" + endpoint + "'");
      }
      if (endpoint.getHost() == null || endpoint.getHost().isEmpty()) {
        throw new IllegalArgumentException("endpoint has no host: '" + endpoint + "'");
      }
      if (endpoint.getRawQuery() != null || endpoint.getRawFragment() != null) {
        throw new IllegalArgumentException("endpoint must not hold a query or fragment: '" + endpoint + "'");
      }
      this.endpoint = endpoint;
      return this;
    }

    /**
     * Sets the IM base URL from text.
     *
     * @throws IllegalArgumentException if it is not a valid http(s) URL
     */
    public Builder endpoint(String endpoint) {
      Objects.requireNonNull(endpoint, "endpoint");
      try {
        return endpoint(new URI(endpoint.trim()));
      } catch (java.net.URISyntaxException e) {
        // Neither the text nor the exception (which quotes it) when it may hold user info.
        String shown = endpoint.contains("@") ? "" : ": '" + endpoint + "'";
        throw new IllegalArgumentException("endpoint is not a valid URL" + shown + " (" + e.getReason() + ")");
      }
    }

    /**
     * Sets the credentials sent with every call. Without credentials no Authorization header is sent, which only
     * {@code GET /version} accepts.
     */
    public Builder credentials(Credentials credentials) {
      this.credentials = Objects.requireNonNull(credentials, "credentials");
      return this;
    }

    /**
     * Sets the connect, read and per-call timeouts (default {@link Timeouts#DEFAULT}): every HTTP call, answer
     * body included, ends within {@link Timeouts#call()} (or {@link Timeouts#longCall()}).
     */
    public Builder timeouts(Timeouts timeouts) {
      this.timeouts = Objects.requireNonNull(timeouts, "timeouts");
      return this;
    }

    /** Sets how the server certificate is checked (default {@link Tls#system()}). */
    public Builder tls(Tls tls) {
      this.tls = Objects.requireNonNull(tls, "tls");
      return this;
    }

    /**
     * Sends every call through an HTTP proxy, e.g. {@code http://proxy.example.org:3128}.
     *
     * @throws IllegalArgumentException if it is not an http URL with a host and port, or holds user info (a proxy
     *     that needs credentials is not supported)
     */
    public Builder proxy(URI proxy) {
      Objects.requireNonNull(proxy, "proxy");
      if (hasUserInfo(proxy)) {
        throw new IllegalArgumentException("proxy must not hold user info (user:password@): a proxy that needs "
            + "credentials is not supported");
      }
      if (!"http".equalsIgnoreCase(proxy.getScheme()) || proxy.getHost() == null || proxy.getPort() < 0) {
        throw new IllegalArgumentException("proxy must be http://host:port, got '" + proxy + "'");
      }
      this.proxy = proxy;
      return this;
    }

    /**
     * Tells whether {@code uri} holds user info, also where {@link URI} did not parse it as such (a host it
     * cannot parse, or {@code user:pw@host} without a scheme, which reads as scheme {@code user}).
     */
    private static boolean hasUserInfo(URI uri) {
      if (uri.getRawUserInfo() != null) {
        return true;
      }
      String authority = uri.isOpaque() ? uri.getRawSchemeSpecificPart() : uri.getRawAuthority();
      return authority != null && authority.contains("@");
    }

    /**
     * Sets the User-Agent header value (default {@value #DEFAULT_USER_AGENT}).
     *
     * @throws IllegalArgumentException if it is blank or holds control characters
     */
    public Builder userAgent(String userAgent) {
      Objects.requireNonNull(userAgent, "userAgent");
      if (userAgent.isBlank() || userAgent.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
        throw new IllegalArgumentException("userAgent must be non-blank printable text");
      }
      this.userAgent = userAgent;
      return this;
    }

    /**
     * Sets how calls are repeated after a transport error or HTTP 429/502/503/504 (default
     * {@link RetryPolicy#defaults()}; {@link RetryPolicy#none()} disables retries). A call that may create
     * something is never repeated once it may have reached IM.
     */
    public Builder retryPolicy(RetryPolicy retryPolicy) {
      this.retryPolicy = Objects.requireNonNull(retryPolicy, "retryPolicy");
      return this;
    }

    /**
     * Runs asynchronous operations ({@code *Async} methods) on the caller's executor, which {@link #close()} then
     * leaves running. Without it the client creates a small pool of daemon threads on first use and shuts it down
     * in {@code close()}.
     */
    public Builder asyncExecutor(ScheduledExecutorService executor) {
      this.asyncExecutor = Objects.requireNonNull(executor, "executor");
      return this;
    }

    /**
     * Returns the client. A CA bundle or trust store is read now.
     *
     * @throws IllegalStateException if no endpoint was set
     * @throws IllegalArgumentException if the TLS files cannot be read
     */
    public InfrastructureManager build() {
      if (endpoint == null) {
        throw new IllegalStateException("an endpoint is required: call endpoint(URI) before build()");
      }
      HttpSettings settings = new HttpSettings(endpoint, credentials, timeouts, tls, proxy, userAgent,
          maxResponseBytes);
      WaitSupport waits = WaitSupport.system(asyncExecutor);
      JerseyImHttp http = new JerseyImHttp(settings, LoggerFactory.getLogger(JerseyImHttp.class),
          new Retrier(retryPolicy, waits.time(), () -> ThreadLocalRandom.current().nextDouble()));
      return new DefaultInfrastructureManager(endpoint, http, http::close, waits,
          credentials == null ? java.util.List.of() : credentials.lines());
    }
  }
}
