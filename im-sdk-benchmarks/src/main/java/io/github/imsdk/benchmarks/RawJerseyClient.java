package io.github.imsdk.benchmarks;

import jakarta.ws.rs.client.Client;
import jakarta.ws.rs.client.ClientBuilder;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.glassfish.jersey.client.ClientConfig;
import org.glassfish.jersey.client.HttpUrlConnectorProvider;
import org.glassfish.jersey.client.spi.ConnectorProvider;
import org.glassfish.jersey.jnh.connector.JavaNetHttpConnectorProvider;

/**
 * A second baseline: the same GETs through plain Jersey and Jackson with a chosen connector, which separates what
 * the SDK adds from what its transport costs. Thread-safe; close it when done.
 */
public final class RawJerseyClient implements AutoCloseable {

  /** The Jersey connector to use. */
  public enum Connector {
    /** Jersey's default, over {@code HttpURLConnection} (the one im-sdk-core uses). */
    HTTP_URL_CONNECTION,
    /** {@code jersey-jnh-connector}, over {@code java.net.http.HttpClient}. */
    JAVA_NET_HTTP;

    ConnectorProvider provider() {
      return this == HTTP_URL_CONNECTION ? new HttpUrlConnectorProvider() : new JavaNetHttpConnectorProvider();
    }
  }

  private final Client client;
  private final RawJson json = new RawJson();
  private final String base;

  /** Creates a client of the IM at {@code endpoint} over {@code connector}. */
  public RawJerseyClient(URI endpoint, Connector connector) {
    this.base = endpoint.toString();
    this.client = ClientBuilder.newBuilder()
        .withConfig(new ClientConfig().connectorProvider(connector.provider()))
        .connectTimeout(10, TimeUnit.SECONDS)
        .readTimeout(60, TimeUnit.SECONDS)
        .build();
  }

  /** Calls {@code GET /infrastructures/{id}/state}. */
  public RawState state(String id) {
    return json.state(get("/infrastructures/" + id + "/state"));
  }

  /** Calls {@code GET /infrastructures/{id}/outputs}. */
  public Map<String, Object> outputs(String id) {
    return json.outputs(get("/infrastructures/" + id + "/outputs"));
  }

  private byte[] get(String path) {
    try (Response r = client.target(base + path).request()
        .header("Accept", "application/json")
        .header("User-Agent", "raw-jersey")
        .header("Authorization", RawJdkClient.AUTHORIZATION)
        .get()) {
      if (r.getStatus() != 200) {
        throw new IllegalStateException("GET " + path + " answered HTTP " + r.getStatus());
      }
      return r.readEntity(byte[].class);
    }
  }

  /** Releases the Jersey client. */
  @Override
  public void close() {
    client.close();
  }
}
