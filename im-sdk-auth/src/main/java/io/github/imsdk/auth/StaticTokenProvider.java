package io.github.imsdk.auth;

import io.github.imsdk.auth.internal.token.Tokens;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.function.Function;

/**
 * Supplies a token that the application already has: a string, an environment variable, or a file.
 *
 * <p>A file is read again whenever its modification time or size changes, so a token refreshed by another
 * process (a cron job, a sidecar) is picked up without restarting. When the token is a JWT whose {@code exp}
 * claim lies in the past, {@link #token()} throws an {@link ImCredentialsException} saying where the token came
 * from and when it expired, instead of letting the server reject it later. {@link #toString()} names the source,
 * never the token.
 */
public final class StaticTokenProvider implements TokenProvider {

  private final String description;
  private final Source source;
  private final Clock clock;

  private StaticTokenProvider(String description, Source source, Clock clock) {
    this.description = description;
    this.source = source;
    this.clock = clock;
  }

  /**
   * Returns a provider of the given token.
   *
   * @throws IllegalArgumentException if the token is blank
   */
  public static StaticTokenProvider of(String token) {
    Objects.requireNonNull(token, "token");
    if (token.isBlank()) {
      throw new IllegalArgumentException("a static token must not be blank");
    }
    String value = token.strip();
    return new StaticTokenProvider("StaticTokenProvider.of(...)", () -> value, Clock.systemUTC());
  }

  /**
   * Returns a provider that reads the environment variable {@code name} each time a token is needed; a missing or
   * blank variable is an {@link ImCredentialsException} at that moment (so the provider can sit in a chain).
   */
  public static StaticTokenProvider fromEnv(String name) {
    return fromEnv(name, System::getenv, Clock.systemUTC());
  }

  static StaticTokenProvider fromEnv(String name, Function<String, String> env, Clock clock) {
    Objects.requireNonNull(name, "name");
    if (name.isBlank()) {
      throw new IllegalArgumentException("the environment variable name must not be blank");
    }
    String where = "environment variable " + name;
    return new StaticTokenProvider(where, () -> {
      String v = env.apply(name);
      if (v == null) {
        throw new ImCredentialsException(where + " is not set");
      }
      if (v.isBlank()) {
        throw new ImCredentialsException(where + " is empty");
      }
      return v.strip();
    }, clock);
  }

  /**
   * Returns a provider that reads the token from {@code file} (surrounding whitespace removed), again whenever the
   * file changes. A missing, unreadable or empty file is an {@link ImCredentialsException} when a token is needed.
   */
  public static StaticTokenProvider fromFile(Path file) {
    return fromFile(file, Clock.systemUTC());
  }

  static StaticTokenProvider fromFile(Path file, Clock clock) {
    Objects.requireNonNull(file, "file");
    return new StaticTokenProvider("token file " + file, new FileSource(file), clock);
  }

  /**
   * Returns the token.
   *
   * @throws ImCredentialsException if the source is missing or empty, or the token is a JWT that has expired
   */
  @Override
  public AccessToken token() {
    AccessToken t = Tokens.withExpiry(source.read(), java.util.Optional.empty());
    Instant now = clock.instant();
    if (t.expiresAt().isPresent() && !now.isBefore(t.expiresAt().get())) {
      throw new ImCredentialsException("the token from " + description + " expired at " + t.expiresAt().get()
          + " (now " + now + "); put a fresh token there");
    }
    return t;
  }

  @Override
  public String toString() {
    return "StaticTokenProvider[" + description + "]";
  }

  private interface Source {
    String read();
  }

  /** Re-reads the file only when its modification time or size changed. */
  private static final class FileSource implements Source {
    private final Path file;
    private Object stamp;
    private String value;

    FileSource(Path file) {
      this.file = file;
    }

    @Override
    public synchronized String read() {
      try {
        BasicFileAttributes attrs = Files.readAttributes(file, BasicFileAttributes.class);
        Object now = attrs.lastModifiedTime().toMillis() + ":" + attrs.size() + ":" + attrs.fileKey();
        if (!now.equals(stamp)) {
          String content = Files.readString(file, StandardCharsets.UTF_8).strip();
          if (content.isEmpty()) {
            throw new ImCredentialsException("token file " + file + " is empty");
          }
          value = content;
          stamp = now;
        }
        return value;
      } catch (NoSuchFileException e) {
        throw new ImCredentialsException("token file " + file + " does not exist", e);
      } catch (IOException e) {
        throw new ImCredentialsException("cannot read token file " + file + ": " + e.getMessage(), e);
      }
    }
  }
}
