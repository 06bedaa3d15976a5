package io.github.imsdk.auth.internal.oidc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.imsdk.auth.AccessToken;
import io.github.imsdk.auth.ImCredentialsException;
import io.github.imsdk.auth.TokenProvider;
import io.github.imsdk.auth.internal.CommandRunner;
import io.github.imsdk.auth.internal.token.Tokens;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Asks oidc-agent for an access token each time it is called (the caller caches).
 *
 * <p>Two situations make it ask the agent for a brand-new token ({@code min_valid_period = -1}): after
 * {@link #invalidate()} (the server rejected the token, so the agent's cached one is no good), and when the agent
 * hands back the very token the cache just found too close to expiry (the clocks disagree, or the issuer could not
 * satisfy {@code min_valid_period}, which the agent reports as success).
 */
public final class AgentTokenFetcher implements TokenProvider {

  private static final Logger LOG = LoggerFactory.getLogger(AgentTokenFetcher.class);
  private static final int FORCE_NEW_TOKEN = -1;

  /** What to ask for; exactly one of {@code account} and {@code issuer} is set. */
  public record Request(String account, String issuer, Duration minValidPeriod, String scope, String audience,
      String applicationHint) {

    String target() {
      return account != null ? "account '" + account + "'" : "issuer " + issuer;
    }
  }

  private final Request request;
  private final Optional<Path> socket;
  private final Function<String, String> env;
  private final Duration timeout;
  private final Optional<List<String>> fallbackCommand;
  private final Duration commandTimeout;
  private final Object lock = new Object();
  private boolean forceNext;
  private String lastValue;

  /**
   * Creates a fetcher; {@code socket} empty means {@code $OIDC_SOCK} read through {@code env} at each call, and
   * {@code fallbackCommand} is run only when the agent is unreachable.
   */
  public AgentTokenFetcher(Request request, Optional<Path> socket, Function<String, String> env, Duration timeout,
      Optional<List<String>> fallbackCommand, Duration commandTimeout) {
    this.request = request;
    this.socket = socket;
    this.env = env;
    this.timeout = timeout;
    this.fallbackCommand = fallbackCommand.map(List::copyOf);
    this.commandTimeout = commandTimeout;
  }

  @Override
  public AccessToken token() {
    synchronized (lock) {
      Path sock;
      try {
        sock = socketPath();
      } catch (AgentUnreachableException e) {
        return fallback(e);
      }
      boolean force = forceNext;
      AccessToken t;
      try {
        t = ask(sock, force);
      } catch (AgentUnreachableException e) {
        return fallback(e);
      }
      if (!force && t.value().equals(lastValue)) {
        LOG.debug("oidc-agent returned the token that is about to expire for {}; forcing a new one",
            request.target());
        t = ask(sock, true);
      }
      forceNext = false;
      lastValue = t.value();
      return t;
    }
  }

  @Override
  public void invalidate() {
    synchronized (lock) {
      forceNext = true;
    }
  }

  /** Returns the socket to use, or throws when none is configured. */
  public Path socketPath() {
    if (socket.isPresent()) {
      return socket.get();
    }
    String fromEnv = env.apply("OIDC_SOCK");
    if (fromEnv == null || fromEnv.isBlank()) {
      throw new AgentUnreachableException(
          "oidc-agent is not running: the environment variable OIDC_SOCK is not set; start the agent with"
              + " 'eval $(oidc-agent)'", null);
    }
    return Path.of(fromEnv.strip());
  }

  private AccessToken ask(Path sock, boolean force) {
    ObjectNode req = AgentIpc.newRequest("access_token");
    if (request.account() != null) {
      req.put("account", request.account());
    } else {
      req.put("issuer", request.issuer());
    }
    req.put("min_valid_period", force ? FORCE_NEW_TOKEN : request.minValidPeriod().toSeconds());
    req.put("application_hint", request.applicationHint());
    if (request.scope() != null) {
      req.put("scope", request.scope());
    }
    if (request.audience() != null) {
      req.put("audience", request.audience());
    }
    JsonNode reply = AgentIpc.exchange(sock, req, timeout);
    String status = reply.path("status").asText("");
    if (!"success".equals(status)) {
      throw failure(reply);
    }
    String value = reply.path("access_token").asText("");
    if (value.isBlank()) {
      throw new ImCredentialsException("oidc-agent answered success for " + request.target()
          + " but sent no access token");
    }
    JsonNode exp = reply.get("expires_at");
    Optional<Instant> expiresAt = exp != null && exp.isNumber() && exp.asLong() > 0
        ? Optional.of(Instant.ofEpochSecond(exp.asLong())) : Optional.empty();
    return Tokens.withExpiry(value, expiresAt);
  }

  private ImCredentialsException failure(JsonNode reply) {
    String error = reply.path("error").asText("").strip();
    String info = reply.path("info").isTextual() ? reply.path("info").asText().strip() : "";
    String lower = error.toLowerCase(java.util.Locale.ROOT);
    String who = request.target();
    String name = request.account() != null ? request.account() : "<account>";
    String message;
    if (lower.contains("no account configured")) {
      message = "oidc-agent has no " + who + " (agent said: " + error + "); create it with 'oidc-gen " + name
          + "' or check the name with 'oidc-add -l'";
    } else if (lower.contains("not loaded")) {
      // The agent says this both for a known account that is not loaded and, without autoload, for an unknown one.
      message = who + " is not loaded in oidc-agent (agent said: " + error + "); load it with 'oidc-add " + name
          + "', or create it first with 'oidc-gen " + name + "'";
    } else if (lower.contains("locked")) {
      message = "oidc-agent is locked (agent said: " + error + "); unlock it with 'oidc-add -u'";
    } else if (lower.contains("not acceptable")) {
      message = "oidc-agent is busy with another request, e.g. a re-authentication (agent said: " + error
          + "); try again later";
    } else {
      message = "oidc-agent refused the token request for " + who + ": "
          + (error.isEmpty() ? "no error message (status '" + reply.path("status").asText("") + "')" : error);
    }
    return new ImCredentialsException(info.isEmpty() ? message : message + " [" + info.replace('\n', ' ')
        .replaceAll("\\s+", " ").strip() + "]");
  }

  private AccessToken fallback(AgentUnreachableException unreachable) {
    if (fallbackCommand.isEmpty()) {
      throw unreachable;
    }
    LOG.debug("oidc-agent unreachable for {}; running the fallback command {}", request.target(),
        fallbackCommand.get().get(0));
    try {
      String value = CommandRunner.run(fallbackCommand.get(), commandTimeout);
      forceNext = false;
      lastValue = value;
      return Tokens.withExpiry(value, Optional.empty());
    } catch (ImCredentialsException e) {
      throw new ImCredentialsException(unreachable.getMessage() + "; the fallback " + e.getMessage(), e);
    }
  }
}
