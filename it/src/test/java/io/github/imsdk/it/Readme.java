package io.github.imsdk.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The repository's README.md and the fenced code blocks in it. */
final class Readme {
  private static final Pattern FENCE = Pattern.compile("(?ms)^```(\\w+)\\n(.*?)^```");

  private Readme() {}

  /** The project's root directory: the module runs with it/ as its working directory. */
  static Path root() {
    Path here = Path.of("").toAbsolutePath();
    for (Path p = here; p != null; p = p.getParent()) {
      if (Files.isRegularFile(p.resolve("README.md")) && Files.isDirectory(p.resolve("it/consumer"))) {
        return p;
      }
    }
    throw new IllegalStateException("no README.md with it/consumer above " + here);
  }

  static String read(String relative) {
    try {
      return Files.readString(root().resolve(relative));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The bodies of the README's code blocks fenced as {@code language}, in order. */
  static List<String> blocks(String language) {
    List<String> found = new ArrayList<>();
    Matcher m = FENCE.matcher(read("README.md"));
    while (m.find()) {
      if (m.group(1).equals(language)) {
        found.add(m.group(2));
      }
    }
    return found;
  }
}
