package io.github.imsdk.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Python's json.dumps and str(), as im_client prints values (expected strings written with CPython 3). */
class PyFormatTest {

  private static Map<String, Object> sample() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("s", "it's \"q\" é\n");
    m.put("i", 5);
    m.put("f", 2.0);
    m.put("small", 1e-5);
    m.put("d", new BigDecimal("1.50"));
    m.put("b", true);
    m.put("n", null);
    m.put("l", Arrays.asList(1, "a", List.of()));
    m.put("e", Map.of());
    return m;
  }

  @Test
  void jsonDumpsIndentFour() {
    assertThat(PyFormat.jsonIndented(sample())).isEqualTo("""
        {
            "s": "it's \\"q\\" \\u00e9\\n",
            "i": 5,
            "f": 2.0,
            "small": 1e-05,
            "d": 1.50,
            "b": true,
            "n": null,
            "l": [
                1,
                "a",
                []
            ],
            "e": {}
        }""");
  }

  @Test
  void jsonDumpsOneLine() {
    assertThat(PyFormat.json(Map.of("infid", "x"))).isEqualTo("{\"infid\": \"x\"}");
    assertThat(PyFormat.json(List.of(1, 2))).isEqualTo("[1, 2]");
  }

  @Test
  void strLikePython() {
    assertThat(PyFormat.str(sample())).isEqualTo("{'s': 'it\\'s \"q\" é\\n', 'i': 5, 'f': 2.0, 'small': 1e-05, "
        + "'d': 1.50, 'b': True, 'n': None, 'l': [1, 'a', []], 'e': {}}");
    assertThat(PyFormat.str("plain")).isEqualTo("plain");
    assertThat(PyFormat.str("it's")).isEqualTo("it's");
    assertThat(PyFormat.str(List.of("it's"))).isEqualTo("[\"it's\"]");
  }
}
