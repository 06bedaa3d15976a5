package io.github.imsdk.core.internal.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.mockserver.model.HttpRequest.request;
import static org.mockserver.model.HttpResponse.response;

import io.github.imsdk.auth.AccessToken;
import io.github.imsdk.auth.AuthLine;
import io.github.imsdk.auth.Credentials;
import io.github.imsdk.auth.Tls;
import io.github.imsdk.auth.TokenProvider;
import io.github.imsdk.auth.internal.tls.TlsContexts;
import io.github.imsdk.core.ImResponseException;
import io.github.imsdk.core.ImServiceException;
import io.github.imsdk.core.ImTransportException;
import io.github.imsdk.core.ImUnauthorizedException;
import io.github.imsdk.core.InfrastructureManager;
import io.github.imsdk.core.Timeouts;
import io.github.imsdk.core.internal.DefaultInfrastructureManager;
import io.github.imsdk.core.internal.StubServer;
import java.io.InputStream;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.mockserver.integration.ClientAndServer;
import org.mockserver.matchers.Times;
import org.mockserver.model.Delay;
import org.mockserver.model.HttpRequest;

class JerseyImHttpTest {

  private static final String INF = "/infrastructures/11111111-2222-3333-4444-555555555555";

  @RegisterExtension
  static final StubServer SERVER = new StubServer();
  private static final ClientAndServer mock = SERVER.mock();

  @TempDir
  Path tmp;

  /** A token provider that hands out tok-1, tok-2, ... after each invalidation, counting calls. */
  static final class CountingProvider implements TokenProvider {
    final AtomicInteger generation = new AtomicInteger(1);
    final AtomicInteger invalidations = new AtomicInteger();

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

  private static Credentials tokenCredentials(TokenProvider p) {
    return Credentials.of(AuthLine.builder("InfrastructureManager").id("im").set("token", p).build());
  }

  private static URI endpoint() {
    return URI.create("http://127.0.0.1:" + mock.getPort());
  }

  private static InfrastructureManager client(Credentials credentials, Logger logger) {
    HttpSettings s = new HttpSettings(endpoint(), credentials, Timeouts.DEFAULT, Tls.system(), null, "im-sdk-test");
    JerseyImHttp http = logger == null ? new JerseyImHttp(s) : new JerseyImHttp(s, logger.delegate);
    return new DefaultInfrastructureManager(endpoint(), http, http::close);
  }

  /** Wraps a capturing logger so the helper signature stays short. */
  record Logger(CapturingLogger delegate) {}

  private static String token(HttpRequest r) {
    return Credentials.parseHeader(r.getFirstHeader("Authorization")).first("InfrastructureManager")
        .orElseThrow().value("token").orElseThrow().resolve();
  }

  @Test
  void rebuildsTheAuthorizationHeaderForEveryCallAndSendsAcceptJson() {
    // Given a provider whose token changes between calls
    CountingProvider provider = new CountingProvider();
    mock.when(request().withPath("/version")).respond(response().withBody("1.19.2")
        .withHeader("Content-Type", "text/plain"));

    // When two calls are made, the token rotating in between
    try (InfrastructureManager im = client(tokenCredentials(provider), null)) {
      im.server().version();
      provider.generation.set(7);
      im.server().version();
    }

    // Then each call carried the token of its time, Accept JSON and the User-Agent
    HttpRequest[] sent = mock.retrieveRecordedRequests(request());
    assertThat(sent).hasSize(2);
    assertThat(token(sent[0])).isEqualTo("tok-1");
    assertThat(token(sent[1])).isEqualTo("tok-7");
    assertThat(sent[0].getFirstHeader("Accept")).isEqualTo("application/json");
    assertThat(sent[0].getFirstHeader("User-Agent")).isEqualTo("im-sdk-test");
  }

  @Test
  void retriesOnceWithRefreshedCredentialsAfterA401() {
    // Given a server that rejects the first token and accepts the next
    CountingProvider provider = new CountingProvider();
    mock.when(request().withPath("/infrastructures"), Times.once())
        .respond(response().withStatusCode(401).withBody("{\"message\": \"Invalid token\", \"code\": 401}"));
    mock.when(request().withPath("/infrastructures"))
        .respond(response().withBody("{\"uri-list\": []}").withHeader("Content-Type", "application/json"));

    // When the list is asked for
    List<?> list;
    try (InfrastructureManager im = client(tokenCredentials(provider), null)) {
      list = im.infrastructures().list();
    }

    // Then the credentials were invalidated once and the call repeated with the new token
    assertThat(list).isEmpty();
    assertThat(provider.invalidations).hasValue(1);
    HttpRequest[] sent = mock.retrieveRecordedRequests(request());
    assertThat(sent).extracting(JerseyImHttpTest::token).containsExactly("tok-1", "tok-2");
  }

