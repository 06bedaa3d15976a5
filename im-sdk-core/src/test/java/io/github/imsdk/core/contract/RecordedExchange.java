package io.github.imsdk.core.contract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * One recorded IM exchange from {@code src/test/resources/im-contract/<set>/NNN-name.json}.
 *
 * @param set the recording set ({@code recorded} = IM 1.19.2, {@code recorded-im-master} = IM 2.0)
 * @param file the file name
 * @param name the exchange name without its number (the same in both sets)
 * @param method the request method
 * @param path the request path (decoded, no query)
 * @param query the decoded query parameters
 * @param requestHeaders the request headers, case-insensitive
 * @param requestBody the request body, or null
 * @param status the response status
 * @param responseHeaders the response headers, case-insensitive
 * @param responseBody the raw response body
 */
public record RecordedExchange(
    String set, String file, String name, String method, String path, Map<String, String> query,
    Map<String, String> requestHeaders, String requestBody, int status, Map<String, String> responseHeaders,
    String responseBody) {

  /** The two recording sets. */
  public static final List<String> SETS = List.of("recorded", "recorded-im-master");

  private static final ObjectMapper JSON = new ObjectMapper();

  /** Loads every exchange of every set, in file order. */
  public static List<RecordedExchange> all() {
    List<RecordedExchange> out = new ArrayList<>();
    for (String set : SETS) {
      out.addAll(load(set));
    }
    return out;
  }

  /** Loads every exchange of {@code set}, in file order. */
  public static List<RecordedExchange> load(String set) {
    Path dir = dir(set);
    try (Stream<Path> files = Files.list(dir)) {
      return files.filter(p -> p.getFileName().toString().endsWith(".json")).sorted()
          .map(p -> read(set, p)).toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Loads the exchange {@code name} (without number) of {@code set}. */
  public static RecordedExchange named(String set, String name) {
    return load(set).stream().filter(e -> e.name().equals(name)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no exchange " + name + " in " + set));
  }

  private static Path dir(String set) {
    try {
      var url = RecordedExchange.class.getClassLoader().getResource("im-contract/" + set);
      if (url == null) {
        throw new IllegalStateException("im-contract/" + set + " is not on the test classpath");
      }
      return Path.of(url.toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  private static RecordedExchange read(String set, Path file) {
    try {
      JsonNode root = JSON.readTree(file.toFile());
      JsonNode req = root.get("request");
      JsonNode res = root.get("response");
      Map<String, String> query = new LinkedHashMap<>();
      req.path("query").fields().forEachRemaining(e -> query.put(e.getKey(), e.getValue().asText()));
      String fileName = file.getFileName().toString();
      return new RecordedExchange(set, fileName, root.get("name").asText(), req.get("method").asText(),
          req.get("path").asText(), query, headers(req.get("headers")),
          req.get("body").isNull() ? null : req.get("body").asText(), res.get("status").asInt(),
          headers(res.get("headers")), res.get("body").asText());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
  }

  private static Map<String, String> headers(JsonNode node) {
    Map<String, String> h = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    node.fields().forEachRemaining(e -> h.put(e.getKey(), e.getValue().asText()));
    return h;
  }

  /** Returns a request header. */
  public Optional<String> requestHeader(String name) {
    return Optional.ofNullable(requestHeaders.get(name));
  }

  /** Returns a response header. */
  public Optional<String> responseHeader(String name) {
    return Optional.ofNullable(responseHeaders.get(name));
  }

  /** Returns segment {@code i} of the request path ({@code /infrastructures/ID/vms/0}: 0 = infrastructures). */
  public String pathSegment(int i) {
    return path.substring(1).split("/")[i];
  }

  /** Tells whether the response is JSON by its content type. */
  public boolean responseIsJson() {
    return responseHeader("Content-Type").orElse("").toLowerCase().startsWith("application/json");
  }

  /** Parses the response body as JSON. */
  public JsonNode responseJson() {
    try {
      return JSON.readTree(responseBody);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Returns the body text, or field {@code field} of a JSON body. */
  public String responseText(String field) {
    return responseIsJson() ? responseJson().get(field).asText() : responseBody;
  }

  @Override
  public String toString() {
    return set + "/" + file;
  }
}
