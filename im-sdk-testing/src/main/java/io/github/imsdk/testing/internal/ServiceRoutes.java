package io.github.imsdk.testing.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The service's own routes: {@code /} (IM 2.0's Swagger page or 1.19.2's document), {@code /openapi.json}, {@code /version}. */
final class ServiceRoutes {

  private final EngineState s;

  ServiceRoutes(EngineState s) {
    this.s = s;
  }

  /** IM 2.0 serves Swagger UI at {@code /}; the emulator serves a small page pointing at its document. */
  void swaggerPage(Exchange x) {
    x.contentType = "text/html; charset=utf-8";
    x.responseBody = "<!DOCTYPE html>\n<html>\n<head><title>Infrastructure Manager (IM) REST API - emulated</title>"
        + "</head>\n<body>\n<p>The OpenAPI document is at <a href=\"/openapi.json\">/openapi.json</a>.</p>\n</body>\n"
        + "</html>\n";
  }

  void index(Exchange x) {
    Map<String, Object> info = new LinkedHashMap<>();
    info.put("description", "Infrastructure Manager (IM) REST API, as emulated by im-sdk-testing.");
    info.put("version", version());
    info.put("title", "Infrastructure Manager (IM) REST API");
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("openapi", "3.0.0");
    doc.put("info", info);
    doc.put("tags", List.of(Map.of("name", "infrastructures", "description", "Manages Virtual Infrastructures.")));
    Map<String, Object> paths = new LinkedHashMap<>();
    for (String p : List.of("/infrastructures", "/infrastructures/{InfId}", "/infrastructures/{InfId}/{prop}",
        "/infrastructures/{InfId}/vms/{VmId}", "/clouds/{cloudId}/{param}", "/stats", "/version")) {
      paths.put(p, Map.of());
    }
    doc.put("paths", paths);
    doc.put("externalDocs", Map.of("description", "IM documentation", "url", "https://imdocs.readthedocs.io/"));
    doc.put("servers", List.of(Map.of("url", x.baseUrl + "/")));
    doc.put("components", Map.of());
    s.answers.json(x, doc);
  }

  String version() {
    return s.imV2() ? "2.0.0" : "1.19.2";
  }

  void version(Exchange x) {
    s.answers.plainOrJson(x, "version", version(), version());
  }
}
