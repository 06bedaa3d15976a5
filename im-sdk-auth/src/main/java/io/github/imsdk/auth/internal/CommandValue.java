package io.github.imsdk.auth.internal;

import io.github.imsdk.auth.CredentialValue;
import java.time.Duration;
import java.util.List;

/**
 * The standard output of a local command (e.g. {@code oidc-token egi}), run without a shell every time the value is
 * resolved, as the Python client does for {@code command(cmd)} in an auth file. Its {@code toString()} shows only
 * the program name: arguments may hold secrets.
 *
 * @param commandLine the command and its arguments, separated by blanks (no shell quoting)
 * @param timeout how long the command may run
 */
public record CommandValue(String commandLine, Duration timeout) implements CredentialValue {

  /** Checks the components. */
  public CommandValue {
    if (commandLine == null || commandLine.isBlank()) {
      throw new IllegalArgumentException("a credential command must not be blank");
    }
    if (commandLine.indexOf('\n') >= 0 || commandLine.indexOf('\r') >= 0) {
      throw new IllegalArgumentException("a credential command must be on one line");
    }
    if (timeout == null || timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("the timeout of a credential command must be positive, got " + timeout);
    }
    commandLine = commandLine.strip();
  }

  /** Returns the program, the first word of the command line. */
  public String program() {
    return CommandRunner.split(commandLine).get(0);
  }

  @Override
  public String resolve() {
    return CommandRunner.run(CommandRunner.split(commandLine), timeout);
  }

  @Override
  public String authFileForm() {
    return "command(" + commandLine + ")";
  }

  @Override
  public String toString() {
    List<String> argv = CommandRunner.split(commandLine);
    return "command(" + argv.get(0) + (argv.size() > 1 ? " …)" : ")");
  }
}
