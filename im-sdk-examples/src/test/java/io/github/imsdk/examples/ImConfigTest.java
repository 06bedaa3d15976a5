package io.github.imsdk.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImConfigTest {

  @TempDir
  Path work;
  @TempDir
  Path home;

  private static Args args(String... argv) {
    return Args.parse(List.of(argv), Set.of("im-url", "auth-file"), Set.of());
  }

  @Test
  void nothingConfiguredIsEmpty() {
    assertThat(ImConfig.resolve(args(), Map.of(), work, home).isEmpty()).isTrue();
  }

  @Test
  void homeConfigOverridesTheWorkingDirectoryOneLikeThePythonClient() throws Exception {
    // Given both config files
    Files.writeString(work.resolve("im_client.cfg"), "[im_client]\nrestapi_url = http://work:8800\nauth_file = a.dat\n");
    Files.writeString(home.resolve(".im_client.cfg"), "[im_client]\nrestapi_url=https://home/im\n");

    // When resolved
    ImConfig c = ImConfig.resolve(args(), Map.of(), work, home);

    // Then the home URL wins and the auth file of the working directory one stays, relative to it
    assertThat(c.url()).contains("https://home/im");
    assertThat(c.authFile()).contains(work.resolve("a.dat"));
  }

  @Test
  void flagsBeatEnvironmentWhichBeatsConfigFiles() throws Exception {
    // Given a config file, environment and flags
    Files.writeString(work.resolve("im_client.cfg"), "[im_client]\nrestapi_url = http://cfg\nauth_file = cfg.dat\n");
    Map<String, String> env = Map.of("IM_URL", "http://env", "IM_AUTH_FILE", "env.dat");

    // When resolved with and without flags
    ImConfig fromEnv = ImConfig.resolve(args(), env, work, home);
    ImConfig fromFlags = ImConfig.resolve(args("--im-url", "http://flag", "--auth-file", "flag.dat"), env, work, home);

    // Then the precedence is flags, environment, files
    assertThat(fromEnv.url()).contains("http://env");
    assertThat(fromEnv.authFile()).contains(work.resolve("env.dat"));
    assertThat(fromFlags.url()).contains("http://flag");
    assertThat(fromFlags.authFile()).contains(work.resolve("flag.dat"));
  }
}
