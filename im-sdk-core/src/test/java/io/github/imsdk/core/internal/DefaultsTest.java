package io.github.imsdk.core.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.imsdk.auth.AuthLine;
import io.github.imsdk.auth.Credentials;
import io.github.imsdk.auth.ImCredentialsException;
import io.github.imsdk.core.ImClientConfig;
import io.github.imsdk.core.InfrastructureManager;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DefaultsTest {

  @TempDir
  Path tmp;

  private Path cwd;
  private Path home;

  @BeforeEach
  void dirs() throws IOException {
    cwd = Files.createDirectories(tmp.resolve("work"));
    home = Files.createDirectories(tmp.resolve("home"));
  }

  private static void write(Path file, String text) throws IOException {
    Files.writeString(file, text);
  }

  @Test
  void withNothingConfiguredTheEndpointIsLocalhostAndTheAuthFileIsMissing() {
    // Given no environment and no configuration file
    Defaults d = new Defaults(Map.of(), cwd, home);

    // Then the endpoint is the Python client's default and the missing auth file is explained
    assertThat(d.endpoint()).isEqualTo("http://localhost:8800");
    assertThatThrownBy(d::authFile).isInstanceOf(ImCredentialsException.class)
        .hasMessageContaining("IM_AUTH_FILE").hasMessageContaining(".im_client.cfg")
        .hasMessageContaining("im_client.cfg");
  }

  @Test
  void theHomeFileOverridesTheCurrentDirectoryFileKeyByKey() throws IOException {
    // Given both files: the home file sets only the URL
    write(cwd.resolve("im_client.cfg"), "[im_client]\nrestapi_url = http://127.0.0.1:1111\nauth_file = auth.dat\n");
    write(home.resolve(".im_client.cfg"), "# mine\n[im_client]\nRESTAPI_URL: http://127.0.0.1:2222\n");
    Defaults d = new Defaults(Map.of(), cwd, home);

    // Then the URL comes from home, the auth file from the current directory (resolved against it)
    assertThat(d.endpoint()).isEqualTo("http://127.0.0.1:2222");
    assertThat(d.authFile()).isEqualTo(cwd.resolve("auth.dat"));
    assertThat(d.config().sources())
        .containsExactly(cwd.resolve("im_client.cfg"), home.resolve(".im_client.cfg"));
  }

  @Test
  void theEnvironmentOverridesBothFiles() throws IOException {
    write(cwd.resolve("im_client.cfg"), "[im_client]\nrestapi_url = http://127.0.0.1:1111\nauth_file = a.dat\n");
    write(home.resolve(".im_client.cfg"), "[im_client]\nauth_file = ~/b.dat\n");
    Defaults files = new Defaults(Map.of(), cwd, home);
    assertThat(files.authFile()).isEqualTo(home.resolve("b.dat"));

    Defaults env = new Defaults(Map.of("IM_URL", " http://127.0.0.1:3333 ", "IM_AUTH_FILE", "/etc/im/auth.dat"),
        cwd, home);
    assertThat(env.endpoint()).isEqualTo("http://127.0.0.1:3333");
    assertThat(env.authFile()).isEqualTo(Path.of("/etc/im/auth.dat"));
  }

  @Test
  void otherSectionsAndKeysAreIgnoredAndMalformedFilesAreNamed() throws IOException {
    write(cwd.resolve("im_client.cfg"),
        "[other]\nrestapi_url = http://wrong\n\n[im_client]\n; a comment\nxmlrpc_ssl_ca_certs = x\n"
            + "restapi_url = http://127.0.0.1:4444\n");
    assertThat(new Defaults(Map.of(), cwd, home).endpoint()).isEqualTo("http://127.0.0.1:4444");

    write(home.resolve(".im_client.cfg"), "[im_client]\nthis line has no separator\n");
    assertThatThrownBy(() -> new Defaults(Map.of(), cwd, home).endpoint())
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(".im_client.cfg line 2");
    assertThatThrownBy(() -> ImClientConfig.read(cwd.resolve("absent.cfg")))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("absent.cfg");
  }

  @Test
  void buildsAClientWithTheAuthFileCredentials() throws IOException {
    // Given an auth file named by the current-directory configuration
    write(cwd.resolve("auth.dat"), "id = im; type = InfrastructureManager; username = user; password = pass\n"
        + "id = dummy; type = Dummy\n");
    write(cwd.resolve("im_client.cfg"), "[im_client]\nrestapi_url = http://127.0.0.1:5555/im\nauth_file = auth.dat\n");
    Defaults d = new Defaults(Map.of(), cwd, home);

    // When the defaults are resolved
    Credentials c = d.credentials();
    try (InfrastructureManager im = d.builder().build()) {
      // Then the client talks to the configured endpoint with those credentials
      assertThat(im.endpoint().toString()).isEqualTo("http://127.0.0.1:5555/im");
    }
    assertThat(c.lines()).extracting(AuthLine::type).containsExactly("InfrastructureManager", "Dummy");
    assertThat(c.byId("im").orElseThrow().resolve()).containsEntry("username", "user");
  }

  @Test
  void continuationLinesAreAppendedLikeConfigParser() throws IOException {
    write(cwd.resolve("im_client.cfg"), "[im_client]\nauth_file = a\n  b\n");
    assertThat(ImClientConfig.read(cwd.resolve("im_client.cfg")).authFile()).contains("a\nb");
  }

  @Test
  void readsTheEgiGuidesConfigurationAndAuthFile() throws Exception {
    // Given the im_client.cfg and auth.dat of the EGI guide in the current directory
    for (String f : new String[] {"im_client.cfg", "auth.dat"}) {
      try (var in = getClass().getClassLoader().getResourceAsStream("seed/" + f)) {
        Files.copy(in, cwd.resolve(f));
      }
    }
    // (its auth file has command(oidc-token ...) values: a local configuration must be allowed to use them)
    assertThatThrownBy(() -> new Defaults(Map.of(), cwd, home).credentials())
        .isInstanceOf(ImCredentialsException.class).hasMessageContaining("IMSDK_ALLOW_LOCAL_CONFIG=1");
    Defaults d = new Defaults(Map.of("IMSDK_ALLOW_LOCAL_CONFIG", "1"), cwd, home);

    // When the defaults are resolved (command(...) values are not run until a request is sent)
    Credentials c = d.credentials();

    // Then the endpoint and the four active lines are those of the guide
    assertThat(d.endpoint()).isEqualTo("https://appsgrycap.i3m.upv.es:31443/im/");
    assertThat(c.lines()).extracting(l -> l.id().orElse("")).containsExactly("im", "gsi", "cesga", "iisas");
    try (InfrastructureManager im = d.builder().build()) {
      assertThat(im.endpoint().getHost()).isEqualTo("appsgrycap.i3m.upv.es");
    }
  }

  @Test
  void aCommandInAnAuthFileNamedByTheCurrentDirectoryConfigIsRefusedUnlessAllowed() throws IOException {
    // Given a cloned directory shipping im_client.cfg and an auth file whose password is a command
    write(cwd.resolve("auth.dat"), "id = im; type = InfrastructureManager; username = u; password = command(echo "
        + "pw-Zq81)\n");
    write(cwd.resolve("im_client.cfg"), "[im_client]\nrestapi_url = http://127.0.0.1:5555/im\nauth_file = auth.dat\n");

    // Then reading the defaults refuses it, says how to allow it, and quotes no value
    assertThatThrownBy(() -> new Defaults(Map.of(), cwd, home).credentials())
        .isInstanceOf(ImCredentialsException.class)
        .hasMessageContaining(cwd.resolve("auth.dat").toString()).hasMessageContaining("line 1")
        .hasMessageContaining("command(...) of 'password' is refused")
        .hasMessageContaining(cwd.resolve("im_client.cfg").toString())
        .hasMessageContaining("IMSDK_ALLOW_LOCAL_CONFIG=1").hasMessageContaining("IM_AUTH_FILE")
        .message().doesNotContain("pw-Zq81").doesNotContain("echo");

    // And the environment variable allows it, as does naming the auth file with IM_AUTH_FILE
    assertThat(new Defaults(Map.of("IMSDK_ALLOW_LOCAL_CONFIG", "1"), cwd, home).credentials().lines()).hasSize(1);
    assertThat(new Defaults(Map.of("IM_AUTH_FILE", "auth.dat"), cwd, home).credentials().lines()).hasSize(1);
  }

  @Test
  void credentialsFromElsewhereAreNotSentToAUrlOnlyTheCurrentDirectoryConfigNames() throws IOException {
    // Given the user's own auth file named by the home cfg (no URL there), and a cloned directory whose
    // im_client.cfg names only a URL
    write(home.resolve("auth.dat"), "id = im; type = InfrastructureManager; username = u; password = pw-Rd9\n");
    write(home.resolve(".im_client.cfg"), "[im_client]\nauth_file = ~/auth.dat\n");
    write(cwd.resolve("im_client.cfg"), "[im_client]\nrestapi_url = http://127.0.0.1:6666/im\n");

    // Then building the default client refuses to send the home credentials there, and says how to allow it
    Defaults d = new Defaults(Map.of(), cwd, home);
    assertThat(d.endpointOnlyFromLocalConfig()).isTrue();
    assertThatThrownBy(d::builder).isInstanceOf(ImCredentialsException.class)
        .hasMessageContaining(home.resolve("auth.dat").toString())
        .hasMessageContaining(cwd.resolve("im_client.cfg").toString())
        .hasMessageContaining("IMSDK_ALLOW_LOCAL_CONFIG=1").hasMessageContaining("IM_URL")
        .message().doesNotContain("pw-Rd9");

    // And the same with IM_AUTH_FILE naming the user's auth file
    assertThatThrownBy(() -> new Defaults(Map.of("IM_AUTH_FILE", home.resolve("auth.dat").toString()), cwd, home)
        .builder()).isInstanceOf(ImCredentialsException.class);

    // And trusting the directory, or naming the URL in the environment, allows it
    try (InfrastructureManager im = new Defaults(Map.of("IMSDK_ALLOW_LOCAL_CONFIG", "1"), cwd, home).builder()
        .build()) {
      assertThat(im.endpoint().getPort()).isEqualTo(6666);
    }
    try (InfrastructureManager im = new Defaults(Map.of("IM_URL", "http://127.0.0.1:7777"), cwd, home).builder()
        .build()) {
      assertThat(im.endpoint().getPort()).isEqualTo(7777);
    }
  }

  @Test
  void anAuthFileNamedByTheHomeConfigMayUseCommands() throws IOException {
    write(home.resolve("auth.dat"), "type = InfrastructureManager; username = u; password = command(echo x)\n");
    write(cwd.resolve("im_client.cfg"), "[im_client]\nauth_file = elsewhere.dat\n");
    write(home.resolve(".im_client.cfg"), "[im_client]\nauth_file = ~/auth.dat\n");

    Defaults d = new Defaults(Map.of(), cwd, home);

    assertThat(d.authFileFromLocalConfig()).isFalse();
    assertThat(d.credentials().lines()).hasSize(1);
  }

  @Test
  void aGroupWritableConfigurationIsRefusedWithTheFix() throws IOException {
    org.junit.jupiter.api.Assumptions.assumeTrue(
        java.nio.file.FileSystems.getDefault().supportedFileAttributeViews().contains("posix"));
    Path cfg = cwd.resolve("im_client.cfg");
    write(cfg, "[im_client]\nrestapi_url = http://127.0.0.1:5555/im\n");
    Files.setPosixFilePermissions(cfg, java.nio.file.attribute.PosixFilePermissions.fromString("rw-rw-r--"));

    assertThatThrownBy(() -> new Defaults(Map.of(), cwd, home).endpoint())
        .isInstanceOf(ImCredentialsException.class).hasMessageContaining(cfg.toString())
        .hasMessageContaining("chmod go-w");
  }
}
