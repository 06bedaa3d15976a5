package io.github.imsdk.auth;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;

/**
 * How a client checks its server's TLS certificate: the same settings for the IM client
 * ({@code InfrastructureManager.builder().tls(...)}) and {@link VaultClient.Builder#tls(Tls)}.
 *
 * <ul>
 *   <li>{@link #system()} (the default): the JVM's trust store.
 *   <li>{@link #caBundle(Path)}: only the CA certificates in a PEM file (e.g. a grid CA bundle).
 *   <li>{@link #trustStore(Path, char[])}: a PKCS#12 or JKS trust store.
 *   <li>{@link #insecure()}: no check at all, for tests against self-signed servers; a warning on SLF4J
 *       and standard error.
 * </ul>
 *
 * <p>Instances are immutable; the trust-store password is copied and never printed.
 */
public final class Tls {

  /** Which kind of trust this is. */
  public enum Mode {
    /** The JVM's default trust store. */
    SYSTEM,
    /** The certificates of a PEM bundle. */
    CA_BUNDLE,
    /** A key store file holding trusted certificates. */
    TRUST_STORE,
    /** Every certificate and host name is accepted. */
    INSECURE
  }

  private static final Tls SYSTEM = new Tls(Mode.SYSTEM, null, null);
  private static final Tls INSECURE = new Tls(Mode.INSECURE, null, null);

  private final Mode mode;
  private final Path file;
  private final char[] password;

  private Tls(Mode mode, Path file, char[] password) {
    this.mode = mode;
    this.file = file;
    this.password = password;
  }

  /** Returns the JVM's default trust (the default of the client). */
  public static Tls system() {
    return SYSTEM;
  }

  /** Trusts exactly the CA certificates in the PEM file {@code pemFile}; read when the client is built. */
  public static Tls caBundle(Path pemFile) {
    return new Tls(Mode.CA_BUNDLE, Objects.requireNonNull(pemFile, "pemFile"), null);
  }

  /**
   * Trusts the certificates of the key store {@code file} (PKCS#12 for {@code .p12}/{@code .pfx}, JKS for
   * {@code .jks}, else the JVM's default type); {@code password} may be {@code null} for none.
   */
  public static Tls trustStore(Path file, char[] password) {
    return new Tls(Mode.TRUST_STORE, Objects.requireNonNull(file, "file"),
        password == null ? null : password.clone());
  }

  /**
   * Accepts any certificate and host name. Only for tests against servers with self-signed certificates: the
   * connection can be intercepted. Building a client with it prints a warning on SLF4J and standard error.
   */
  public static Tls insecure() {
    return INSECURE;
  }

  /** Returns the kind of trust. */
  public Mode mode() {
    return mode;
  }

  /** Returns the PEM bundle or trust store file, for {@link Mode#CA_BUNDLE} and {@link Mode#TRUST_STORE}. */
  public Optional<Path> file() {
    return Optional.ofNullable(file);
  }

  /** Returns a copy of the trust store password, if one was given. */
  public Optional<char[]> password() {
    return Optional.ofNullable(password).map(char[]::clone);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Tls t && mode == t.mode && Objects.equals(file, t.file)
        && Arrays.equals(password, t.password);
  }

  @Override
  public int hashCode() {
    return Objects.hash(mode, file);
  }

  @Override
  public String toString() {
    return "Tls[" + mode + (file == null ? "" : ", " + file) + (password == null ? "" : ", password=***") + "]";
  }
}
