package io.github.imsdk.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The oidc-agent provider against a scripted agent on a temporary UNIX socket. */
class OidcAgentTokenProviderTest {

  @TempDir
  Path dir;

  private final TestClock clock = TestClock.atRealNow();
  private FakeAgent agent;

  @AfterEach
  void stopAgent() throws Exception {
    if (agent != null) {
      agent.close();
    }
  }

  private OidcAgentTokenProvider.Builder builderWithEnv() {
    return OidcAgentTokenProvider.builder().timeout(Duration.ofSeconds(5));
  }

  private OidcAgentTokenProvider provider(OidcAgentTokenProvider.Builder b) {
    return b.build(Map.of("OIDC_SOCK", agent.socket.toString())::get, clock);
  }

  @Test
  void sendsTheAgentsAccessTokenRequestAndCachesTheAnswer() throws Exception {
    // Given an agent handing out a one-hour token
    long exp = clock.instant().plusSeconds(3600).getEpochSecond();
    agent = new FakeAgent(dir, req -> FakeAgent.success("opaque-at", exp));
    OidcAgentTokenProvider p = provider(builderWithEnv().account("egi").minValidPeriod(Duration.ofMinutes(5))
        .scope("openid profile").audience("im").applicationHint("my-app"));

    // When asked twice
    AccessToken t = p.token();
    p.token();

    // Then one IPC request carried every option and the agent's expires_at became the expiry
    assertThat(t.value()).isEqualTo("opaque-at");
    assertThat(t.expiresAt()).contains(Instant.ofEpochSecond(exp));
    assertThat(agent.requests).hasSize(1);
    var req = agent.requests.get(0);
    assertThat(req.path("request").asText()).isEqualTo("access_token");
    assertThat(req.path("account").asText()).isEqualTo("egi");
    assertThat(req.has("issuer")).isFalse();
    assertThat(req.path("min_valid_period").asInt()).isEqualTo(300);
    assertThat(req.path("scope").asText()).isEqualTo("openid profile");
    assertThat(req.path("audience").asText()).isEqualTo("im");
    assertThat(req.path("application_hint").asText()).isEqualTo("my-app");
  }

  @Test
  void issuerIsSentInsteadOfAnAccount() throws Exception {
    agent = new FakeAgent(dir, req -> FakeAgent.success("t", clock.instant().plusSeconds(3600).getEpochSecond()));
    provider(builderWithEnv().issuer("https://aai.egi.eu/auth/realms/egi")).token();

    var req = agent.requests.get(0);
    assertThat(req.path("issuer").asText()).isEqualTo("https://aai.egi.eu/auth/realms/egi");
    assertThat(req.has("account")).isFalse();
    assertThat(req.path("min_valid_period").asInt()).isEqualTo(60);
    assertThat(req.path("application_hint").asText()).isEqualTo("im-java-sdk");
  }

  @Test
  void tokenNearExpiryIsAskedForAgainAndForcedWhenTheAgentHandsBackTheSameOne() throws Exception {
    // Given an agent that keeps returning its cached token unless forced (min_valid_period -1)
    AtomicInteger issued = new AtomicInteger();
    agent = new FakeAgent(dir, req -> {
      if (req.path("min_valid_period").asInt() == -1) {
        issued.incrementAndGet();
      }
      return FakeAgent.success("token-" + issued.get(), clock.instant().plusSeconds(600).getEpochSecond());
    });
    OidcAgentTokenProvider p = provider(builderWithEnv().account("egi"));
    assertThat(p.token().value()).isEqualTo("token-0");

    // When the test clock says the token is inside the 60 s margin
    clock.advance(Duration.ofSeconds(545));
    AccessToken next = p.token();

    // Then the provider asked again and, getting the same token back, forced a new one
    assertThat(next.value()).isEqualTo("token-1");
    assertThat(agent.requests).extracting(r -> r.path("min_valid_period").asInt()).containsExactly(60, 60, -1);
  }

  @Test
  void invalidateMakesTheNextRequestForceANewToken() throws Exception {
    agent = new FakeAgent(dir, req -> FakeAgent.success("t" + req.path("min_valid_period").asInt(),
        clock.instant().plusSeconds(3600).getEpochSecond()));
    OidcAgentTokenProvider p = provider(builderWithEnv().account("egi"));
    p.token();

    p.invalidate();
    AccessToken t = p.token();

    assertThat(t.value()).isEqualTo("t-1");
    assertThat(agent.requests).extracting(r -> r.path("min_valid_period").asInt()).containsExactly(60, -1);
  }

  @Test
  void unknownAccountSaysHowToCreateIt() throws Exception {
    agent = new FakeAgent(dir,
        req -> "{\"status\":\"failure\",\"error\":\"No account configured with that short name\"}");
    OidcAgentTokenProvider p = provider(builderWithEnv().account("wrong"));

    assertThatThrownBy(p::token).isInstanceOf(ImCredentialsException.class)
        .hasMessageContaining("oidc-agent has no account 'wrong'")
        .hasMessageContaining("No account configured with that short name")
        .hasMessageContaining("oidc-gen wrong");
  }

