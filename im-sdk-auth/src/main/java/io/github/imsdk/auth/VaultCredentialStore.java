package io.github.imsdk.auth;

import io.github.imsdk.auth.internal.vault.StoredCredentials;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Reads and writes a user's IM credentials in Vault, in the layout the IM server reads when it is configured
 * with {@code VAULT_URL} (and the IM dashboard writes): one secret per user, by default KV version 1 at
 * {@code credentials/<entity_id>}, holding one entry per credential {@code id} whose value is the JSON text of the
 * credential, e.g. {@code {"id":"one","type":"OpenNebula","host":"...","username":"...","password":"...",
 * "enabled":1}}.
 *
 * <pre>{@code
 * try (VaultClient vault = VaultClient.builder(URI.create("https://vault.example.org:8200"))
 *     .auth(VaultAuth.jwt(OidcAgentTokenProvider.account("egi"), "im")).build()) {
 *   VaultCredentialStore store = VaultCredentialStore.of(vault);
 *   store.put(AuthLine.builder("OpenStack").id("ost").set("host", "https://keystone:5000")...build());
 *   store.setEnabled("old-site", false);
 * }
 * }</pre>
 *
 * <p>Every change reads the whole secret, modifies one entry and writes the whole secret back (KV 1 has no
 * check-and-set), so two concurrent writers can lose an update; this is how the dashboard works too. Removing the
 * last entry deletes the secret.
 */
public final class VaultCredentialStore {

  /** The KV mount the IM server reads unless configured otherwise. */
  public static final String DEFAULT_MOUNT = "credentials";

  private final VaultClient client;
  private final VaultPath fixedPath;
  private final String mount;

  private VaultCredentialStore(VaultClient client, VaultPath fixedPath, String mount) {
    this.client = client;
    this.fixedPath = fixedPath;
    this.mount = mount;
  }

  /**
   * Returns the store the IM server uses by default: KV 1 at {@code credentials/<entity_id>}, the entity id being
   * that of the client's Vault token (learned at the first call).
   */
  public static VaultCredentialStore of(VaultClient client) {
    return of(client, DEFAULT_MOUNT);
  }

  /** Returns the KV 1 store at {@code <mount>/<entity_id>} (the server's {@code VAULT_MOUNT_POINT}). */
  public static VaultCredentialStore of(VaultClient client, String mount) {
    Objects.requireNonNull(client, "client");
    VaultPath.kv1(mount, "check"); // validates the mount name now, not at the first call
    return new VaultCredentialStore(client, null, mount);
  }

  /** Returns the store at an explicit secret, e.g. the server's {@code VAULT_PATH} or a KV 2 store of your own. */
  public static VaultCredentialStore at(VaultClient client, VaultPath secret) {
    Objects.requireNonNull(client, "client");
    Objects.requireNonNull(secret, "secret");
    return new VaultCredentialStore(client, secret, secret.mount());
  }

  /**
   * Returns the secret this store reads and writes.
   *
   * @throws ImCredentialsException if it is derived from the entity id and the token has none
   */
  public VaultPath secret() {
    return fixedPath != null ? fixedPath : VaultPath.kv1(mount, client.entityId());
  }

  /**
   * Returns every stored credential, enabled or not, in stored order.
   *
   * @throws ImCredentialsException if an entry is not a JSON object with a {@code type}, or Vault fails
   */
  public List<VaultCredential> list() {
    VaultPath secret = secret();
    List<VaultCredential> out = new ArrayList<>();
    client.read(secret).orElse(Map.of())
        .forEach((id, json) -> out.add(StoredCredentials.parse(id, json, secret.toString())));
    return out;
  }

  /** Returns the stored credential with this id. */
  public Optional<VaultCredential> get(String id) {
    Objects.requireNonNull(id, "id");
    VaultPath secret = secret();
    return client.read(secret).map(m -> m.get(id)).map(json -> StoredCredentials.parse(id, json,
        secret.toString()));
  }

  /**
   * Returns the lines of the enabled credentials, as stored, to add to the {@link Credentials} sent to IM. The
   * rewrites the IM server applies when it reads Vault itself (a {@code fedcloud} entry becoming an OpenStack line,
   * the caller's access token injected into EGI and OIDC OpenStack lines) are not applied here.
   */
  public List<AuthLine> enabledLines() {
    List<AuthLine> out = new ArrayList<>();
    for (VaultCredential c : list()) {
      if (c.enabled()) {
        out.add(c.line());
      }
    }
    return out;
  }

  /**
   * Adds or replaces the credential with {@code line}'s id. Its values are resolved now and stored as literals;
   * a new credential is enabled, a replaced one keeps its enabled flag.
   *
   * @throws IllegalArgumentException if the line has no id
   * @throws ImCredentialsException if a value cannot be resolved, or Vault fails
   */
  public void put(AuthLine line) {
    Objects.requireNonNull(line, "line");
    String id = line.id().orElseThrow(() -> new IllegalArgumentException(
        "a credential stored in Vault needs an id (it is the key of its entry); got " + line));
    Map<String, String> fields = line.resolve();
    VaultPath secret = secret();
    Map<String, String> all = new LinkedHashMap<>(client.read(secret).orElse(Map.of()));
    boolean enabled = !all.containsKey(id) || StoredCredentials.parse(id, all.get(id), secret.toString()).enabled();
    all.put(id, StoredCredentials.format(fields, enabled));
    client.write(secret, all);
  }

  /**
   * Enables or disables the credential with this id.
   *
   * @return false if there is no such credential
   */
  public boolean setEnabled(String id, boolean enabled) {
    Objects.requireNonNull(id, "id");
    VaultPath secret = secret();
    Map<String, String> all = new LinkedHashMap<>(client.read(secret).orElse(Map.of()));
    String json = all.get(id);
    if (json == null) {
      return false;
    }
    all.put(id, StoredCredentials.withEnabled(id, json, enabled, secret.toString()));
    client.write(secret, all);
    return true;
  }

  /**
   * Removes the credential with this id; removing the last one deletes the secret.
   *
   * @return false if there was no such credential
   */
  public boolean delete(String id) {
    Objects.requireNonNull(id, "id");
    VaultPath secret = secret();
    Map<String, String> all = new LinkedHashMap<>(client.read(secret).orElse(Map.of()));
    if (all.remove(id) == null) {
      return false;
    }
    if (all.isEmpty()) {
      client.delete(secret);
    } else {
      client.write(secret, all);
    }
    return true;
  }

  @Override
  public String toString() {
    return "VaultCredentialStore[" + (fixedPath != null ? fixedPath : "kv1:" + mount + "/<entity_id>") + " at "
        + client.address() + "]";
  }
}
