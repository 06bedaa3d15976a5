package io.github.imsdk.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CommandTokenProviderTest {

  @TempDir
  Path dir;

  private final TestClock clock = TestClock.atRealNow();

  private Path script(String name, String body) throws Exception {
    Path p = dir.resolve(name);
    Files.writeString(p, "#!/bin/sh\n" + body + "\n");
    Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwx------"));
    return p;
  }

  @Test
  void tokenIsWhatTheCommandPrintsAndIsCachedUntilNearExpiry() throws Exception {
    // Given a command printing a one-hour JWT and counting its runs
    String jwt = TestJwts.withExp(clock.instant().plusSeconds(3600));
    Path count = dir.resolve("count");
    Path cmd = script("oidc-token", "echo run >> " + count + "\necho '" + jwt + "'");
    CommandTokenProvider p = CommandTokenProvider.of(List.of(cmd.toString(), "egi"), Duration.ofSeconds(20), clock);

    // When asked twice, then after the token nears its expiry
    AccessToken first = p.token();
    AccessToken again = p.token();
    clock.advance(Duration.ofMinutes(59).plusSeconds(1));
    p.token();

    // Then the command ran twice and its output became the token with the JWT expiry
    assertThat(first.value()).isEqualTo(jwt);
    assertThat(again).isSameAs(first);
    assertThat(first.expiresAt()).contains(Instant.ofEpochSecond(clock.instant().minusSeconds(3541)
        .plusSeconds(3600).getEpochSecond()));
    assertThat(Files.readAllLines(count)).hasSize(2);
  }

  @Test
  void nonZeroExitQuotesStderrButNeverStdout() throws Exception {
    Path cmd = script("oidc-token", "echo secret-on-stdout\necho 'Error: No account configured with that short name' >&2\nexit 1");
    CommandTokenProvider p = CommandTokenProvider.of(cmd + " egi", Duration.ofSeconds(20));

    assertThatThrownBy(p::token)
        .isInstanceOf(ImCredentialsException.class)
        .hasMessageContaining("exited with status 1")
        .hasMessageContaining("Error: No account configured with that short name")
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("secret-on-stdout"));
  }

  @Test
  void hangingCommandIsStoppedAtTheTimeout() throws Exception {
    Path cmd = script("hang", "exec sleep 30");
    CommandTokenProvider p = CommandTokenProvider.of(cmd.toString(), Duration.ofMillis(300));

    assertThatThrownBy(p::token)
        .isInstanceOf(ImCredentialsException.class)
        .hasMessageContaining("did not finish within 300 ms");
  }

  @Test
  void missingProgramIsNamed() {
    CommandTokenProvider p = CommandTokenProvider.of("/nonexistent/oidc-token egi");
    assertThatThrownBy(p::token)
        .isInstanceOf(ImCredentialsException.class)
        .hasMessageContaining("cannot run credential command '/nonexistent/oidc-token'");
    assertThat(p).hasToString("CommandTokenProvider[/nonexistent/oidc-token]");
  }

  @Test
  void invalidateRunsTheCommandAgain() throws Exception {
    Path count = dir.resolve("count");
    Path cmd = script("opaque", "echo run >> " + count + "\necho opaque-token");
    CommandTokenProvider p = CommandTokenProvider.of(cmd.toString());
    p.token();
    p.token();
    p.invalidate();
    p.token();
    assertThat(Files.readAllLines(count)).hasSize(2);
    assertThat(Set.of(p.token().value())).containsExactly("opaque-token");
  }

  @Test
  void badArgumentsAreRejected() {
    assertThatThrownBy(() -> CommandTokenProvider.of("  ")).isInstanceOf(ImCredentialsException.class);
    assertThatThrownBy(() -> CommandTokenProvider.of("x", Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("timeout");
  }
}
