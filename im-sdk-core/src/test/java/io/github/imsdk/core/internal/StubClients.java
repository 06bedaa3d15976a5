package io.github.imsdk.core.internal;

import static org.mockserver.model.HttpResponse.response;

import io.github.imsdk.auth.AccessToken;
import io.github.imsdk.auth.AuthLine;
import io.github.imsdk.auth.Credentials;
import io.github.imsdk.auth.TokenProvider;
import io.github.imsdk.core.InfrastructureManager;
import io.github.imsdk.core.RetryPolicy;
import io.github.imsdk.core.Timeouts;
import io.github.imsdk.auth.Tls;
import io.github.imsdk.core.internal.http.HttpSettings;
import io.github.imsdk.core.internal.http.JerseyImHttp;
import io.github.imsdk.core.internal.retry.Retrier;
import io.github.imsdk.core.internal.retry.TimeSource;
import io.github.imsdk.core.internal.wait.WaitSupport;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.mockserver.model.HttpResponse;
import org.slf4j.LoggerFactory;

/** Builds real clients (Jersey, retries, waits) against a stub on loopback, with an injected time source. */
public final class StubClients {

  /** The infrastructure id the stubs serve. */
  public static final String ID = "6b3d5a4e-3f1c-11ef-9a1b-0242ac120002";
  /** Its path. */
  public static final String INF = "/infrastructures/" + ID;

  private StubClients() {}

  /** Returns a client of {@code 127.0.0.1:port} whose waits and retry pauses use {@code time}. */
  public static InfrastructureManager client(int port, TimeSource time, RetryPolicy policy, Credentials credentials,
      Timeouts timeouts) {
    URI endpoint = URI.create("http://127.0.0.1:" + port);
    HttpSettings settings = new HttpSettings(endpoint, credentials, timeouts, Tls.system(), null, "im-sdk-test");
    JerseyImHttp http = new JerseyImHttp(settings, LoggerFactory.getLogger(JerseyImHttp.class),
        new Retrier(policy, time, () -> 0.5));
    return new DefaultInfrastructureManager(endpoint, http, http::close, new WaitSupport(time, () -> 0.5, null));
  }

  /** Returns username/password credentials for the stub. */
  public static Credentials userPassword() {
    return Credentials.of(AuthLine.builder("InfrastructureManager").id("im").set("username", "alice")
        .set("password", "s3cret").build());
  }

  /** Returns credentials whose token comes from {@code provider}. */
  public static Credentials token(TokenProvider provider) {
    return Credentials.of(AuthLine.builder("InfrastructureManager").id("im").set("token", provider).build());
  }

  /** Returns IM's JSON answer to {@code GET .../state}. */
  public static HttpResponse state(String infra, String... vms) {
    StringBuilder sb = new StringBuilder("{\"state\": {\"state\": \"").append(infra).append("\", \"vm_states\": {");
    for (int i = 0; i < vms.length; i++) {
      sb.append(i == 0 ? "" : ", ").append('"').append(i).append("\": \"").append(vms[i]).append('"');
    }
    return json(sb.append("}}}").toString());
  }

  /** Returns a 200 JSON answer. */
  public static HttpResponse json(String body) {
    return response().withStatusCode(200).withHeader("Content-Type", "application/json").withBody(body);
  }

  /** Returns an IM error answer in its JSON form. */
  public static HttpResponse error(int status, String message) {
    return response().withStatusCode(status).withHeader("Content-Type", "application/json")
        .withBody("{\"message\": \"" + message + "\", \"code\": " + status + "}");
  }

  /** A token provider that hands out tok-1, tok-2, ... one more after each invalidation. */
  public static final class RotatingTokens implements TokenProvider {
    /** Which token is current. */
    public final AtomicInteger generation = new AtomicInteger(1);
    /** How many times the client invalidated a token. */
    public final AtomicInteger invalidations = new AtomicInteger();

    @Override
    public AccessToken token() {
      return AccessToken.of("tok-" + generation.get());
    }

    @Override
    public void invalidate() {
      invalidations.incrementAndGet();
      generation.incrementAndGet();
    }
  }

  /** Returns generous timeouts for tests that do not test timeouts. */
  public static Timeouts relaxed() {
    return Timeouts.of(Duration.ofSeconds(5), Duration.ofSeconds(20));
  }
}
