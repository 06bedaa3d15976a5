package io.github.imsdk.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StaticTokenProviderTest {

  private final TestClock clock = new TestClock(Instant.parse("2026-01-01T10:00:00Z"));

  @Test
  void literalTokenIsReturnedWithItsJwtExpiry() {
    String jwt = TestJwts.withExp(Instant.parse("2099-01-01T11:00:00Z"));

    AccessToken t = StaticTokenProvider.of(" " + jwt + "\n").token();

    assertThat(t.value()).isEqualTo(jwt);
    assertThat(t.expiresAt()).contains(Instant.parse("2099-01-01T11:00:00Z"));
    assertThat(StaticTokenProvider.of(jwt).toString()).doesNotContain(jwt);
  }

  @Test
  void environmentVariableIsReadWhenNeeded() {
    Map<String, String> env = new java.util.HashMap<>();
    StaticTokenProvider p = StaticTokenProvider.fromEnv("IM_TOKEN", env::get, clock);

    assertThatThrownBy(p::token).isInstanceOf(ImCredentialsException.class)
        .hasMessage("environment variable IM_TOKEN is not set");
    env.put("IM_TOKEN", "  ");
    assertThatThrownBy(p::token).isInstanceOf(ImCredentialsException.class)
        .hasMessage("environment variable IM_TOKEN is empty");
    env.put("IM_TOKEN", "opaque-value");
    assertThat(p.token().value()).isEqualTo("opaque-value");
    assertThat(p.token().expiresAt()).isEmpty();
  }

  @Test
  void expiredJwtIsAClearErrorWithoutTheToken() {
    // Given an environment variable holding a JWT that expired a minute ago
    String expired = TestJwts.withExp(clock.instant().minusSeconds(60));
    StaticTokenProvider p = StaticTokenProvider.fromEnv("IM_TOKEN", Map.of("IM_TOKEN", expired)::get, clock);

    // When / Then
    assertThatThrownBy(p::token)
        .isInstanceOf(ImCredentialsException.class)
        .hasMessageContaining("the token from environment variable IM_TOKEN expired at 2026-01-01T09:59:00Z")
        .hasMessageContaining("put a fresh token there")
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain(expired).doesNotContain(expired.split("\\.")[1]));
  }

  @Test
  void fileIsReadAgainWhenItChanges(@TempDir Path dir) throws Exception {
    // Given a token file
    Path file = dir.resolve("token");
    Files.writeString(file, "first-token\n");
    StaticTokenProvider p = StaticTokenProvider.fromFile(file, clock);
    assertThat(p.token().value()).isEqualTo("first-token");

    // When another process replaces it (new size and modification time)
    Files.writeString(file, "second-token-longer\n");
    Files.setLastModifiedTime(file, FileTime.from(Instant.now().plusSeconds(5)));

    // Then the new token is used
    assertThat(p.token().value()).isEqualTo("second-token-longer");
    assertThat(p.toString()).isEqualTo("StaticTokenProvider[token file " + file + "]");
  }

  @Test
  void missingOrEmptyFileIsAClearError(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("absent");
    StaticTokenProvider p = StaticTokenProvider.fromFile(file, clock);
    assertThatThrownBy(p::token).isInstanceOf(ImCredentialsException.class)
        .hasMessage("token file " + file + " does not exist");

    Files.writeString(file, "\n");
    assertThatThrownBy(p::token).isInstanceOf(ImCredentialsException.class)
        .hasMessage("token file " + file + " is empty");
  }

  @Test
  void blankLiteralIsRejected() {
    assertThatThrownBy(() -> StaticTokenProvider.of(" ")).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("blank");
    assertThatThrownBy(() -> StaticTokenProvider.fromEnv("")).isInstanceOf(IllegalArgumentException.class);
  }
}
