package io.github.imsdk.core.internal;

import io.github.imsdk.auth.AuthFile;
import io.github.imsdk.auth.Credentials;
import io.github.imsdk.auth.ImCredentialsException;
import io.github.imsdk.core.ImClientConfig;
import io.github.imsdk.core.InfrastructureManager;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;

/**
 * Resolves the default endpoint and credentials: environment variables {@value #ENV_URL} and
 * {@value #ENV_AUTH_FILE}, then {@code ~/.im_client.cfg}, then {@code ./im_client.cfg}, then
 * {@code http://localhost:8800} for the endpoint. The environment and directories are parameters so tests do
 * not touch the real ones.
 */
public final class Defaults {

  /** The environment variable naming the IM endpoint; overrides {@code restapi_url}. */
  public static final String ENV_URL = "IM_URL";

  /** The environment variable naming the auth file; overrides {@code auth_file}. */
  public static final String ENV_AUTH_FILE = "IM_AUTH_FILE";

  /** The endpoint when nothing names one (the Python client's default). */
  public static final String DEFAULT_URL = "http://localhost:8800";

  private final Map<String, String> env;
  private final Path currentDir;
  private final Path homeDir;

  /** Creates a resolver over the given environment and directories. */
  public Defaults(Map<String, String> env, Path currentDir, Path homeDir) {
    this.env = Map.copyOf(Objects.requireNonNull(env, "env"));
    this.currentDir = Objects.requireNonNull(currentDir, "currentDir");
    this.homeDir = Objects.requireNonNull(homeDir, "homeDir");
  }

  /** Returns the resolver of this process: its environment, working directory and {@code user.home}. */
  public static Defaults ofProcess() {
    return new Defaults(System.getenv(), Path.of("").toAbsolutePath(), Path.of(System.getProperty("user.home")));
  }

  /** Returns the merged configuration files. */
  public ImClientConfig config() {
    return ImClientConfig.load(currentDir, homeDir);
  }

  /** Returns the endpoint: {@value #ENV_URL}, else {@code restapi_url}, else {@value #DEFAULT_URL}. */
  public String endpoint() {
    String fromEnv = env.get(ENV_URL);
    if (fromEnv != null && !fromEnv.isBlank()) {
      return fromEnv.strip();
    }
    return config().restApiUrl().orElse(DEFAULT_URL);
  }

  /**
   * Returns the auth file: {@value #ENV_AUTH_FILE}, else {@code auth_file}; a leading {@code ~/} is the home
   * directory and a relative path is resolved against the current directory, as the Python client does.
   *
   * @throws ImCredentialsException if neither names one
   */
  public Path authFile() {
    String name = env.get(ENV_AUTH_FILE);
    if (name == null || name.isBlank()) {
      name = config().authFile().orElseThrow(() -> new ImCredentialsException(
          "no IM auth file: set " + ENV_AUTH_FILE + ", or auth_file in the [" + ImClientConfig.SECTION
              + "] section of " + currentDir.resolve(ImClientConfig.FILE_NAME) + " or "
              + homeDir.resolve(ImClientConfig.HOME_FILE_NAME)));
    }
    String n = name.strip();
    if (n.equals("~")) {
      return homeDir;
    }
    if (n.startsWith("~/")) {
      return homeDir.resolve(n.substring(2));
    }
    return currentDir.resolve(n);
  }

  /** Returns the credentials read from {@link #authFile()}. */
  public Credentials credentials() {
    return AuthFile.read(authFile());
  }

  /** Returns a builder with the default endpoint and credentials. */
  public InfrastructureManager.Builder builder() {
    return InfrastructureManager.builder().endpoint(endpoint()).credentials(credentials());
  }
}
