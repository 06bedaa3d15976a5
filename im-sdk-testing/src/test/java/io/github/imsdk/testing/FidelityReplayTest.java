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
 * Replays exchanges recorded against real IM servers (core's test-jar, {@code im-contract/}) against the emulator,
 * in order, and compares them with {@link ReplayComparison}: the first set (144 exchanges; {@code recorded} from IM
 * 1.19.2, {@code recorded-im-master} from IM 2.0) and the second (217 each; {@code recorded-2},
 * {@code recorded-2-im-master}), each in the matching {@link ImVersion} mode. For the second set the text bodies
 * of IM's own text answers (contmsg, TOSCA, RADL) are compared too, after the documented normalisation.
 *
 * <p>Recorded infrastructure ids in paths are mapped to the ids the emulator returned for the same earlier calls.
 * An import body (the recorded export of IM's internal data) is replaced by the emulator's own export of the same
 * infrastructure, taken by the replayed {@code GET .../data}. The emulator runs on a {@link ManualClock}. For the
 * first set it moves 500 ms per exchange. For the second it follows the recording: it moves 2 ms per exchange and
 * jumps to the recorded {@code Date} when that is later, with IM's Dummy timings (VMs run at once; contextualization
 * runs until the 60 s limit the recording server was given) and busy windows of 7 ms after an asynchronous create
 * (so the recorded 409s come at the same calls) and 5 ms after an asynchronous destroy. The recording server's VMs
 * cannot be reached by SSH, so before the Ansible group (file 165) the replay injects the fault that makes the next
 * two VMs end {@code unconfigured}. The emulator is built like the recording server: no internet (remote TOSCA
 * imports fail) and an OIDC issuer list the recorded token's issuer is not on.
 */
class FidelityReplayTest {

  private static final Logger LOG = LoggerFactory.getLogger(FidelityReplayTest.class);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern UUID = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
  private static final Set<String> SKIPPED_HEADERS = Set.of("host", "content-length");
  /** The second set's timing-dependent files, as its README lists them. */
  private static final Pattern TIMING_DEPENDENT = Pattern.compile("(01[89]|02[0-9]|14[678]|16[6-9]|17[0-5])-.*");

  @Test
  void everyRecordedExchangeHasTheSameShapeOnTheEmulator() throws Exception {
    assertThat(replay("recorded", ImVersion.V1_19_2)).isEqualTo(144);
  }

  @Test
  void everyExchangeRecordedAgainstIm2HasTheSameShapeOnTheEmulatorInIm2Mode() throws Exception {
    assertThat(replay("recorded-im-master", ImVersion.V2_0_0)).isEqualTo(144);
  }

  @Test
  void theSecondSetRecordedAgainstIm119ReplaysOnTheEmulator() throws Exception {
    assertThat(replay("recorded-2", ImVersion.V1_19_2)).isEqualTo(217 - KnownDifferences.of(false).size());
  }

  @Test
  void theSecondSetRecordedAgainstIm2ReplaysOnTheEmulatorInIm2Mode() throws Exception {
    assertThat(replay("recorded-2-im-master", ImVersion.V2_0_0)).isEqualTo(217 - KnownDifferences.of(true).size());
  }

  private int replay(String set, ImVersion version) throws Exception {
    // Given the recorded exchanges and an emulator configured like the recording server
    boolean second = set.startsWith("recorded-2");
    List<String> files = recordedFiles(set);
    ManualClock clock = ManualClock.startingAt(Instant.parse(second ? "2026-12-07T14:18:30Z" : "2026-11-21T20:49:00Z"));
    EmulatorTimings timings = second
        ? EmulatorTimings.of(Duration.ZERO, Duration.ofSeconds(59)).withAdding(Duration.ofMillis(7))
            .withDeleting(Duration.ofMillis(5))
        : EmulatorTimings.of(Duration.ofSeconds(1), Duration.ofSeconds(60));
    List<String> mismatches = new ArrayList<>();
    List<String> known = new ArrayList<>();
    Map<String, String> knownDifferences = second ? KnownDifferences.of(version == ImVersion.V2_0_0) : Map.of();
    int matched = 0;
    try (ImEmulator emulator = ImEmulator.builder()
        .clock(clock)
        .timings(timings)
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
        if (second) {
          if (file.startsWith("165-")) {
            emulator.inject(Fault.nextVmsEndIn(io.github.imsdk.core.State.UNCONFIGURED).times(2));
          }
          followRecordedDate(clock, rs);
        }
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
        if (!second) {
          clock.advance(Duration.ofMillis(500));
        }

        // Then status, media type and shape (and, for the second set, IM's text bodies) match
        List<String> problems = ReplayComparison.compare(rq, rs, actual,
            second && TIMING_DEPENDENT.matcher(file).matches(), second);
        String reason = knownDifferences.get(file.substring(0, 3));
        if (problems.isEmpty()) {
          matched++;
          if (reason != null) {
            mismatches.add(file + ": matches now; remove it from KnownDifferences");
          }
        } else if (reason != null) {
          known.add(file + " (" + reason + ")");
        } else {
          mismatches.add(file + ": " + String.join("; ", problems));
        }
      }
    }
    LOG.warn("fidelity: {} of {} exchanges recorded in {} matched the emulator in {} mode{}{}", matched,
        files.size(), set, version, known.isEmpty() ? "" : "; known differences:\n  " + String.join("\n  ", known),
        mismatches.isEmpty() ? "" : "; mismatches:\n  " + String.join("\n  ", mismatches));
    assertThat(mismatches).as("exchanges whose status or shape differ from the recording").isEmpty();
    return matched;
  }

  /** Moves the clock 2 ms, or to the recorded answer's Date when that is later (the Date has whole seconds). */
  private static void followRecordedDate(ManualClock clock, JsonNode rs) {
    clock.advance(Duration.ofMillis(2));
    String date = ReplayComparison.header(rs.get("headers"), "Date");
    if (date != null) {
      Instant recorded = java.time.ZonedDateTime.parse(date, java.time.format.DateTimeFormatter.RFC_1123_DATE_TIME)
          .toInstant();
      if (recorded.isAfter(clock.instant())) {
        clock.advance(Duration.between(clock.instant(), recorded));
      }
    }
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
    return ReplayComparison.header(headers, name);
  }
}
