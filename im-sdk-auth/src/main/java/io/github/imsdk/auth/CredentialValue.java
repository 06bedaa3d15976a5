package io.github.imsdk.auth;

import io.github.imsdk.auth.internal.CommandValue;
import io.github.imsdk.auth.internal.FileValue;
import io.github.imsdk.auth.internal.LiteralValue;
import io.github.imsdk.auth.internal.ProviderValue;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * The value of one key of an IM auth line, resolved when a request is sent.
 *
 * <p>A value is either a literal string or something evaluated on the client at request time (a token provider,
 * and in auth files {@code file(path)} and {@code command(cmd)}). Because the Authorization header is rebuilt for
 * every request, a value backed by a {@link TokenProvider} stays fresh through long waits.
 *
 * <p>{@code toString()} never reveals a secret.
 */
public interface CredentialValue {

  /**
   * Returns the value to send now, evaluating it if needed.
   *
   * @throws ImCredentialsException if the value cannot be obtained
   */
  String resolve();

  /** Forgets any cached value after the server rejected it; literals ignore this. */
  default void invalidate() {}

  /**
   * Returns how the value is written in an auth file: the literal itself, {@code file(...)} or {@code command(...)}.
   *
   * @throws ImCredentialsException for values that have no auth-file form (e.g. a Java token provider)
   */
  String authFileForm();

  /** Returns a literal value. */
  static CredentialValue of(String literal) {
    return new LiteralValue(Objects.requireNonNull(literal, "literal"));
  }

  /** Returns a value that takes an access token from {@code provider} each time it is resolved. */
  static CredentialValue from(TokenProvider provider) {
    return new ProviderValue(Objects.requireNonNull(provider, "provider"));
  }

  /**
   * Returns a value read from a local file each time it is resolved, trimmed of surrounding blanks; the auth-file
   * form is {@code file(path)}. A relative path is resolved against the working directory, as the Python client
   * does. Its {@code toString()} shows the path, never the content.
   *
   * <p>Resolving throws {@link ImCredentialsException} if the file cannot be read or is empty.
   */
  static CredentialValue file(Path path) {
    return new FileValue(Objects.requireNonNull(path, "path"));
  }

  /**
   * Returns a value printed by a local command each time it is resolved, e.g. {@code command("oidc-token egi",
   * Duration.ofSeconds(30))}; the auth-file form is {@code command(commandLine)}. The command line is split on
   * blanks and run without a shell; line breaks are removed from its output, as the Python client does. Its
   * {@code toString()} shows only the program name, and its output never reaches a log line.
   *
   * <p>Resolving throws {@link ImCredentialsException} if the command cannot start, exits non-zero (the message
   * quotes its standard error), prints nothing, prints more than 1 MiB, or runs longer than {@code timeout}; in
   * the last two cases the command and every process it started are stopped (SIGTERM, then SIGKILL).
   *
   * @throws IllegalArgumentException if the command line is blank or spans lines, or the timeout is not positive
   */
  static CredentialValue command(String commandLine, Duration timeout) {
    return new CommandValue(commandLine, timeout);
  }
}
