package io.github.imsdk.benchmarks;

import java.util.Arrays;
import java.util.List;

/** Small statistics over repeated whole-process measurements. */
final class Stats {

  private Stats() {}

  /** Returns the median of {@code values} (the mean of the two middle ones for an even count). */
  static double median(List<? extends Number> values) {
    if (values.isEmpty()) {
      throw new IllegalArgumentException("no values to take the median of");
    }
    double[] v = values.stream().mapToDouble(Number::doubleValue).toArray();
    Arrays.sort(v);
    int n = v.length;
    return n % 2 == 1 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
  }

  /** Returns the smallest and largest of {@code values} as "min–max". */
  static String range(List<? extends Number> values, String format) {
    double min = values.stream().mapToDouble(Number::doubleValue).min().orElse(Double.NaN);
    double max = values.stream().mapToDouble(Number::doubleValue).max().orElse(Double.NaN);
    return String.format(format, min) + "–" + String.format(format, max);
  }
}