  @Test
  void treatsIMsInvalidCredentials400LikeA401() {
    CountingProvider provider = new CountingProvider();
    mock.when(request().withPath(INF + "/state"), Times.once()).respond(response().withStatusCode(400)
        .withBody("{\"message\": \"Error Getting Inf. prop: Invalid InfrastructureManager credentials\"}"));
    mock.when(request().withPath(INF + "/state")).respond(response().withHeader("Content-Type", "application/json")
        .withBody("{\"state\": {\"state\": \"configured\", \"vm_states\": {\"0\": \"configured\"}}}"));

    try (InfrastructureManager im = client(tokenCredentials(provider), null)) {
      assertThat(im.infrastructure(INF.substring(17)).state().isConfigured()).isTrue();
    }
    assertThat(provider.invalidations).hasValue(1);
    assertThat(mock.retrieveRecordedRequests(request())).hasSize(2);
  }

  @Test
  void retriesOnlyOnceAndThenReportsUnauthorized() {
    // Given a server that rejects every token
    CountingProvider provider = new CountingProvider();
    mock.when(request()).respond(response().withStatusCode(401).withBody("No authentication data provided"));

    // When a call is made
    Throwable thrown;
    try (InfrastructureManager im = client(tokenCredentials(provider), null)) {
      thrown = catchThrowable(() -> im.infrastructures().list());
    }

    // Then two requests were sent, no more, and the caller gets ImUnauthorizedException
    assertThat(thrown).isInstanceOf(ImUnauthorizedException.class)
        .hasMessage("GET /infrastructures failed with HTTP 401: No authentication data provided");
    assertThat(provider.invalidations).hasValue(1);
    assertThat(mock.retrieveRecordedRequests(request())).hasSize(2);
  }

  @Test
  void withoutCredentialsNoHeaderIsSentAndNothingIsRetried() {
    mock.when(request()).respond(response().withStatusCode(401).withBody("No authentication data provided"));
    try (InfrastructureManager im = client(null, null)) {
      assertThatThrownBy(() -> im.infrastructures().list()).isInstanceOf(ImUnauthorizedException.class);
    }
    HttpRequest[] sent = mock.retrieveRecordedRequests(request());
    assertThat(sent).hasSize(1);
    assertThat(sent[0].containsHeader("Authorization")).isFalse();
  }

  @Test
  void aRefusedConnectionIsATransportError() throws Exception {
    // Given a port nobody listens on
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }

    // When a call is made to it
    Throwable thrown;
    try (InfrastructureManager im = InfrastructureManager.builder().endpoint("http://127.0.0.1:" + port).build()) {
      thrown = catchThrowable(() -> im.server().version());
    }

    // Then it is an ImTransportException naming the call and the endpoint
    assertThat(thrown).isInstanceOf(ImTransportException.class)
        .hasMessageStartingWith("GET /version: cannot connect to http://127.0.0.1:" + port);
    assertThat(((ImTransportException) thrown).path()).isEqualTo("/version");
  }

  @Test
  void aSlowAnswerIsATransportTimeout() {
    // Given a server slower than the read timeout
    mock.when(request().withPath("/version")).respond(response().withBody("1.19.2").withDelay(Delay.seconds(5)));

    // When a call is made with a short read timeout
    Throwable thrown;
    try (InfrastructureManager im = InfrastructureManager.builder().endpoint(endpoint())
        .timeouts(Timeouts.of(Duration.ofSeconds(2), Duration.ofMillis(200))).build()) {
      thrown = catchThrowable(() -> im.server().version());
    }

    // Then it is an ImTransportException saying it timed out
    assertThat(thrown).isInstanceOf(ImTransportException.class).hasMessageContaining("GET /version: timed out");
  }

