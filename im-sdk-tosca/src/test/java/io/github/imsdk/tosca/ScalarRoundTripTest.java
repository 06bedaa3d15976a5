package io.github.imsdk.tosca;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Property-style: thousands of generated scalars, built from the edges of YAML 1.1's types (dates, exponents,
 * {@code =}, {@code ~}, yes/no/on/off, leading zeros, sexagesimal numbers, NEL and the unicode line separators,
 * indicators, quotes, blanks), are written by the SDK as values and as keys, and the text is read back as PyYAML
 * would ({@link Yaml11Reader}): every value and key must come back the same, with its type.
 */
class ScalarRoundTripTest {

  private static final String[] PIECES = {"=", "~", "yes", "No", "ON", "off", "y", "n", "true", "False", "null",
      "NULL", "0", "010", "0123", "09", "0x1F", "0b101", "0o17", "1_000", "1:30", "1:30.5", "190:20:30", "1e7",
      "1E7", "2240e12", "1.0e7", "1.0e+7", "1.5E-3", "+.5", ".5", "-.inf", ".NaN", ".nan", "12345678.9", "1.",
      "2020-09-08", "2020-9-8", "2001-12-14t21:59:43.10-05:00", "2001-12-14 21:59:43.10", "2002-12-14",
      "\u0085", "\u2028", "\u2029", "\r", "\r\n", "\n", "\t", " ", "  ", "#", " #", ": ", ":", "- ", "-", "?", "? ",
      "&a", "*a", "!", "!!str", "%", "@", "`", "'", "\"", "\\", "{", "}", "[", "]", ",", "|", ">", "<<", "---",
      "...", "é", "日本", "\uFEFF", "\u0000", "\u001B", "\u00A0", "😀", "abc", "a b", "x", "1", "-1", "+1", "0.0"};

  private final Random random = new Random(11);

  private String generatedString() {
    StringBuilder sb = new StringBuilder();
    int parts = 1 + random.nextInt(3);
    for (int i = 0; i < parts; i++) {
      sb.append(PIECES[random.nextInt(PIECES.length)]);
    }
    return sb.toString();
  }

  private Object generatedValue() {
    return switch (random.nextInt(10)) {
      case 0 -> random.nextLong();
      case 1 -> random.nextInt(2000) - 1000;
      case 2 -> Double.longBitsToDouble(random.nextLong());
      case 3 -> (random.nextDouble() - 0.5) * Math.pow(10, random.nextInt(40) - 20);
      case 4 -> random.nextBoolean();
      case 5 -> LocalDate.of(1900 + random.nextInt(300), 1 + random.nextInt(12), 1 + random.nextInt(28));
      case 6 -> LocalDateTime.of(2000 + random.nextInt(50), 1 + random.nextInt(12), 1 + random.nextInt(28),
          random.nextInt(24), random.nextInt(60), random.nextInt(60), random.nextInt(1_000_000) * 1000);
      case 7 -> OffsetDateTime.of(2000 + random.nextInt(50), 1 + random.nextInt(12), 1 + random.nextInt(28),
          random.nextInt(24), random.nextInt(60), random.nextInt(60), 0, ZoneOffset.ofHours(random.nextInt(25) - 12));
      default -> generatedString();
    };
  }

  /** What PyYAML gives for a value the SDK wrote: every int is a BigInteger, date-times with an offset are UTC. */
  private static Object expected(Object v) {
    if (v instanceof Integer || v instanceof Long) {
      return BigInteger.valueOf(((Number) v).longValue());
    }
    if (v instanceof OffsetDateTime o) {
      return o.withOffsetSameInstant(ZoneOffset.UTC);
    }
    return v;
  }

  @Test
  void generatedScalarsReadBackAsTheSameValuesUnderYaml11() {
    for (int round = 0; round < 40; round++) {
      // Given generated values (in metadata, a node property, a list) and generated keys
      Map<String, Object> values = new LinkedHashMap<>();
      List<Object> list = new ArrayList<>();
      for (int i = 0; i < 50; i++) {
        values.put("v" + i, generatedValue());
        list.add(generatedValue());
      }
      Map<String, Object> keyed = new LinkedHashMap<>();
      for (int i = 0; i < 20; i++) {
        keyed.put(generatedString(), i);
      }
      ToscaTemplate.Builder b = ToscaTemplate.builder();
      values.forEach(b::metadata);
      b.metadata("list", list).metadata("keyed", keyed);
      b.nodeTemplate(NodeTemplate.builder("vm", NodeTypes.COMPUTE).capabilityProperty("os", "image",
          values.get("v0")).build());
      ToscaTemplate t = b.build();

      // When written, and read back as PyYAML would
      String yaml = t.toYaml();
      Map<?, ?> tree = (Map<?, ?>) Yaml11Reader.read(yaml);
      Map<?, ?> meta = (Map<?, ?>) tree.get("metadata");

      // Then each value and key is what was written, type included
      values.forEach((k, v) -> assertThat(meta.get(k)).as("%s in%n%s", k, yaml).isEqualTo(expected(v)));
      assertThat(meta.get("list")).as(yaml).isEqualTo(list.stream().map(ScalarRoundTripTest::expected).toList());
      assertThat(new ArrayList<Object>(((Map<?, ?>) meta.get("keyed")).keySet())).as(yaml)
          .isEqualTo(new ArrayList<Object>(keyed.keySet()));
      // And the SDK reads its own text back to the same template, and writes that again unchanged
      ToscaTemplate reread = ToscaTemplate.parse(yaml);
      assertThat(reread).isEqualTo(t);
      assertThat(Yaml11Reader.read(reread.toYaml())).isEqualTo(tree);
    }
  }
}
