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

/**
 * Reads IM answers by their content type: {@code text/uri-list} or JSON for lists, text or {@code {"<prop>": v}}
 * for properties. A body that does not have the expected shape gives an {@link ImResponseException} naming the
 * call; nothing is silently defaulted.
 */
public final class Responses {

  private static final TypeReference<LinkedHashMap<String, Object>> MAP = new TypeReference<>() {};

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
      throw new ImResponseException(call.method(), call.path(), r.status(),
          "the body is not valid JSON (content type '" + r.contentType() + "'): " + e.getOriginalMessage(), e);
    }
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

  /** Converts a JSON object into a map of plain Java values. */
  public static Map<String, Object> toMap(ImCall call, ImResponse r, JsonNode node, String what) {
    if (node == null || !node.isObject()) {
      throw bad(call, r, "'" + what + "' is not a JSON object");
    }
    return Json.MAPPER.convertValue(node, MAP);
  }

  /** Returns an {@link ImResponseException} for a body that does not fit the call. */
  public static ImResponseException bad(ImCall call, ImResponse r, String why) {
    return new ImResponseException(call.method(), call.path(), r.status(), why, null);
  }
}
