package io.github.imsdk.tosca;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class ScalarUnitTest {

  @Test
  void sizesParseWithAnyCaseAndOptionalSpace() {
    assertThat(ScalarUnit.parse("2 GB", ScalarUnit.Kind.SIZE).orElseThrow().bytes()).isEqualTo(2_000_000_000L);
    assertThat(ScalarUnit.parse("1 GiB", ScalarUnit.Kind.SIZE).orElseThrow().bytes()).isEqualTo(1L << 30);
    assertThat(ScalarUnit.parse("512mb", ScalarUnit.Kind.SIZE).orElseThrow().bytes()).isEqualTo(512_000_000L);
    assertThat(ScalarUnit.parse("1.5 TB", ScalarUnit.Kind.SIZE).orElseThrow().toString()).isEqualTo("1.5 TB");
  }

  @Test
  void nonSizesAreRejected() {
    assertThat(ScalarUnit.parse("2 GX", ScalarUnit.Kind.SIZE)).isEmpty();
    assertThat(ScalarUnit.parse("2", ScalarUnit.Kind.SIZE)).isEmpty();
    assertThat(ScalarUnit.parse("GB", ScalarUnit.Kind.SIZE)).isEmpty();
    assertThat(ScalarUnit.parse("-1 GB", ScalarUnit.Kind.SIZE)).isEmpty();
    assertThat(ScalarUnit.parse("30 s", ScalarUnit.Kind.SIZE)).isEmpty();
    assertThat(ScalarUnit.parse(null, ScalarUnit.Kind.SIZE)).isEmpty();
  }

  @Test
  void timesAndFrequenciesConvertToBaseUnits() {
    assertThat(ScalarUnit.parse("2 h", ScalarUnit.Kind.TIME).orElseThrow().toBaseUnit())
        .isEqualByComparingTo(BigDecimal.valueOf(7200));
    assertThat(ScalarUnit.parse("2.4 GHz", ScalarUnit.Kind.FREQUENCY).orElseThrow().toBaseUnit())
        .isEqualByComparingTo(BigDecimal.valueOf(2_400_000_000L));
  }

  @Test
  void amountsCompareAcrossUnits() {
    ScalarUnit gib = ScalarUnit.parse("1 GiB", ScalarUnit.Kind.SIZE).orElseThrow();
    ScalarUnit gb = ScalarUnit.parse("1000 MB", ScalarUnit.Kind.SIZE).orElseThrow();
    assertThat(gib.compareAmount(gb)).isPositive();
    assertThat(ScalarUnit.size(1, "GB").compareAmount(gb)).isZero();
    assertThatThrownBy(() -> gib.compareAmount(ScalarUnit.parse("1 s", ScalarUnit.Kind.TIME).orElseThrow()))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void theKindIsFoundFromTheToscaTypeName() {
    assertThat(ScalarUnit.Kind.ofTypeName("scalar-unit.size")).contains(ScalarUnit.Kind.SIZE);
    assertThat(ScalarUnit.Kind.ofTypeName("integer")).isEmpty();
  }
}
