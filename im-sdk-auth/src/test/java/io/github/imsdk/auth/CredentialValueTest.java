package io.github.imsdk.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CredentialValueTest {

  private static final Duration TIMEOUT = Duration.ofSeconds(20);

  @TempDir
  Path dir;

  @Test
  void fileValueIsReadAtResolveTimeAndTrimmed() throws Exception {
    // Given a token file that changes after the value was created
    Path file = dir.resolve("token");
    Files.writeString(file, "  first-token\n");
    CredentialValue value = CredentialValue.file(file);

    // When / Then each resolve reads the current content, trimmed
    assertThat(value.resolve()).isEqualTo("first-token");
    Files.writeString(file, "second-token\n\n");
    assertThat(value.resolve()).isEqualTo("second-token");
  }

  @Test
  void fileValueKeepsInnerNewlines() throws Exception {
    // Given a PEM-like file
    Path file = dir.resolve("key.pem");
    Files.writeString(file, "-----BEGIN KEY-----\nabc\n-----END KEY-----\n");

    // When / Then
    assertThat(CredentialValue.file(file).resolve()).isEqualTo("-----BEGIN KEY-----\nabc\n-----END KEY-----");
  }

  @Test
  void fileValueShowsThePathButNeverTheContent() throws Exception {
    // Given
    Path file = dir.resolve("secret.txt");
    Files.writeString(file, "s3cr3t-content");
    CredentialValue value = CredentialValue.file(file);

    // When
    String text = value.toString();

    // Then
    assertThat(text).isEqualTo("file(" + file + ")").doesNotContain("s3cr3t");
    assertThat(value.authFileForm()).isEqualTo("file(" + file + ")");
  }

  @Test
  void missingFileIsATypedErrorNamingThePath() {
    // Given
    Path missing = dir.resolve("nope");

    // When / Then
    assertThatThrownBy(() -> CredentialValue.file(missing).resolve())
        .isInstanceOf(ImCredentialsException.class)
        .hasMessageContaining("cannot read credential file " + missing)
        .hasMessageContaining("NoSuchFileException");
  }

  @Test
  void emptyFileIsATypedError() throws Exception {
    // Given
    Path empty = dir.resolve("empty");
    Files.writeString(empty, " \n");

    // When / Then
    assertThatThrownBy(() -> CredentialValue.file(empty).resolve())
        .isInstanceOf(ImCredentialsException.class)
        .hasMessageContaining("is empty");
  }

  @Test
  void commandValueReturnsStdoutWithoutLineBreaks() {
    // Given
    CredentialValue echo = CredentialValue.command("echo tok-123", TIMEOUT);
    CredentialValue printf = CredentialValue.command("printf a\\nb\\n", TIMEOUT);

    // When / Then
    assertThat(echo.resolve()).isEqualTo("tok-123");
    assertThat(printf.resolve()).isEqualTo("ab");
  }

  @Test
  void commandValueIsRunAtEachResolve() throws Exception {
    // Given a command whose output depends on a file
    Path file = dir.resolve("t");
    Files.writeString(file, "one");
    CredentialValue value = CredentialValue.command("cat " + file, TIMEOUT);

    // When / Then
    assertThat(value.resolve()).isEqualTo("one");
    Files.writeString(file, "two");
    assertThat(value.resolve()).isEqualTo("two");
  }

  @Test
  void failingCommandIsATypedErrorWithItsStderr() {
    // Given a command that exits non-zero and explains why on stderr
    CredentialValue value = CredentialValue.command("ls /no-such-dir-im-sdk-test", TIMEOUT);

    // When / Then
    assertThatThrownBy(value::resolve)
        .isInstanceOf(ImCredentialsException.class)
        .hasMessageContaining("credential command 'ls' exited with status")
        .hasMessageContaining("no-such-dir-im-sdk-test");
  }

  @Test
  void commandThatDoesNotExistIsATypedError() {
    // Given
    CredentialValue value = CredentialValue.command("im-sdk-no-such-program-xyz arg", TIMEOUT);

    // When / Then
    assertThatThrownBy(value::resolve)
        .isInstanceOf(ImCredentialsException.class)
        .hasMessageContaining("cannot run credential command 'im-sdk-no-such-program-xyz'");
  }

  @Test
  void slowCommandTimesOutWithATypedError() {
    // Given
    CredentialValue value = CredentialValue.command("sleep 30", Duration.ofMillis(300));

    // When / Then
    assertThatThrownBy(value::resolve)
        .isInstanceOf(ImCredentialsException.class)
        .hasMessageContaining("'sleep' did not finish within 300 ms");
  }

  @Test
  void commandValueShowsOnlyTheProgramName() {
    // Given a command whose arguments hold a secret
    CredentialValue value = CredentialValue.command("oidc-token --secret=hunter2 egi", TIMEOUT);

    // When / Then
    assertThat(value.toString()).isEqualTo("command(oidc-token …)").doesNotContain("hunter2");
    assertThat(CredentialValue.command("oidc-token", TIMEOUT).toString()).isEqualTo("command(oidc-token)");
    assertThat(value.authFileForm()).isEqualTo("command(oidc-token --secret=hunter2 egi)");
  }

  @Test
  void badCommandArgumentsAreRejected() {
    assertThatThrownBy(() -> CredentialValue.command("  ", TIMEOUT))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("blank");
    assertThatThrownBy(() -> CredentialValue.command("echo a\necho b", TIMEOUT))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("one line");
    assertThatThrownBy(() -> CredentialValue.command("echo", Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("positive");
  }

  @Test
  void literalAndProviderValuesAreMasked() {
    // Given
    CredentialValue literal = CredentialValue.of("hunter2");
    CredentialValue provided = CredentialValue.from(() -> AccessToken.of("hunter2"));

    // When / Then
    assertThat(literal.toString()).isEqualTo("***");
    assertThat(provided.toString()).doesNotContain("hunter2").startsWith("provider(");
    assertThat(provided.resolve()).isEqualTo("hunter2");
  }
}
