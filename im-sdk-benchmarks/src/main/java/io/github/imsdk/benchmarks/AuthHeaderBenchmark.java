package io.github.imsdk.benchmarks;

import io.github.imsdk.auth.AuthLine;
import io.github.imsdk.auth.Credentials;
import io.github.imsdk.auth.StaticTokenProvider;
import io.github.imsdk.auth.TokenProvider;
import io.github.imsdk.auth.TokenProviders;
import io.github.imsdk.core.internal.http.Redactor;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Issue 7 §5: building the Authorization header ({@link Credentials#toAuthorizationHeader()}, done before every
 * request) for 50 credential lines, each carrying a JWT access token of about 1 KB, like an EGI user with many
 * OpenStack sites. The baseline has the same tokens as literals. SampleTime, so that the median is reported: on a
 * shared machine the mean follows the neighbours' load.
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@State(Scope.Benchmark)
public class AuthHeaderBenchmark {

  /** The number of credential lines. */
  static final int LINES = 50;

  Credentials literals;
  Credentials cachedProviders;
  Credentials sharedCachedProvider;
  Credentials uncachedProviders;
  String header;

  /** Builds the four credential sets and checks that they encode the same tokens. */
  @Setup
  public void setUp() {
    List<String> tokens = new ArrayList<>();
    for (int i = 0; i < LINES; i++) {
      tokens.add(jwt(i));
    }
    literals = credentials(i -> null, tokens);
    cachedProviders = credentials(i -> TokenProviders.cached(StaticTokenProvider.of(tokens.get(i))), tokens);
    uncachedProviders = credentials(i -> StaticTokenProvider.of(tokens.get(i)), tokens);
    TokenProvider shared = TokenProviders.cached(StaticTokenProvider.of(tokens.get(0)));
    sharedCachedProvider = credentials(i -> shared, tokens);
    if (!literals.toAuthorizationHeader().equals(cachedProviders.toAuthorizationHeader())
        || !literals.toAuthorizationHeader().equals(uncachedProviders.toAuthorizationHeader())) {
      throw new IllegalStateException("provider-backed values did not encode like the literal ones");
    }
    header = literals.toAuthorizationHeader();
  }

  /** 50 lines with literal tokens: the cost of the encoding alone. */
  @Benchmark
  public String literals() {
    return literals.toAuthorizationHeader();
  }

  /** 50 lines, each token from its own provider behind {@link TokenProviders#cached(TokenProvider)}. */
  @Benchmark
  public String cachedProviders() {
    return cachedProviders.toAuthorizationHeader();
  }

  /** 50 lines sharing one cached provider (the seed auth.dat's pattern): resolved once per header. */
  @Benchmark
  public String sharedCachedProvider() {
    return sharedCachedProvider.toAuthorizationHeader();
  }

  /** 50 lines, each from a {@link StaticTokenProvider} without the cache: it re-reads the JWT expiry per call. */
  @Benchmark
  public String uncachedProviders() {
    return uncachedProviders.toAuthorizationHeader();
  }

  /**
   * What im-sdk-core's transport does with the header on every call besides sending it: it builds a
   * {@code Redactor} from it (decoding the header back into lines) so that a failure message can be scrubbed.
   */
  @Benchmark
  public Object redactorForHeader() {
    return Redactor.forHeader(header);
  }

  private static Credentials credentials(IntFunction<TokenProvider> provider, List<String> tokens) {
    List<AuthLine> lines = new ArrayList<>();
    for (int i = 0; i < LINES; i++) {
      AuthLine.Builder b = i == 0
          ? AuthLine.builder("InfrastructureManager").id("im")
          : AuthLine.builder("OpenStack").id("site" + i)
              .set("host", "https://keystone" + i + ".example.org:5000")
              .set("username", "egi.eu")
              .set("tenant", "openid")
              .set("auth_version", "3.x_oidc_access_token");
      String key = i == 0 ? "token" : "password";
      TokenProvider p = provider.apply(i);
      lines.add((p == null ? b.set(key, tokens.get(i)) : b.set(key, p)).build());
    }
    return Credentials.of(lines);
  }

  /** A syntactically valid JWT of about 1 KB that expires in 2100. */
  private static String jwt(int i) {
    Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
    String header = b64.encodeToString("{\"alg\":\"RS256\",\"typ\":\"JWT\",\"kid\":\"rsa1\"}"
        .getBytes(StandardCharsets.UTF_8));
    String payload = b64.encodeToString(("{\"sub\":\"user" + i + "@egi.eu\",\"iss\":\"https://aai.egi.eu/auth/realms/egi\","
        + "\"aud\":\"token-portal\",\"exp\":4102444800,\"iat\":1763700000,\"scope\":\"openid profile email "
        + "eduperson_entitlement\",\"eduperson_entitlement\":[\"urn:mace:egi.eu:group:vo.access.egi.eu:role=member"
        + "#aai.egi.eu\"]}").getBytes(StandardCharsets.UTF_8));
    byte[] sig = new byte[256];
    for (int k = 0; k < sig.length; k++) {
      sig[k] = (byte) (k * 31 + i);
    }
    return header + "." + payload + "." + b64.encodeToString(sig);
  }
}