  @Test
  void accountNotLoadedSaysHowToLoadIt() throws Exception {
    agent = new FakeAgent(dir, req -> "{\"status\":\"failure\",\"error\":\"account not loaded\"}");
    assertThatThrownBy(provider(builderWithEnv().account("egi"))::token)
        .isInstanceOf(ImCredentialsException.class)
        .hasMessageContaining("account 'egi' is not loaded in oidc-agent")
        .hasMessageContaining("oidc-add egi");
  }

  @Test
  void agentsOwnErrorAndInfoAreQuoted() throws Exception {
    agent = new FakeAgent(dir, req -> "{\"status\":\"failure\",\"error\":\"invalid_grant: unknown refresh_token\","
        + "\"info\":\"Most likely the refresh token expired. To create a new one, just run:\\n\\t$ oidc-gen egi"
        + " --reauthenticate\\n\"}");
    assertThatThrownBy(provider(builderWithEnv().account("egi"))::token)
        .isInstanceOf(ImCredentialsException.class)
        .hasMessage("oidc-agent refused the token request for account 'egi': invalid_grant: unknown refresh_token"
            + " [Most likely the refresh token expired. To create a new one, just run: $ oidc-gen egi"
            + " --reauthenticate]");
  }

  @Test
  void missingSocketMeansTheAgentIsNotRunning() {
    Path absent = dir.resolve("oidc-agent.1234");
    OidcAgentTokenProvider p = builderWithEnv().account("egi")
        .build(Map.of("OIDC_SOCK", absent.toString())::get, clock);

    assertThatThrownBy(p::token).isInstanceOf(ImCredentialsException.class)
        .hasMessageContaining("oidc-agent is not running")
        .hasMessageContaining(absent + " (from OIDC_SOCK) does not exist");
  }

  @Test
  void unsetOidcSockMeansTheAgentIsNotRunning() {
    OidcAgentTokenProvider p = builderWithEnv().account("egi").build(name -> null, clock);

    assertThatThrownBy(p::token).isInstanceOf(ImCredentialsException.class)
        .hasMessageContaining("OIDC_SOCK is not set");
  }

  @Test
  void staleSocketIsAConnectionRefused() throws Exception {
    // Given a socket file nobody listens on any more (the agent died)
    Path stale = dir.resolve("stale.sock");
    try (ServerSocketChannel s = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
      s.bind(UnixDomainSocketAddress.of(stale));
    }
    assertThat(stale).exists();
    OidcAgentTokenProvider p = builderWithEnv().account("egi").socket(stale).build(name -> null, clock);

    assertThatThrownBy(p::token).isInstanceOf(ImCredentialsException.class)
        .hasMessageContaining("oidc-agent is not running: connecting to " + stale + " was refused");
  }

  @Test
  void silentAgentTimesOut() throws Exception {
    agent = new FakeAgent(dir, req -> null);
    OidcAgentTokenProvider p = provider(builderWithEnv().account("egi").timeout(Duration.ofMillis(300)));

    assertThatThrownBy(p::token).isInstanceOf(ImCredentialsException.class)
        .hasMessageContaining("oidc-agent did not answer within 300 ms");
  }

  @Test
  void garbledReplyDoesNotQuoteIt() throws Exception {
    agent = new FakeAgent(dir, req -> "{\"status\":\"success\",\"access_token\":\"secret-at");
    assertThatThrownBy(provider(builderWithEnv().account("egi"))::token)
        .isInstanceOf(ImCredentialsException.class)
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("secret-at"));
  }

  @Test
  void unreachableAgentFallsBackToTheCommandOnlyWhenAsked() throws Exception {
    // Given no agent, and a fake oidc-token program
    Path cmd = dir.resolve("oidc-token");
    Files.writeString(cmd, "#!/bin/sh\necho \"from-command $*\"\n");
    Files.setPosixFilePermissions(cmd, PosixFilePermissions.fromString("rwx------"));
    OidcAgentTokenProvider.Builder b = builderWithEnv().account("egi");

    // When no fallback was asked for, Then the agent error stands
    assertThatThrownBy(b.build(name -> null, clock)::token).hasMessageContaining("OIDC_SOCK is not set");

    // When the command fallback is set, Then its output is the token
    OidcAgentTokenProvider p = b.fallbackCommand(List.of(cmd.toString(), "egi")).build(name -> null, clock);
    assertThat(p.token().value()).isEqualTo("from-command egi");
  }

  @Test
  void reachabilityProbeAnswersWithoutThrowing() throws Exception {
    agent = new FakeAgent(dir, req -> "{\"status\":\"failure\",\"error\":\"Bad Request: Unknown request type.\"}");
    assertThat(OidcAgentTokenProvider.isAgentReachable(agent.socket, Duration.ofSeconds(2))).isTrue();
    assertThat(OidcAgentTokenProvider.isAgentReachable(dir.resolve("none"), Duration.ofSeconds(2))).isFalse();
  }

  @Test
  void builderNamesWhatIsMissing() {
    assertThatThrownBy(() -> OidcAgentTokenProvider.builder().build())
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("account short name or an issuer URL");
    assertThatThrownBy(() -> OidcAgentTokenProvider.builder().account(" "))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("account short name");
    assertThat(OidcAgentTokenProvider.account("egi")).hasToString("OidcAgentTokenProvider[account egi]");
  }
}
