package io.github.imsdk.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

/**
 * The baseline the SDK is measured against: the same GETs written by hand with {@code java.net.http.HttpClient}
 * (HTTP/1.1) and Jackson, sending the same headers with a precomputed Authorization value. Thread-safe.
 */
public final class RawJdkClient {

  /** The Authorization header of the recorded exchanges: an IM user/password line and a Dummy line. */
  public static final String AUTHORIZATION =
      "id = im; type = InfrastructureManager; username = user; password = pass\\nid = dummy; type = Dummy";

  private final HttpClient http;
  private final RawJson json = new RawJson();
  private final String base;

  /** Creates a client of the IM at {@code endpoint}. */
  public RawJdkClient(URI endpoint) {
    this.base = endpoint.toString();
    this.http = HttpClient.newBuilder()
        .version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(Duration.ofSeconds(10))
        .build();
  }

  /** Calls {@code GET /infrastructures/{id}/state}. */
  public RawState state(String id) {
    return json.state(get("/infrastructures/" + id + "/state", true));
  }

  /** Calls {@code GET /infrastructures/{id}/outputs}. */
  public Map<String, Object> outputs(String id) {
    return json.outputs(get("/infrastructures/" + id + "/outputs", true));
  }

  /** Calls {@code GET /version}. */
  public String version() {
    return json.version(get("/version", false));
  }

  private byte[] get(String path, boolean authenticated) {
    HttpRequest.Builder req = HttpRequest.newBuilder(URI.create(base + path))
        .timeout(Duration.ofSeconds(60))
        .header("Accept", "application/json")
        .header("User-Agent", "raw-jdk");
    if (authenticated) {
      req.header("Authorization", AUTHORIZATION);
    }
    try {
      HttpResponse<byte[]> r = http.send(req.GET().build(), HttpResponse.BodyHandlers.ofByteArray());
      if (r.statusCode() != 200) {
        throw new IllegalStateException("GET " + path + " answered HTTP " + r.statusCode());
      }
      return r.body();
    } catch (IOException e) {
      throw new UncheckedIOException("GET " + path + " failed", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("GET " + path + " interrupted", e);
    }
  }
}
