package io.github.imsdk.tosca;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class RoundTripTest {

  static Stream<Path> templates() {
    return Fixtures.templates().stream();
  }

  @ParameterizedTest
  @MethodSource("templates")
  void parsedTemplateIsWrittenBackAsTheSameTree(Path file) throws IOException {
    // Given a template users or the IM contract tests deploy
    String original = Files.readString(file);

    // When it is parsed and written again
    String written = ToscaTemplate.parse(original).toYaml();

    // Then the YAML tree is the same
    assertThat(Fixtures.tree(written)).isEqualTo(Fixtures.tree(original));
  }

  @ParameterizedTest
  @MethodSource("templates")
  void writtenTemplateParsesToTheSameModelAndText(Path file) throws IOException {
    // Given a parsed template
    ToscaTemplate t = ToscaTemplate.parse(Files.readString(file));

    // When it is written and read again
    String once = t.toYaml();
    ToscaTemplate again = ToscaTemplate.parse(once);

    // Then the model is equal and the output is stable
    assertThat(again).isEqualTo(t);
    assertThat(again.toYaml()).isEqualTo(once);
  }
}
