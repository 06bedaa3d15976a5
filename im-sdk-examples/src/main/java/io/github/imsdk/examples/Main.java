package io.github.imsdk.examples;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * The examples' entry point: {@code java -jar im-sdk-examples.jar <command> [options]}, where the commands are
 * im_client 2.0's operations (same names, options, output and exit codes) plus {@code run-container} and
 * {@code template}.
 *
 * <p>Exit codes: 0 success, 1 the IM, the infrastructure or the operation failed, 2 the command line is wrong.
 *
 * <p>Parsing uses picocli: im_client's optparse accepts options anywhere, gives every operation a help text, and
 * exits 2 on a bad command line; picocli does the same with subcommands, and also writes shell completion scripts.
 */
public final class Main {

  private Main() {}

  /** Runs a command and exits with its code. */
  public static void main(String[] argv) {
    int code = run(argv, System.getenv(), System.in, System.out, System.err, System.console() != null);
    System.out.flush();
    System.exit(code);
  }

  /** Runs a command with no input; returns the exit code. */
  static int run(String[] argv, Map<String, String> env, PrintStream out, PrintStream err, boolean terminal) {
    return run(argv, env, java.io.InputStream.nullInputStream(), out, err, terminal);
  }

  /** Runs a command; returns the exit code. */
  static int run(String[] argv, Map<String, String> env, java.io.InputStream in, PrintStream out, PrintStream err,
      boolean terminal) {
    return run(argv, env, in, out, err, terminal, Path.of("").toAbsolutePath(),
        Path.of(System.getProperty("user.home")));
  }

  /** Runs a command as if started in {@code workDir} with home {@code home}; returns the exit code. */
  static int run(String[] argv, Map<String, String> env, java.io.InputStream in, PrintStream out, PrintStream err,
      boolean terminal, Path workDir, Path home) {
    Cli cli = new Cli(env, in, out, err, terminal, workDir, home);
    CommandLine cl = new CommandLine(cli);
    java.util.Optional<String> only = Cli.commandIn(argv);
    for (Map.Entry<String, Class<?>> c : Cli.COMMANDS) {
      if (only.isEmpty() || only.get().equals(c.getKey())) {
        cl.addSubcommand(c.getKey(), c.getValue());
      }
    }
    for (String shell : new String[] {"ssh", "sshvm"}) {
      // as with ssh, what follows the VM is the remote command, options included ("ls -la")
      if (cl.getSubcommands().containsKey(shell)) {
        cl.getSubcommands().get(shell).setStopAtPositional(true);
      }
    }
    cl.setSubcommandsCaseInsensitive(true); // im_client lower-cases the operation
    cl.setOut(new PrintWriter(out, true));
    cl.setErr(new PrintWriter(err, true));
    cl.setParameterExceptionHandler((ParameterException e, String[] args) -> {
      err.println("error: " + io.github.imsdk.auth.internal.UserInfo.mask(message(e)));
      err.println("run with --help for usage");
      return 2;
    });
    cl.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
      if (e instanceof UsageException) {
        err.println("error: " + io.github.imsdk.auth.internal.UserInfo.mask(e.getMessage()));
        err.println("run with --help for usage");
        return 2;
      }
      if (e instanceof io.github.imsdk.ImException || e instanceof java.io.UncheckedIOException
          || e instanceof IllegalArgumentException || e instanceof IllegalStateException
          || e instanceof java.util.NoSuchElementException) {
        // the last two: an output the template promised is missing or of the wrong kind (Outputs accessors)
        err.println("error: " + io.github.imsdk.auth.internal.UserInfo.mask(e.getMessage()));
        return 1;
      }
      throw e;
    });
    cli.mark("parser-setup");
    int code = cl.execute(argv);
    cli.printTiming();
    return code;
  }

  private static String message(ParameterException e) {
    if (e instanceof UnmatchedArgumentException u && e.getCommandLine().getParent() == null
        && !u.getUnmatched().isEmpty() && !u.getUnmatched().get(0).startsWith("-")) {
      return "unknown command '" + u.getUnmatched().get(0) + "'";
    }
    return e.getMessage();
  }
}
