package io.github.imsdk.auth;

import io.github.imsdk.auth.internal.CommandRunner;
import io.github.imsdk.auth.internal.token.CachingTokenProvider;
import io.github.imsdk.auth.internal.token.Tokens;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Supplies the token a command prints, such as {@code oidc-token egi}: the auth file's {@code command(...)}.
 *
 * <p>The command runs without a shell (split on blanks, as the Python client does), with its standard input
 * closed and a timeout. Its standard output is the token (line breaks removed), at most 1 MiB, and is never
 * logged; when the command runs past its timeout or prints more than 1 MiB, it is stopped with every process it
 * started (SIGTERM, then SIGKILL after half a second) and the exception names the bound hit, never the output.
 * When the command fails, the exception names the program, its exit status and its standard error. The token is kept until
 * {@link TokenProviders#DEFAULT_REFRESH_MARGIN} before its JWT {@code exp} (or until {@link #invalidate()} when
 * it is not a JWT), so the command is not run for every request.
 */
public final class CommandTokenProvider implements TokenProvider {

  /** How long a command may run unless told otherwise: 30 seconds. */
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);

  private final String program;
  private final CachingTokenProvider cache;

  private CommandTokenProvider(List<String> argv, Duration timeout, Clock clock) {
    this.program = argv.get(0);
    List<String> command = List.copyOf(argv);
    TokenProvider run = new TokenProvider() {
      @Override
      public AccessToken token() {
        return Tokens.withExpiry(CommandRunner.run(command, timeout), Optional.empty());
      }

      @Override
      public String toString() {
        return CommandTokenProvider.this.toString();
      }
    };
    this.cache = new CachingTokenProvider(run, TokenProviders.DEFAULT_REFRESH_MARGIN, clock);
  }

  /**
   * Returns a provider running {@code commandLine} (e.g. {@code "oidc-token egi"}) with {@link #DEFAULT_TIMEOUT}.
   *
   * @throws ImCredentialsException if the command line is blank
   */
  public static CommandTokenProvider of(String commandLine) {
    return of(commandLine, DEFAULT_TIMEOUT);
  }

  /**
   * Returns a provider running {@code commandLine}, which must finish within {@code timeout}.
   *
   * @throws ImCredentialsException if the command line is blank
   * @throws IllegalArgumentException if the timeout is not positive
   */
  public static CommandTokenProvider of(String commandLine, Duration timeout) {
    Objects.requireNonNull(commandLine, "commandLine");
    return of(CommandRunner.split(commandLine), timeout);
  }

  /**
   * Returns a provider running the program and arguments {@code argv}, which must finish within {@code timeout}.
   *
   * @throws IllegalArgumentException if {@code argv} is empty or the timeout is not positive
   */
  public static CommandTokenProvider of(List<String> argv, Duration timeout) {
    return of(argv, timeout, Clock.systemUTC());
  }

  static CommandTokenProvider of(List<String> argv, Duration timeout, Clock clock) {
    Objects.requireNonNull(argv, "argv");
    Objects.requireNonNull(timeout, "timeout");
    if (argv.isEmpty() || argv.get(0) == null || argv.get(0).isBlank()) {
      throw new IllegalArgumentException("a credential command needs a program to run");
    }
    if (timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("the command timeout must be positive, got " + timeout);
    }
    return new CommandTokenProvider(argv, timeout, clock);
  }

  /**
   * Returns the cached token, running the command when there is none or it is about to expire.
   *
   * @throws ImCredentialsException if the command cannot start, exits non-zero, prints nothing or times out
   */
  @Override
  public AccessToken token() {
    return cache.token();
  }

  /** Forgets the cached token; the next {@link #token()} runs the command again. */
  @Override
  public void invalidate() {
    cache.invalidate();
  }

  @Override
  public String toString() {
    // Only the program: arguments are configuration that could, in odd setups, hold a secret.
    return "CommandTokenProvider[" + program + "]";
  }
}
