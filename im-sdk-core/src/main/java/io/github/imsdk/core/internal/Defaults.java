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

  /**
   * The environment variable that, set to {@code 1}, allows {@code command(...)} and {@code file(...)} values in an
   * auth file named by the current directory's {@code im_client.cfg}.
   */
  public static final String ENV_ALLOW_LOCAL_CONFIG = "IMSDK_ALLOW_LOCAL_CONFIG";

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

  /**
   * Returns the credentials read from {@link #authFile()}. When the auth file was named by the current directory's
   * {@code im_client.cfg} (a directory the user may not have written, e.g. a cloned repository), its
   * {@code command(...)} and {@code file(...)} values are refused unless {@value #ENV_ALLOW_LOCAL_CONFIG}{@code =1}.
   */
  public Credentials credentials() {
    Path file = authFile();
    AuthFile.Reader reader = AuthFile.reader();
    if (authFileFromLocalConfig() && !"1".equals(env.get(ENV_ALLOW_LOCAL_CONFIG))) {
      reader = reader.withCommandsAndFilesRefused("the auth file was named by "
          + currentDir.resolve(ImClientConfig.FILE_NAME) + " in the current directory; if you trust that "
          + "directory set " + ENV_ALLOW_LOCAL_CONFIG + "=1, or name the auth file with " + ENV_AUTH_FILE);
    }
    return reader.read(file);
  }

  /** Tells whether the auth file comes from {@code ./im_client.cfg} (not the environment nor the home file). */
  public boolean authFileFromLocalConfig() {
    String name = env.get(ENV_AUTH_FILE);
    if (name != null && !name.isBlank()) {
      return false;
    }
    return config().authFileSource().map(p -> p.equals(currentDir.resolve(ImClientConfig.FILE_NAME)))
        .orElse(false);
  }

  /**
   * Tells whether the endpoint comes from {@code ./im_client.cfg} while the auth file does not (it comes from the
   * environment or the home file): the credentials of one place would go where another directory says.
   */
  public boolean endpointOnlyFromLocalConfig() {
    String url = env.get(ENV_URL);
    if (url != null && !url.isBlank()) {
      return false;
    }
    return config().restApiUrlSource().map(p -> p.equals(currentDir.resolve(ImClientConfig.FILE_NAME)))
        .orElse(false) && !authFileFromLocalConfig();
  }

  /**
   * Returns a builder with the default endpoint and credentials.
   *
   * @throws ImCredentialsException if the endpoint was named by {@code ./im_client.cfg} but the auth file was not,
   *     unless {@value #ENV_ALLOW_LOCAL_CONFIG}{@code =1}; and as {@link #credentials()}
   */
  public InfrastructureManager.Builder builder() {
    if (endpointOnlyFromLocalConfig() && !"1".equals(env.get(ENV_ALLOW_LOCAL_CONFIG))) {
      throw new ImCredentialsException("refusing to send the credentials of " + authFile() + " to the IM URL named"
          + " by " + currentDir.resolve(ImClientConfig.FILE_NAME) + " in the current directory, which did not name"
          + " that auth file; if you trust that directory set " + ENV_ALLOW_LOCAL_CONFIG + "=1, or name the IM"
          + " with " + ENV_URL);
    }
    return InfrastructureManager.builder().endpoint(endpoint()).credentials(credentials());
  }
}
