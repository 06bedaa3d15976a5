package io.github.imsdk.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** A smoke run of the in-process sections: checks that they run and report numbers, never how fast they are. */
class RunAllTest {

  private static final Pattern NUMBER = Pattern.compile("\\d+(\\.\\d+)?");

  @Test
  void quickRunReportsEveryClientWithNumbers() {
    // Given the suite in quick mode with the in-process sections
    RunAll suite = new RunAll(Set.of("overhead", "auth", "connections", "tosca"), true, false, 1);

    // When it runs
    String report = suite.run();

    // Then every section and client has a row whose figures are numbers
    assertThat(report).contains("## 1. Per-call latency", "## 2b. TCP connections", "## 5. Authorization header",
        "## 4. TOSCA");
    assertThat(report).contains("im-sdk (pinned connector)", "raw java.net.http + Jackson",
        "50 providers behind TokenProviders.cached");
    List<String> rows = Arrays.stream(report.split("\n"))
        .filter(l -> l.startsWith("| state()") || l.startsWith("| outputs()") || l.startsWith("| im-sdk (")
            || l.startsWith("| 50 providers"))
        .toList();
    assertThat(rows).hasSizeGreaterThanOrEqualTo(7); // the ServiceLoader-swapped jnh im-sdk variant is gone (pinned connector)
    for (String row : rows) {
      String[] cells = row.split("\\|");
      assertThat(NUMBER.matcher(cells[cells.length - 1].trim().replace("x", "")).matches())
          .as("last figure of %s", row).isTrue();
    }
    assertThat(report).containsPattern("(MET|MISSED): im-sdk state\\(\\) p50");
  }

  @Test
  void medianOfOddAndEvenCounts() {
    // Given/When/Then
    assertThat(Stats.median(List.of(5, 1, 3))).isEqualTo(3.0);
    assertThat(Stats.median(List.of(4, 1, 3, 2))).isEqualTo(2.5);
  }
}
