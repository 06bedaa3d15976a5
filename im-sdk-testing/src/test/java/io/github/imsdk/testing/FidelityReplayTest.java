package io.github.imsdk.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Replays the 144 exchanges recorded against a real IM 1.19.2 (core's test-jar, {@code im-contract/recorded})
 * against the emulator, in order, and the same 144 recorded against IM 2.0 ({@code recorded-im-master}) against
 * the emulator in {@link ImVersion#V2_0_0} mode, and compares what does not depend on the Dummy connector's exact values: status
 * code, media type, the {@code InfID} header's presence, the JSON shape (keys and value kinds; RADL aspects by
 * class only, since their features are connector data), the error form, and empty vs non-empty operation bodies.
 *
 * <p>Recorded infrastructure ids in paths are mapped to the ids the emulator returned for the same earlier calls.
 * An import body (the recorded export of IM's internal data) is replaced by the emulator's own export of the same
 * infrastructure, taken by the replayed {@code GET .../data}. The emulator runs on a {@link ManualClock} that
 * moves 500 ms per exchange, as time passed between the recorded calls. It is built like the recording server:
 * no internet (remote TOSCA imports fail) and an OIDC issuer list the recorded token's issuer is not on.
 */
class FidelityReplayTest {

  private static final Logger LOG = LoggerFactory.getLogger(FidelityReplayTest.class);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern UUID = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
  private static final Set<String> SKIPPED_HEADERS = Set.of("host", "content-length");

  @Test
  void everyRecordedExchangeHasTheSameShapeOnTheEmulator() throws Exception {
    assertThat(replay("recorded", ImVersion.V1_19_2)).isEqualTo(144);
  }

  @Test
  void everyExchangeRecordedAgainstIm2HasTheSameShapeOnTheEmulatorInIm2Mode() throws Exception {
    assertThat(replay("recorded-im-master", ImVersion.V2_0_0)).isEqualTo(144);
  }

  private int replay(String set, ImVersion version) throws Exception {
    // Given the recorded exchanges and an emulator configured like the recording server
    List<String> files = recordedFiles(set);
    ManualClock clock = ManualClock.startingAt(Instant.parse("2026-11-21T20:49:00Z"));
    List<String> mismatches = new ArrayList<>();
    int matched = 0;
    try (ImEmulator emulator = ImEmulator.builder()
        .clock(clock)
        .timings(EmulatorTimings.of(Duration.ofSeconds(1), Duration.ofSeconds(60)))
        .remoteImports(false)
        .oidcIssuers("https://aai.egi.eu/auth/realms/egi")
        .imVersion(version)
        .build()) {
      HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
      Map<String, String> ids = new HashMap<>();
      Map<String, String> exports = new HashMap<>();

      // When each is replayed in order
      for (String file : files) {
        JsonNode ex = read("im-contract/" + set + "/" + file);
        JsonNode rq = ex.get("request");
        JsonNode rs = ex.get("response");
        String path = mapIds(rq.get("path").asText(), ids);
        String body = rq.get("body").isNull() ? null : rq.get("body").asText();
        if (rq.get("method").asText().equals("PUT") && path.equals("/infrastructures") && body != null
            && body.startsWith("{")) {
          String recordedId = JSON.readTree(body).path("id").asText();
          body = exports.getOrDefault(ids.getOrDefault(recordedId, recordedId), body);
        }
        HttpResponse<String> actual = http.send(request(emulator.endpoint(), rq, path, body),
            HttpResponse.BodyHandlers.ofString());
        learnIds(rs, actual, ids);
        if (path.endsWith("/data") && actual.statusCode() == 200) {
          exports.put(path.split("/")[2], JSON.readTree(actual.body()).path("data").asText());
        }
        clock.advance(Duration.ofMillis(500));

        // Then status, media type and shape match
        List<String> problems = compare(rq, rs, actual);
        if (problems.isEmpty()) {
          matched++;
        } else {
          mismatches.add(file + ": " + String.join("; ", problems));
        }
      }
    }
    LOG.warn("fidelity: {} of {} exchanges recorded in {} matched the emulator in {} mode{}", matched, files.size(),
        set, version, mismatches.isEmpty() ? "" : "; mismatches:\n  " + String.join("\n  ", mismatches));
    assertThat(mismatches).as("exchanges whose status or shape differ from the recording").isEmpty();
    return matched;
  }

  private static List<String> recordedFiles(String set) throws IOException {
    List<String> files = new ArrayList<>();
    String index = new String(resource("im-contract/" + set + "-index.tsv").readAllBytes(), StandardCharsets.UTF_8);
    for (String line : index.split("\n")) {
      String file = line.split("\t")[0].trim();
      if (file.endsWith(".json")) {
        files.add(file);
      }
    }
    return files;
  }

  private static InputStream resource(String name) {
    InputStream in = FidelityReplayTest.class.getClassLoader().getResourceAsStream(name);
    if (in == null) {
      throw new IllegalStateException("missing test resource " + name + " (im-sdk-core's test-jar)");
    }
    return in;
  }

  private static JsonNode read(String name) throws IOException {
    try (InputStream in = resource(name)) {
      return JSON.readTree(in);
    }
  }

  private static String mapIds(String path, Map<String, String> ids) {
    Matcher m = UUID.matcher(path);
    StringBuilder sb = new StringBuilder();
    while (m.find()) {
      m.appendReplacement(sb, ids.getOrDefault(m.group(), m.group()));
    }
    m.appendTail(sb);
    return sb.toString();
  }

  private static void learnIds(JsonNode recorded, HttpResponse<String> actual, Map<String, String> ids) {
    String recordedId = header(recorded.get("headers"), "InfID");
    String actualId = actual.headers().firstValue("InfID").orElse(null);
    if (recordedId != null && actualId != null) {
      ids.putIfAbsent(recordedId, actualId);
    }
  }

  private static HttpRequest request(URI base, JsonNode rq, String path, String body) {
    StringBuilder query = new StringBuilder();
    rq.get("query").fields().forEachRemaining(e -> query.append(query.length() == 0 ? "?" : "&")
        .append(URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8)).append('=')
        .append(URLEncoder.encode(e.getValue().asText(), StandardCharsets.UTF_8)));
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path + query)).timeout(Duration.ofSeconds(10));
    rq.get("headers").fields().forEachRemaining(e -> {
      if (!SKIPPED_HEADERS.contains(e.getKey().toLowerCase(Locale.ROOT))) {
        b.header(e.getKey(), e.getValue().asText());
      }
    });
    HttpRequest.BodyPublisher publisher = body == null ? HttpRequest.BodyPublishers.noBody()
        : HttpRequest.BodyPublishers.ofString(body);
    return b.method(rq.get("method").asText(), publisher).build();
  }

  private static String header(JsonNode headers, String name) {
    Iterator<Map.Entry<String, JsonNode>> it = headers.fields();
    while (it.hasNext()) {
      Map.Entry<String, JsonNode> e = it.next();
      if (e.getKey().equalsIgnoreCase(name)) {
        return e.getValue().asText();
      }
    }
    return null;
  }

  private static String mediaType(String contentType) {
    return contentType == null ? "" : contentType.split(";")[0].trim().toLowerCase(Locale.ROOT);
  }

  private static List<String> compare(JsonNode rq, JsonNode rs, HttpResponse<String> actual) throws IOException {
    List<String> problems = new ArrayList<>();
    int status = rs.get("status").asInt();
    if (status != actual.statusCode()) {
      problems.add("status " + actual.statusCode() + " instead of " + status + " (" + actual.body() + ")");
      return problems;
    }
    String expectedType = mediaType(header(rs.get("headers"), "Content-Type"));
    String actualType = mediaType(actual.headers().firstValue("Content-Type").orElse(null));
    if (!expectedType.equals(actualType)) {
      problems.add("content type " + actualType + " instead of " + expectedType);
      return problems;
    }
    boolean expectedInfId = header(rs.get("headers"), "InfID") != null;
    if (expectedInfId != actual.headers().firstValue("InfID").isPresent()) {
      problems.add("InfID header " + (expectedInfId ? "missing" : "unexpected"));
    }
    String expectedBody = rs.get("body").asText();
    switch (expectedType) {
      case "application/json" -> shape("$", JSON.readTree(expectedBody), JSON.readTree(actual.body()), problems);
      case "text/uri-list" -> {
        int expectedLines = expectedBody.isEmpty() ? 0 : expectedBody.split("\n").length;
        int actualLines = actual.body().isEmpty() ? 0 : actual.body().split("\n").length;
        if (expectedLines != actualLines) {
          problems.add(actualLines + " URIs instead of " + expectedLines);
        }
        for (String uri : actual.body().isEmpty() ? new String[0] : actual.body().split("\n")) {
          if (!uri.matches("http://127\\.0\\.0\\.1:\\d+/infrastructures/[0-9a-f-]{36}(/vms/\\d+)?")) {
            problems.add("not an infrastructure or VM URI: " + uri);
          }
        }
      }
      case "text/html" -> {
        if (status >= 400 && !actual.body().contains("Code: " + status + ".")) {
          problems.add("HTML error page without 'Code: " + status + ".'");
        }
      }
      default -> {
        boolean operation = !rq.get("method").asText().equals("GET");
        if (operation && expectedBody.isEmpty() != actual.body().isEmpty()) {
          problems.add("body " + (actual.body().isEmpty() ? "empty" : "not empty: " + actual.body()));
        }
      }
    }
    return problems;
  }

  /** Compares JSON shapes: object keys, value kinds and list lengths; RADL aspects only by their class. */
  private static void shape(String at, JsonNode expected, JsonNode actual, List<String> problems) {
    if (at.equals("$.paths") || at.equals("$.info") || at.equals("$.tags") || at.startsWith("$.components")
        || at.startsWith("$.externalDocs")) {
      return; // IM's own OpenAPI document: the emulator publishes a short one with the same top-level keys
    }
    if (expected.getNodeType() != actual.getNodeType()) {
      problems.add(at + " is " + actual.getNodeType() + " instead of " + expected.getNodeType());
      return;
    }
    if (expected.isObject()) {
      if (expected.has("class")) {
        if (!expected.get("class").equals(actual.get("class"))) {
          problems.add(at + " is a RADL " + actual.get("class") + " instead of " + expected.get("class"));
        }
        return;
      }
      Set<String> ek = new TreeSet<>();
      expected.fieldNames().forEachRemaining(ek::add);
      Set<String> ak = new TreeSet<>();
      actual.fieldNames().forEachRemaining(ak::add);
      if (!ek.equals(ak)) {
        problems.add(at + " has keys " + ak + " instead of " + ek);
        return;
      }
      for (String k : ek) {
        shape(at + "." + k, expected.get(k), actual.get(k), problems);
      }
    } else if (expected.isArray()) {
      if (expected.size() != actual.size()) {
        problems.add(at + " has " + actual.size() + " items instead of " + expected.size());
        return;
      }
      for (int i = 0; i < expected.size(); i++) {
        shape(at + "[" + i + "]", expected.get(i), actual.get(i), problems);
      }
    }
  }
}
