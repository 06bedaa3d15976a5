package io.github.imsdk.core;

import io.github.imsdk.auth.CredentialFiles;
import io.github.imsdk.auth.ImCredentialsException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * The settings of the IM Python client's {@code im_client.cfg}: the {@code [im_client]} keys {@code restapi_url}
 * and {@code auth_file}.
 *
 * <pre>{@code
 * [im_client]
 * restapi_url = https://im.egi.eu/im
 * auth_file = auth.dat
 * }</pre>
 *
 * <p>{@link #load()} reads {@code ./im_client.cfg} and then {@code ~/.im_client.cfg}, the home file overriding
 * the current-directory file key by key, as the Python client does. The file format is the INI subset Python's
 * {@code ConfigParser} reads: {@code key = value} or {@code key: value}, case-insensitive keys, comment lines
 * starting with {@code #} or {@code ;}, indented continuation lines. Other sections and keys are ignored.
 * Instances are immutable.
 *
 * <p>Like OpenSSH's {@code StrictModes}, a configuration file that is group- or world-writable or owned by
 * another user (than the current one or root) is refused with an {@link ImCredentialsException} saying how to fix
 * it ({@code chmod go-w}, {@code chown}); see {@link CredentialFiles#checkSafe(Path, String)}.
 */
public final class ImClientConfig {

  /** The section the Python client reads. */
  public static final String SECTION = "im_client";

  /** The file name looked up in the current directory. */
  public static final String FILE_NAME = "im_client.cfg";

  /** The file name looked up in the home directory. */
  public static final String HOME_FILE_NAME = ".im_client.cfg";

  private static final ImClientConfig EMPTY = new ImClientConfig(null, null, List.of(), null, null);

  private final String restApiUrl;
  private final String authFile;
  private final List<Path> sources;
  private final Path authFileSource;
  private final Path restApiUrlSource;

  private ImClientConfig(String restApiUrl, String authFile, List<Path> sources, Path authFileSource,
      Path restApiUrlSource) {
    this.restApiUrl = restApiUrl;
    this.authFile = authFile;
    this.sources = List.copyOf(sources);
    this.authFileSource = authFileSource;
    this.restApiUrlSource = restApiUrlSource;
  }

  /** Returns a configuration with no setting. */
  public static ImClientConfig empty() {
    return EMPTY;
  }

  /**
   * Reads {@code ./im_client.cfg} and {@code ~/.im_client.cfg} (either may be missing); the home file's keys win.
   *
   * @throws IllegalArgumentException if a file exists but cannot be read or is malformed
   */
  public static ImClientConfig load() {
    return load(Path.of("").toAbsolutePath(), Path.of(System.getProperty("user.home")));
  }

  /**
   * Reads {@code <currentDir>/im_client.cfg} and {@code <homeDir>/.im_client.cfg} (either may be missing); the
   * home file's keys win.
   *
   * @throws IllegalArgumentException if a file exists but cannot be read or is malformed
   */
  public static ImClientConfig load(Path currentDir, Path homeDir) {
    Objects.requireNonNull(currentDir, "currentDir");
    Objects.requireNonNull(homeDir, "homeDir");
    ImClientConfig config = empty();
    for (Path p : List.of(currentDir.resolve(FILE_NAME), homeDir.resolve(HOME_FILE_NAME))) {
      if (Files.isRegularFile(p)) {
        config = config.overriddenBy(read(p));
      }
    }
    return config;
  }

  /**
   * Reads one configuration file.
   *
   * @throws IllegalArgumentException if the file cannot be read or a line is malformed; the message names the
   *     file and line
   * @throws ImCredentialsException if the file is group- or world-writable or owned by another user
   */
  public static ImClientConfig read(Path file) {
    Objects.requireNonNull(file, "file");
    if (Files.exists(file)) {
      CredentialFiles.checkSafe(file, "IM client configuration");
    }
    List<String> lines;
    try {
      lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalArgumentException("cannot read IM client configuration " + file + ": " + e.getMessage(),
          e);
    } catch (UncheckedIOException e) {
      throw new IllegalArgumentException("cannot read IM client configuration " + file, e);
    }
    return parse(lines, file);
  }

  private static ImClientConfig parse(List<String> lines, Path file) {
    String section = null;
    String lastKey = null;
    String url = null;
    String auth = null;
    for (int i = 0; i < lines.size(); i++) {
      String raw = lines.get(i);
      String line = raw.strip();
      if (line.isEmpty() || line.startsWith("#") || line.startsWith(";")) {
        continue;
      }
      if (Character.isWhitespace(raw.charAt(0)) && lastKey != null) {
        // a continuation line: ConfigParser appends it to the previous value with a newline
        if (SECTION.equals(section)) {
          if (lastKey.equals("restapi_url")) {
            url = url + "\n" + line;
          } else if (lastKey.equals("auth_file")) {
            auth = auth + "\n" + line;
          }
        }
        continue;
      }
      if (line.startsWith("[")) {
        if (!line.endsWith("]")) {
          throw new IllegalArgumentException(file + " line " + (i + 1) + ": malformed section header");
        }
        section = line.substring(1, line.length() - 1).strip();
        lastKey = null;
        continue;
      }
      int eq = line.indexOf('=');
      int colon = line.indexOf(':');
      int sep = eq < 0 ? colon : colon < 0 ? eq : Math.min(eq, colon);
      if (sep <= 0) {
        throw new IllegalArgumentException(file + " line " + (i + 1) + ": expected 'key = value'");
      }
      if (section == null) {
        throw new IllegalArgumentException(file + " line " + (i + 1) + ": a key before any [section]");
      }
      String key = line.substring(0, sep).strip().toLowerCase(Locale.ROOT);
      String value = line.substring(sep + 1).strip();
      lastKey = key;
      if (SECTION.equals(section)) {
        if (key.equals("restapi_url")) {
          url = value;
        } else if (key.equals("auth_file")) {
          auth = value;
        }
      }
    }
    String a = blankToNull(auth);
    String u = blankToNull(url);
    return new ImClientConfig(u, a, List.of(file), a != null ? file : null, u != null ? file : null);
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }

  /** Returns a configuration with this one's keys, each replaced by {@code other}'s where it has one. */
  public ImClientConfig overriddenBy(ImClientConfig other) {
    Objects.requireNonNull(other, "other");
    List<Path> all = new java.util.ArrayList<>(sources);
    all.addAll(other.sources);
    return new ImClientConfig(other.restApiUrl != null ? other.restApiUrl : restApiUrl,
        other.authFile != null ? other.authFile : authFile, all,
        other.authFile != null ? other.authFileSource : authFileSource,
        other.restApiUrl != null ? other.restApiUrlSource : restApiUrlSource);
  }

  /** Returns {@code restapi_url}, the IM endpoint. */
  public Optional<String> restApiUrl() {
    return Optional.ofNullable(restApiUrl);
  }

  /** Returns {@code auth_file} as written in the file (resolve it against the current directory). */
  public Optional<String> authFile() {
    return Optional.ofNullable(authFile);
  }

  /** Returns the file whose {@code auth_file} key this configuration uses, if one set it. */
  public Optional<Path> authFileSource() {
    return Optional.ofNullable(authFileSource);
  }

  /** Returns the file whose {@code restapi_url} key this configuration uses, if one set it. */
  public Optional<Path> restApiUrlSource() {
    return Optional.ofNullable(restApiUrlSource);
  }

  /** Returns the files this configuration was read from, in the order they were applied. */
  public List<Path> sources() {
    return sources;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ImClientConfig c && Objects.equals(restApiUrl, c.restApiUrl)
        && Objects.equals(authFile, c.authFile);
  }

  @Override
  public int hashCode() {
    return Objects.hash(restApiUrl, authFile);
  }

  @Override
  public String toString() {
    return "ImClientConfig[restapi_url=" + restApiUrl + ", auth_file=" + authFile + ", sources=" + sources + "]";
  }
}