  @Test
  void aGarbledAnswerIsAResponseErrorNamingTheCall() {
    mock.when(request().withPath(INF + "/state")).respond(response().withHeader("Content-Type", "application/json")
        .withBody("{\"state\": {\"vm_states\": {}}"));
    mock.when(request().withPath(INF + "/outputs")).respond(response().withHeader("Content-Type", "application/json")
        .withBody("{\"state\": {\"state\": \"configured\"}}"));
    try (InfrastructureManager im = client(null, null)) {
      var inf = im.infrastructure(INF.substring(17));
      assertThatThrownBy(inf::state).isInstanceOf(ImResponseException.class)
          .hasMessageStartingWith("GET " + INF + "/state (HTTP 200): the body is not valid JSON");
      assertThatThrownBy(inf::outputs).isInstanceOf(ImResponseException.class)
          .hasMessage("GET " + INF + "/outputs (HTTP 200): expected a JSON object with 'outputs'");
    }
  }

  @Test
  void bodiesCarryTheirContentTypeAndBodilessPutsAreEmptyRadl() {
    mock.when(request()).respond(response().withHeader("Content-Type", "text/plain").withBody(""));
    try (InfrastructureManager im = client(null, null)) {
      var inf = im.infrastructure(INF.substring(17));
      inf.stop();
      inf.reconfigure(io.github.imsdk.core.Template.tosca("tosca_definitions_version: x\n"));
    }
    HttpRequest[] sent = mock.retrieveRecordedRequests(request());
    assertThat(sent[0].getMethod().getValue()).isEqualTo("PUT");
    assertThat(sent[0].getFirstHeader("Content-Type")).isEqualTo("text/plain");
    assertThat(sent[0].getBodyAsString()).isNullOrEmpty();
    assertThat(sent[1].getFirstHeader("Content-Type")).isEqualTo("text/yaml");
    assertThat(sent[1].getBodyAsString()).isEqualTo("tosca_definitions_version: x\n");
  }

  @Test
  void userValuesAreEncodedNotTakenForTemplates() {
    mock.when(request().withPath("/infrastructures")).respond(response()
        .withHeader("Content-Type", "application/json").withBody("{\"uri-list\": []}"));
    mock.when(request().withPath("/clouds/ost/images")).respond(response()
        .withHeader("Content-Type", "application/json").withBody("{\"images\": []}"));
    try (InfrastructureManager im = client(null, null)) {
      assertThat(im.infrastructures().list("front{1,2} & a+b")).isEmpty();
      assertThat(im.cloud("ost").images(Map.of("region", "eu west"))).isEmpty();
    }
    HttpRequest[] sent = mock.retrieveRecordedRequests(request());
    assertThat(sent[0].getFirstQueryStringParameter("filter")).isEqualTo("front{1,2} & a+b");
    assertThat(sent[1].getFirstQueryStringParameter("filters")).isEqualTo("region=eu west");
  }

  @Test
  void debugLogsNeverShowSecrets() {
    // Given secret-bearing credentials, a server that echoes them in an error, and debug logging on
    String password = "Sup3r-S3cret-pw";
    String token = "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJhbGljZSJ9.c2lnbmF0dXJlX3NlY3JldA";
    Credentials creds = Credentials.of(
        AuthLine.builder("InfrastructureManager").id("im").set("username", "alice").set("password", password)
            .build(),
        AuthLine.builder("OpenStack").id("ost").set("host", "https://keystone:5000").set("username", "egi.eu")
            .set("password", token).set("tenant", "openid").build());
    mock.when(request().withPath(INF + "/state")).respond(response().withStatusCode(400)
        .withHeader("Content-Type", "text/plain")
        .withBody("Error: cannot use password " + password + " nor token " + token));
    mock.when(request().withPath(INF + "/vms/0")).respond(response().withHeader("Content-Type", "application/json")
        .withBody("{\"radl\": [{\"class\": \"system\", \"id\": \"s\", \"disk.0.os.credentials.username\": \"u\","
            + " \"disk.0.os.credentials.password\": \"vm-pass-123\"}]}"));
    CapturingLogger log = new CapturingLogger();

    // When calls are made: one fails, one returns a VM password
    Throwable thrown;
    String vmInfo;
    try (InfrastructureManager im = client(creds, new Logger(log))) {
      thrown = catchThrowable(() -> im.infrastructure(INF.substring(17)).state());
      vmInfo = im.infrastructure(INF.substring(17)).vm("0").info().toString();
    }

    // Then the requests were logged at debug with the header redacted, and no secret appears anywhere
    assertThat(log.text()).contains("DEBUG -> GET " + INF + "/state").contains("Authorization: [redacted]")
        .contains("DEBUG <- GET " + INF + "/state: HTTP 400");
    assertThat(log.text()).doesNotContain(password).doesNotContain(token).doesNotContain("vm-pass-123");
    assertThat(thrown).isInstanceOf(ImServiceException.class);
    assertThat(thrown.getMessage()).doesNotContain(password).doesNotContain(token).contains("password ***");
    assertThat(vmInfo).doesNotContain("vm-pass-123");
    assertThat(creds.toString()).doesNotContain(password).doesNotContain(token);
  }

