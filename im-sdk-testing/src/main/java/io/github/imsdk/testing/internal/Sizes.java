package io.github.imsdk.testing.internal;

/** Reads numbers and byte sizes out of RADL features, as stats and dry-run estimates count them. */
final class Sizes {

  private Sizes() {}

  static long number(Radl.Aspect a, String name, long dflt) {
    return a.value(name).filter(v -> v instanceof Number).map(v -> ((Number) v).longValue()).orElse(dflt);
  }

  static long bytes(Radl.Aspect a, String name) {
    return a.feature(name).filter(f -> f.value() instanceof Number).map(f -> {
      Object v = f.jsonValue();
      return ((Number) v).longValue();
    }).orElse(0L);
  }
}
