package io.github.imsdk.auth;

import java.util.Objects;

/**
 * Where a secret lives in Vault's key/value store: the engine's mount, the secret's path and the engine version.
 *
 * <p>The IM server reads KV version 1, mount {@code credentials}, path = the user's Vault entity id.
 *
 * @param mount the KV engine's mount, without surrounding slashes, e.g. {@code credentials}
 * @param path the secret's path inside the mount, without surrounding slashes
 * @param kvVersion 1 or 2
 */
public record VaultPath(String mount, String path, int kvVersion) {

  /** Checks and normalises the components (surrounding slashes and blanks removed). */
  public VaultPath {
    mount = clean(mount, "mount");
    path = clean(path, "path");
    if (kvVersion != 1 && kvVersion != 2) {
      throw new IllegalArgumentException("the KV engine version must be 1 or 2, got " + kvVersion);
    }
    if (path.contains("..")) {
      throw new IllegalArgumentException("a Vault path must not contain '..', got '" + path + "'");
    }
  }

  /** Returns a secret of a KV version 1 engine. */
  public static VaultPath kv1(String mount, String path) {
    return new VaultPath(mount, path, 1);
  }

  /** Returns a secret of a KV version 2 engine. */
  public static VaultPath kv2(String mount, String path) {
    return new VaultPath(mount, path, 2);
  }

  @Override
  public String toString() {
    return "kv" + kvVersion + ":" + mount + "/" + path;
  }

  private static String clean(String s, String what) {
    Objects.requireNonNull(s, what);
    String t = s.strip();
    while (t.startsWith("/")) {
      t = t.substring(1);
    }
    while (t.endsWith("/")) {
      t = t.substring(0, t.length() - 1);
    }
    if (t.isEmpty()) {
      throw new IllegalArgumentException("the Vault " + what + " must not be blank, got '" + s + "'");
    }
    return t;
  }
}
