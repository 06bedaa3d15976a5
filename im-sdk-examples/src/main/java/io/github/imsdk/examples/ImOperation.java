package io.github.imsdk.examples;

import io.github.imsdk.ImException;
import io.github.imsdk.auth.internal.UserInfo;
import io.github.imsdk.core.Infrastructure;
import io.github.imsdk.core.InfrastructureId;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParentCommand;

/**
 * One im_client operation: connects as im_client does (printing "Connected with: URL" unless {@code -q}), runs,
 * and maps the outcome to im_client's exit codes: 0 success, 1 the operation failed (its "ERROR ..." line goes to
 * stdout, as im_client prints it), 2 the command line is wrong.
 */
abstract class ImOperation implements Callable<Integer> {

  @Mixin
  GlobalOptions local = new GlobalOptions();

  @ParentCommand
  Cli cli;

  /** The global options given before and after the operation name. */
  GlobalOptions opts;
  PrintStream out;

  /** Runs the operation; returns whether it succeeded. */
  abstract boolean run(Connection c);

  /** The start of the line im_client prints when the call fails, e.g. "Error getting infrastructure state". */
  abstract String failure();

  /** Whether the operation needs an auth file (only getversion does not). */
  boolean needsAuth() {
    return true;
  }

  @Override
  public Integer call() {
    cli.mark("parse");
    opts = local.merged(cli.globals);
    out = cli.out;
    if (opts.xmlrpcUrl != null) {
      throw new UsageException("the XML-RPC API (-u/--xmlrpc-url) is gone from IM 2.0: use -r/--rest-url");
    }
    Map<String, String> flags = new HashMap<>();
    flags.put("im-url", opts.restUrl);
    flags.put("auth-file", opts.authFile);
    flags.put("allow-local-config-commands", opts.allowLocalConfigCommands ? "true" : null);
    ImConfig config = ImConfig.resolve(Args.of(flags, List.of()), cli.env, cli.workDir, cli.home);
    cli.mark("read-config");
    try (Connection c = Connection.open(config, false, out, cli.err, needsAuth())) {
      cli.mark("auth-and-client");
      if (!opts.quiet) {
        // A URL's user:password@ is never printed.
        String url = UserInfo.mask(config.url().orElse(ImConfig.DEFAULT_URL));
        out.println((url.startsWith("https") ? "Secure connection with: " : "Connected with: ") + url);
      }
      boolean ok = run(c);
      cli.mark("operation");
      return ok ? 0 : 1;
    } catch (SshCommands.ExitCode e) {
      return e.code;
    } catch (OperationFailure e) {
      out.println(e.getMessage());
      return 1;
    } catch (ImException | UncheckedIOException | IllegalArgumentException | IllegalStateException e) {
      if (!(opts.quiet && quietHidesFailure())) {
        out.println(failure() + ": " + UserInfo.mask(e.getMessage()));
      }
      return 1;
    }
  }

  /** Whether {@code -q} hides the failure line too (im_client's create does so). */
  boolean quietHidesFailure() {
    return false;
  }

  Secrets secrets() {
    return new Secrets(opts.showSecrets);
  }

  /** Returns positional {@code value}, or fails with im_client's {@code message}. */
  static String required(String value, String message) {
    if (value == null) {
      throw new OperationFailure(message);
    }
    return value;
  }

  /** Parses im_client's 0/1 flags ({@code bool(int(x))}). */
  static boolean flag(String value, String what) {
    try {
      return Integer.parseInt(value.trim()) != 0;
    } catch (NumberFormatException e) {
      throw new OperationFailure("The " + what + " flag must be 0 or 1");
    }
  }

  /**
   * Returns the infrastructure named by {@code idOrName}: an id, or with {@code -n} the name in the RADL's
   * {@code description} (im_client's filter, applied on the client as IM 2.0 ignores it).
   */
  Infrastructure infrastructure(Connection c, String idOrName) {
    String value = required(idOrName, "Infrastructure ID not specified");
    if (!opts.name) {
      return c.im.infrastructure(InfrastructureId.of(value));
    }
    List<InfrastructureId> ids = c.im.infrastructures().list(
        ".*description\\s*.*\\s*(\\s*name\\s*=\\s*'" + Pattern.quote(value) + "'.*).*");
    if (ids.isEmpty()) {
      throw new OperationFailure("Infrastructure Name not found");
    }
    if (ids.size() > 1) {
      out.println("WARNING!: more that one infrastructure with the same name. First one returned.");
    }
    return c.im.infrastructure(ids.get(0));
  }
}
