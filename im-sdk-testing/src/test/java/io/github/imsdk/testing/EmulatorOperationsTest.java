package io.github.imsdk.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.imsdk.auth.AuthLine;
import io.github.imsdk.auth.Credentials;
import io.github.imsdk.core.Infrastructure;
import io.github.imsdk.core.InfrastructureId;
import io.github.imsdk.core.InfrastructureManager;
import io.github.imsdk.core.ImForbiddenException;
import io.github.imsdk.core.State;
import io.github.imsdk.core.Template;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The emulator's operations through the SDK client, as a user's pipeline test would use them. */
@ImEmulatorTest
class EmulatorOperationsTest {

  private static final String RADL = """
      network publica (outbound = 'yes' and outports = '22/tcp-22/tcp')
      system front (
        cpu.count >= 1 and
        memory.size >= 1g and
        net_interface.0.connection = 'publica' and
        disk.0.image.url = 'mock0://linux.for.ev.er/ubuntu-22.04' and
        disk.0.os.credentials.username = 'ubuntu'
      )
      contextualize ()
      deploy front 1
      """;

  @Test
  void radlInfrastructureScalesOutAndIn(InfrastructureManager im) {
    // Given a RADL infrastructure with one VM
    Infrastructure inf = im.infrastructure(im.infrastructures().create(Template.radl(RADL)));

    // When two VMs are added and one removed
    List<String> added = inf.addResources(Template.radl("network publica\nsystem front\ndeploy front 2\n"));
    inf.removeVms(List.of("1"));

    // Then the ids follow IM's numbering and the user name of the RADL is kept
    assertThat(added).containsExactly("1", "2");
    assertThat(inf.vms()).extracting(v -> v.id()).containsExactly("0", "2");
    assertThat(inf.vm("2").info().credentials().orElseThrow().username()).isEqualTo("ubuntu");
    assertThat(inf.state().state()).isEqualTo(State.CONFIGURED);
  }

  @Test
  void exportWithRemovalThenImportKeepsTheId(InfrastructureManager im, ImEmulator emulator) {
    // Given an infrastructure
    InfrastructureId id = im.infrastructures().create(Template.radl(RADL));

    // When it is exported and forgotten, then imported again
    String data = im.infrastructure(id).exportAndRemove();
    List<InfrastructureId> afterExport = emulator.infrastructures();
    InfrastructureId imported = im.infrastructures().importData(data);

    // Then it came back under the same id, with its VM
    assertThat(afterExport).isEmpty();
    assertThat(imported).isEqualTo(id);
    assertThat(im.infrastructure(id).vms()).hasSize(1);
  }

  @Test
  void ownersDecideWhoMaySeeAnInfrastructure(InfrastructureManager im, ImEmulator emulator) {
    // Given an infrastructure and a second user who is not an owner
    InfrastructureId id = im.infrastructures().create(Template.radl(RADL));
    AuthLine user2 = AuthLine.builder(AuthLine.INFRASTRUCTURE_MANAGER).set("username", "user2")
        .set("password", "pass2").build();
    try (InfrastructureManager other = InfrastructureManager.builder().endpoint(emulator.endpoint())
        .credentials(Credentials.of(user2, emulator.credentials().lines().get(1)))
        .build()) {
      assertThatThrownBy(() -> other.infrastructure(id).state()).isInstanceOf(ImForbiddenException.class);

      // When the owner adds user2
      im.infrastructure(id).addOwner(user2);

      // Then user2 can read it
      assertThat(other.infrastructure(id).state().state()).isEqualTo(State.CONFIGURED);
      assertThat(im.infrastructure(id).owners()).containsExactly("emulator", "user2");
    }
  }

  @Test
  void stopAndStartSwitchTheState(InfrastructureManager im) {
    Infrastructure inf = im.infrastructure(im.infrastructures().create(Template.radl(RADL)));

    inf.stop();
    State stopped = inf.state().state();
    inf.start();

    assertThat(stopped).isEqualTo(State.STOPPED);
    assertThat(inf.state().state()).isEqualTo(State.CONFIGURED);
  }

  @Test
  void delayFaultHoldsTheAnswerBack(ImEmulator emulator) throws Exception {
    // Given every version call delayed by 5 s
    emulator.inject(Fault.delay("GET", "/version", Duration.ofSeconds(5)));
    HttpRequest request = HttpRequest.newBuilder(emulator.endpoint().resolve("/version"))
        .timeout(Duration.ofMillis(200)).build();

    // When a client with a short timeout calls it, Then it times out
    assertThatThrownBy(() -> HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString()))
        .isInstanceOf(HttpTimeoutException.class);
  }
}
