package io.github.imsdk.auth;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.imsdk.auth.internal.CommandRunner;
import io.github.imsdk.auth.internal.CommandValue;
import io.github.imsdk.auth.internal.oidc.OidcTokenCommand;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The auth file's {@code command(oidc-token ...)} served by oidc-agent when the agent is reachable. */
class OidcTokenCommandTest {

  private static final Duration TIMEOUT = Duration.ofSeconds(10);

  @TempDir
  Path dir;

  private FakeAgent agent;

  @AfterEach
  void stop() throws Exception {
    if (agent != null) {
      agent.close();
    }
  }

  @Test
  void oidcTokenCommandIsAnsweredByTheAgentWhenItIsReachable() throws Exception {
    // Given a reachable agent named by OIDC_SOCK
    String jwt = TestJwts.withExp(Instant.now().plusSeconds(3600));
    agent = new FakeAgent(dir, req -> req.path("request").asText().equals("access_token")
        ? FakeAgent.success(jwt, Instant.now().plusSeconds(3600).getEpochSecond())
        : "{\"status\":\"success\",\"info\":\"status\"}");
    Map<String, String> env = Map.of("OIDC_SOCK", agent.socket.toString());

    // When the auth file's command is mapped and resolved twice
    CredentialValue v = OidcTokenCommand.valueFor("oidc-token --time=300 -s openid -s profile --aud=im egi",
        TIMEOUT, env::get, p -> OidcAgentTokenProvider.isAgentReachable(p, Duration.ofSeconds(2)));
    String first = v.resolve();
    String second = v.resolve();

    // Then the agent answered once, with the command's options, and the value still writes back as the command
    assertThat(first).isEqualTo(jwt).isEqualTo(second);
    var req = agent.requests.stream().filter(r -> r.path("request").asText().equals("access_token")).toList();
    assertThat(req).hasSize(1);
    assertThat(req.get(0).path("account").asText()).isEqualTo("egi");
    assertThat(req.get(0).path("min_valid_period").asInt()).isEqualTo(300);
    assertThat(req.get(0).path("scope").asText()).isEqualTo("openid profile");
    assertThat(req.get(0).path("audience").asText()).isEqualTo("im");
    assertThat(v.authFileForm()).isEqualTo("command(oidc-token --time=300 -s openid -s profile --aud=im egi)");
    assertThat(v.toString()).isEqualTo("command(oidc-token …)");
  }

  @Test
  void agentThatGoesAwayLaterFallsBackToTheCommand() throws Exception {
    // Given the mapping was made while an agent answered
    agent = new FakeAgent(dir, req -> "{\"status\":\"success\"}");
    Path script = dir.resolve("oidc-token");
    Files.writeString(script, "#!/bin/sh\necho from-the-real-command\n");
    Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwx------"));
    CredentialValue v = OidcTokenCommand.valueFor(script + " egi", TIMEOUT,
        Map.of("OIDC_SOCK", agent.socket.toString())::get, p -> true);

    // When the agent stops before the first request
    agent.close();
    agent = null;

    // Then the original command supplies the token
    assertThat(v.resolve()).isEqualTo("from-the-real-command");
  }

  @Test
  void withoutAReachableAgentTheCommandStaysACommand() {
    assertThat(OidcTokenCommand.valueFor("oidc-token egi", TIMEOUT, name -> null, p -> true))
        .isEqualTo(new CommandValue("oidc-token egi", TIMEOUT));
    assertThat(OidcTokenCommand.valueFor("oidc-token egi", TIMEOUT,
        Map.of("OIDC_SOCK", dir.resolve("gone").toString())::get, p -> false))
        .isInstanceOf(CommandValue.class);
  }

  @Test
  void onlyOptionsTheProviderCanExpressAreMapped() {
    assertThat(OidcTokenCommand.parse(CommandRunner.split("/usr/bin/oidc-token -t 60 -f egi"))).isPresent();
    assertThat(OidcTokenCommand.parse(CommandRunner.split("oidc-token --scope openid --name=my-app egi")))
        .isPresent();
    assertThat(OidcTokenCommand.parse(CommandRunner.split("oidc-token https://aai.egi.eu/auth/realms/egi"))
        .orElseThrow().build()).hasToString("OidcAgentTokenProvider[issuer https://aai.egi.eu/auth/realms/egi]");
    assertThat(OidcTokenCommand.parse(CommandRunner.split("oidc-token http://127.0.0.1/x")).orElseThrow().build())
        .hasToString("OidcAgentTokenProvider[account http://127.0.0.1/x]");
    assertThat(OidcTokenCommand.parse(CommandRunner.split("oidc-token --id-token egi"))).isEmpty();
    assertThat(OidcTokenCommand.parse(CommandRunner.split("oidc-token -a egi"))).isEmpty();
    assertThat(OidcTokenCommand.parse(CommandRunner.split("oidc-token -t soon egi"))).isEmpty();
    assertThat(OidcTokenCommand.parse(CommandRunner.split("oidc-token egi extra"))).isEmpty();
    assertThat(OidcTokenCommand.parse(CommandRunner.split("oidc-token"))).isEmpty();
    assertThat(OidcTokenCommand.parse(CommandRunner.split("cat /tmp/token"))).isEmpty();
  }
}
