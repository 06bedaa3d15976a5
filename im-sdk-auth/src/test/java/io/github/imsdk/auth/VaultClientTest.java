package io.github.imsdk.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockserver.model.HttpRequest.request;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockserver.model.HttpRequest;

/** The Vault client against a fake Vault (MockServer) that follows Vault's HTTP API. */
class VaultClientTest {

  private static FakeVault vault;
  private final TestClock clock = TestClock.atRealNow();
  private final String jwt = TestJwts.withExp(Instant.now().plusSeconds(3600));

  @BeforeAll
  static void start() {
    vault = new FakeVault();
  }

  @AfterAll
  static void stop() {
    vault.stop();
  }

  @BeforeEach
  void reset() {
    vault.reset();
  }

  private VaultClient.Builder builder() {
    return VaultClient.builder(URI.create(vault.address())).timeout(Duration.ofSeconds(5));
  }

  private HttpRequest[] recorded(String path) {
    return vault.server.retrieveRecordedRequests(request().withPath(path));
  }

  @Test
  void tokenAuthReadsKvVersion1AndVersion2WithTheNamespaceHeader() {
    // Given a token and secrets in a KV 1 and a KV 2 engine
    String token = vault.issueToken(0, false);
    vault.secrets.put("kv1/app", new LinkedHashMap<>(Map.of("token", "v1-value")));
    vault.secrets.put("secret/im/robot", new LinkedHashMap<>(Map.of("access_token", "v2-value", "n", 3)));
    vault.versions.put("secret/im/robot", 1);
    VaultClient client = builder().auth(VaultAuth.token(token)).namespace("team-a/").build(clock);

    // When both are read
    Map<String, String> v1 = client.read(VaultPath.kv1("kv1", "app")).orElseThrow();
    Map<String, String> v2 = client.read(VaultPath.kv2("/secret/", "/im/robot")).orElseThrow();

    // Then the values come back (non-strings as JSON text) and each request carried token and namespace
    assertThat(v1).containsExactly(Map.entry("token", "v1-value"));
    assertThat(v2).containsEntry("access_token", "v2-value").containsEntry("n", "3");
    HttpRequest kv2 = recorded("/v1/secret/data/im/robot")[0];
    assertThat(kv2.getFirstHeader("X-Vault-Token")).isEqualTo(token);
    assertThat(kv2.getFirstHeader("X-Vault-Namespace")).isEqualTo("team-a/");
    assertThat(kv2.getFirstHeader("X-Vault-Request")).isEqualTo("true");
    assertThat(recorded("/v1/kv1/app")).hasSize(1);
  }

  @Test
  void missingSecretIsEmpty() {
    VaultClient client = builder().auth(VaultAuth.token(vault.issueToken(0, false))).build(clock);

    assertThat(client.read(VaultPath.kv1("kv1", "absent"))).isEmpty();
    assertThat(client.read(VaultPath.kv2("secret", "absent"))).isEmpty();
  }

  @Test
  void jwtLoginUsesATokenFromAnotherProvider() throws Exception {
    // Given a JWT login with role im
    VaultClient client = builder().auth(VaultAuth.jwt(StaticTokenProvider.of(jwt), "im")).build(clock);

    // When the entity id is asked for
    String entity = client.entityId();

    // Then the client logged in once with the JWT and role, and took the entity from the login
    assertThat(entity).isEqualTo("ent-7f3a");
    HttpRequest login = recorded("/v1/auth/jwt/login")[0];
    var body = new ObjectMapper().readTree(login.getBodyAsString());
    assertThat(body.path("jwt").asText()).isEqualTo(jwt);
    assertThat(body.path("role").asText()).isEqualTo("im");
    assertThat(login.containsHeader("X-Vault-Token")).isFalse();
    assertThat(recorded("/v1/auth/token/lookup-self")).isEmpty();
    assertThat(client.toString()).doesNotContain(jwt);
  }

  @Test
  void rejectedJwtLoginIsATypedErrorWithoutTheJwt() {
    vault.jwtLogin = body -> false;
    VaultClient client = builder().auth(VaultAuth.jwt(StaticTokenProvider.of(jwt))).build(clock);

    assertThatThrownBy(() -> client.read(VaultPath.kv1("credentials", "x")))
        .isInstanceOfSatisfying(ImVaultException.class, e -> {
          assertThat(e.statusCode()).contains(400);
          assertThat(e.getMessage()).contains("Vault jwt login failed", "POST /v1/auth/jwt/login",
              "invalid audience").doesNotContain(jwt);
        });
  }

