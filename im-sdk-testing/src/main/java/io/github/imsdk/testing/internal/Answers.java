package io.github.imsdk.testing.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * How the emulated IM reads parameters and writes answers: Accept negotiation (IM's {@code format_output}: the
 * first acceptable item wins, q-values ignored), body media types, boolean flags, and error bodies in JSON, HTML
 * or text according to Accept, in IM 1.19.2's or 2.0's shapes.
 */
final class Answers {

  private final boolean imV2;

  Answers(boolean imV2) {
    this.imV2 = imV2;
  }

  enum Out { JSON, DEFAULT }

  /** IM's {@code format_output} choice: the first acceptable Accept item wins; q-values are ignored. */
  Out negotiate(Exchange x, String defaultType, boolean listRepr) {
    String accept = x.header("Accept");
    if (accept == null || accept.isBlank()) {
      return Out.DEFAULT;
    }
    List<String> items = new ArrayList<>();
    for (String part : accept.split(",")) {
      items.add(part.split(";")[0].trim());
    }
    for (String item : items) {
      if (item.equals("application/json") || item.equals("application/*")) {
        return Out.JSON;
      }
      if (item.equals(defaultType) || item.equals("*/*") || item.equals("text/*")) {
        return Out.DEFAULT;
      }
    }
    String shown = listRepr ? pyList(items) : String.join(", ", items);
    throw new HttpError(imV2 && !listRepr ? 400 : 415,
        (imV2 && !listRepr ? "415: " : "") + "Unsupported Accept Media Types: " + shown);
  }

  static String pyList(List<String> items) {
    List<String> q = new ArrayList<>();
    items.forEach(i -> q.add("'" + i + "'"));
    return "[" + String.join(", ", q) + "]";
  }

  String textType(String base) {
    return imV2 ? base + "; charset=utf-8" : base;
  }

  void json(Exchange x, Object value) {
    x.contentType = "application/json";
    x.responseBody = Json.write(value, !imV2);
  }

  void text(Exchange x, String type, String body) {
    x.contentType = textType(type);
    x.responseBody = body;
  }

  /** Returns a JSON-only endpoint's answer, or 415 for an Accept that excludes JSON. */
  void jsonOnly(Exchange x, Object value) {
    negotiate(x, "application/json", true);
    json(x, value);
  }

  void uriList(Exchange x, List<String> uris) {
    if (negotiate(x, "text/uri-list", false) == Out.JSON) {
      List<Object> items = new ArrayList<>();
      uris.forEach(u -> items.add(Map.of("uri", u)));
      json(x, Map.of("uri-list", items));
    } else {
      text(x, "text/uri-list", String.join("\n", uris));
    }
  }

  void uri(Exchange x, String uri) {
    if (negotiate(x, "text/uri-list", false) == Out.JSON) {
      json(x, Map.of("uri", uri));
    } else {
      text(x, "text/uri-list", uri);
    }
  }

  void plainOrJson(Exchange x, String field, Object jsonValue, String text) {
    if (negotiate(x, "text/plain", false) == Out.JSON) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put(field, jsonValue);
      json(x, m);
    } else {
      text(x, "text/plain", text);
    }
  }

  void empty(Exchange x) {
    text(x, "text/plain", "");
  }

  void error(Exchange x, HttpError e) {
    x.status = e.status;
    x.responseHeaders.clear();
    if (e.detail != null) {
      x.contentType = "application/json";
      x.responseBody = Json.write(Map.of("detail", e.detail), false);
      return;
    }
    String accept = x.header("Accept") == null ? "" : x.header("Accept");
    List<String> items = new ArrayList<>();
    for (String part : accept.split(",")) {
      items.add(part.split(";")[0].trim());
    }
    String msg = e.getMessage();
    if (items.contains("application/json")) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("message", msg);
      m.put("code", e.status);
      x.contentType = "application/json";
      x.responseBody = Json.write(m, !imV2);
    } else if (items.contains("text/html")) {
      x.contentType = "text/html; charset=utf-8";
      x.responseBody = "<!DOCTYPE HTML PUBLIC \"-//IETF//DTD HTML 2.0//EN\">\n<html>\n    <head>\n        <title>Error "
          + e.status + ".</title>\n    </head>\n    <body>\n        <h1>Code: " + e.status + ".</h1>\n        <h1>Message: "
          + html(msg) + "</h1>\n    </body>\n</html>\n";
    } else {
      x.contentType = "text/plain; charset=utf-8";
      x.responseBody = msg;
    }
  }

  static String html(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }

  boolean bool(Exchange x, String name, boolean dflt) {
    String v = x.query.get(name);
    if (v == null) {
      return dflt;
    }
    String l = v.toLowerCase(Locale.ROOT);
    if (imV2) {
      if (List.of("1", "true", "yes", "on", "t", "y").contains(l)) {
        return true;
      }
      if (List.of("0", "false", "no", "off", "f", "n").contains(l)) {
        return false;
      }
      throw validation("query", name, v, "bool_parsing", "Input should be a valid boolean, unable to interpret input");
    }
    if (List.of("yes", "true", "1").contains(l)) {
      return true;
    }
    if (List.of("no", "false", "0").contains(l)) {
      return false;
    }
    throw new HttpError(400, "Incorrect value in " + name + " parameter");
  }

  /** FastAPI's answer to a path value outside its allowed literals: 422 with a {@code literal_error} detail. */
  static HttpError literal(String name, Object input, List<String> allowed) {
    List<String> quoted = new ArrayList<>();
    allowed.forEach(a -> quoted.add("'" + a + "'"));
    String expected = quoted.size() == 1 ? quoted.get(0)
        : String.join(", ", quoted.subList(0, quoted.size() - 1)) + " or " + quoted.get(quoted.size() - 1);
    Map<String, Object> d = new LinkedHashMap<>();
    d.put("type", "literal_error");
    d.put("loc", List.of("path", name));
    d.put("msg", "Input should be " + expected);
    d.put("input", input);
    d.put("ctx", Map.of("expected", expected));
    return new HttpError(422, "Input should be " + expected, List.of(d));
  }

  static HttpError validation(String where, String name, Object input, String type, String msg) {
    Map<String, Object> d = new LinkedHashMap<>();
    d.put("type", type);
    d.put("loc", List.of(where, name));
    d.put("msg", msg);
    d.put("input", input);
    return new HttpError(422, msg, List.of(d));
  }

  enum BodyKind { RADL, RADL_JSON, TOSCA }

  BodyKind bodyKind(Exchange x) {
    String ct = x.header("Content-Type");
    String t = ct == null ? "" : ct.split(";")[0].trim().toLowerCase(Locale.ROOT);
    if (t.equals("text/yaml") || t.equals("text/x-yaml") || t.equals("application/yaml")) {
      return BodyKind.TOSCA;
    }
    if (t.equals("application/json")) {
      return BodyKind.RADL_JSON;
    }
    if (t.isEmpty() || t.equals("text/plain") || t.startsWith("text/") || t.equals("*/*")) {
      return BodyKind.RADL;
    }
    throw unsupportedMediaType(ct);
  }

  HttpError unsupportedMediaType(String ct) {
    String t = ct.split(";")[0].trim();
    return new HttpError(415, "Unsupported Media Type ['" + t + "']");
  }
}
