package io.github.imsdk.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.imsdk.auth.internal.oidc.AgentIpc;
import java.io.File;
import java.net.InetAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.OAuth2Config;
import no.nav.security.mock.oauth2.http.OAuth2HttpResponse;
import no.nav.security.mock.oauth2.http.OAuth2HttpRouterKt;
import no.nav.security.mock.oauth2.http.Route;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;
import no.nav.security.mock.oauth2.token.OAuth2TokenProvider;
import okhttp3.Headers;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * A real oidc-agent (Debian oidc-agent-cli 4.2.6) against a local OIDC issuer (mock-oauth2-server, in process),
 * everything on 127.0.0.1 and in temporary directories. The agent is started in the foreground ({@code -d}) with
 * autoload and re-authentication disabled, and the account is added over IPC with a refresh token minted by the
 * issuer's authorization-code flow. The issuer's tokens live {@value #TOKEN_LIFETIME_S} s.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OidcAgentIntegrationTest {

  private static final long TOKEN_LIFETIME_S = 120;
  private static final String ACCOUNT = "imtest";
  private static final ObjectMapper JSON = new ObjectMapper();

  private MockOAuth2Server issuer;
  private Process agent;
  private Path home;
  private Path socket;
  private String issuerUrl;

  @BeforeAll
  void startIssuerAndAgent() throws Exception {
    String agentBinary = findOnPath("oidc-agent");
    if (agentBinary == null) {
      if ("true".equalsIgnoreCase(System.getenv("CI"))) {
        fail("CI=true but oidc-agent is not installed: install the Debian package oidc-agent-cli (.ci/run does)");
      }
      Assumptions.abort("oidc-agent is not installed (apt-get install oidc-agent-cli); skipping the real-agent test");
    }
    try {
      issuer = startIssuer();
      issuerUrl = issuer.issuerUrl("default").toString().replaceAll("/$", "");
      String refreshToken = mintRefreshToken();

      home = Files.createTempDirectory("imsdk-oidc-agent");
      socket = home.resolve("agent.sock");
      ProcessBuilder pb = new ProcessBuilder(agentBinary, "-d", "--no-autoload", "--no-autoreauthenticate",
          "--quiet", "-a", socket.toString());
      pb.environment().put("HOME", home.toString());
      pb.environment().put("OIDC_CONFIG_DIR", home.resolve("oidc-agent").toString());
      pb.environment().put("TMPDIR", home.toString());
      pb.redirectErrorStream(true).redirectOutput(home.resolve("agent.log").toFile());
      agent = pb.start();
      awaitSocket();
      addAccount(refreshToken);
    } catch (Exception | Error e) {
      stopAll();
      throw e;
    }
  }

  @AfterAll
  void stopAll() {
    if (agent != null) {
      agent.descendants().forEach(ProcessHandle::destroyForcibly);
      agent.destroy();
      try {
        if (!agent.waitFor(5, TimeUnit.SECONDS)) {
          agent.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
        }
      } catch (InterruptedException e) {
        agent.destroyForcibly();
        Thread.currentThread().interrupt();
      }
      agent = null;
    }
    if (issuer != null) {
      issuer.shutdown();
      issuer = null;
    }
    if (home != null) {
      deleteTree(home.toFile());
    }
  }

  private OidcAgentTokenProvider.Builder provider() {
    return OidcAgentTokenProvider.builder().socket(socket).timeout(Duration.ofSeconds(20));
  }

  @Test
  void agentHandsTheSdkATokenOverItsSocket() {
    // Given the real agent with the account loaded
    OidcAgentTokenProvider p = provider().account(ACCOUNT).minValidPeriod(Duration.ofSeconds(30)).build();

    // When a token is asked for
    AccessToken t = p.token();

    // Then it is the issuer's JWT for alice, with the JWT expiry
    JsonNode claims = claims(t.value());
    assertThat(claims.path("iss").asText()).isEqualTo(issuerUrl);
    assertThat(claims.path("sub").asText()).isEqualTo("alice");
    assertThat(t.expiresAt()).hasValueSatisfying(exp ->
        assertThat(exp.getEpochSecond()).isEqualTo(claims.path("exp").asLong()));
    assertThat(p.token()).isSameAs(t);
  }

  @Test
  void issuerUrlSelectsTheAccountToo() {
    AccessToken t = provider().issuer(issuerUrl).build().token();
    assertThat(claims(t.value()).path("iss").asText()).isEqualTo(issuerUrl);
  }

  @Test
  void tokenThatExpiresMidWayIsRefreshedOnTheNextRequest() {
    // Given a provider whose clock the test moves, and a first token (lifetime 120 s)
    TestClock clock = TestClock.atRealNow();
    OidcAgentTokenProvider p = provider().account(ACCOUNT).minValidPeriod(Duration.ofSeconds(30))
        .build(name -> null, clock);
    AccessToken first = p.token();

    // When, by the provider's clock, the token has run out during a long wait
    clock.advance(Duration.ofSeconds(TOKEN_LIFETIME_S + 1));
    AccessToken second = p.token();

    // Then the next request obtained a new token from the agent (which refreshed it at the issuer)
    assertThat(second.value()).isNotEqualTo(first.value());
    assertThat(claims(second.value()).path("jti").asText()).isNotEqualTo(claims(first.value()).path("jti").asText());
    assertThat(second.expiresAt().get()).isAfterOrEqualTo(first.expiresAt().get());
  }

  @Test
  void serverRejectionThenInvalidateGetsABrandNewToken() {
    OidcAgentTokenProvider p = provider().account(ACCOUNT).build();
    AccessToken first = p.token();

    p.invalidate();

    assertThat(p.token().value()).isNotEqualTo(first.value());
  }

  @Test
  void wrongAccountIsTheAgentsOwnError() {
    // Without autoload, 4.2.6 answers "account not loaded" for an account it has never heard of.
    OidcAgentTokenProvider p = provider().account("no-such-account").build();

    assertThatThrownBy(p::token).isInstanceOf(ImCredentialsException.class)
        .hasMessageContaining("account 'no-such-account' is not loaded in oidc-agent (agent said: account not loaded)")
        .hasMessageContaining("oidc-add no-such-account");
  }

  @Test
  void authFileOidcTokenCommandIsServedByTheRealAgent() {
    // Given an auth file's command(oidc-token imtest) read while the agent answers on OIDC_SOCK
    CredentialValue v = io.github.imsdk.auth.internal.oidc.OidcTokenCommand.valueFor("oidc-token " + ACCOUNT,
        Duration.ofSeconds(20), Map.of("OIDC_SOCK", socket.toString())::get,
        p -> OidcAgentTokenProvider.isAgentReachable(p, Duration.ofSeconds(5)));

    // When resolved, Then the token came over the socket (no process) and the file form is unchanged
    assertThat(claims(v.resolve()).path("sub").asText()).isEqualTo("alice");
    assertThat(v.authFileForm()).isEqualTo("command(oidc-token " + ACCOUNT + ")");
  }

  @Test
  void reachabilityProbeSeesTheRealAgent() {
    assertThat(OidcAgentTokenProvider.isAgentReachable(socket, Duration.ofSeconds(5))).isTrue();
  }

  @Test
  void measureAgentRoundTrips() {
    // Not an assertion on speed: prints the figures for the report.
    ObjectNode req = AgentIpc.newRequest("access_token").put("account", ACCOUNT).put("min_valid_period", 30)
        .put("application_hint", "im-java-sdk-measure");
    List<Long> cachedByAgent = new ArrayList<>();
    List<Long> forced = new ArrayList<>();
    for (int i = 0; i < 55; i++) {
      long t0 = System.nanoTime();
      JsonNode r = AgentIpc.exchange(socket, req, Duration.ofSeconds(20));
      long t1 = System.nanoTime();
      assertThat(r.path("status").asText()).isEqualTo("success");
      if (i >= 5) {
        cachedByAgent.add(t1 - t0);
      }
    }
    ObjectNode force = req.deepCopy().put("min_valid_period", -1);
    for (int i = 0; i < 50; i++) {
      long t0 = System.nanoTime();
      JsonNode r = AgentIpc.exchange(socket, force, Duration.ofSeconds(20));
      forced.add(System.nanoTime() - t0);
      assertThat(r.path("status").asText()).isEqualTo("success");
    }
    System.out.printf("oidc-agent round trip (agent's cached token): median %.3f ms over %d%n",
        median(cachedByAgent) / 1e6, cachedByAgent.size());
    System.out.printf("oidc-agent round trip (forced refresh at the local issuer): median %.3f ms over %d%n",
        median(forced) / 1e6, forced.size());
  }

  // --- helpers ---------------------------------------------------------------------------------------------

  private static MockOAuth2Server startIssuer() throws Exception {
    // oidc-agent 4.2.6 rejects a discovery document without scopes_supported, which the mock does not serve.
    Route wellKnown = OAuth2HttpRouterKt.get("/.well-known/openid-configuration", req -> {
      String u = req.getUrl().toString();
      String iss = u.substring(0, u.indexOf("/.well-known/"));
      ObjectNode doc = JSON.createObjectNode()
          .put("issuer", iss)
          .put("authorization_endpoint", iss + "/authorize")
          .put("token_endpoint", iss + "/token")
          .put("revocation_endpoint", iss + "/revoke")
          .put("userinfo_endpoint", iss + "/userinfo")
          .put("jwks_uri", iss + "/jwks");
      doc.putArray("scopes_supported").add("openid").add("profile").add("email").add("offline_access");
      doc.putArray("grant_types_supported").add("authorization_code").add("refresh_token");
      doc.putArray("response_types_supported").add("code");
      doc.putArray("code_challenge_methods_supported").add("plain").add("S256");
      return new OAuth2HttpResponse(Headers.of("Content-Type", "application/json"), 200, doc.toString(), null);
    });
    OAuth2Config config = new OAuth2Config(false, null, null, false, new OAuth2TokenProvider(),
        Set.of(new DefaultOAuth2TokenCallback("default", "alice", "JWT", List.of("im"), Map.of(), TOKEN_LIFETIME_S)));
    MockOAuth2Server server = new MockOAuth2Server(config, wellKnown);
    server.start(InetAddress.getByName("127.0.0.1"), 0);
    return server;
  }

  private String mintRefreshToken() throws Exception {
    HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    String redirect = "http://localhost:4242/";
    String authorize = issuerUrl + "/authorize?client_id=oidc-agent&response_type=code&state=s1&redirect_uri="
        + enc(redirect) + "&scope=" + enc("openid offline_access");
    HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(authorize)).build(),
        HttpResponse.BodyHandlers.ofString());
    String location = r.headers().firstValue("Location").orElseThrow(() -> new IllegalStateException(
        "the issuer's authorize endpoint did not redirect: " + r.statusCode()));
    String code = Arrays.stream(URI.create(location).getQuery().split("&")).filter(s -> s.startsWith("code="))
        .findFirst().orElseThrow().substring(5);
    String form = "grant_type=authorization_code&code=" + enc(code) + "&redirect_uri=" + enc(redirect)
        + "&client_id=oidc-agent&client_secret=secret";
    HttpResponse<String> tok = http.send(HttpRequest.newBuilder(URI.create(issuerUrl + "/token"))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
    String rt = JSON.readTree(tok.body()).path("refresh_token").asText("");
    if (rt.isEmpty()) {
      throw new IllegalStateException("the issuer gave no refresh token (status " + tok.statusCode() + ")");
    }
    return rt;
  }

  private void awaitSocket() throws Exception {
    // Waiting for an external process to create its socket: bounded, and it fails with the agent's log.
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    while (!OidcAgentTokenProvider.isAgentReachable(socket, Duration.ofSeconds(2))) {
      if (!agent.isAlive() || System.nanoTime() > deadline) {
        throw new IllegalStateException("oidc-agent did not start: " + Files.readString(home.resolve("agent.log")));
      }
      try {
        agent.onExit().get(50, TimeUnit.MILLISECONDS); // returns early only if the agent died
      } catch (java.util.concurrent.TimeoutException stillRunning) {
        // the agent is alive; probe its socket again
      }
    }
  }

  private void addAccount(String refreshToken) {
    ObjectNode config = JSON.createObjectNode()
        .put("name", ACCOUNT)
        .put("issuer_url", issuerUrl + "/")
        .put("client_id", "oidc-agent")
        .put("client_secret", "secret")
        .put("refresh_token", refreshToken)
        .put("scope", "openid offline_access")
        .put("cert_path", "/etc/ssl/certs/ca-certificates.crt")
        .put("audience", "")
        .put("username", "")
        .put("password", "")
        .put("device_authorization_endpoint", "")
        .put("daeSetByUser", 0)
        .put("client_name", "im-sdk-test");
    config.putArray("redirect_uris").add("http://localhost:4242");
    ObjectNode add = AgentIpc.newRequest("add");
    add.set("config", config);
    add.putObject("pw_entry").put("shortname", ACCOUNT).put("type", 1);
    add.put("confirm", 0).put("always_allow_id_token", 0);
    JsonNode reply = AgentIpc.exchange(socket, add, Duration.ofSeconds(20));
    if (!"success".equals(reply.path("status").asText())) {
      throw new IllegalStateException("oidc-agent did not accept the test account: " + reply.path("error").asText());
    }
  }

  private static JsonNode claims(String jwt) {
    try {
      return JSON.readTree(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]));
    } catch (Exception e) {
      throw new AssertionError("not a JWT", e);
    }
  }

  private static double median(List<Long> xs) {
    List<Long> s = new ArrayList<>(xs);
    s.sort(null);
    int n = s.size();
    return n % 2 == 1 ? s.get(n / 2) : (s.get(n / 2 - 1) + s.get(n / 2)) / 2.0;
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  private static String findOnPath(String name) {
    String path = System.getenv("PATH");
    if (path == null) {
      return null;
    }
    for (String d : path.split(File.pathSeparator)) {
      File f = new File(d, name);
      if (f.isFile() && f.canExecute()) {
        return f.getAbsolutePath();
      }
    }
    return null;
  }

  private static void deleteTree(File f) {
    File[] children = f.listFiles();
    if (children != null) {
      for (File c : children) {
        deleteTree(c);
      }
    }
    f.delete();
  }
}