  @Test
  void appRoleLoginAndItsRejection() {
    VaultClient ok = builder().auth(VaultAuth.appRole("role-123", "secret-456")).build(clock);
    assertThat(ok.entityId()).isEqualTo("ent-7f3a");

    VaultClient bad = builder().auth(VaultAuth.appRole("role-123", "wrong-secret-id")).build(clock);
    assertThatThrownBy(bad::entityId)
        .isInstanceOf(ImVaultException.class)
        .hasMessageContaining("invalid role or secret ID")
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("wrong-secret-id"));
    assertThat(VaultAuth.appRole("role-123", "wrong-secret-id").toString()).doesNotContain("wrong-secret-id", "role-123");
  }

  @Test
  void renewableLoginTokenIsRenewedBeforeItsLeaseEnds() {
    // Given a login token with a 10-minute renewable lease and a 5-minute margin
    vault.loginTtl = 600;
    VaultClient client = builder().auth(VaultAuth.jwt(StaticTokenProvider.of(jwt))).build(clock);
    client.read(VaultPath.kv1("kv1", "a"));

    // When the lease nears its end
    clock.advance(Duration.ofSeconds(299));
    client.read(VaultPath.kv1("kv1", "a"));
    assertThat(vault.renewals).hasValue(0);
    clock.advance(Duration.ofSeconds(2));
    client.read(VaultPath.kv1("kv1", "a"));

    // Then the token was renewed with renew-self, not replaced by a new login
    assertThat(vault.renewals).hasValue(1);
    assertThat(vault.logins).hasValue(1);
  }

  @Test
  void nonRenewableOrMaxedOutLoginTokenLeadsToANewLogin() {
    // Given IM's style of role: short, non-renewable tokens
    vault.loginTtl = 60;
    vault.loginRenewable = false;
    VaultClient client = builder().auth(VaultAuth.jwt(StaticTokenProvider.of(jwt))).build(clock);
    client.read(VaultPath.kv1("kv1", "a"));

    // When the token is about to end
    clock.advance(Duration.ofSeconds(31));
    client.read(VaultPath.kv1("kv1", "a"));

    // Then the client logged in again
    assertThat(vault.logins).hasValue(2);
    assertThat(vault.renewals).hasValue(0);

    // And when renewal no longer extends the lease (max TTL reached), it logs in again too
    vault.loginRenewable = true;
    vault.renewIncrement = 10;
    VaultClient capped = builder().auth(VaultAuth.jwt(StaticTokenProvider.of(jwt))).build(clock);
    capped.read(VaultPath.kv1("kv1", "a"));
    clock.advance(Duration.ofSeconds(31));
    capped.read(VaultPath.kv1("kv1", "a"));
    assertThat(vault.renewals).hasValue(1);
    assertThat(vault.logins).hasValue(4);
  }

  @Test
  void givenTokenIsLookedUpAndRenewed() {
    String token = vault.issueToken(600, true);
    VaultClient client = builder().auth(VaultAuth.token(token)).renewMargin(Duration.ofMinutes(1)).build(clock);
    client.read(VaultPath.kv1("kv1", "a"));
    assertThat(recorded("/v1/auth/token/lookup-self")).hasSize(1);

    clock.advance(Duration.ofSeconds(541));
    client.read(VaultPath.kv1("kv1", "a"));

    assertThat(vault.renewals).hasValue(1);
    assertThat(recorded("/v1/auth/token/renew-self")[0].getFirstHeader("X-Vault-Token")).isEqualTo(token);
  }

  @Test
  void permissionDeniedIsATypedErrorNamingThePathButNotTheToken() {
    String token = vault.issueToken(0, false);
    VaultClient client = builder().auth(VaultAuth.token(token)).build(clock);

    assertThatThrownBy(() -> client.read(VaultPath.kv1("other", "team/secret")))
        .isInstanceOfSatisfying(ImVaultException.class, e -> {
          assertThat(e.statusCode()).contains(403);
          assertThat(e.getMessage()).contains("GET /v1/other/team/secret", "HTTP 403", "permission denied")
              .doesNotContain(token);
        });
  }

  @Test
  void revokedLoginTokenIsReplacedByOneNewLogin() {
    VaultClient client = builder().auth(VaultAuth.jwt(StaticTokenProvider.of(jwt))).build(clock);
    client.read(VaultPath.kv1("kv1", "a"));

    vault.tokens.clear(); // e.g. revoked by an operator

    assertThat(client.read(VaultPath.kv1("kv1", "a"))).isEmpty();
    assertThat(vault.logins).hasValue(2);
  }

  @Test
  void sealedVaultIsATypedError() {
    vault.sealed = true;
    VaultClient client = builder().auth(VaultAuth.token("hvs.whatever")).build(clock);

    assertThatThrownBy(() -> client.read(VaultPath.kv1("kv1", "a")))
        .isInstanceOfSatisfying(ImVaultException.class, e -> {
          assertThat(e.statusCode()).contains(503);
          assertThat(e.getMessage()).contains("sealed").doesNotContain("hvs.whatever");
        });
  }

  @Test
  void unreachableVaultIsATypedErrorWithoutStatus() throws Exception {
    int port;
    try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getByName("127.0.0.1"))) {
      port = s.getLocalPort();
    }
    VaultClient client = VaultClient.builder(URI.create("http://127.0.0.1:" + port))
        .auth(VaultAuth.token("hvs.secret-token")).timeout(Duration.ofSeconds(2)).build(clock);

    assertThatThrownBy(() -> client.read(VaultPath.kv1("kv1", "a")))
        .isInstanceOfSatisfying(ImVaultException.class, e -> {
          assertThat(e.statusCode()).isEmpty();
          assertThat(e.getMessage()).contains("cannot reach Vault at http://127.0.0.1:" + port)
              .doesNotContain("hvs.secret-token");
        });
  }

  @Test
  void writeAndDeleteOnBothVersions() {
    VaultClient client = builder().auth(VaultAuth.token(vault.issueToken(0, false))).build(clock);

    client.write(VaultPath.kv1("kv1", "w"), Map.of("a", "1"));
    client.write(VaultPath.kv2("secret", "w"), Map.of("b", "2"));
    assertThat(vault.secrets).containsEntry("kv1/w", Map.of("a", "1")).containsEntry("secret/w", Map.of("b", "2"));

    client.delete(VaultPath.kv1("kv1", "w"));
    client.delete(VaultPath.kv2("secret", "w"));
    assertThat(vault.secrets).isEmpty();
    assertThat(recorded("/v1/secret/metadata/w")).hasSize(1);
  }

  @Test
  void closeRevokesALoginTokenOnly() {
    VaultClient login = builder().auth(VaultAuth.appRole("role-123", "secret-456")).build(clock);
    login.entityId();
    login.close();
    assertThat(vault.tokens).isEmpty();

    String given = vault.issueToken(0, false);
    VaultClient byToken = builder().auth(VaultAuth.token(given)).build(clock);
    byToken.entityId();
    byToken.close();
    assertThat(vault.tokens).containsKey(given);
  }

  @Test
  void vaultTokenProviderReadsAFieldAndCachesIt() {
    String stored = TestJwts.withExp(clock.instant().plusSeconds(3600));
    vault.secrets.put("secret/im/robot", new LinkedHashMap<>(Map.of("access_token", stored)));
    vault.versions.put("secret/im/robot", 1);
    VaultClient client = builder().auth(VaultAuth.token(vault.issueToken(0, false))).build(clock);
    VaultTokenProvider p = VaultTokenProvider.of(client, VaultPath.kv2("secret", "im/robot"), "access_token", clock);

    AccessToken t = p.token();
    p.token();

    assertThat(t.value()).isEqualTo(stored);
    assertThat(t.expiresAt()).isPresent();
    assertThat(recorded("/v1/secret/data/im/robot")).hasSize(1);
    assertThatThrownBy(VaultTokenProvider.of(client, VaultPath.kv2("secret", "im/robot"), "nope")::token)
        .isInstanceOf(ImCredentialsException.class)
        .hasMessage("Vault secret kv2:secret/im/robot has no field 'nope'");
    assertThatThrownBy(VaultTokenProvider.of(client, VaultPath.kv1("kv1", "none"), "t")::token)
        .hasMessage("Vault secret kv1:kv1/none does not exist");
  }

  @Test
  void badConfigurationIsNamed() {
    assertThatThrownBy(() -> VaultClient.builder(URI.create("ftp://vault")))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("http(s) URL");
    assertThatThrownBy(() -> builder().build()).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("auth(");
    assertThatThrownBy(() -> VaultPath.kv1("credentials", "/")).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("path");
    assertThatThrownBy(() -> new VaultPath("m", "p", 3)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("1 or 2");
    assertThat(VaultAuth.token("hvs.xyz").toString()).doesNotContain("hvs.xyz");
  }
}
