package io.github.imsdk.auth;

import static org.mockserver.model.HttpRequest.request;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import org.mockserver.integration.ClientAndServer;
import org.mockserver.model.HttpRequest;
import org.mockserver.model.HttpResponse;

/**
 * A stateful fake of Vault's HTTP API on MockServer, following the surface recorded in auth-components.md §3.2:
 * JWT and AppRole login, token lookup/renew/revoke-self, KV 1 and KV 2 read/write/delete, {@code X-Vault-Token},
 * {@code {"errors":[...]}} bodies, 403 for a bad token or a denied path, 404 {@code {"errors":[]}} for a missing
 * secret, and 503 while sealed.
 */
final class FakeVault {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** An issued token. */
  static final class TokenInfo {
    final String entityId;
    long ttl;
    final boolean renewable;
    final String policyPrefix;

    TokenInfo(String entityId, long ttl, boolean renewable, String policyPrefix) {
      this.entityId = entityId;
      this.ttl = ttl;
      this.renewable = renewable;
      this.policyPrefix = policyPrefix;
    }
  }

  final ClientAndServer server;
  final Map<String, TokenInfo> tokens = new ConcurrentHashMap<>();
  final Map<String, Integer> kvMounts = new ConcurrentHashMap<>();
  /** Secrets by "mount/path" (KV 2 keeps the latest version's data). */
  final Map<String, Map<String, Object>> secrets = new ConcurrentHashMap<>();
  final Map<String, Integer> versions = new ConcurrentHashMap<>();
  final AtomicInteger issued = new AtomicInteger();
  final AtomicInteger logins = new AtomicInteger();
  final AtomicInteger renewals = new AtomicInteger();
  volatile boolean sealed;
  volatile Predicate<JsonNode> jwtLogin = body -> body.path("jwt").asText().startsWith("eyJ");
  volatile String appRoleId = "role-123";
  volatile String appSecretId = "secret-456";
  volatile long loginTtl = 3600;
  volatile boolean loginRenewable = true;
  volatile long renewIncrement = 3600;
  volatile String entityId = "ent-7f3a";
  /** Paths (after /v1/) that tokens may touch; others get 403. */
  volatile Set<String> allowedPrefixes = Set.of("credentials/", "secret/", "kv1/");

  FakeVault() {
    server = ClientAndServer.startClientAndServer(0);
    reset();
  }

  String address() {
    return "http://127.0.0.1:" + server.getPort();
  }

  void reset() {
    server.reset();
    tokens.clear();
    secrets.clear();
    versions.clear();
    kvMounts.clear();
    kvMounts.put("credentials", 1);
    kvMounts.put("kv1", 1);
    kvMounts.put("secret", 2);
    issued.set(0);
    logins.set(0);
    renewals.set(0);
    sealed = false;
    loginTtl = 3600;
    loginRenewable = true;
    renewIncrement = 3600;
    entityId = "ent-7f3a";
    allowedPrefixes = Set.of("credentials/", "secret/", "kv1/");
    jwtLogin = body -> body.path("jwt").asText().startsWith("eyJ");
    server.when(request()).respond(this::handle);
  }

  void stop() {
    server.stop();
  }

  String issueToken(long ttl, boolean renewable) {
    String t = "hvs.fake" + issued.incrementAndGet();
    tokens.put(t, new TokenInfo(entityId, ttl, renewable, ""));
    return t;
  }

  private HttpResponse handle(HttpRequest req) throws Exception {
    if (sealed) {
      return json(503, "{\"errors\":[\"Vault is sealed\"]}");
    }
    String method = req.getMethod().getValue();
    String path = req.getPath().getValue();
    if (!path.startsWith("/v1/")) {
      return json(404, "{\"errors\":[]}");
    }
    String p = path.substring(4);
    JsonNode body = req.getBodyAsString() == null || req.getBodyAsString().isEmpty()
        ? JSON.createObjectNode() : JSON.readTree(req.getBodyAsString());

    if (method.equals("POST") && p.equals("auth/jwt/login")) {
      if (!jwtLogin.test(body)) {
        return json(400, "{\"errors\":[\"error validating token: invalid audience (aud) claim\"]}");
      }
      return login();
    }
    if (method.equals("POST") && p.equals("auth/approle/login")) {
      if (!appRoleId.equals(body.path("role_id").asText()) || !appSecretId.equals(body.path("secret_id").asText())) {
        return json(400, "{\"errors\":[\"invalid role or secret ID\"]}");
      }
      return login();
    }

    String token = req.getFirstHeader("X-Vault-Token");
    TokenInfo info = tokens.get(token);
    if (info == null) {
      return json(403, "{\"errors\":[\"permission denied\"]}");
    }
    switch (p) {
      case "auth/token/lookup-self":
        return json(200, envelope("data", JSON.createObjectNode().put("id", token).put("entity_id", info.entityId)
            .put("ttl", info.ttl).put("renewable", info.renewable).put("path", "auth/token/create")));
      case "auth/token/renew-self":
        renewals.incrementAndGet();
        if (!info.renewable) {
          return json(400, "{\"errors\":[\"lease is not renewable\"]}");
        }
        info.ttl = renewIncrement;
        return json(200, envelope("auth", auth(token, info)));
      case "auth/token/revoke-self":
        tokens.remove(token);
        return HttpResponse.response().withStatusCode(204);
      default:
        break;
    }
    if (allowedPrefixes.stream().noneMatch(p::startsWith)) {
      return json(403, "{\"errors\":[\"1 error occurred:\\n\\t* permission denied\\n\\n\"]}");
    }
    String mount = p.substring(0, p.indexOf('/'));
    Integer version = kvMounts.get(mount);
    if (version == null) {
      return json(404, "{\"errors\":[\"no handler for route \\\"" + p + "\\\". route entry not found.\"]}");
    }
    String rest = p.substring(mount.length() + 1);
    return version == 1 ? kv1(method, mount + "/" + rest, body) : kv2(method, mount, rest, body);
  }

