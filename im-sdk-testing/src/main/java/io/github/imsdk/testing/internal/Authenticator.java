package io.github.imsdk.testing.internal;

import io.github.imsdk.auth.AuthLine;
import io.github.imsdk.auth.CredentialValue;
import io.github.imsdk.auth.Credentials;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads the Authorization header like IM: with the SDK's own {@link Credentials#parseHeader(String)}, then the
 * InfrastructureManager lines become identities (username/password, or an OIDC token decoded, never verified).
 */
final class Authenticator {

  private final Settings settings;

  Authenticator(Settings settings) {
    this.settings = settings;
  }

  record Caller(List<Model.Identity> ids, Credentials credentials) {}

  /**
   * Checks the Authorization header like IM: no header is 401; no usable InfrastructureManager line is 401 on
   * the list/create/import/clouds calls ({@code strict}) and 400 elsewhere.
   */
  Caller authenticate(Exchange x, String prefix, boolean strict) {
    String h = x.header("Authorization");
    // IM 2.0 treats an empty header as missing; 1.19.2 parses it as no lines (then "No credentials provided").
    if (h == null || (h.isBlank() && settings.imV2())) {
      throw new HttpError(401, "No authentication data provided");
    }
    undecodable(h);
    Credentials c;
    try {
      c = h.isBlank() ? Credentials.of(List.of()) : Credentials.parseHeader(h);
    } catch (RuntimeException e) {
      throw settings.imV2() ? new HttpError(500, "Incorrect value in auth item id")
          : new HttpError(401, "No authentication data provided");
    }
    int code = strict ? 401 : 400;
    List<Model.Identity> ids = new ArrayList<>();
    for (AuthLine line : c.lines()) {
      if (!line.isInfrastructureManager()) {
        continue;
      }
      Optional<String> user = literal(line, "username");
      Optional<String> pass = literal(line, "password");
      Optional<String> token = literal(line, "token");
      if (token.isPresent()) {
        ids.add(tokenIdentity(token.get(), prefix, code));
      } else if (user.isPresent()) {
        if (user.get().startsWith("__OPENID__")) {
          throw new HttpError(code, prefix + "Invalid InfrastructureManager credentials. Invalid username.");
        }
        // IM has no user database: a username without a password is an identity of its own.
        ids.add(new Model.Identity(user.get(), pass.orElse(null), false));
      } else if (pass.isPresent()) {
        throw new HttpError(code, prefix + "No username nor token for the InfrastructureManager.");
      }
    }
    if (ids.isEmpty()) {
      throw new HttpError(code, prefix + "No credentials provided for the InfrastructureManager.");
    }
    return new Caller(ids, c);
  }

  /**
   * Headers IM cannot decode at all: {@code Basic} with bad base64 and a JSON object instead of a list. IM 1.19.2
   * answers 401 {@code No authentication data provided}; 2.0 answers 500 with the Python exception's text.
   */
  private void undecodable(String h) {
    String t = h.strip();
    String v2 = null;
    if (t.startsWith("Basic ")) {
      try {
        Base64.getDecoder().decode(t.substring(6).strip());
      } catch (IllegalArgumentException e) {
        v2 = "Invalid base64-encoded string: " + e.getMessage();
      }
    } else if (t.startsWith("{")) {
      v2 = "string indices must be integers, not 'str'";
    }
    if (v2 != null) {
      throw settings.imV2() ? new HttpError(500, v2) : new HttpError(401, "No authentication data provided");
    }
  }

  private static Optional<String> literal(AuthLine line, String key) {
    return line.value(key).map(CredentialValue::resolve);
  }

  Model.Identity tokenIdentity(String token, String prefix, int code) {
    String[] parts = token.split("\\.");
    String payload;
    try {
      if (parts.length < 2) {
        throw new IllegalArgumentException("incorrect padding");
      }
      payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      // IM answers 400 on every endpoint for a token it cannot decode.
      throw new HttpError(400, prefix + "Error trying to decode OIDC auth token: (b'" + token
          + "', 'incorrect padding')");
    }
    Map<?, ?> claims;
    try {
      // A payload of JSON null, a number or a list is no claim set: the same answer as an undecodable token.
      if (!(Json.parse(payload) instanceof Map<?, ?> m)) {
        throw new IllegalArgumentException("JWT payload is not a JSON object");
      }
      claims = m;
    } catch (RuntimeException e) {
      throw new HttpError(code, prefix + "Invalid InfrastructureManager credentials. Invalid token.");
    }
    Object exp = claims.get("exp");
    if (exp instanceof Number n && n.longValue() < settings.clock().instant().getEpochSecond()) {
      throw new HttpError(code, prefix + "Invalid InfrastructureManager credentials. Token expired.");
    }
    String iss = String.valueOf(claims.get("iss"));
    if (settings.oidcIssuers() != null && !settings.oidcIssuers().contains(iss)
        && !settings.oidcIssuers().contains(iss + "/")) {
      throw new HttpError(code, prefix + "Invalid InfrastructureManager credentials. Issuer not accepted.");
    }
    String sub = String.valueOf(claims.get("sub"));
    Object name = claims.get("preferred_username") != null ? claims.get("preferred_username")
        : claims.get("name") != null ? claims.get("name") : sub;
    return new Model.Identity("__OPENID__" + name, (iss.endsWith("/") ? iss : iss + "/") + sub, true);
  }

  /** Returns the cloud lines of the header; lines without an id get IM's automatic {@code <type><index>}. */
  static List<AuthLine> cloudLines(Caller c) {
    List<AuthLine> out = new ArrayList<>();
    int i = 0;
    for (AuthLine l : c.credentials().lines()) {
      if (!l.isInfrastructureManager() && !l.type().equals("VMRC") && !l.type().equals("Vault")) {
        out.add(l.id().isPresent() ? l : l.toBuilder().id(l.type() + i).build());
      }
      i++;
    }
    return out;
  }
}
