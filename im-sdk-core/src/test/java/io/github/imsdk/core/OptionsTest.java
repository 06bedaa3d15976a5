package io.github.imsdk.core;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Create and destroy options are values: with* returns a changed copy, the original stays as it was. */
class OptionsTest {

  @Test
  void createOptionsCopiesWithAsync() {
    CreateOptions defaults = CreateOptions.defaults();
    CreateOptions async = defaults.withAsync(true);

    assertThat(defaults.async()).isFalse();
    assertThat(async.async()).isTrue();
    assertThat(async).isEqualTo(CreateOptions.defaults().withAsync(true)).hasSameHashCodeAs(
        CreateOptions.defaults().withAsync(true)).isNotEqualTo(defaults);
    assertThat(async.withAsync(false)).isEqualTo(defaults);
    assertThat(async).hasToString("CreateOptions[async=true]");
  }

  @Test
  void destroyOptionsCopiesEachFlag() {
    DestroyOptions defaults = DestroyOptions.defaults();
    DestroyOptions forced = defaults.withForce(true);
    DestroyOptions both = forced.withAsync(true);

    assertThat(defaults.force()).isFalse();
    assertThat(defaults.async()).isFalse();
    assertThat(forced.force()).isTrue();
    assertThat(forced.async()).isFalse();
    assertThat(both.force()).isTrue();
    assertThat(both.async()).isTrue();
    assertThat(both).isEqualTo(DestroyOptions.defaults().withAsync(true).withForce(true))
        .hasSameHashCodeAs(DestroyOptions.defaults().withAsync(true).withForce(true)).isNotEqualTo(forced);
  }
}
