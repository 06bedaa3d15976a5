package io.github.imsdk.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class AuthLinesTest {

  /** Every factory, with the type it must produce and what an empty line lacks. */
  static Stream<Arguments> types() {
    return Stream.of(
        Arguments.of("InfrastructureManager", (Supplier<AuthLines.Builder>) AuthLines::infrastructureManager,
            "password and username, or token"),
        Arguments.of("VMRC", (Supplier<AuthLines.Builder>) AuthLines::vmrc, "host"),
        Arguments.of("Vault", (Supplier<AuthLines.Builder>) AuthLines::vault, "host; token"),
        Arguments.of("OpenNebula", supplier("one", AuthLines::openNebula), "host; username; password"),
        Arguments.of("OpenStack", supplier("ost", AuthLines::openStack), "host; username; password; tenant, or proxy"),
        Arguments.of("EGI", supplier("egi", AuthLines::egi), "host; vo; token"),
        Arguments.of("EGIIS", supplier("egiis", AuthLines::egiis), "vo; token"),
        Arguments.of("EC2", supplier("ec2", AuthLines::ec2), "username; password"),
        Arguments.of("Azure", supplier("az", AuthLines::azure),
            "subscription_id; client_id and secret and tenant, or password and username"),
        Arguments.of("GCE", supplier("gce", AuthLines::gce), "username; password; project"),
        Arguments.of("Kubernetes", supplier("k8s", AuthLines::kubernetes), "host; token, or password and username"),
        Arguments.of("KubeVirt", supplier("kv", AuthLines::kubeVirt), "host"),
        Arguments.of("Docker", supplier("dock", AuthLines::docker), "host"),
        Arguments.of("OSCAR", supplier("oscar", AuthLines::oscar), "host; password and username, or token"),
        Arguments.of("Lambda", supplier("lambda", AuthLines::lambda), "username; password; role"),
        Arguments.of("Linode", supplier("linode", AuthLines::linode), "username"),
        Arguments.of("CloudStack", supplier("cs", AuthLines::cloudStack), "host; username; password"),
        Arguments.of("vSphere", supplier("vs", AuthLines::vsphere), "host; username; password"),
        Arguments.of("Orange", supplier("orange", AuthLines::orange), "username; password"),
        Arguments.of("LibCloud", supplier("lc", AuthLines::libCloud), "driver"),
        Arguments.of("Dummy", supplier("dummy", AuthLines::dummy), null),
        Arguments.of("DeployedNode", supplier("dn", AuthLines::deployedNode), null));
  }

  private static Supplier<AuthLines.Builder> supplier(String id, java.util.function.Function<String, AuthLines.Builder> f) {
    return () -> f.apply(id);
  }

  /** Every named setter, with a value that is secret (S3CRET) or harmless. */
  private static final Map<String, BiConsumer<AuthLines.Builder, String>> SETTERS = Map.ofEntries(
      Map.entry("host", AuthLines.Builder::host),
      Map.entry("username", AuthLines.Builder::username),
      Map.entry("password", AuthLines.Builder::password),
      Map.entry("token", AuthLines.Builder::token),
      Map.entry("tenant", AuthLines.Builder::tenant),
      Map.entry("auth_version", AuthLines.Builder::authVersion),
      Map.entry("domain", AuthLines.Builder::domain),
      Map.entry("api_version", AuthLines.Builder::apiVersion),
      Map.entry("region", AuthLines.Builder::region),
      Map.entry("vo", AuthLines.Builder::vo),
      Map.entry("project", AuthLines.Builder::project),
      Map.entry("namespace", AuthLines.Builder::namespace),
      Map.entry("subscription_id", AuthLines.Builder::subscriptionId),
      Map.entry("client_id", AuthLines.Builder::clientId),
      Map.entry("secret", AuthLines.Builder::secret),
      Map.entry("public_key", AuthLines.Builder::publicKey),
      Map.entry("private_key", AuthLines.Builder::privateKey),
      Map.entry("role", AuthLines.Builder::role),
      Map.entry("driver", AuthLines.Builder::driver),
      Map.entry("path", AuthLines.Builder::path),
      Map.entry("mount_point", AuthLines.Builder::mountPoint));

  private static boolean isSecret(String type, String key) {
    return switch (key) {
      case "password", "token", "secret", "private_key" -> true;
      case "username" -> List.of("EC2", "Lambda", "Linode", "CloudStack").contains(type);
      default -> false;
    };
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("types")
  void eachFactoryMakesItsTypeAndChecksTheRequiredKeys(String type, Supplier<AuthLines.Builder> factory,
      String missing) {
    // Given an empty line of the type
    AuthLines.Builder empty = factory.get();

    // When / Then build() names what is missing, or succeeds when nothing is required
    if (missing == null) {
      assertThat(empty.build().type()).isEqualTo(type);
    } else {
      assertThatThrownBy(empty::build)
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageStartingWith("the " + type + " auth line")
          .hasMessageEndingWith(" is missing " + missing);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("types")
  void everyTypeNeverPrintsASecretAndSendsEveryValue(String type, Supplier<AuthLines.Builder> factory,
      String ignored) {
    // Given every key the type accepts, secrets marked S3CRET
    AuthLines.Builder builder = factory.get();
    List<String> accepted = new ArrayList<>();
    SETTERS.forEach((key, setter) -> {
      String value = (isSecret(type, key) ? "S3CRET-" : "v-") + key;
      try {
        setter.accept(builder, value);
        accepted.add(key);
      } catch (IllegalArgumentException e) {
        assertThat(e).hasMessageContaining(type + " auth lines have no '" + key + "' key");
      }
    });
    if (type.equals("OpenStack")) {
      builder.set("proxy", "S3CRET-proxy").set("auth_token", CredentialValue.of("S3CRET-auth"));
    }

    // When
    AuthLine line = builder.build();
    Credentials credentials = Credentials.of(line);

    // Then no secret is printed, yet every value is sent
    assertThat(line.type()).isEqualTo(type);
    assertThat(line.toString()).doesNotContain("S3CRET").contains("type = " + type);
    assertThat(credentials.toString()).doesNotContain("S3CRET");
    assertThat(line.values().keySet()).containsAll(accepted);
    Map<String, String> parsed = Credentials.parseHeader(credentials.toAuthorizationHeader()).lines().get(0)
        .resolve();
    accepted.forEach(key -> assertThat(parsed.get(key)).endsWith(key));
  }

  @Test
  void openStackOidcLineMatchesTheSeedAuthFile() {
    // Given the gsi site of the EGI guide's auth.dat, built with typed setters
    CredentialValue token = CredentialValue.command("oidc-token egi", AuthFile.DEFAULT_COMMAND_TIMEOUT);
    AuthLine built = AuthLines.openStack("gsi")
        .host("https://egiosc.gsi.de:5000/v3")
        .username("egi.eu")
        .tenant("openid")
        .password(token)
        .authVersion("3.x_oidc_access_token")
        .domain("VO:vo.access.egi.eu")
        .build();

    // When
    AuthLine fromFile = AuthFile.read(seed()).byId("gsi").orElseThrow();

    // Then
    assertThat(built).isEqualTo(fromFile);
    assertThat(built.toString()).isEqualTo("AuthLine[id = gsi; type = OpenStack; host = https://egiosc.gsi.de:5000/v3;"
        + " username = egi.eu; tenant = openid; password = command(oidc-token …);"
        + " auth_version = 3.x_oidc_access_token; domain = VO:vo.access.egi.eu]");
  }

  private static Path seed() {
    try {
      return Path.of(AuthLinesTest.class.getResource("/seed/auth.dat").toURI());
    } catch (java.net.URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void infrastructureManagerLineTakesItsTokenFromAProvider() {
    // Given
    TokenProvider provider = () -> AccessToken.of("jwt-1");

    // When
    AuthLine im = AuthLines.infrastructureManager().id("im").token(provider).build();

    // Then
    assertThat(Credentials.of(im).toAuthorizationHeader())
        .isEqualTo("id = im; type = InfrastructureManager; token = jwt-1");
    assertThat(im.isInfrastructureManager()).isTrue();
  }

  @Test
  void aKeyTheTypeDoesNotReadIsRefusedUnlessSetExplicitly() {
    // Given
    AuthLines.Builder docker = AuthLines.docker("d").host("https://h:2376");

    // When / Then
    assertThatThrownBy(() -> docker.tenant("t"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Docker auth lines have no 'tenant' key (IM reads host, private_key, public_key);"
            + " use set(\"tenant\", value) to send it anyway");
    assertThat(docker.set("tenant", "t").build().value("tenant").orElseThrow().resolve()).isEqualTo("t");
  }

  @Test
  void filesAndCommandsCanFeedTypedKeys() {
    // Given
    Path cert = Path.of("client-cert.pem");
    Path key = Path.of("client-key.pem");

    // When
    AuthLine line = AuthLines.docker("d").host("https://h:2376")
        .publicKey(CredentialValue.file(cert)).privateKey(CredentialValue.file(key)).build();

    // Then
    assertThat(line.toString()).isEqualTo("AuthLine[id = d; type = Docker; host = https://h:2376;"
        + " public_key = file(client-cert.pem); private_key = file(client-key.pem)]");
    assertThat(AuthFile.toText(Credentials.of(line))).isEqualTo("id = d; type = Docker; host = https://h:2376;"
        + " public_key = file(client-cert.pem); private_key = file(client-key.pem)\n");
  }

  @Test
  void invalidIdsAreRefused() {
    assertThatThrownBy(() -> AuthLines.openStack("1st"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("the auth line id is invalid").hasMessageNotContaining("1st");
    assertThatThrownBy(() -> AuthLines.infrastructureManager().id("a b"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("the auth line id is invalid").hasMessageNotContaining("a b");
  }

  @Test
  void alternativesAreSatisfiedByEitherGroup() {
    // Given / When
    AuthLine sp = AuthLines.azure("az").subscriptionId("sub").clientId("c").secret("s").tenant("t").build();
    AuthLine user = AuthLines.azure("az").subscriptionId("sub").username("u").password("p").build();
    AuthLine k8sToken = AuthLines.kubernetes("k").host("https://k").token("t").build();

    // Then
    assertThat(sp.values()).containsOnlyKeys("subscription_id", "client_id", "secret", "tenant");
    assertThat(user.values()).containsOnlyKeys("subscription_id", "username", "password");
    assertThat(k8sToken.values()).containsOnlyKeys("host", "token");
    assertThatThrownBy(() -> AuthLines.azure("az").subscriptionId("s").clientId("c").build())
        .hasMessageEndingWith("is missing secret and tenant, or password and username");
    assertThatThrownBy(() -> AuthLines.openStack("o").host("h").username("u").password("p").build())
        .hasMessage("the OpenStack auth line 'o' is missing tenant, or proxy");
    assertThat(AuthLines.openStack("o").host("h").username("u").password("p").set("proxy", "x").build()
        .values()).containsKey("proxy");
  }

  @Test
  void commandValuesOnTypedKeysPrintOnlyTheProgram() {
    // Given
    AuthLine egi = AuthLines.egi("site").host("IN2P3-IRES").vo("vo.example.eu")
        .token(CredentialValue.command("oidc-token --pw=S3CRET egi", Duration.ofSeconds(5))).build();

    // When / Then
    assertThat(egi.toString()).isEqualTo(
        "AuthLine[id = site; type = EGI; host = IN2P3-IRES; vo = vo.example.eu; token = command(oidc-token …)]");
  }

  @Test
  void toStringMasksUserInfoInAPublicUrlValue() {
    // Given a host URL that carries user:password@
    AuthLine line = AuthLine.builder("Docker").id("d").set("host", "https://admin:hunter2@h:2376/x")
        .set("base_url", "http://tok3n@h2").build();

    // Then toString keeps the host but masks the user info
    assertThat(line.toString()).doesNotContain("hunter2", "admin", "tok3n")
        .contains("host = https://***@h:2376/x", "base_url = http://***@h2");
  }
}
