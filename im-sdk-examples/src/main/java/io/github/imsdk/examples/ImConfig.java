package io.github.imsdk.examples;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
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

  /** Resolves the configuration from flags, environment and config files. */
  static ImConfig resolve(Args args, Map<String, String> env, Path workDir, Path home) {
    Map<String, String> cfg = new LinkedHashMap<>();
    StringBuilder sources = new StringBuilder();
    for (Path file : new Path[] {workDir.resolve("im_client.cfg"), home.resolve(".im_client.cfg")}) {
      if (Files.isRegularFile(file)) {
        cfg.putAll(readIni(file));
        sources.append(file).append(' ');
      }
    }
    Optional<String> url = args.value("im-url").or(() -> Optional.ofNullable(env.get("IM_URL")))
        .or(() -> Optional.ofNullable(cfg.get("restapi_url"))).filter(s -> !s.isBlank());
    Optional<Path> auth = args.value("auth-file").or(() -> Optional.ofNullable(env.get("IM_AUTH_FILE")))
        .or(() -> Optional.ofNullable(cfg.get("auth_file"))).filter(s -> !s.isBlank())
        .map(p -> p.startsWith("~/") ? home.resolve(p.substring(2)) : workDir.resolve(p));
    if (args.value("im-url").isPresent() || args.value("auth-file").isPresent()) {
      sources.insert(0, "command line ");
    }
    if (env.containsKey("IM_URL") || env.containsKey("IM_AUTH_FILE")) {
      sources.insert(0, "environment ");
    }
    return new ImConfig(url, auth, sources.toString().trim());
  }

  /** Reads the {@code [im_client]} section of an INI file. */
  static Map<String, String> readIni(Path file) {
    Map<String, String> out = new LinkedHashMap<>();
    String section = "";
    try {
      for (String raw : Files.readAllLines(file)) {
        String line = raw.strip();
        if (line.isEmpty() || line.startsWith("#") || line.startsWith(";")) {
          continue;
        }
        if (line.startsWith("[") && line.endsWith("]")) {
          section = line.substring(1, line.length() - 1).trim();
          continue;
        }
        int sep = line.indexOf('=') >= 0 ? line.indexOf('=') : line.indexOf(':');
        if (sep > 0 && section.equals("im_client")) {
          out.put(line.substring(0, sep).trim(), line.substring(sep + 1).trim());
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
    return out;
  }
}
