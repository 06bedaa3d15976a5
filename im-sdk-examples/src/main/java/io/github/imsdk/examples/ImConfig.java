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
 * <p>The current directory's {@code im_client.cfg} may come from a directory the user did not write, e.g. a
 * cloned repository. Unless {@value #ALLOW_FLAG} or {@value #ALLOW_ENV}{@code =1} says to trust it:
 * <ul>
 *   <li>an auth file it names may not use {@code command(...)} and {@code file(...)} values;
 *   <li>an IM URL it names does not get credentials that come from elsewhere (the home file, a flag or the
 *       environment): that is the credentials of another directory sent where this one says.
 * </ul>
 *
 * @param url the IM URL, if configured anywhere
 * @param authFile the auth file, if configured anywhere
 * @param sources where the values came from, for messages
 * @param refusalHint null, or how to allow the refused {@code command(...)} and {@code file(...)} values of an auth
 *     file named by {@code ./im_client.cfg}
 * @param redirectRefusal null, or why the credentials may not go to the URL ./im_client.cfg names, and how to
 *     allow it
 */
record ImConfig(Optional<String> url, Optional<Path> authFile, String sources, String refusalHint,
    String redirectRefusal) {

  /** The flag allowing {@code command(...)} and {@code file(...)} in an auth file named by ./im_client.cfg. */
  static final String ALLOW_FLAG = "--allow-local-config-commands";
  /** The environment variable (value {@code 1}) doing what {@link #ALLOW_FLAG} does. */
  static final String ALLOW_ENV = "IMSDK_ALLOW_LOCAL_CONFIG";

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
    Path localCfg = workDir.resolve(ImClientConfig.FILE_NAME);
    boolean authFromLocalCfg = args.value("auth-file").isEmpty() && env.get("IM_AUTH_FILE") == null
        && cfg.authFileSource().map(localCfg::equals).orElse(false);
    boolean urlFromLocalCfg = args.value("im-url").isEmpty() && env.get("IM_URL") == null
        && cfg.restApiUrlSource().map(localCfg::equals).orElse(false);
    boolean allowed = args.value("allow-local-config-commands").isPresent() || "1".equals(env.get(ALLOW_ENV));
    String hint = authFromLocalCfg && !allowed
        ? "the auth file was named by " + localCfg + " in the current directory;"
            + " if you trust that directory pass " + ALLOW_FLAG + " or set " + ALLOW_ENV + "=1"
        : null;
    String redirect = urlFromLocalCfg && !authFromLocalCfg && auth.isPresent() && !allowed
        ? "refusing to send the credentials of " + auth.get() + " to the IM URL named by " + localCfg
            + " in the current directory, which did not name that auth file; if you trust that directory pass "
            + ALLOW_FLAG + " or set " + ALLOW_ENV + "=1, or give the URL with --im-url or IM_URL"
        : null;
    return new ImConfig(url, auth, sources.toString().trim(), hint, redirect);
  }
}
