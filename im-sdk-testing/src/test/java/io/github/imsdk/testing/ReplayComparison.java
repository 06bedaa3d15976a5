package io.github.imsdk.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Compares one recorded IM answer with the emulator's: status, media type, the {@code InfID} header's presence, the
 * JSON shape (keys and value kinds; RADL aspects by class only, since their features are connector data), the error
 * form, empty vs non-empty operation bodies and, for text answers that are IM's own text (an infrastructure's
 * {@code contmsg}, {@code tosca} and {@code radl}, a VM's {@code contmsg}), the body itself after normalisation.
 *
 * <p>Normalisation of text bodies, because these values change from run to run on a real IM too: infrastructure
 * ids (UUIDs) become {@code <id>}, base URLs {@code <base>}, log timestamps ({@code 2026-12-07 14:18:42.447188})
 * {@code <time>}, and IPv4 addresses {@code <ip>} (Dummy gives every VM 127.0.0.2, the emulator distinct loopback
 * addresses). Nothing else is rewritten.
 *
 * <p>Timing-dependent exchanges (the recording's README lists them) are compared by status, media type and
 * top-level JSON keys only: they show one possible interleaving of IM's threads.
 */
final class ReplayComparison {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern UUID = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
  private static final Pattern BASE = Pattern.compile("http://127\\.0\\.0\\.1:\\d+");
  private static final Pattern TIME = Pattern.compile("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}(\\.\\d+)?");
  private static final Pattern IP = Pattern.compile("\\b127\\.\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}\\b");
  private static final Pattern TEXT_BODY_PATH =
      Pattern.compile("/infrastructures/[^/]+/(contmsg|tosca|radl)|/infrastructures/[^/]+/vms/\\d+/contmsg");

  private ReplayComparison() {}

  static String normalise(String text) {
    String s = UUID.matcher(text).replaceAll("<id>");
    s = BASE.matcher(s).replaceAll("<base>");
    s = TIME.matcher(s).replaceAll("<time>");
    return IP.matcher(s).replaceAll("<ip>");
  }

  static String header(JsonNode headers, String name) {
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

  /** Returns what differs; empty when the emulator answered like the recording. */
  static List<String> compare(JsonNode rq, JsonNode rs, HttpResponse<String> actual, boolean timingDependent,
      boolean compareText) throws IOException {
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
    if (timingDependent) {
      if (expectedType.equals("application/json")) {
        topKeys(JSON.readTree(expectedBody), JSON.readTree(actual.body()), problems);
      }
      return problems;
    }
    switch (expectedType) {
      case "application/json" -> shape("$", JSON.readTree(expectedBody), JSON.readTree(actual.body()), problems);
      case "text/uri-list" -> uriList(expectedBody, actual.body(), problems);
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
        boolean imText = status == 200 && rq.get("method").asText().equals("GET")
            && TEXT_BODY_PATH.matcher(rq.get("path").asText()).matches();
        if (compareText && imText && !normalise(expectedBody).equals(normalise(actual.body()))) {
          problems.add("text body differs:\n--- recorded\n" + normalise(expectedBody) + "\n--- emulator\n"
              + normalise(actual.body()));
        }
      }
    }
    return problems;
  }

  private static void uriList(String expectedBody, String actualBody, List<String> problems) {
    int expectedLines = expectedBody.isEmpty() ? 0 : expectedBody.split("\n").length;
    int actualLines = actualBody.isEmpty() ? 0 : actualBody.split("\n").length;
    if (expectedLines != actualLines) {
      problems.add(actualLines + " URIs instead of " + expectedLines);
    }
    for (String uri : actualBody.isEmpty() ? new String[0] : actualBody.split("\n")) {
      if (!uri.matches("http://127\\.0\\.0\\.1:\\d+/infrastructures/[0-9a-f-]{36}(/vms/\\d+)?")) {
        problems.add("not an infrastructure or VM URI: " + uri);
      }
    }
  }

  private static void topKeys(JsonNode expected, JsonNode actual, List<String> problems) {
    if (expected.getNodeType() != actual.getNodeType()) {
      problems.add("$ is " + actual.getNodeType() + " instead of " + expected.getNodeType());
    } else if (expected.isObject()) {
      Set<String> ek = new TreeSet<>();
      expected.fieldNames().forEachRemaining(ek::add);
      Set<String> ak = new TreeSet<>();
      actual.fieldNames().forEachRemaining(ak::add);
      if (!ek.equals(ak)) {
        problems.add("$ has keys " + ak + " instead of " + ek);
      }
    }
  }

  /** Compares JSON shapes: object keys, value kinds and list lengths; RADL aspects only by their class. */
  private static void shape(String at, JsonNode expected, JsonNode actual, List<String> problems) {
    if (at.equals("$.paths") || at.equals("$.info") || at.equals("$.tags") || at.startsWith("$.components")
        || at.startsWith("$.externalDocs")) {
      return; // IM's own OpenAPI document: the emulator publishes a short one with the same top-level keys
    }
    if (expected.getNodeType() != actual.getNodeType()) {
      problems.add(at + " is " + actual.getNodeType() + " instead of " + expected.getNodeType()
          + " (" + actual + " vs recorded " + expected + ")");
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
