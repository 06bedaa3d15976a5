package io.github.imsdk.auth;

import io.github.imsdk.auth.internal.AuthFileParser;
import io.github.imsdk.auth.internal.AuthFileWriter;
import io.github.imsdk.auth.internal.oidc.OidcTokenCommand;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Function;

/**
 * Reads and writes IM auth files ({@code auth.dat}) in the format of the IM Python client.
 *
 * <p>One credential per line, {@code key = value} pairs separated by {@code ;}; blank lines and lines starting
 * with {@code #} are ignored; a value may be quoted with {@code '...'} or {@code "..."} (to hold {@code ;},
 * {@code =} or the other quote); {@code \n} (backslash, {@code n}) in a value is a newline; unknown keys are kept.
 * A value {@code file(path)} or {@code command(cmd)} is <em>not</em> evaluated while reading: it becomes a
 * {@link CredentialValue#file(Path)} or {@link CredentialValue#command(String, Duration)} evaluated each time a
 * request is sent. A file whose only line is {@code Bearer <token>} gives {@link Credentials#bearer(CredentialValue)
 * bearer credentials}. A {@code command(oidc-token ...)} is answered by oidc-agent over its socket instead of by
 * starting {@code oidc-token} for each request, when the agent answers on {@code $OIDC_SOCK} at read time (the
 * command is still run if the agent goes away; see {@link OidcAgentTokenProvider}).
 *
 * <pre>{@code
 * Credentials credentials = AuthFile.read(Path.of("auth.dat"));
 * Credentials slow = AuthFile.reader().commandTimeout(Duration.ofMinutes(1)).read(Path.of("auth.dat"));
 * }</pre>
 *
 * <p>Unlike the Python client, which silently drops the rest of a line at a malformed pair, every problem is
 * reported as an {@link ImCredentialsException} naming the file and the line number, never a value.
 */
public final class AuthFile {

  /** How long a {@code command(...)} value may run unless {@link Reader#commandTimeout(Duration)} says otherwise. */
  public static final Duration DEFAULT_COMMAND_TIMEOUT = Duration.ofSeconds(30);

  private AuthFile() {}

  /**
   * Reads an auth file with the default settings.
   *
   * @throws ImCredentialsException if the file cannot be read or is malformed; the message names the file and
   *     the line
   */
  public static Credentials read(Path path) {
    return reader().read(path);
  }

  /** Returns a reader with the default settings, to be adjusted before reading. */
  public static Reader reader() {
    return new Reader(DEFAULT_COMMAND_TIMEOUT, null, null);
  }

  /**
   * Returns the auth-file text of {@code credentials}, which {@link #read(Path)} and the Python client read back
   * to the same values. Values are quoted where needed; newlines in values are written as {@code \n}.
   *
   * @throws ImCredentialsException if a value cannot be written: it comes from a Java {@link TokenProvider}, or
   *     holds something the format cannot carry (both quote kinds, a literal backslash-{@code n}, leading or
   *     trailing blanks, control characters); the message names the line and key, never the value
   */
  public static String toText(Credentials credentials) {
    return AuthFileWriter.toText(Objects.requireNonNull(credentials, "credentials"));
  }

