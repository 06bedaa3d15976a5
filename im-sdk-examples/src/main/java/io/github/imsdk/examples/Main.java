package io.github.imsdk.examples;

import io.github.imsdk.ImException;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The examples' entry point: {@code java -jar im-sdk-examples.jar <command> [options]}.
 *
 * <p>Exit codes: 0 success, 1 the IM or the infrastructure failed, 2 the command line is wrong.
 */
public final class Main {

  private static final Set<String> CONNECTION_FLAGS = Set.of("im-url", "auth-file");
  private static final List<String> CLIENT_COMMANDS = List.of("list", "create", "getstate", "getinfo", "getvminfo",
      "getoutputs", "getcontmsg", "wait", "destroy");

  private static final String USAGE = """
      usage: java -jar im-sdk-examples.jar <command> [options]

      The container pipeline:
        run-container --image IMAGE --port PORT [--cpus N] [--memory "4 GB"] [--disk "10 GB"|0]
                      [--os-image URL] [--name NAME] [--keep] [--show-secrets] [--timeout MINUTES]
            create a VM running the container, wait until configured (--timeout, default %d minutes), print
            "endpoint: <url>" and the SSH details, then destroy it (unless --keep). If it fails, print the
            last states and the head of the contextualization log, and destroy it (unless --keep); exit 1.
            Ctrl-C destroys what was created.
        template      same flags as run-container: print the TOSCA template instead of deploying it

      im_client-style commands (need an IM: --im-url and --auth-file, IM_URL and IM_AUTH_FILE, or im_client.cfg):
        list | create <file> | getstate <id> | getinfo <id> | getvminfo <id> <vm> [attr]
        getoutputs <id> | getcontmsg <id> | wait <id> [max_time_s] | destroy <id>
        options: --json (JSON output), --show-secrets (print passwords)
        wait: until configured, at most max_time_s (default %d); progress on stderr; exit 1 if it fails

      Polling: the waits poll GET /infrastructures/<id>/state first at once, then after %s, growing by 1.5x up
      to every %s, so that a shared IM is not hammered during a deployment that takes minutes; with the
      in-process emulator, after %s growing up to every %s. An unconfigured (or stopped) state is read
      twice before it counts as a failure; three unknown readings end the wait.

      Configuration: --im-url URL --auth-file FILE, else IM_URL / IM_AUTH_FILE, else [im_client] restapi_url and
      auth_file in ./im_client.cfg or ~/.im_client.cfg. With none at all, run-container uses an in-process IM
      emulator.
      """.formatted(RunContainer.DEFAULT_TIMEOUT_MINUTES, ClientCommands.DEFAULT_WAIT_SECONDS,
      seconds(Connection.POLL_INITIAL), seconds(Connection.POLL_MAX), seconds(Connection.EMULATOR_POLL_INITIAL),
      seconds(Connection.EMULATOR_POLL_MAX));

  private Main() {}

  private static String seconds(Duration d) {
    return BigDecimal.valueOf(d.toMillis(), 3).stripTrailingZeros().toPlainString() + " s";
  }

  /** Runs a command and exits with its code. */
  public static void main(String[] argv) {
    quietJerseyContentLengthWarning();
    int code = run(argv, System.getenv(), System.out, System.err, System.console() != null);
    System.out.flush();
    System.exit(code);
  }

  /**
   * The SDK sends create bodies with a fixed Content-Length so that the JDK cannot silently re-send a create; Jersey's
   * HttpURLConnection connector then logs a JUL warning about a "restricted header" on every create, which would be
   * noise in this program's output. Only this program (an application owns its logging set-up) lowers that one
   * logger; the SDK itself leaves JUL alone.
   */
  private static void quietJerseyContentLengthWarning() {
    JERSEY_CONNECTOR_LOG.setLevel(java.util.logging.Level.SEVERE);
  }

  // Held so the level set above is not lost when JUL's weakly referenced logger is collected.
  private static final java.util.logging.Logger JERSEY_CONNECTOR_LOG =
      java.util.logging.Logger.getLogger("org.glassfish.jersey.client.internal.HttpUrlConnector");

  /** Runs a command; returns the exit code. */
  static int run(String[] argv, Map<String, String> env, PrintStream out, PrintStream err, boolean terminal) {
    if (argv.length == 0 || argv[0].equals("--help") || argv[0].equals("-h") || argv[0].equals("help")) {
      out.print(USAGE);
      return argv.length == 0 ? 2 : 0;
    }
    String command = argv[0];
    List<String> rest = Arrays.asList(argv).subList(1, argv.length);
    try {
      Path workDir = Path.of("").toAbsolutePath();
      Path home = Path.of(System.getProperty("user.home"));
      switch (command) {
        case "run-container" -> {
          Set<String> values = new HashSet<>(RunContainer.RECIPE_FLAGS);
          values.addAll(CONNECTION_FLAGS);
          values.add("timeout");
          Args args = Args.parse(rest, values, Set.of("keep", "show-secrets"));
          return new RunContainer(args, out, err, terminal).run(ImConfig.resolve(args, env, workDir, home));
        }
        case "template" -> {
          Args args = Args.parse(rest, RunContainer.RECIPE_FLAGS, Set.of());
          out.print(RunContainer.recipe(args).template().toYaml());
          return 0;
        }
        default -> {
          if (!CLIENT_COMMANDS.contains(command)) {
            throw new UsageException("unknown command '" + command + "'");
          }
          Args args = Args.parse(rest, CONNECTION_FLAGS, Set.of("json", "show-secrets", "yes"));
          try (Connection c = Connection.open(ImConfig.resolve(args, env, workDir, home), false, out)) {
            return new ClientCommands(args, out, err, terminal).run(command, c);
          }
        }
      }
    } catch (UsageException e) {
      err.println("error: " + e.getMessage());
      err.println("run with --help for usage");
      return 2;
    } catch (ImException | UncheckedIOException | IllegalArgumentException | IllegalStateException
        | java.util.NoSuchElementException e) {
      // the last two: an output the template promised is missing or of the wrong kind (Outputs accessors)
      err.println("error: " + e.getMessage());
      return 1;
    }
  }
}