  private HttpResponse login() {
    logins.incrementAndGet();
    String t = issueToken(loginTtl, loginRenewable);
    return json(200, envelope("auth", auth(t, tokens.get(t))));
  }

  private HttpResponse kv1(String method, String key, JsonNode body) {
    switch (method) {
      case "GET": {
        Map<String, Object> s = secrets.get(key);
        if (s == null) {
          return json(404, "{\"errors\":[]}");
        }
        ObjectNode env = envelope("data", JSON.valueToTree(s));
        env.put("lease_duration", 2764800);
        return json(200, env);
      }
      case "POST":
      case "PUT":
        secrets.put(key, JSON.convertValue(body, LinkedHashMap.class));
        return HttpResponse.response().withStatusCode(204);
      case "DELETE":
        secrets.remove(key);
        return HttpResponse.response().withStatusCode(204);
      default:
        return json(405, "{\"errors\":[\"unsupported operation\"]}");
    }
  }

  private HttpResponse kv2(String method, String mount, String rest, JsonNode body) {
    if (rest.startsWith("data/")) {
      String key = mount + "/" + rest.substring(5);
      switch (method) {
        case "GET": {
          Map<String, Object> s = secrets.get(key);
          if (s == null) {
            return json(404, "{\"errors\":[]}");
          }
          ObjectNode data = JSON.createObjectNode();
          data.set("data", JSON.valueToTree(s));
          data.putObject("metadata").put("created_time", "2026-01-01T00:00:00Z").put("deletion_time", "")
              .put("destroyed", false).put("version", versions.get(key)).putNull("custom_metadata");
          return json(200, envelope("data", data));
        }
        case "POST":
        case "PUT": {
          if (!body.path("data").isObject()) {
            return json(400, "{\"errors\":[\"no data provided\"]}");
          }
          secrets.put(key, JSON.convertValue(body.get("data"), LinkedHashMap.class));
          int v = versions.merge(key, 1, Integer::sum);
          return json(200, envelope("data", JSON.createObjectNode().put("version", v)
              .put("created_time", "2026-01-01T00:00:00Z").put("deletion_time", "").put("destroyed", false)));
        }
        default:
          return json(405, "{\"errors\":[\"unsupported operation\"]}");
      }
    }
    if (rest.startsWith("metadata/") && method.equals("DELETE")) {
      String key = mount + "/" + rest.substring(9);
      secrets.remove(key);
      versions.remove(key);
      return HttpResponse.response().withStatusCode(204);
    }
    return json(404, "{\"errors\":[]}");
  }

  private ObjectNode auth(String token, TokenInfo info) {
    ObjectNode a = JSON.createObjectNode().put("client_token", token).put("accessor", "acc-" + token.hashCode())
        .put("lease_duration", info.ttl).put("renewable", info.renewable).put("entity_id", info.entityId)
        .put("orphan", true);
    a.putArray("policies").add("default").add("manage-imcreds");
    a.putObject("metadata").put("role", "im");
    return a;
  }

  private static ObjectNode envelope(String field, JsonNode value) {
    ObjectNode env = JSON.createObjectNode().put("request_id", "req-1").put("lease_id", "").put("renewable", false)
        .put("lease_duration", 0);
    env.putNull("data");
    env.putNull("auth");
    env.putNull("wrap_info");
    env.putNull("warnings");
    env.set(field, value);
    return env;
  }

  private static HttpResponse json(int status, Object body) {
    return HttpResponse.response().withStatusCode(status).withHeader("Content-Type", "application/json")
        .withBody(body.toString());
  }
}