  /**
   * Writes {@code credentials} to {@code path} (see {@link #toText(Credentials)}), replacing the file. On POSIX
   * file systems the file is readable and writable by its owner only.
   *
   * @throws ImCredentialsException if a value cannot be written or the file cannot be written
   */
  public static void write(Credentials credentials, Path path) {
    Objects.requireNonNull(path, "path");
    String text = toText(credentials);
    Path absolute = path.toAbsolutePath();
    Path dir = absolute.getParent();
    Path tmp = null;
    try {
      if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
        tmp = Files.createTempFile(dir, ".auth", ".tmp",
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
      } else {
        tmp = Files.createTempFile(dir, ".auth", ".tmp");
      }
      Files.writeString(tmp, text, StandardCharsets.UTF_8);
      try {
        Files.move(tmp, absolute, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(tmp, absolute, StandardCopyOption.REPLACE_EXISTING);
      }
    } catch (IOException e) {
      throw new ImCredentialsException("cannot write auth file " + path + ": " + e, e);
    } finally {
      if (tmp != null) {
        try {
          Files.deleteIfExists(tmp);
        } catch (IOException ignored) {
          // the temporary file was moved or never written; nothing left to clean up
        }
      }
    }
  }

  /**
   * Reads auth files with adjusted settings. Instances are immutable: each setting returns a new reader.
   */
  public static final class Reader {
    private final Duration commandTimeout;
    private final Function<String, CredentialValue> commandValues;
    /** Null, or how to allow {@code command(...)} and {@code file(...)} values, which this reader refuses. */
    private final String refusalHint;

    private Reader(Duration commandTimeout, Function<String, CredentialValue> commandValues, String refusalHint) {
      this.commandTimeout = commandTimeout;
      this.commandValues = commandValues;
      this.refusalHint = refusalHint;
    }

    /**
     * Returns a reader that refuses every {@code command(...)} and {@code file(...)} value with an
     * {@link ImCredentialsException} naming the file, line and key, followed by {@code howToAllow} (for an auth
     * file found through a configuration file in a directory the user may not have written, e.g. a cloned
     * repository: its commands would run and its files would be sent to the configured URL).
     */
    public Reader withCommandsAndFilesRefused(String howToAllow) {
      return new Reader(commandTimeout, commandValues, Objects.requireNonNull(howToAllow, "howToAllow"));
    }

    /**
     * Returns a reader whose {@code command(...)} values may run for {@code timeout} each time they are evaluated
     * (default {@link #DEFAULT_COMMAND_TIMEOUT}). Has no effect on values made by
     * {@link #commandValues(Function)}.
     *
     * @throws IllegalArgumentException if the timeout is not positive
     */
    public Reader commandTimeout(Duration timeout) {
      Objects.requireNonNull(timeout, "timeout");
      if (timeout.isNegative() || timeout.isZero()) {
        throw new IllegalArgumentException("the command timeout must be positive, got " + timeout);
      }
      return new Reader(timeout, commandValues, refusalHint);
    }

    /**
     * Returns a reader that turns the command line of each {@code command(...)} value (e.g. {@code oidc-token
     * egi}) into a value with {@code mapping}, for instance to take {@code oidc-token} tokens from a token
     * provider instead of running the program. The mapping handles every command: to keep the default for some,
     * return {@code CredentialValue.command(commandLine, timeout)}. It is called while reading, once per distinct
     * command line of a file (lines with the same command share the value, so a provider is asked once per
     * request); a failure it throws is reported with the file and line.
     *
     * <pre>{@code
     * AuthFile.reader()
     *     .commandValues(cmd -> cmd.startsWith("oidc-token ")
     *         ? CredentialValue.from(myAgentProvider(cmd.substring("oidc-token ".length()).strip()))
     *         : CredentialValue.command(cmd, Duration.ofSeconds(30)))
     *     .read(Path.of("auth.dat"));
     * }</pre>
     */
    public Reader commandValues(Function<String, CredentialValue> mapping) {
      return new Reader(commandTimeout, Objects.requireNonNull(mapping, "mapping"), refusalHint);
    }

    /**
     * Reads the auth file at {@code path} (UTF-8), after checking that only its owner can have written it
     * (see {@link CredentialFiles#checkSafe(Path, String)}).
     *
     * @throws ImCredentialsException if the file is group- or world-writable or owned by another user, cannot be
     *     read or is malformed; the message names the file and the line, or how to fix the permissions
     */
    public Credentials read(Path path) {
      Objects.requireNonNull(path, "path");
      if (Files.exists(path)) {
        CredentialFiles.checkSafe(path, "auth file");
      }
      String text;
      try {
        text = Files.readString(path, StandardCharsets.UTF_8);
      } catch (CharacterCodingException e) {
        throw new ImCredentialsException("cannot read auth file " + path + ": it is not UTF-8 text", e);
      } catch (IOException e) {
        throw new ImCredentialsException("cannot read auth file " + path + ": " + e, e);
      }
      return parse(text, path.toString());
    }

    /**
     * Parses auth-file text; {@code sourceName} names it in error messages.
     *
     * @throws ImCredentialsException if the text is malformed; the message names the source and the line
     */
    public Credentials parse(String text, String sourceName) {
      Objects.requireNonNull(text, "text");
      Objects.requireNonNull(sourceName, "sourceName");
      Function<String, CredentialValue> mapping = commandValues != null
          ? commandValues
          : commandLine -> OidcTokenCommand.valueFor(commandLine, commandTimeout);
      return new AuthFileParser(sourceName, mapping, refusalHint).parse(text);
    }
  }
}