  @Test
  void trustsAPemBundleAndRefusesUnknownCas() throws Exception {
    // Given MockServer's HTTPS (same port) and its CA certificate as a PEM bundle
    Path pem = tmp.resolve("ca.pem");
    try (InputStream in = getClass().getClassLoader()
        .getResourceAsStream("org/mockserver/socket/CertificateAuthorityCertificate.pem")) {
      Files.copy(in, pem);
    }
    mock.when(request().withPath("/version")).respond(response().withBody("2.0.0"));
    URI https = URI.create("https://localhost:" + mock.getPort());

    // When the version is read trusting the bundle, and then with the system trust
    String version;
    try (InfrastructureManager im = InfrastructureManager.builder().endpoint(https).tls(Tls.caBundle(pem)).build()) {
      version = im.server().version();
    }
    Throwable untrusted;
    try (InfrastructureManager im = InfrastructureManager.builder().endpoint(https).build()) {
      untrusted = catchThrowable(() -> im.server().version());
    }

    // Then the bundle works and the system trust refuses MockServer's private CA
    assertThat(version).isEqualTo("2.0.0");
    assertThat(untrusted).isInstanceOf(ImTransportException.class).hasMessageContaining("TLS failure");
  }

  @Test
  void trustsAPkcs12TrustStore() throws Exception {
    // Given MockServer's CA in a password-protected PKCS#12 trust store
    Path pem = tmp.resolve("ca.pem");
    try (InputStream in = getClass().getClassLoader()
        .getResourceAsStream("org/mockserver/socket/CertificateAuthorityCertificate.pem")) {
      Files.copy(in, pem);
    }
    Path p12 = tmp.resolve("trust.p12");
    try (var out = Files.newOutputStream(p12)) {
      TlsContexts.readPemBundle(pem).store(out, "s3cret".toCharArray());
    }
    mock.when(request().withPath("/version")).respond(response().withBody("2.0.0"));

    // When the version is read over HTTPS trusting that store
    String version;
    try (InfrastructureManager im = InfrastructureManager.builder().endpoint("https://localhost:" + mock.getPort())
        .tls(Tls.trustStore(p12, "s3cret".toCharArray())).build()) {
      version = im.server().version();
    }

    // Then the server is trusted; a wrong password is reported naming the file
    assertThat(version).isEqualTo("2.0.0");
    assertThatThrownBy(() -> InfrastructureManager.builder().endpoint("https://localhost:" + mock.getPort())
        .tls(Tls.trustStore(p12, "wrong".toCharArray())).build())
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("trust.p12")
        .hasMessageNotContaining("wrong");
  }

  @Test
  void theInsecureOptInWorksAndWarns() {
    mock.when(request().withPath("/version")).respond(response().withBody("2.0.0"));
    URI https = URI.create("https://localhost:" + mock.getPort());
    CapturingLogger log = new CapturingLogger();
    HttpSettings s = new HttpSettings(https, null, Timeouts.DEFAULT, Tls.insecure(), null, "ua");
    JerseyImHttp http = new JerseyImHttp(s, log);
    try (InfrastructureManager im = new DefaultInfrastructureManager(https, http, http::close)) {
      assertThat(im.server().version()).isEqualTo("2.0.0");
    }
    assertThat(log.lines).anySatisfy(l -> assertThat(l).startsWith("WARN TLS certificate and host name checks are "
        + "DISABLED"));
  }

