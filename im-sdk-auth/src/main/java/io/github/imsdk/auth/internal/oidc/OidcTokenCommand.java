package io.github.imsdk.auth.internal.oidc;

import io.github.imsdk.auth.CredentialValue;
import io.github.imsdk.auth.OidcAgentTokenProvider;
import io.github.imsdk.auth.TokenProvider;
import io.github.imsdk.auth.internal.CommandRunner;
import io.github.imsdk.auth.internal.CommandValue;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Maps an auth file's {@code command(oidc-token ...)} to the oidc-agent provider, so the SDK asks the agent over
 * its socket (and caches the token until shortly before it expires) instead of starting a process per request.
 *
 * <p>The mapping applies only when the agent answers on {@code $OIDC_SOCK} at the time the file is read and the
 * command uses only the {@code oidc-token} options the provider can express (min validity, scopes, audience,
 * application name, force); anything else keeps the plain command. If the agent goes away later, the provider runs
 * the original command instead, so the file behaves as the Python client would.
 */
public final class OidcTokenCommand {

  private static final Logger LOG = LoggerFactory.getLogger(OidcTokenCommand.class);

  private OidcTokenCommand() {}

  /**
   * Returns the value for an auth file's {@code command(commandLine)}: agent-backed when it is an
   * {@code oidc-token} command and the agent is reachable now, the plain command otherwise.
   */
  public static CredentialValue valueFor(String commandLine, Duration timeout) {
    return valueFor(commandLine, timeout, System::getenv, OidcTokenCommand::reachable);
  }

  /** As {@link #valueFor(String, Duration)}, with the environment and the reachability probe given (tests). */
  public static CredentialValue valueFor(String commandLine, Duration timeout, Function<String, String> env,
      java.util.function.Predicate<Path> reachable) {
    CommandValue plain = new CommandValue(commandLine, timeout);
    Optional<OidcAgentTokenProvider.Builder> parsed = parse(CommandRunner.split(commandLine));
    if (parsed.isEmpty()) {
      return plain;
    }
    String sock = env.apply("OIDC_SOCK");
    if (sock == null || sock.isBlank() || !reachable.test(Path.of(sock.strip()))) {
      return plain;
    }
    // The socket that answered now; the same one oidc-token would use, since it reads the same variable.
    OidcAgentTokenProvider provider = parsed.get().timeout(timeout).socket(Path.of(sock.strip()))
        .fallbackCommand(CommandRunner.split(commandLine)).build();
    LOG.debug("Auth file command {} is served by oidc-agent over its socket", plain);
    return new AgentCommandValue(plain, provider);
  }

  private static boolean reachable(Path socket) {
    try {
      return AgentIpc.exchange(socket, AgentIpc.newRequest("status"), Duration.ofSeconds(2)).has("status");
    } catch (RuntimeException e) {
      return false;
    }
  }

  /**
   * Parses an {@code oidc-token} command line (4.x options), or returns empty when it is not one or uses an option
   * the provider cannot express (e.g. {@code --id-token}, {@code -a}, {@code -e}).
   */
  public static Optional<OidcAgentTokenProvider.Builder> parse(List<String> argv) {
    String program = Path.of(argv.get(0)).getFileName().toString();
    if (!program.equals("oidc-token")) {
      return Optional.empty();
    }
    OidcAgentTokenProvider.Builder b = OidcAgentTokenProvider.builder();
    List<String> scopes = new ArrayList<>();
    String target = null;
    try {
      for (int i = 1; i < argv.size(); i++) {
        String a = argv.get(i);
        Supplier<String> next = nextArg(argv, i);
        if (a.equals("-t") || a.equals("--time")) {
          b.minValidPeriod(Duration.ofSeconds(Long.parseLong(next.get())));
          i++;
        } else if (a.startsWith("--time=")) {
          b.minValidPeriod(Duration.ofSeconds(Long.parseLong(a.substring(7))));
        } else if (a.startsWith("-t") && a.length() > 2 && !a.startsWith("--")) {
          b.minValidPeriod(Duration.ofSeconds(Long.parseLong(a.substring(2))));
        } else if (a.equals("-s") || a.equals("--scope")) {
          scopes.add(next.get());
          i++;
        } else if (a.startsWith("--scope=")) {
          scopes.add(a.substring(8));
        } else if (a.startsWith("--aud=") || a.startsWith("--audience=")) {
          b.audience(a.substring(a.indexOf('=') + 1));
        } else if (a.equals("--aud") || a.equals("--audience")) {
          b.audience(next.get());
          i++;
        } else if (a.startsWith("--name=")) {
          b.applicationHint(a.substring(7));
        } else if (a.equals("-f") || a.equals("--force-new")) {
          continue; // the provider refreshes on its own schedule and after invalidate()
        } else if (a.startsWith("-")) {
          return Optional.empty();
        } else if (target == null) {
          target = a;
        } else {
          return Optional.empty();
        }
      }
    } catch (IllegalArgumentException | IndexOutOfBoundsException e) {
      return Optional.empty(); // something oidc-token itself would reject: let it say so
    }
    if (target == null) {
      return Optional.empty();
    }
    if (!scopes.isEmpty()) {
      b.scope(String.join(" ", scopes));
    }
    // Like oidc-token: only an https:// argument is an issuer; anything else is an account short name.
    return Optional.of(target.startsWith("https://") ? b.issuer(target) : b.account(target));
  }

  private static Supplier<String> nextArg(List<String> argv, int i) {
    return () -> argv.get(i + 1);
  }

  /** An auth-file {@code command(oidc-token ...)} answered by oidc-agent; written back as the same command. */
  static final class AgentCommandValue implements CredentialValue {
    private final CommandValue command;
    private final TokenProvider provider;

    AgentCommandValue(CommandValue command, TokenProvider provider) {
      this.command = command;
      this.provider = provider;
    }

    TokenProvider provider() {
      return provider;
    }

    @Override
    public String resolve() {
      return provider.token().value();
    }

    @Override
    public void invalidate() {
      provider.invalidate();
    }

    @Override
    public String authFileForm() {
      return command.authFileForm();
    }

    @Override
    public String toString() {
      return command.toString();
    }
  }
}
