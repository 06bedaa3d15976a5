package io.github.imsdk.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The IM credential store in the layout the IM server and the IM dashboard use, on a fake Vault. */
class VaultCredentialStoreTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static FakeVault vault;
  private VaultClient client;

  @BeforeAll
  static void start() {
    vault = new FakeVault();
  }

  @AfterAll
  static void stop() {
    vault.stop();
  }

  @BeforeEach
  void reset() {
    vault.reset();
    // Logged in the way the dashboard and IM do: JWT login with the user's access token.
    client = VaultClient.builder(URI.create(vault.address())).timeout(Duration.ofSeconds(5))
        .auth(VaultAuth.jwt(StaticTokenProvider.of(TestJwts.withExp(Instant.now().plusSeconds(3600))), "im"))
        .build();
  }

  private static AuthLine openStack(String id, String password) {
    return AuthLine.builder("OpenStack").id(id).set("host", "https://keystone.example.org:5000")
        .set("username", "user").set("password", password).set("tenant", "proj").set("auth_version", "3.x_password")
        .build();
  }

  @Test
  void roundTripInTheLayoutTheImServerReads() throws Exception {
    // Given the default store (KV 1, credentials/<entity_id>)
    VaultCredentialStore store = VaultCredentialStore.of(client);

    // When two credentials are put
    store.put(openStack("ost", "p;a=ss"));
    store.put(AuthLine.builder("OpenNebula").id("one").set("host", "oneserver:2633").set("username", "u")
        .set("password", "pw").build());

    // Then one secret at credentials/<entity_id> holds one JSON string per id, enabled, as the dashboard writes
    Map<String, Object> secret = vault.secrets.get("credentials/ent-7f3a");
    assertThat(secret).containsOnlyKeys("ost", "one");
    JsonNode ost = JSON.readTree((String) secret.get("ost"));
    assertThat(ost.path("id").asText()).isEqualTo("ost");
    assertThat(ost.path("type").asText()).isEqualTo("OpenStack");
    assertThat(ost.path("password").asText()).isEqualTo("p;a=ss");
    assertThat(ost.path("enabled").asInt()).isEqualTo(1);
    assertThat(store.secret()).isEqualTo(VaultPath.kv1("credentials", "ent-7f3a"));

    // And reading gives the same lines back
    assertThat(store.list()).extracting(VaultCredential::id).containsExactly("ost", "one");
    VaultCredential read = store.get("ost").orElseThrow();
    assertThat(read.enabled()).isTrue();
    assertThat(read.line().resolve()).containsExactlyEntriesOf(openStack("ost", "p;a=ss").resolve());
  }

  @Test
  void enableDisableDeleteAndEnabledLines() {
    VaultCredentialStore store = VaultCredentialStore.of(client);
    store.put(openStack("a", "pa"));
    store.put(openStack("b", "pb"));

    // When one is disabled
    assertThat(store.setEnabled("a", false)).isTrue();
    assertThat(store.setEnabled("missing", false)).isFalse();

    // Then it stays stored but is left out of the lines to send, and a later put keeps it disabled
    assertThat(store.get("a").orElseThrow().enabled()).isFalse();
    assertThat(store.enabledLines()).extracting(l -> l.id().orElseThrow()).containsExactly("b");
    store.put(openStack("a", "new-password"));
    assertThat(store.get("a").orElseThrow().enabled()).isFalse();
    assertThat(store.get("a").orElseThrow().line().resolve()).containsEntry("password", "new-password");

    // When both are deleted, Then the secret itself is deleted with the last one
    assertThat(store.delete("a")).isTrue();
    assertThat(vault.secrets).containsKey("credentials/ent-7f3a");
    assertThat(store.delete("b")).isTrue();
    assertThat(store.delete("b")).isFalse();
    assertThat(vault.secrets).doesNotContainKey("credentials/ent-7f3a");
    assertThat(store.list()).isEmpty();
  }

  @Test
  void readsWhatTheDashboardWrote() {
    // Given entries exactly as im-dashboard stores them (one disabled, one without the flag)
    Map<String, Object> secret = new LinkedHashMap<>();
    secret.put("one", "{\"id\":\"one\",\"type\":\"OpenNebula\",\"host\":\"oneserver:2633\",\"username\":\"user\","
        + "\"password\":\"pass\",\"enabled\":1}");
    secret.put("egi", "{\"id\":\"egi\",\"type\":\"fedcloud\",\"host\":\"CESGA\",\"vo\":\"vo.access.egi.eu\","
        + "\"enabled\":0}");
    secret.put("dock", "{\"id\":\"dock\",\"type\":\"Docker\",\"host\":\"https://h:2376\"}");
    vault.secrets.put("credentials/ent-7f3a", secret);

    // When listed
    List<VaultCredential> all = VaultCredentialStore.of(client).list();

    // Then flags follow the IM server's rule (missing = enabled) and values are literals
    assertThat(all).extracting(VaultCredential::id, VaultCredential::enabled)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("one", true),
            org.assertj.core.groups.Tuple.tuple("egi", false), org.assertj.core.groups.Tuple.tuple("dock", true));
    assertThat(all.get(0).line().resolve()).containsEntry("password", "pass").doesNotContainKey("enabled");
    assertThat(all.get(0).toString()).doesNotContain("pass\"").contains("***");
  }

  @Test
  void corruptEntryIsNamedButNotQuoted() {
    vault.secrets.put("credentials/ent-7f3a", new LinkedHashMap<>(Map.of("bad", "{\"password\":\"hunter2\"}")));

    assertThatThrownBy(() -> VaultCredentialStore.of(client).list())
        .isInstanceOf(ImCredentialsException.class)
        .hasMessage("Vault credential 'bad' in kv1:credentials/ent-7f3a is not a JSON object with a 'type'");
  }

  @Test
  void explicitKv2Secret() {
    VaultCredentialStore store = VaultCredentialStore.at(client, VaultPath.kv2("secret", "im/creds"));
    store.put(openStack("ost", "pw"));

    assertThat(vault.secrets).containsKey("secret/im/creds");
    assertThat(store.get("ost")).isPresent();
  }

  @Test
  void tokenWithoutEntityNeedsAnExplicitPath() {
    vault.entityId = "";
    VaultClient root = VaultClient.builder(URI.create(vault.address()))
        .auth(VaultAuth.token(vault.issueToken(0, false))).build();

    assertThatThrownBy(() -> VaultCredentialStore.of(root).list())
        .isInstanceOf(ImCredentialsException.class)
        .hasMessageContaining("has no identity entity");
  }

  @Test
  void permissionDeniedOnTheStoreIsTyped() {
    // Given a token whose policies do not cover credentials/
    vault.allowedPrefixes = java.util.Set.of("secret/");

    // When / Then
    assertThatThrownBy(() -> VaultCredentialStore.of(client).put(openStack("ost", "hunter2")))
        .isInstanceOfSatisfying(ImVaultException.class, e -> {
          assertThat(e.statusCode()).contains(403);
          assertThat(e.getMessage()).contains("/v1/credentials/ent-7f3a").doesNotContain("hunter2");
        });
  }

  @Test
  void lineWithoutIdIsRejected() {
    VaultCredentialStore store = VaultCredentialStore.of(client);
    assertThatThrownBy(() -> store.put(AuthLine.builder("EC2").set("username", "k").set("password", "s").build()))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("needs an id");
  }
}
