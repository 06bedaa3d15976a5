package io.github.imsdk.auth;

import java.util.Objects;
import java.util.Optional;

/**
 * How a {@link VaultClient} authenticates: a Vault token, a JWT/OIDC login, or an AppRole login.
 *
 * <pre>{@code
 * VaultAuth.jwt(OidcAgentTokenProvider.account("egi"), "im")      // POST /v1/auth/jwt/login {"jwt","role"}
 * VaultAuth.appRole("4f9c...", "s.9a...")                        // POST /v1/auth/approle/login
 * VaultAuth.token(System.getenv("VAULT_TOKEN"))                  // X-Vault-Token
 * }</pre>
 *
 * <p>{@link #toString()} never shows a token, a secret id or a JWT.
 */
public final class VaultAuth {

  /** The kinds of authentication. */
  public enum Method {
    /** A Vault token given by the caller. */
    TOKEN,
    /** {@code POST /v1/auth/{mount}/login} with a JWT (an OIDC access token), as the IM server does. */
    JWT,
    /** {@code POST /v1/auth/{mount}/login} with a role id and a secret id. */
    APPROLE
  }

  private final Method method;
  private final String mount;
  private final String role;
  private final String token;
  private final TokenProvider jwt;
  private final String roleId;
  private final String secretId;

  private VaultAuth(Method method, String mount, String role, String token, TokenProvider jwt, String roleId,
      String secretId) {
    this.method = method;
    this.mount = mount;
    this.role = role;
    this.token = token;
    this.jwt = jwt;
    this.roleId = roleId;
    this.secretId = secretId;
  }

  /**
   * Authenticates with an existing Vault token (sent as {@code X-Vault-Token}).
   *
   * @throws IllegalArgumentException if the token is blank
   */
  public static VaultAuth token(String vaultToken) {
    return new VaultAuth(Method.TOKEN, null, null, nonBlank(vaultToken, "Vault token"), null, null, null);
  }

  /** Logs in at {@code auth/jwt} with a JWT from {@code jwt} and Vault's default role. */
  public static VaultAuth jwt(TokenProvider jwt) {
    return jwt("jwt", null, jwt);
  }

  /** Logs in at {@code auth/jwt} with a JWT from {@code jwt} and the given role (e.g. {@code im}). */
  public static VaultAuth jwt(TokenProvider jwt, String role) {
    return jwt("jwt", nonBlank(role, "role"), jwt);
  }

  /**
   * Logs in at {@code auth/{mount}} with a JWT from {@code jwt}; {@code role} may be null for Vault's default
   * role. The JWT is taken again for every login, so a login after the Vault token expired uses a fresh one.
   */
  public static VaultAuth jwt(String mount, String role, TokenProvider jwt) {
    Objects.requireNonNull(jwt, "jwt");
    return new VaultAuth(Method.JWT, mountName(mount), role == null ? null : nonBlank(role, "role"), null, jwt,
        null, null);
  }

  /** Logs in at {@code auth/approle} with a role id and secret id. */
  public static VaultAuth appRole(String roleId, String secretId) {
    return appRole("approle", roleId, secretId);
  }

  /** Logs in at {@code auth/{mount}} (an AppRole engine) with a role id and secret id. */
  public static VaultAuth appRole(String mount, String roleId, String secretId) {
    return new VaultAuth(Method.APPROLE, mountName(mount), null, null, null, nonBlank(roleId, "role id"),
        nonBlank(secretId, "secret id"));
  }

  /** Returns the kind of authentication. */
  public Method method() {
    return method;
  }

  /** Returns the auth engine mount for logins ({@code jwt}, {@code approle}, ...); empty for a token. */
  public Optional<String> mount() {
    return Optional.ofNullable(mount);
  }

  /** Returns the JWT login role, if one was given. */
  public Optional<String> role() {
    return Optional.ofNullable(role);
  }

  // Accessors for the Vault client; not public because they hand out secrets.
  String vaultToken() {
    return token;
  }

  TokenProvider jwtProvider() {
    return jwt;
  }

  String roleId() {
    return roleId;
  }

  String secretId() {
    return secretId;
  }

  @Override
  public String toString() {
    switch (method) {
      case TOKEN:
        return "VaultAuth[token=***]";
      case JWT:
        return "VaultAuth[jwt at auth/" + mount + (role == null ? "" : ", role " + role) + ", jwt from "
            + io.github.imsdk.auth.internal.token.Tokens.describe(jwt) + "]";
      default:
        return "VaultAuth[approle at auth/" + mount + ", role_id=***, secret_id=***]";
    }
  }

  private static String mountName(String mount) {
    String m = nonBlank(mount, "auth mount");
    while (m.startsWith("/")) {
      m = m.substring(1);
    }
    while (m.endsWith("/")) {
      m = m.substring(0, m.length() - 1);
    }
    if (m.isEmpty()) {
      throw new IllegalArgumentException("the auth mount must not be blank");
    }
    return m;
  }

  private static String nonBlank(String value, String what) {
    Objects.requireNonNull(value, what);
    if (value.isBlank()) {
      throw new IllegalArgumentException("the " + what + " must not be blank");
    }
    return value.strip();
  }
}
