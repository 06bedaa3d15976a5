package io.github.imsdk.core.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.imsdk.core.ImResponseException;
import io.github.imsdk.core.internal.http.ImCall;
import io.github.imsdk.core.internal.http.ImResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ResponsesTest {

  private static final ImCall CALL = ImCall.get("/infrastructures");

  private static ImResponse res(String contentType, String body) {
    return new ImResponse(200, contentType, body, Map.of());
  }

  @Test
  void readsUriListsAsTextOrJson() {
    // Given the same list as text/uri-list (with charset, CRLF, blank line) and as the two JSON forms
    String a = "http://h:8800/infrastructures/A";
    String b = "https://proxy/im/infrastructures/B/";

    // Then each gives the URIs in order
    assertThat(Responses.uris(CALL, res("text/uri-list; charset=utf-8", a + "\r\n\n" + b))).containsExactly(a, b);
    assertThat(Responses.uris(CALL, res("application/json",
        "{\"uri-list\": [{\"uri\": \"" + a + "\"}, {\"uri\": \"" + b + "\"}]}"))).containsExactly(a, b);
    assertThat(Responses.uris(CALL, res("application/json", "{\"uri\": \"" + a + "\"}"))).containsExactly(a);
    assertThat(Responses.uris(CALL, res("text/uri-list", ""))).isEmpty();
    assertThat(Responses.uris(CALL, res("application/json", "{\"uri-list\": []}"))).isEmpty();
  }

  @Test
  void detectsJsonWithoutContentTypeButNotInText() {
    assertThat(Responses.uris(CALL, res(null, "{\"uri-list\": [{\"uri\": \"http://h/infrastructures/X\"}]}")))
        .containsExactly("http://h/infrastructures/X");
    assertThat(Responses.text(CALL, res(null, "{\"contmsg\": \"log\"}"), "contmsg")).isEqualTo("log");
    assertThat(Responses.text(CALL, res("text/plain", "{\"contmsg\": \"log\"}"), "contmsg"))
        .isEqualTo("{\"contmsg\": \"log\"}");
  }

  @Test
  void extractsIdsFromTheLastSegment() {
    ImResponse r = res("text/uri-list", "");
    assertThat(Responses.lastSegment(CALL, r, "http://internal:8800/infrastructures/ID-1")).isEqualTo("ID-1");
    assertThat(Responses.lastSegment(CALL, r, "https://im.egi.eu/im/infrastructures/ID-2/")).isEqualTo("ID-2");
    assertThat(Responses.lastSegment(CALL, r, "http://h/infrastructures/X/vms/12")).isEqualTo("12");
    assertThatThrownBy(() -> Responses.lastSegment(CALL, r, "http://h/"))
        .isInstanceOf(ImResponseException.class).hasMessageContaining("GET /infrastructures");
    assertThatThrownBy(() -> Responses.lastSegment(CALL, r, "not a uri with spaces"))
        .isInstanceOf(ImResponseException.class);
  }

  @Test
  void invalidJsonIsReportedByLocationWithoutQuotingTheBody() {
    // Given a JSON body cut off after a secret
    ImResponse r = res("application/json", "{\"password\": \"Sup3rSecretValue\" ,, }");

    // When it is parsed
    Throwable e = org.assertj.core.api.Assertions.catchThrowable(() -> Responses.json(CALL, r));

    // Then the message gives the location only and no cause quotes the body
    assertThat(e).isInstanceOf(ImResponseException.class).hasMessageContaining("at line 1, column")
        .hasMessageNotContaining("Sup3rSecretValue").hasNoCause();
  }

  @Test
  void typedFieldsFailOnTheWrongTypeAndAreEmptyOnlyWhenAbsent() {
    // Given a JSON object with fields of several types
    ImResponse r = res("application/json", "{\"n\": 4, \"f\": 4.0, \"half\": 2.5, \"s\": \"4\", "
        + "\"big\": 3000000000, \"b\": true, \"nul\": null}");
    var node = Responses.json(CALL, r);

    // When / Then whole numbers (also 4.0) are read, absent and null fields are empty
    assertThat(Responses.intField(CALL, r, node, "n")).hasValue(4);
    assertThat(Responses.longField(CALL, r, node, "f")).hasValue(4L);
    assertThat(Responses.longField(CALL, r, node, "big")).hasValue(3_000_000_000L);
    assertThat(Responses.intField(CALL, r, node, "absent")).isEmpty();
    assertThat(Responses.intField(CALL, r, node, "nul")).isEmpty();
    assertThat(Responses.textField(CALL, r, node, "s")).hasValue("4");
    assertThat(Responses.textField(CALL, r, node, "absent")).isEmpty();
    assertThat(Responses.booleanField(CALL, r, node, "b")).hasValue(true);
    // And a string number, a fraction, an out-of-range int and a number as text fail naming call and field
    assertThatThrownBy(() -> Responses.intField(CALL, r, node, "s")).isInstanceOf(ImResponseException.class)
        .hasMessageStartingWith("GET /infrastructures").hasMessageContaining("'s' is not a whole number");
    assertThatThrownBy(() -> Responses.longField(CALL, r, node, "half")).isInstanceOf(ImResponseException.class)
        .hasMessageContaining("'half'");
    assertThatThrownBy(() -> Responses.intField(CALL, r, node, "big")).isInstanceOf(ImResponseException.class)
        .hasMessageContaining("'big'");
    assertThatThrownBy(() -> Responses.textField(CALL, r, node, "n")).isInstanceOf(ImResponseException.class)
        .hasMessageContaining("'n' is not a string");
    assertThatThrownBy(() -> Responses.booleanField(CALL, r, node, "s")).isInstanceOf(ImResponseException.class)
        .hasMessageContaining("'s' is not a boolean");
  }

  @Test
  void anObjectFieldIsReadInOnePassWithTheTypesOfATreeReadAndTheSameErrors() {
    // A well-formed answer: values keep the types the tree-then-map path gave (Integer, Long, BigDecimal, maps)
    Map<String, Object> m = Responses.objectField(CALL, res("application/json",
        "{\"outputs\": {\"port\": 80, \"big\": 12345678901, \"f\": 1.5, \"l\": [1, {\"b\": null}]}}"),
        "outputs");
    assertThat(m).containsOnlyKeys("port", "big", "f", "l");
    assertThat(m.get("port")).isEqualTo(80);
    assertThat(m.get("big")).isEqualTo(12345678901L);
    assertThat(m.get("f")).isEqualTo(new java.math.BigDecimal("1.5")); // the SDK's mapper keeps decimals exact
    assertThat(m.get("l")).isEqualTo(java.util.List.of(1, java.util.Collections.singletonMap("b", null)));

    // Every malformed shape is a typed error naming the call, never quoting the body
    assertThatThrownBy(() -> Responses.objectField(CALL, res("application/json", "{\"outputs\": {\"pw-Jx\""),
        "outputs")).isInstanceOf(ImResponseException.class).hasMessageContaining("not valid JSON")
        .message().doesNotContain("pw-Jx");
    assertThatThrownBy(() -> Responses.objectField(CALL, res("application/json", " "), "outputs"))
        .isInstanceOf(ImResponseException.class).hasMessageContaining("empty body");
    assertThatThrownBy(() -> Responses.objectField(CALL, res("application/json", "[1]"), "outputs"))
        .isInstanceOf(ImResponseException.class).hasMessageContaining("expected a JSON object with 'outputs'");
    assertThatThrownBy(() -> Responses.objectField(CALL, res("application/json", "{\"other\": {}}"), "outputs"))
        .isInstanceOf(ImResponseException.class).hasMessageContaining("expected a JSON object with 'outputs'");
    assertThatThrownBy(() -> Responses.objectField(CALL, res("application/json", "{\"outputs\": [1]}"), "outputs"))
        .isInstanceOf(ImResponseException.class).hasMessageContaining("'outputs' is not a JSON object");
    assertThatThrownBy(() -> Responses.objectField(CALL, res("application/json", "{\"outputs\": null}"),
        "outputs")).isInstanceOf(ImResponseException.class).hasMessageContaining("'outputs' is not a JSON object");
  }

  @Test
  void garbledOrUnexpectedBodiesNameTheCall() {
    assertThatThrownBy(() -> Responses.uris(CALL, res("application/json", "{\"uri-list\": [")))
        .isInstanceOf(ImResponseException.class)
        .hasMessageStartingWith("GET /infrastructures (HTTP 200): the body is not valid JSON");
    assertThatThrownBy(() -> Responses.uris(CALL, res("application/json", "{\"other\": 1}")))
        .isInstanceOf(ImResponseException.class).hasMessageContaining("uri-list");
    assertThatThrownBy(() -> Responses.uris(CALL, res("application/json", "{\"uri-list\": [{\"url\": 1}]}")))
        .isInstanceOf(ImResponseException.class).hasMessageContaining("'uri'");
    assertThatThrownBy(() -> Responses.field(CALL, res("application/json", "[]"), "state"))
        .isInstanceOf(ImResponseException.class).hasMessageContaining("'state'");
    assertThatThrownBy(() -> Responses.json(CALL, res("application/json", "")))
        .isInstanceOf(ImResponseException.class).hasMessageContaining("empty body");
    assertThatThrownBy(() -> Responses.text(CALL, res("application/json", "{\"radl\": null}"), "radl"))
        .isInstanceOf(ImResponseException.class).hasMessageContaining("null");
    assertThatThrownBy(() -> Responses.uri(CALL, res("text/uri-list", "")))
        .isInstanceOf(ImResponseException.class).hasMessageContaining("expected one URI, got 0");
  }

  @Test
  void propertyValuesKeepTheirTextForm() {
    assertThat(Responses.text(CALL, res("application/json", "{\"cpu.count\": 2}"), "cpu.count")).isEqualTo("2");
    assertThat(Responses.text(CALL, res("application/json", "{\"x\": [1, \"a\"]}"), "x")).isEqualTo("[1,\"a\"]");
    assertThat(Responses.text(CALL, res("text/plain; charset=utf-8", "127.0.0.7"), "ip")).isEqualTo("127.0.0.7");
  }
}
