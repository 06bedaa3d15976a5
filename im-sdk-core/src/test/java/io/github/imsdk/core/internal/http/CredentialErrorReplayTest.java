package io.github.imsdk.core.internal.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.mockserver.model.HttpRequest.request;
import static org.mockserver.model.HttpResponse.response;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.imsdk.auth.Tls;
import io.github.imsdk.core.ImBadRequestException;
import io.github.imsdk.core.ImForbiddenException;
import io.github.imsdk.core.ImUnauthorizedException;
import io.github.imsdk.core.Timeouts;
import io.github.imsdk.core.internal.StubClients;
import io.github.imsdk.core.internal.StubServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.mockserver.integration.ClientAndServer;

/**
 * Replays group 6 of the second recorded set (real IM 1.19.2, files 079-126): every credential error, whatever
 * its status (401 on list and create, 400 on state, outputs and DELETE), must be an
 * {@link ImUnauthorizedException}, sent once more after the credentials were invalidated (issue 14, row 6). The
 * expectation comes from what each recording exercised (its name), not from the SDK's phrase list.
 */
class CredentialErrorReplayTest {

  private static final String DIR = "/im-contract/recorded-2-auth/";
  @RegisterExtension
  static final StubServer SERVER = new StubServer();
  private static final ClientAndServer mock = SERVER.mock();

  static Stream<String> recordings() throws IOException {
    List<String> names = new ArrayList<>();
    for (int n = 79; n <= 126; n++) {
      String prefix = String.format("%03d-", n);
      try (InputStream index = CredentialErrorReplayTest.class.getResourceAsStream(DIR)) {
        String listing = new String(index.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        for (String line : listing.split("\n")) {
          if (line.startsWith(prefix)) {
            names.add(line.strip());
          }
        }
      }
    }
    return names.stream();
  }

  @ParameterizedTest
  @MethodSource("recordings")
  void everyCredentialErrorIsAnAuthErrorRetriedOnce(String file) throws IOException {
    JsonNode fx;
    try (InputStream in = getClass().getResourceAsStream(DIR + file)) {
      fx = new ObjectMapper().readTree(in);
    }
    String name = fx.get("name").asText();
    int status = fx.get("response").get("status").asInt();
    if (status < 400 || status >= 500) {
      return; // 200s: accepted credentials, nothing to map
    }
    // Given IM's recorded answer
    String method = fx.get("request").get("method").asText();
    String path = fx.get("request").get("path").asText();
    mock.reset();
    mock.when(request().withMethod(method).withPath(path)).respond(response().withStatusCode(status)
        .withHeader("Content-Type", "application/json").withBody(fx.get("response").get("body").asText()));
    HttpSettings settings = new HttpSettings(URI.create("http://127.0.0.1:" + mock.getPort()),
        StubClients.userPassword(), Timeouts.DEFAULT, Tls.system(), null, "im-sdk-test");

    // When the SDK makes the same call
    Throwable thrown;
    try (JerseyImHttp http = new JerseyImHttp(settings)) {
      String body = method.equals("POST") ? "tosca_definitions_version: tosca_simple_yaml_1_0\n" : null;
      thrown = catchThrowable(() -> http.execute(new ImCall(method, path, Map.of(), body,
          body == null ? null : "text/yaml", !method.equals("POST"))));
    }

    // Then a credential problem is an auth error, sent twice; anything else keeps its own type, sent once
    int sent = mock.retrieveRecordedRequests(request().withMethod(method).withPath(path)).length;
    boolean credentialProblem = name.startsWith("auth-") && (status == 400 || status == 401)
        && !name.contains("no-cloud-line");
    if (credentialProblem) {
      assertThat(thrown).as(name).isInstanceOf(ImUnauthorizedException.class);
      assertThat(sent).as(name + ": sent again once after invalidating the credentials").isEqualTo(2);
    } else if (status == 403) {
      assertThat(thrown).as(name).isInstanceOf(ImForbiddenException.class);
      assertThat(sent).isEqualTo(1);
    } else {
      assertThat(thrown).as(name).isInstanceOf(ImBadRequestException.class);
      assertThat(sent).isEqualTo(1);
    }
  }
}
