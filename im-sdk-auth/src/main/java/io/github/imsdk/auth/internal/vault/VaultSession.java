package io.github.imsdk.auth.internal.vault;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.imsdk.auth.ImCredentialsException;
import io.github.imsdk.auth.ImVaultException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Holds the Vault token of one client and keeps it alive.
 *
 * <p>Before each request: with no token yet, log in (or, for a given token, look it up to learn its TTL and
 * entity). When the lease ends within the renew margin (at most half the lease), renew it with {@code renew-self};
 * if it is not renewable, renewal does not extend it (a max TTL was reached) or fails, log in again when the
 * method allows it. A 403 on a request made with a login token triggers one fresh login and one retry.
 */
public final class VaultSession {

  private static final Logger LOG = LoggerFactory.getLogger(VaultSession.class);

  private final VaultHttp http;
  private final VaultLogin login;
  private final Duration renewMargin;
  private final Clock clock;
  private final Object lock = new Object();

  private String token;
  private Instant expiresAt; // null = never (or unknown)
  private Duration leaseDuration = Duration.ZERO;
  private boolean renewable;
  private String entityId;
  private boolean obtainedByLogin;

  /** Creates a session; nothing is sent until the first request. */
  public VaultSession(VaultHttp http, VaultLogin login, Duration renewMargin, Clock clock) {
    this.http = http;
    this.login = login;
    this.renewMargin = renewMargin;
    this.clock = clock;
  }

  /** Sends an authenticated request; see {@link VaultHttp#send}. */
  public VaultHttp.Response send(String method, String path, JsonNode body, boolean allow404) {
    String t = currentToken();
    try {
      return http.send(method, path, body, t, allow404);
    } catch (ImVaultException e) {
      if (e.statusCode().orElse(0) == 403 && !"token".equals(login.kind())) {
        LOG.debug("Vault answered 403 to {} {}; logging in again once", method, path);
        synchronized (lock) {
          if (t.equals(token)) {
            token = null;
          }
        }
        return http.send(method, path, body, currentToken(), allow404);
      }
      throw e;
    }
  }

  /** Returns the entity id of the session's token (from the login, or from {@code lookup-self}). */
  public String entityId() {
    synchronized (lock) {
      currentToken();
      if (entityId == null || entityId.isBlank()) {
        JsonNode data = http.send("GET", "auth/token/lookup-self", null, token, false).body().path("data");
        entityId = data.path("entity_id").asText("");
      }
      if (entityId.isBlank()) {
        throw new ImCredentialsException("the Vault token has no identity entity (a root or orphan token?);"
            + " give an explicit secret path instead of the entity id");
      }
      return entityId;
    }
  }

  /** Revokes a token this session obtained by logging in; a token given by the caller is left alone. */
  public void revokeIfLoggedIn() {
    synchronized (lock) {
      if (token != null && obtainedByLogin) {
        try {
          http.send("POST", "auth/token/revoke-self", null, token, false);
        } catch (ImVaultException e) {
          LOG.debug("Revoking the Vault token failed: {}", e.getMessage());
        }
      }
      token = null;
    }
  }

  private String currentToken() {
    synchronized (lock) {
      if (token == null) {
        establish();
      } else if (expiresAt != null && !clock.instant().plus(margin()).isBefore(expiresAt)) {
        refresh();
      }
      return token;
    }
  }

  private Duration margin() {
    Duration half = leaseDuration.dividedBy(2);
    return half.compareTo(renewMargin) < 0 ? half : renewMargin;
  }

  private void establish() {
    if ("token".equals(login.kind())) {
      token = login.token();
      obtainedByLogin = false;
      JsonNode data = http.send("GET", "auth/token/lookup-self", null, token, false).body().path("data");
      entityId = data.path("entity_id").asText("");
      renewable = data.path("renewable").asBoolean(false);
      setLease(data.path("ttl").asLong(0));
      return;
    }
    ObjectNode body = VaultHttp.JSON.createObjectNode();
    if ("jwt".equals(login.kind())) {
      body.put("jwt", login.jwt().token().value());
      if (login.role() != null) {
        body.put("role", login.role());
      }
    } else {
      body.put("role_id", login.roleId());
      body.put("secret_id", login.secretId());
    }
    JsonNode auth;
    try {
      auth = http.send("POST", "auth/" + login.mount() + "/login", body, null, false).body().path("auth");
    } catch (ImVaultException e) {
      if ("jwt".equals(login.kind()) && e.statusCode().isPresent()) {
        login.jwt().invalidate(); // the JWT may be what Vault disliked: take a fresh one next time
      }
      throw new ImVaultException("Vault " + login.kind() + " login failed: " + e.getMessage(),
          e.statusCode().orElse(0), e);
    }
    String clientToken = auth.path("client_token").asText("");
    if (clientToken.isBlank()) {
      throw new ImVaultException("Vault " + login.kind() + " login at auth/" + login.mount()
          + " answered without a client token", 200, null);
    }
    token = clientToken;
    obtainedByLogin = true;
    entityId = auth.path("entity_id").asText("");
    renewable = auth.path("renewable").asBoolean(false);
    setLease(auth.path("lease_duration").asLong(0));
    LOG.debug("Logged in to Vault with {} at auth/{}; lease {} s", login.kind(), login.mount(),
        leaseDuration.toSeconds());
  }

  private void refresh() {
    if (renewable) {
      Instant before = expiresAt;
      try {
        JsonNode auth = http.send("POST", "auth/token/renew-self", VaultHttp.JSON.createObjectNode(), token, false)
            .body().path("auth");
        long lease = auth.path("lease_duration").asLong(0);
        renewable = auth.path("renewable").asBoolean(renewable);
        setLease(lease);
        if (expiresAt == null || expiresAt.isAfter(before)) {
          LOG.debug("Renewed the Vault token; lease {} s", lease);
          if (expiresAt == null || clock.instant().plus(margin()).isBefore(expiresAt)) {
            return;
          }
        }
      } catch (ImVaultException e) {
        if ("token".equals(login.kind())) {
          throw new ImVaultException("renewing the Vault token failed: " + e.getMessage(),
              e.statusCode().orElse(0), e);
        }
        LOG.debug("Renewing the Vault token failed ({}); logging in again", e.getMessage());
      }
    }
    if (!"token".equals(login.kind())) {
      establish();
    }
    // A given, non-renewable token is used until Vault refuses it; the 403 then says so.
  }

  private void setLease(long seconds) {
    leaseDuration = Duration.ofSeconds(Math.max(0, seconds));
    expiresAt = seconds > 0 ? clock.instant().plusSeconds(seconds) : null;
  }
}
