package io.github.imsdk.auth;

import io.github.imsdk.auth.internal.oidc.AgentIpc;
import io.github.imsdk.auth.internal.oidc.AgentTokenFetcher;
import io.github.imsdk.auth.internal.token.CachingTokenProvider;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * Supplies access tokens from a running <a href="https://github.com/indigo-dc/oidc-agent">oidc-agent</a>, speaking
 * the agent's IPC protocol over the UNIX socket named by {@code $OIDC_SOCK}.
 *
 * <pre>{@code
 * TokenProvider egi = OidcAgentTokenProvider.account("egi");
 * TokenProvider byIssuer = OidcAgentTokenProvider.builder()
 *     .issuer("https://aai.egi.eu/auth/realms/egi")
 *     .minValidPeriod(Duration.ofMinutes(5))
 *     .scope("openid profile eduperson_entitlement")
 *     .build();
 * }</pre>
 *
 * <p>The token is kept until {@link Builder#minValidPeriod(Duration)} before it expires; then the agent is asked
 * again with that {@code min_valid_period}, so it refreshes the token when needed. After {@link #invalidate()} the
 * agent is asked for a brand-new token. Errors say what to do: agent not running (no {@code OIDC_SOCK}, no socket,
 * connection refused), account unknown or not loaded, agent locked, or the agent's own message. With {@link
 * Builder#fallbackToCommand(boolean)} an unreachable agent makes the provider run {@code oidc-token} instead.
 */
public final class OidcAgentTokenProvider implements TokenProvider {

  /** The default {@code min_valid_period}, which is also how long before expiry a token is replaced: 60 s. */
  public static final Duration DEFAULT_MIN_VALID_PERIOD = Duration.ofSeconds(60);

  /** How long to wait for the agent's answer unless told otherwise: 30 s. */
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);

  /** The application name shown by the agent in its prompts unless told otherwise. */
  public static final String DEFAULT_APPLICATION_HINT = "im-java-sdk";

  private final String target;
  private final CachingTokenProvider cache;

  private OidcAgentTokenProvider(Builder b, Function<String, String> env, Clock clock) {
    AgentTokenFetcher.Request request = new AgentTokenFetcher.Request(b.account, b.issuer, b.minValidPeriod,
        b.scope, b.audience, b.applicationHint);
    this.target = b.account != null ? "account " + b.account : "issuer " + b.issuer;
    Optional<List<String>> fallback = b.fallbackCommand != null ? Optional.of(b.fallbackCommand)
        : b.fallbackToCommand ? Optional.of(defaultCommand(b)) : Optional.empty();
    AgentTokenFetcher fetcher = new AgentTokenFetcher(request, Optional.ofNullable(b.socket), env, b.timeout,
        fallback, b.timeout);
    this.cache = new CachingTokenProvider(fetcher, b.minValidPeriod, clock);
  }

  /** Returns a provider for the agent account with the given short name, with default options. */
  public static OidcAgentTokenProvider account(String shortName) {
    return builder().account(shortName).build();
  }

  /** Returns a provider for whichever loaded agent account belongs to the issuer {@code issuerUrl}. */
  public static OidcAgentTokenProvider issuer(String issuerUrl) {
    return builder().issuer(issuerUrl).build();
  }

  /** Returns a builder; set exactly one of {@link Builder#account(String)} and {@link Builder#issuer(String)}. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Tells whether an agent answers on {@code $OIDC_SOCK} right now (a {@code status} request within two
   * seconds). It never throws.
   */
  public static boolean isAgentReachable() {
    String sock = System.getenv("OIDC_SOCK");
    return sock != null && !sock.isBlank() && isAgentReachable(Path.of(sock.strip()), Duration.ofSeconds(2));
  }

  static boolean isAgentReachable(Path socket, Duration timeout) {
    try {
      return AgentIpc.exchange(socket, AgentIpc.newRequest("status"), timeout).has("status");
    } catch (RuntimeException e) {
      return false;
    }
  }

  /**
   * Returns a token valid for at least the configured minimum period, asking the agent when the cached one is
   * about to expire.
   *
   * @throws ImCredentialsException if the agent is unreachable (and no fallback applies), does not know or has not
   *     loaded the account, is locked, times out, or reports an error
   */
  @Override
  public AccessToken token() {
    return cache.token();
  }

  /** Forgets the cached token and makes the next {@link #token()} ask the agent for a brand-new one. */
  @Override
  public void invalidate() {
    cache.invalidate();
  }

  @Override
  public String toString() {
    return "OidcAgentTokenProvider[" + target + "]";
  }

  private static List<String> defaultCommand(Builder b) {
    List<String> argv = new ArrayList<>();
    argv.add("oidc-token");
    argv.add("--time=" + b.minValidPeriod.toSeconds());
    argv.add("--name=" + b.applicationHint);
    if (b.scope != null) {
      for (String s : b.scope.trim().split("\\s+")) {
        argv.add("--scope=" + s);
      }
    }
    if (b.audience != null) {
      argv.add("--aud=" + b.audience);
    }
    argv.add(b.account != null ? b.account : b.issuer);
    return argv;
  }

  /** Builds an {@link OidcAgentTokenProvider}. Not thread-safe. */
  public static final class Builder {
    private String account;
    private String issuer;
    private Duration minValidPeriod = DEFAULT_MIN_VALID_PERIOD;
    private String scope;
    private String audience;
    private String applicationHint = DEFAULT_APPLICATION_HINT;
    private Path socket;
    private Duration timeout = DEFAULT_TIMEOUT;
    private boolean fallbackToCommand;
    private List<String> fallbackCommand;

    private Builder() {}

    /** Asks for the account with this short name (as given to {@code oidc-gen}); clears any issuer. */
    public Builder account(String shortName) {
      this.account = nonBlank(shortName, "account short name");
      this.issuer = null;
      return this;
    }

    /** Asks for the loaded account of this issuer URL (e.g. {@code https://aai.egi.eu/auth/realms/egi}). */
    public Builder issuer(String issuerUrl) {
      this.issuer = nonBlank(issuerUrl, "issuer URL");
      this.account = null;
      return this;
    }

    /**
     * Sets the {@code min_valid_period}: the token handed out stays valid at least this long, and a cached token is
     * replaced this long before it expires. Default {@link #DEFAULT_MIN_VALID_PERIOD}.
     */
    public Builder minValidPeriod(Duration period) {
      Objects.requireNonNull(period, "period");
      if (period.isNegative()) {
        throw new IllegalArgumentException("minValidPeriod must not be negative, got " + period);
      }
      this.minValidPeriod = period;
      return this;
    }

    /** Requests these space-separated scopes (default: the account's scopes). */
    public Builder scope(String scope) {
      this.scope = nonBlank(scope, "scope");
      return this;
    }

    /** Requests these space-separated audiences (default: none). */
    public Builder audience(String audience) {
      this.audience = nonBlank(audience, "audience");
      return this;
    }

    /** Sets the application name the agent shows in its prompts. Default {@link #DEFAULT_APPLICATION_HINT}. */
    public Builder applicationHint(String hint) {
      this.applicationHint = nonBlank(hint, "application hint");
      return this;
    }

    /** Uses this socket instead of the one named by {@code $OIDC_SOCK}. */
    public Builder socket(Path socket) {
      this.socket = Objects.requireNonNull(socket, "socket");
      return this;
    }

    /**
     * Sets how long to wait for the agent (and for a fallback command). The agent may hold a request while it
     * prompts for a password or confirmation. Default {@link #DEFAULT_TIMEOUT}.
     */
    public Builder timeout(Duration timeout) {
      Objects.requireNonNull(timeout, "timeout");
      if (timeout.isNegative() || timeout.isZero()) {
        throw new IllegalArgumentException("timeout must be positive, got " + timeout);
      }
      this.timeout = timeout;
      return this;
    }

    /**
     * When true and the agent cannot be reached, runs {@code oidc-token} with the same options instead (useful
     * where the agent's socket is not visible but the CLI can reach an agent, e.g. a 5.x agent service).
     * Default false.
     */
    public Builder fallbackToCommand(boolean fallback) {
      this.fallbackToCommand = fallback;
      return this;
    }

    /**
     * When the agent cannot be reached, runs exactly this command (program and arguments, no shell) and uses
     * what it prints, e.g. the {@code oidc-token egi} of an auth file's {@code command(...)}.
     */
    public Builder fallbackCommand(List<String> argv) {
      Objects.requireNonNull(argv, "argv");
      if (argv.isEmpty() || argv.stream().anyMatch(a -> a == null || a.isBlank())) {
        throw new IllegalArgumentException("the fallback command needs a program and non-blank arguments");
      }
      this.fallbackCommand = List.copyOf(argv);
      return this;
    }

    /**
     * Returns the provider.
     *
     * @throws IllegalStateException if neither an account nor an issuer was set
     */
    public OidcAgentTokenProvider build() {
      return build(System::getenv, Clock.systemUTC());
    }

    OidcAgentTokenProvider build(Function<String, String> env, Clock clock) {
      if (account == null && issuer == null) {
        throw new IllegalStateException("OidcAgentTokenProvider needs an account short name or an issuer URL");
      }
      return new OidcAgentTokenProvider(this, env, clock);
    }

    private static String nonBlank(String value, String what) {
      Objects.requireNonNull(value, what);
      if (value.isBlank()) {
        throw new IllegalArgumentException("the " + what + " must not be blank");
      }
      return value.strip();
    }
  }
}