  @Test
  void badTlsFilesFailAtBuildNamingTheFile() throws Exception {
    Path notPem = Files.writeString(tmp.resolve("bundle.pem"), "not a certificate");
    assertThatThrownBy(() -> InfrastructureManager.builder().endpoint(endpoint()).tls(Tls.caBundle(notPem)).build())
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("bundle.pem");
    Path missing = tmp.resolve("missing.p12");
    assertThatThrownBy(() -> InfrastructureManager.builder().endpoint(endpoint())
        .tls(Tls.trustStore(missing, "changeit".toCharArray())).build())
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("missing.p12")
        .hasMessageContaining("PKCS12");
    assertThat(Tls.trustStore(missing, "changeit".toCharArray()).toString()).doesNotContain("changeit");
  }

  @Test
  void sendsCallsThroughTheConfiguredProxy() {
    // Given an endpoint whose host does not resolve, and MockServer as the HTTP proxy
    mock.when(request().withPath("/version")).respond(response().withBody("1.19.2"));

    // When the version is read
    String version;
    try (InfrastructureManager im = InfrastructureManager.builder().endpoint("http://im.example.invalid:8800")
        .proxy(endpoint()).build()) {
      version = im.server().version();
    }

    // Then the proxy received the request for that host
    assertThat(version).isEqualTo("1.19.2");
    assertThat(mock.retrieveRecordedRequests(request())[0].getFirstHeader("Host"))
        .isEqualTo("im.example.invalid:8800");
  }

  @Test
  void userInfoIsRejectedBeforeAnyMessageCouldRepeatIt() {
    // Given a builder
    var b = InfrastructureManager.builder();

    // When an endpoint or proxy carries user info (also in URIs that fail other checks)
    // Then it is rejected as such and the password never appears
    assertThatThrownBy(() -> b.endpoint(URI.create("ftp://user:s3cretpw@h:21")))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("user info")
        .hasMessageNotContaining("s3cretpw");
    assertThatThrownBy(() -> b.endpoint("http://user:s3cret pw@h:8800"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageNotContaining("s3cret").hasNoCause();
    assertThatThrownBy(() -> b.proxy(URI.create("http://user:s3cretpw@proxy.example.invalid:3128")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("a proxy that needs credentials is not supported")
        .hasMessageNotContaining("s3cretpw");
    assertThatThrownBy(() -> b.proxy(URI.create("socks://user:s3cretpw@proxy:1080")))
        .isInstanceOf(IllegalArgumentException.class).hasMessageNotContaining("s3cretpw");
    assertThatThrownBy(() -> b.proxy(URI.create("user:s3cretpw@proxy:3128")))
        .isInstanceOf(IllegalArgumentException.class).hasMessageNotContaining("s3cretpw");
    assertThatThrownBy(() -> b.proxy(URI.create("http://user:s3cretpw@proxy_x:3128")))
        .isInstanceOf(IllegalArgumentException.class).hasMessageNotContaining("s3cretpw");
  }

  @Test
  void theBuilderRejectsBadSettings() {
    var b = InfrastructureManager.builder();
    assertThatThrownBy(b::build).isInstanceOf(IllegalStateException.class).hasMessageContaining("endpoint");
    assertThatThrownBy(() -> b.endpoint("ftp://h")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> b.endpoint("http://user:pw@h:8800")).isInstanceOf(IllegalArgumentException.class)
        .hasMessageNotContaining("pw");
    assertThatThrownBy(() -> b.endpoint("http://h:8800/?x=1")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> b.endpoint("not a url")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> b.proxy(URI.create("socks://h:1080"))).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> b.userAgent("a\nb")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Timeouts.of(Duration.ZERO, Duration.ofSeconds(1)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("connect");
    assertThatThrownBy(() -> b.endpoint("http://h").build().infrastructure("a/b"))
        .isInstanceOf(IllegalArgumentException.class);
    try (InfrastructureManager im = b.endpoint("http://127.0.0.1:1").build()) {
      assertThatThrownBy(() -> im.infrastructure("x").vm("zero")).isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("'zero'");
      assertThatThrownBy(() -> im.infrastructure("x").removeVms(List.of()))
          .isInstanceOf(IllegalArgumentException.class);
      assertThatThrownBy(() -> im.cloud("ost").images(Map.of("a", "b,c")))
          .isInstanceOf(IllegalArgumentException.class);
    }
  }
}
