package io.github.imsdk.auth;

import io.github.imsdk.auth.internal.LiteralValue;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * One IM credential: an auth line such as {@code id = ost; type = OpenStack; host = ...; password = ...}.
 *
 * <p>An auth line has a {@code type} (e.g. {@code InfrastructureManager}, {@code OpenStack}), an optional
 * {@code id} (the cloud id used in {@code /clouds/{id}/...}) and the keys of its type, in order. Values are
 * {@link CredentialValue}s, so a password or token can come from a {@link TokenProvider} and be re-read for each
 * request. Instances are immutable and thread-safe.
 *
 * <p>{@link #toString()} shows only keys known to be harmless (id, type, host, tenant, ...); every other value
 * prints as {@code ***}.
 */
public final class AuthLine {

  /** The auth-line {@code type} of the IM's own credentials. */
  public static final String INFRASTRUCTURE_MANAGER = "InfrastructureManager";

  private static final Pattern ID_PATTERN = Pattern.compile("[a-zA-Z_.][\\w.-]*");

  /** Keys whose values are never secret, and so may appear in {@code toString()} and log lines. */
  private static final Set<String> PUBLIC_KEYS = Set.of(
      "host", "tenant", "domain", "auth_version", "region", "project", "vo", "namespace", "subscription_id",
      "tenant_id", "tenant_domain_id", "api_version", "service_region", "service_name", "base_url",
      "network_url", "image_url", "volume_url", "microversion", "path", "mount_point", "role", "driver",
      "apps_dns");

  /** Types whose {@code username} is an API key rather than a name. */
  private static final Set<String> USERNAME_IS_SECRET = Set.of("EC2", "Lambda", "Linode", "CloudStack");

  private final String type;
  private final String id;
  private final Map<String, CredentialValue> values;

  private AuthLine(Builder b) {
    this.type = b.type;
    this.id = b.id;
    this.values = Collections.unmodifiableMap(new LinkedHashMap<>(b.values));
  }

  /** Starts a line of the given {@code type}, e.g. {@code "OpenStack"}. */
  public static Builder builder(String type) {
    return new Builder(type);
  }

  /** Returns a builder holding this line's type, id and values. */
  public Builder toBuilder() {
    Builder b = new Builder(type);
    b.id = id;
    b.values.putAll(values);
    return b;
  }

  /** Returns the credential type, e.g. {@code InfrastructureManager}. */
  public String type() {
    return type;
  }

  /** Returns the line's {@code id}, if it has one. */
  public Optional<String> id() {
    return Optional.ofNullable(id);
  }

  /** Returns the keys other than {@code id} and {@code type}, in the order they were given. */
  public Map<String, CredentialValue> values() {
    return values;
  }

  /** Returns the value of {@code key}, if present ({@code id} and {@code type} are not in {@link #values()}). */
  public Optional<CredentialValue> value(String key) {
    return Optional.ofNullable(values.get(key));
  }

  /** Tells whether this is an {@code InfrastructureManager} line. */
  public boolean isInfrastructureManager() {
    return INFRASTRUCTURE_MANAGER.equals(type);
  }

  /**
   * Resolves every value now and returns the line as ordered key/value pairs: {@code id} (if any), {@code type},
   * then the other keys.
   *
   * @throws ImCredentialsException if a value cannot be obtained; the message names the line and key
   */
  public Map<String, String> resolve() {
    return resolve(CredentialValue::resolve);
  }

  /** Resolves with {@code resolver}, which lets {@link Credentials} resolve a value shared by lines only once. */
  Map<String, String> resolve(java.util.function.Function<CredentialValue, String> resolver) {
    Map<String, String> out = new LinkedHashMap<>();
    if (id != null) {
      out.put("id", id);
    }
    out.put("type", type);
    for (Map.Entry<String, CredentialValue> e : values.entrySet()) {
      try {
        out.put(e.getKey(), resolver.apply(e.getValue()));
      } catch (ImCredentialsException ex) {
        throw new ImCredentialsException(
            "cannot obtain '" + e.getKey() + "' of the " + describe() + " credential: " + ex.getMessage(), ex);
      }
    }
    return out;
  }

  /** Asks every value backed by a provider to forget its cached token. */
  public void invalidate() {
    values.values().forEach(CredentialValue::invalidate);
  }

  /** Tells whether {@code key}'s value may be shown in logs and {@code toString()}. */
  public boolean isPublicKey(String key) {
    if (key.equals("id") || key.equals("type")) {
      return true;
    }
    if (key.equals("username")) {
      return !USERNAME_IS_SECRET.contains(type);
    }
    return PUBLIC_KEYS.contains(key);
  }

  private String describe() {
    return type + (id == null ? "" : " '" + id + "'");
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof AuthLine other
        && type.equals(other.type)
        && Objects.equals(id, other.id)
        && values.equals(other.values);
  }

  @Override
  public int hashCode() {
    return Objects.hash(type, id, values);
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder("AuthLine[");
    if (id != null) {
      sb.append("id = ").append(id).append("; ");
    }
    sb.append("type = ").append(type);
    values.forEach((k, v) -> {
      sb.append("; ").append(k).append(" = ");
      // A public URL may still carry user:password@, which is masked.
      sb.append(isPublicKey(k) && v instanceof LiteralValue literal
          ? io.github.imsdk.auth.internal.UserInfo.mask(literal.value()) : v.toString());
    });
    return sb.append(']').toString();
  }

  /** Builds an {@link AuthLine}. Not thread-safe. */
  public static final class Builder {
    private final String type;
    private String id;
    private final Map<String, CredentialValue> values = new LinkedHashMap<>();

    private Builder(String type) {
      Objects.requireNonNull(type, "type");
      if (type.isBlank()) {
        throw new IllegalArgumentException("an auth line needs a non-blank type");
      }
      this.type = type.trim();
    }

    /**
     * Sets the line's id, which IM requires to match {@code [a-zA-Z_.][\w.-]*}.
     *
     * @throws IllegalArgumentException if the id does not match that pattern
     */
    public Builder id(String id) {
      if (id != null && !ID_PATTERN.matcher(id).matches()) {
        // Not quoted: a secret pasted in the wrong place must not reach the message.
        throw new IllegalArgumentException("the auth line id is invalid (" + id.length()
            + " characters, not shown): IM requires it to match [a-zA-Z_.][\\w.-]*");
      }
      this.id = id;
      return this;
    }

    /** Sets {@code key} to a literal value. */
    public Builder set(String key, String literal) {
      return set(key, CredentialValue.of(literal));
    }

    /** Sets {@code key} to a value resolved at request time. */
    public Builder set(String key, CredentialValue value) {
      Objects.requireNonNull(key, "key");
      Objects.requireNonNull(value, "value of " + key);
      String k = key.trim();
      if (k.isEmpty() || k.equals("id") || k.equals("type")) {
        throw new IllegalArgumentException("use id(...) and builder(type) for '" + k + "'; got key '" + key + "'");
      }
      values.put(k, value);
      return this;
    }

    /** Sets {@code key} to a token taken from {@code provider} at request time. */
    public Builder set(String key, TokenProvider provider) {
      return set(key, CredentialValue.from(provider));
    }

    /** Removes {@code key}. */
    public Builder remove(String key) {
      values.remove(key);
      return this;
    }

    /** Returns the line. */
    public AuthLine build() {
      return new AuthLine(this);
    }
  }
}
