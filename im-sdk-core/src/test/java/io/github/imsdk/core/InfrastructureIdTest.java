package io.github.imsdk.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class InfrastructureIdTest {

  @Test
  void takesTheLastPathSegment() {
    assertThat(InfrastructureId.fromUri("http://127.0.0.1:8800/infrastructures/abc-1/").value()).isEqualTo("abc-1");
  }

  @Test
  void badUrisGiveAnIllegalArgumentExceptionNamingTheProblem() {
    // Given an opaque URI, text that is no URI, and URIs without an id
    // When each is read
    // Then each fails with an IllegalArgumentException saying why
    assertThatThrownBy(() -> InfrastructureId.fromUri("urn:x"))
        .isExactlyInstanceOf(IllegalArgumentException.class).hasMessageContaining("no path")
        .hasMessageContaining("'urn:x'");
    assertThatThrownBy(() -> InfrastructureId.fromUri("http://h/infra structures/%zz"))
        .isExactlyInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("not a valid infrastructure URI")
        .hasNoCause();
    assertThatThrownBy(() -> InfrastructureId.fromUri("http://h"))
        .isExactlyInstanceOf(IllegalArgumentException.class).hasMessageContaining("no id");
    assertThatThrownBy(() -> InfrastructureId.fromUri("http://h/"))
        .isExactlyInstanceOf(IllegalArgumentException.class).hasMessageContaining("no id");
  }
}
