package io.github.imsdk.core.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import io.github.imsdk.core.ImResponseException;
import io.github.imsdk.core.internal.http.ImCall;
import io.github.imsdk.core.internal.http.ImResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * Reads IM answers by their content type: {@code text/uri-list} or JSON for lists, text or {@code {"<prop>": v}}
 * for properties. A body that does not have the expected shape gives an {@link ImResponseException} naming the
 * call; nothing is silently defaulted.
 */
public final class Responses {

  private static final TypeReference<LinkedHashMap<String, Object>> MAP = new TypeReference<>() {};
  /** Reads a map from a parsed tree directly; {@code convertValue} would serialize the tree and parse it again. */
  private static final com.fasterxml.jackson.databind.ObjectReader MAP_READER = Json.MAPPER.readerFor(MAP);
  /** Reads any JSON value as maps, lists and scalars, the types a map's values get. */
  private static final com.fasterxml.jackson.databind.ObjectReader UNTYPED_READER =
      Json.MAPPER.readerFor(Object.class);

  private Responses() {}

  /** Returns the URIs of a {@code text/uri-list} body or of JSON {@code {"uri-list": [{"uri": ...}]}} / {@code {"uri": ...}}. */
  public static List<String> uris(ImCall call, ImResponse r) {
    if (!r.isJson()) {
      List<String> out = new ArrayList<>();
      for (String line : r.body().split("\\r?\\n")) {
        String t = line.strip();
        if (!t.isEmpty() && !t.startsWith("#")) {
          out.add(t);
        }
      }
      return out;
    }
    JsonNode root = json(call, r);
    if (root.isObject() && root.has("uri-list")) {
      JsonNode list = root.get("uri-list");
      if (!list.isArray()) {
        throw bad(call, r, "'uri-list' is not a JSON array");
      }
      List<String> out = new ArrayList<>();
      for (JsonNode item : list) {
        JsonNode uri = item.isObject() ? item.get("uri") : item;
        if (uri == null || !uri.isTextual()) {
          throw bad(call, r, "an entry of 'uri-list' has no 'uri' string");
        }
        out.add(uri.asText());
      }
      return out;
    }
    if (root.isObject() && root.has("uri")) {
      return List.of(textual(call, r, root.get("uri"), "uri"));
    }
    throw bad(call, r, "expected a uri-list, got JSON without 'uri-list' or 'uri'");
  }

  /** Returns the single URI of a create/import answer. */
  public static String uri(ImCall call, ImResponse r) {
    List<String> uris = uris(call, r);
    if (uris.size() != 1) {
      throw bad(call, r, "expected one URI, got " + uris.size());
    }
    return uris.get(0);
  }

  /** Returns the last path segment of {@code uri}, e.g. the VM id of {@code .../vms/3}. */
  public static String lastSegment(ImCall call, ImResponse r, String uri) {
    String path;
    try {
      path = java.net.URI.create(uri.trim()).getPath();
    } catch (IllegalArgumentException e) {
      throw new ImResponseException(call.method(), call.path(), r.status(), "not a URI: '" + uri + "'", e);
    }
    if (path == null) {
      throw bad(call, r, "URI without a path: '" + uri + "'");
    }
    String p = path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    String seg = p.substring(p.lastIndexOf('/') + 1);
    if (seg.isEmpty()) {
      throw bad(call, r, "URI without an id: '" + uri + "'");
    }
    return seg;
  }

  /** Parses the body as JSON. */
  public static JsonNode json(ImCall call, ImResponse r) {
    try {
      JsonNode node = Json.MAPPER.readTree(r.body());
      if (node == null || node.isMissingNode()) {
        throw bad(call, r, "empty body where JSON was expected");
      }
      return node;
    } catch (JsonProcessingException e) {
      throw notJson(call, r, e);
    }
  }

  /**
   * Returns field {@code name} of a JSON object body as a map, parsed in one pass (no tree): the same errors as
   * {@link #field} then {@link #toMap}.
   */
  @SuppressWarnings("unchecked")
  public static Map<String, Object> objectField(ImCall call, ImResponse r, String name) {
    if (r.body().isBlank()) {
      throw bad(call, r, "empty body where JSON was expected");
    }
    Object root;
    try {
      root = UNTYPED_READER.readValue(r.body());
    } catch (JsonProcessingException e) {
      throw notJson(call, r, e);
    }
    if (!(root instanceof Map<?, ?> m) || !m.containsKey(name)) {
      throw bad(call, r, "expected a JSON object with '" + name + "'");
    }
    if (!(m.get(name) instanceof Map<?, ?> value)) {
      throw bad(call, r, "'" + name + "' is not a JSON object");
    }
    return (Map<String, Object>) value;
  }

  /**
   * Returns the error for a body Jackson could not parse: only the location, since Jackson's message quotes the
   * body, which may hold secrets, so neither it nor the exception (its cause chain) is kept.
   */
  private static ImResponseException notJson(ImCall call, ImResponse r, JsonProcessingException e) {
    com.fasterxml.jackson.core.JsonLocation at = e.getLocation();
    String where = at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
    return new ImResponseException(call.method(), call.path(), r.status(),
        "the body is not valid JSON (content type '" + r.contentType() + "')" + where, null);
  }

