package io.github.imsdk.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import org.junit.jupiter.api.Test;

class OutputsTest {

  private static Outputs sample() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("url", "http://127.0.0.1:8080/");
    m.put("port", 8080);
    m.put("ratio", new BigDecimal("0.5"));
    m.put("count_text", " 3 ");
    m.put("ips", List.of("127.0.0.1", "127.0.0.2"));
    m.put("creds", Map.of("user", "cloudadm", "token", "s3cret", "token_type", "password"));
    m.put("nothing", null);
    m.put("flag", true);
    return Outputs.of(m);
  }

  @Test
  void typedAccessorsReturnEachKind() {
    Outputs o = sample();
    assertThat(o.names()).containsExactly("url", "port", "ratio", "count_text", "ips", "creds", "nothing", "flag");
    assertThat(o.string("url")).isEqualTo("http://127.0.0.1:8080/");
    assertThat(o.string("port")).isEqualTo("8080");
    assertThat(o.string("flag")).isEqualTo("true");
    assertThat(o.number("port")).isEqualByComparingTo("8080");
    assertThat(o.number("ratio")).isEqualByComparingTo("0.5");
    assertThat(o.number("count_text")).isEqualByComparingTo("3");
    assertThat(o.list("ips")).containsExactly("127.0.0.1", "127.0.0.2");
    assertThat(o.map("creds")).containsEntry("user", "cloudadm");
    OutputCredential c = o.credential("creds");
    assertThat(c).isEqualTo(new OutputCredential("cloudadm", "s3cret", "password"));
    assertThat(o.value("nothing")).isEmpty();
    assertThat(o.has("nothing")).isTrue();
  }

  @Test
  void wrongNamesAndTypesSayWhatWasWrong() {
    Outputs o = sample();
    assertThatThrownBy(() -> o.string("missing")).isInstanceOf(NoSuchElementException.class)
        .hasMessageContaining("no output 'missing'").hasMessageContaining("url");
    assertThatThrownBy(() -> o.string("ips")).isInstanceOf(IllegalStateException.class)
        .hasMessage("output 'ips' is a list, not a string");
    assertThatThrownBy(() -> o.number("url")).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("output 'url' is not a number");
    assertThatThrownBy(() -> o.list("creds")).isInstanceOf(IllegalStateException.class)
        .hasMessage("output 'creds' is a map, not a list");
    assertThatThrownBy(() -> o.map("port")).isInstanceOf(IllegalStateException.class)
        .hasMessage("output 'port' is a number, not a map");
    assertThatThrownBy(() -> o.credential("url")).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> o.string("nothing")).isInstanceOf(IllegalStateException.class)
        .hasMessage("output 'nothing' is null");
    Outputs notCred = Outputs.of(Map.of("c", Map.of("user", "u")));
    assertThatThrownBy(() -> notCred.credential("c")).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("not a credential");
  }

  @Test
  void toStringShowsNamesNotValues() {
    assertThat(sample().toString()).contains("creds").doesNotContain("s3cret").doesNotContain("127.0.0.1");
    assertThat(sample().credential("creds").toString()).doesNotContain("s3cret");
  }
}
