package io.github.imsdk.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.imsdk.auth.AuthFile;
import io.github.imsdk.testing.EmulatorTimings;
import io.github.imsdk.testing.ImEmulator;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The CLI run in a directory that ships im_client.cfg and an auth file (a cloned repository), against the emulator:
 * command(...) values are refused unless allowed, the loaded files are named once on stderr, no secret is printed.
 */
class LocalConfigPolicyTest {

  @TempDir
  Path work;
  @TempDir
  Path home;
  private ImEmulator emulator;
  private String password;
  private Path marker;

  record Result(int code, String out, String err) {}

  @BeforeEach
  void cloneLikeDirectory() throws Exception {
    emulator = ImEmulator.builder().timings(EmulatorTimings.instant()).build();
    String text = AuthFile.toText(emulator.credentials());
    password = emulator.credentials().lines().stream().filter(l -> l.type().equals("InfrastructureManager"))
        .findFirst().orElseThrow().resolve().get("password");
    // the password comes from a command that leaves a marker file, so a test can tell whether it ran
    marker = work.resolve("ran");
    Path script = work.resolve("pw.sh");
    Files.writeString(script, "#!/bin/sh\ntouch '" + marker + "'\nprintf %s '" + password + "'\n");
    Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwx------"));
    Files.writeString(work.resolve("auth.dat"), text.replace("'" + password + "'", password)
        .replace("password = " + password, "password = command(" + script + ")"));
    Files.setPosixFilePermissions(work.resolve("auth.dat"), PosixFilePermissions.fromString("rw-------"));
    assertThat(Files.readString(work.resolve("auth.dat"))).contains("command(").doesNotContain(password);
    Files.writeString(work.resolve("im_client.cfg"),
        "[im_client]\nrestapi_url = " + emulator.endpoint() + "\nauth_file = auth.dat\n");
  }

  @AfterEach
  void stop() {
    emulator.close();
  }

  private Result run(Map<String, String> env, String... argv) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code = Main.run(argv, env, InputStream.nullInputStream(), new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8), false, work, home);
    return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  @Test
  void aCommandFromTheCurrentDirectoryConfigIsRefusedByDefaultAndTheMessageSaysHowToAllowIt() {
    Result r = run(Map.of(), "list");

    assertThat(r.code()).as(r.err()).isEqualTo(1);
    // im_client prints an operation's failure on stdout
    assertThat(r.out() + r.err()).contains("command(...) of 'password' is refused")
        .contains("--allow-local-config-commands").contains("IMSDK_ALLOW_LOCAL_CONFIG=1")
        .contains(work.resolve("im_client.cfg").toString()).doesNotContain(password);
    assertThat(marker).doesNotExist();
  }

  @Test
  void theFlagAllowsIt() {
    Result r = run(Map.of(), "list", "--allow-local-config-commands");

    assertThat(r.code()).as(r.err()).isZero();
    assertThat(marker).exists();
    assertThat(r.out() + r.err()).doesNotContain(password);
  }

  @Test
  void theEnvironmentVariableAllowsItAndTheLoadedFilesAreNamedOnceOnStderr() {
    Result r = run(Map.of("IMSDK_ALLOW_LOCAL_CONFIG", "1"), "list");

    assertThat(r.code()).as(r.err()).isZero();
    assertThat(marker).exists();
    assertThat(r.err().lines().filter(l -> l.startsWith("im-sdk: configuration from ")).toList())
        .containsExactly("im-sdk: configuration from " + work.resolve("im_client.cfg") + "; auth file "
            + work.resolve("auth.dat"));
    assertThat(r.out() + r.err()).doesNotContain(password);
  }

  @Test
  void aGroupWritableAuthFileIsRefusedByTheCli() throws Exception {
    Files.setPosixFilePermissions(work.resolve("auth.dat"), PosixFilePermissions.fromString("rw-rw----"));

    Result r = run(Map.of("IMSDK_ALLOW_LOCAL_CONFIG", "1"), "list");

    assertThat(r.code()).isEqualTo(1);
    assertThat(r.out() + r.err()).contains("chmod go-w " + work.resolve("auth.dat")).doesNotContain(password);
    assertThat(marker).doesNotExist();
  }

  @Test
  void homeCredentialsAreNotSentToAUrlOnlyTheCurrentDirectoryConfigNames() throws Exception {
    // Given the user's own auth file (no command) named by the home cfg, and a cloned directory whose im_client.cfg
    // names only a URL (the emulator stands for the server that directory chose)
    Files.writeString(home.resolve("auth.dat"), AuthFile.toText(emulator.credentials()));
    Files.setPosixFilePermissions(home.resolve("auth.dat"), PosixFilePermissions.fromString("rw-------"));
    Files.writeString(home.resolve(".im_client.cfg"), "[im_client]\nauth_file = ~/auth.dat\n");
    Files.writeString(work.resolve("im_client.cfg"), "[im_client]\nrestapi_url = " + emulator.endpoint() + "\n");

    // When the CLI runs there
    Result refused = run(Map.of(), "list");

    // Then nothing is sent, and the message says why and how to allow it
    assertThat(refused.code()).as(refused.err()).isEqualTo(1);
    assertThat(refused.out() + refused.err())
        .contains("refusing to send the credentials of " + home.resolve("auth.dat"))
        .contains(work.resolve("im_client.cfg").toString()).contains("--allow-local-config-commands")
        .contains("IMSDK_ALLOW_LOCAL_CONFIG=1").contains("--im-url").doesNotContain(password);
    assertThat(emulator.journal().requests()).isEmpty();

    // And with the directory trusted, or the URL given on the command line, the call goes through
    assertThat(run(Map.of(), "list", "--allow-local-config-commands").code()).isZero();
    assertThat(run(Map.of(), "list", "--im-url", emulator.endpoint().toString()).code()).isZero();
  }
}
