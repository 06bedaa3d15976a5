package io.github.imsdk.examples;

import io.github.imsdk.core.ImClientConfig;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * Where the IM is and which auth file to use, found like the Python client: {@code --im-url} and
 * {@code --auth-file} first, then the environment ({@code IM_URL}, {@code IM_AUTH_FILE}), then {@code restapi_url}
 * and {@code auth_file} in section {@code [im_client]} of {@code im_client.cfg} in the current directory and
 * {@code ~/.im_client.cfg} (the home file wins, as with the Python client).
 *
 * @param url the IM URL, if configured anywhere
 * @param authFile the auth file, if configured anywhere
 * @param sources where the values came from, for messages
 */
record ImConfig(Optional<String> url, Optional<Path> authFile, String sources) {

  /** The Python client's URL when only an auth file is configured. */
  static final String DEFAULT_URL = "http://localhost:8800";

  /** Tells whether nothing at all configures an IM. */
  boolean isEmpty() {
    return url.isEmpty() && authFile.isEmpty();
  }

  /**
   * Resolves the configuration from flags, environment and config files (read with core's
   * {@link ImClientConfig}, which follows the Python client's file rules).
   *
   * @throws IllegalArgumentException if a config file exists but is malformed
   */
  static ImConfig resolve(Args args, Map<String, String> env, Path workDir, Path home) {
    ImClientConfig cfg = ImClientConfig.load(workDir, home);
    StringBuilder sources = new StringBuilder();
    cfg.sources().forEach(f -> sources.append(f).append(' '));
    Optional<String> url = args.value("im-url").or(() -> Optional.ofNullable(env.get("IM_URL")))
        .or(cfg::restApiUrl).filter(s -> !s.isBlank());
    Optional<Path> auth = args.value("auth-file").or(() -> Optional.ofNullable(env.get("IM_AUTH_FILE")))
        .or(cfg::authFile).filter(s -> !s.isBlank())
        .map(p -> p.startsWith("~/") ? home.resolve(p.substring(2)) : workDir.resolve(p));
    if (args.value("im-url").isPresent() || args.value("auth-file").isPresent()) {
      sources.insert(0, "command line ");
    }
    if (env.containsKey("IM_URL") || env.containsKey("IM_AUTH_FILE")) {
      sources.insert(0, "environment ");
    }
    return new ImConfig(url, auth, sources.toString().trim());
  }
}
