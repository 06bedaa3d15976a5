package io.github.imsdk.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.imsdk.auth.AuthLine;
import io.github.imsdk.core.InfrastructureId;
import io.github.imsdk.core.InfrastructureManager;
import io.github.imsdk.core.Template;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The request journal as a user's test reads it, through the extension. */
@ImEmulatorTest
class RequestJournalTest {

  @Test
  void recordsEveryRequestInOrderWithTheAuthorizationDecodedAndSecretsMasked(InfrastructureManager im,
      RequestJournal journal, ImEmulator emulator) throws IOException {
    // Given a fresh test: the extension gives it an empty journal
    assertThat(journal.requests()).isEmpty();

    // When the client creates, reads the state of and destroys an infrastructure
    InfrastructureId id = im.infrastructures().create(Template.tosca(resource("plain_vm.yaml")));
    im.infrastructure(id).state();
    im.infrastructure(id).destroy();

    // Then the journal has the three requests, in order, with what was sent
    List<RecordedRequest> all = journal.requests();
    assertThat(all).extracting(RecordedRequest::method).containsExactly("POST", "GET", "DELETE");
    assertThat(all.get(0).path()).isEqualTo("/infrastructures");
    assertThat(all.get(0).body()).contains("tosca_definitions_version");
    assertThat(all.get(1).path()).isEqualTo("/infrastructures/" + id.value() + "/state");
    assertThat(all.get(0).authorizationLines()).extracting(AuthLine::type)
        .containsExactly("InfrastructureManager", "Dummy");
    String password = emulator.credentials().lines().get(0).value("password").orElseThrow().resolve();
    assertThat(all.get(0).header("Authorization").orElseThrow()).contains(password);
    assertThat(all.get(0).toString()).contains("InfrastructureManager").doesNotContain(password);
    assertThat(journal.deletes(id)).isEqualTo(1);
    journal.assertDestroyedOnce(id);
  }

  @Test
  void assertionsNameWhatWasSent(InfrastructureManager im, RequestJournal journal) throws IOException {
    // Given an infrastructure that is never destroyed
    InfrastructureId id = im.infrastructures().create(Template.tosca(resource("plain_vm.yaml")));

    // When the test asks for one destroy, then checks a route that was used
    // Then the failures say what was (not) sent
    assertThatThrownBy(() -> journal.assertDestroyedOnce(id)).isInstanceOf(AssertionError.class)
        .hasMessageContaining("but 0 were sent");
    assertThatThrownBy(() -> journal.assertNone("POST", "/infrastructures")).isInstanceOf(AssertionError.class)
        .hasMessageContaining("#1 POST /infrastructures");
    assertThat(journal.last("POST", "/infrastructures")).isPresent();
  }

  @Test
  void masksPasswordsInAnAuthorizationBody(ImEmulator emulator) throws Exception {
    // Given a request whose body carries a password (POST .../authorization)
    var http = java.net.http.HttpClient.newHttpClient();
    http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(emulator.endpoint()
            + "/infrastructures/x/authorization"))
        .header("Content-Type", "application/json")
        .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{\"username\": \"u\", \"password\": \"s3cr3t-pw\"}"))
        .build(), java.net.http.HttpResponse.BodyHandlers.ofString());

    // When it is shown
    RecordedRequest r = emulator.journal().requests().get(0);

    // Then the body keeps the password for assertions but toString hides it
    assertThat(r.body()).contains("s3cr3t-pw");
    assertThat(r.toString()).contains("\"password\": ****").doesNotContain("s3cr3t-pw");
  }

  private static String resource(String name) throws IOException {
    try (InputStream in = RequestJournalTest.class.getClassLoader().getResourceAsStream(name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
