package io.github.imsdk.tosca;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;

/** Test resources and the reference YAML loader (plain SnakeYAML) used to compare trees. */
final class Fixtures {

  private Fixtures() {}

  static String resource(String path) {
    try (InputStream in = Fixtures.class.getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalStateException("missing test resource " + path);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String seed() {
    return resource("/seed/tosca_docker.yml");
  }

  /** The seed and every TOSCA template of the IM contract recordings. */
  static List<Path> templates() {
    try {
      Path dir = Path.of(Fixtures.class.getResource("/im-contract-templates").toURI());
      Path seed = Path.of(Fixtures.class.getResource("/seed/tosca_docker.yml").toURI());
      try (Stream<Path> files = Files.list(dir)) {
        return Stream.concat(Stream.of(seed), files.filter(p -> p.toString().endsWith(".yaml")).sorted()).toList();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Loads YAML as plain SnakeYAML does (the reference tree for comparisons). */
  static Object tree(String yaml) {
    return new Yaml(new LoaderOptions()).load(yaml);
  }
}