  /** Returns field {@code name} of a JSON object body. */
  public static JsonNode field(ImCall call, ImResponse r, String name) {
    JsonNode root = json(call, r);
    if (!root.isObject() || !root.has(name)) {
      throw bad(call, r, "expected a JSON object with '" + name + "'");
    }
    return root.get(name);
  }

  /**
   * Returns the text of a property answer: the body of a text answer, or field {@code name} of a JSON one
   * (numbers and booleans as text).
   */
  public static String text(ImCall call, ImResponse r, String name) {
    if (!r.isJson()) {
      return r.body();
    }
    JsonNode v = field(call, r, name);
    if (v.isNull()) {
      throw bad(call, r, "'" + name + "' is null");
    }
    return v.isValueNode() ? v.asText() : v.toString();
  }

  /** Returns a JSON string value, or fails naming the field. */
  public static String textual(ImCall call, ImResponse r, JsonNode node, String what) {
    if (node == null || !node.isTextual()) {
      throw bad(call, r, "'" + what + "' is missing or not a string");
    }
    return node.asText();
  }

  /**
   * Returns the string field {@code name} of {@code node}; empty when it is absent or JSON {@code null}.
   *
   * @throws ImResponseException naming the call and the field if it is present but not a string
   */
  public static Optional<String> textField(ImCall call, ImResponse r, JsonNode node, String name) {
    JsonNode v = node.get(name);
    if (v == null || v.isNull()) {
      return Optional.empty();
    }
    if (!v.isTextual()) {
      throw bad(call, r, "'" + name + "' is not a string (got " + kind(v) + ")");
    }
    return Optional.of(v.asText());
  }

  /**
   * Returns the whole-number field {@code name} of {@code node}; empty when it is absent or JSON {@code null}. A
   * float with no fractional part ({@code 4.0}) is accepted, because IM may compute these values as floats.
   *
   * @throws ImResponseException naming the call and the field if it is present but not a whole JSON number
   *     (a string such as {@code "4"}, a fraction such as {@code 2.5}, or out of the {@code long} range)
   */
  public static OptionalLong longField(ImCall call, ImResponse r, JsonNode node, String name) {
    JsonNode v = node.get(name);
    if (v == null || v.isNull()) {
      return OptionalLong.empty();
    }
    if (v.isIntegralNumber() && v.canConvertToLong()) {
      return OptionalLong.of(v.longValue());
    }
    if (v.isFloatingPointNumber() && v.canConvertToExactIntegral() && v.canConvertToLong()) {
      return OptionalLong.of(v.longValue());
    }
    throw bad(call, r, "'" + name + "' is not a whole number (got " + kind(v) + ")");
  }

  /**
   * Returns the whole-number field {@code name} of {@code node} as an {@code int}; empty when it is absent or
   * JSON {@code null}.
   *
   * @throws ImResponseException naming the call and the field if it is present but not a whole JSON number in
   *     the {@code int} range
   */
  public static OptionalInt intField(ImCall call, ImResponse r, JsonNode node, String name) {
    OptionalLong v = longField(call, r, node, name);
    if (v.isEmpty()) {
      return OptionalInt.empty();
    }
    if (v.getAsLong() < Integer.MIN_VALUE || v.getAsLong() > Integer.MAX_VALUE) {
      throw bad(call, r, "'" + name + "' is out of range: " + v.getAsLong());
    }
    return OptionalInt.of((int) v.getAsLong());
  }

  /**
   * Returns the boolean field {@code name} of {@code node}; empty when it is absent or JSON {@code null}.
   *
   * @throws ImResponseException naming the call and the field if it is present but not a JSON boolean
   */
  public static Optional<Boolean> booleanField(ImCall call, ImResponse r, JsonNode node, String name) {
    JsonNode v = node.get(name);
    if (v == null || v.isNull()) {
      return Optional.empty();
    }
    if (!v.isBoolean()) {
      throw bad(call, r, "'" + name + "' is not a boolean (got " + kind(v) + ")");
    }
    return Optional.of(v.booleanValue());
  }

  /** Names the JSON type of {@code v}, never its value (which may be user data). */
  private static String kind(JsonNode v) {
    if (v.isTextual()) {
      return "a string";
    }
    if (v.isNumber()) {
      return v.isIntegralNumber() ? "a number out of range" : "a fraction";
    }
    if (v.isBoolean()) {
      return "a boolean";
    }
    if (v.isArray()) {
      return "an array";
    }
    return v.isObject() ? "an object" : v.getNodeType().toString().toLowerCase(java.util.Locale.ROOT);
  }

  /** Converts a JSON object into a map of plain Java values. */
  public static Map<String, Object> toMap(ImCall call, ImResponse r, JsonNode node, String what) {
    if (node == null || !node.isObject()) {
      throw bad(call, r, "'" + what + "' is not a JSON object");
    }
    try {
      return MAP_READER.readValue(node);
    } catch (java.io.IOException e) {
      throw bad(call, r, "'" + what + "' cannot be read as a JSON object");
    }
  }

  /** Returns an {@link ImResponseException} for a body that does not fit the call. */
  public static ImResponseException bad(ImCall call, ImResponse r, String why) {
    return new ImResponseException(call.method(), call.path(), r.status(), why, null);
  }
}
