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
    assertThat(Responses.text(CALL, res("text/plain; charset=utf-8", "10.0.0.1"), "ip")).isEqualTo("10.0.0.1");
  }
}
