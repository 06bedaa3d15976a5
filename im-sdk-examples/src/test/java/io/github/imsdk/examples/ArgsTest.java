package io.github.imsdk.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ArgsTest {

  @Test
  void readsValuesFlagsAndPositionals() {
    // Given a command line mixing all forms
    List<String> argv = List.of("abc", "--image", "nginx:1.27", "--port=80", "--keep", "vm0");

    // When it is parsed
    Args a = Args.parse(argv, Set.of("image", "port"), Set.of("keep"));

    // Then every form is understood
    assertThat(a.value("image")).contains("nginx:1.27");
    assertThat(a.intValue("port", -1)).isEqualTo(80);
    assertThat(a.flag("keep")).isTrue();
    assertThat(a.positional()).containsExactly("abc", "vm0");
  }

  @Test
  void rejectsUnknownFlagsMissingValuesAndNonIntegers() {
    assertThatThrownBy(() -> Args.parse(List.of("--nope"), Set.of(), Set.of()))
        .isInstanceOf(UsageException.class).hasMessage("unknown option --nope");
    assertThatThrownBy(() -> Args.parse(List.of("--image"), Set.of("image"), Set.of()))
        .isInstanceOf(UsageException.class).hasMessage("--image needs a value");
    Args a = Args.parse(List.of("--port", "eighty"), Set.of("port"), Set.of());
    assertThatThrownBy(() -> a.intValue("port", 0))
        .isInstanceOf(UsageException.class).hasMessageContaining("must be an integer, not 'eighty'");
  }
}
