package io.github.imsdk.testing;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.imsdk.core.Infrastructure;
import io.github.imsdk.core.InfrastructureId;
import io.github.imsdk.core.InfrastructureManager;
import io.github.imsdk.core.State;
import io.github.imsdk.core.Template;
import io.github.imsdk.core.Wait;
import io.github.imsdk.tosca.ContainerRecipe;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The overloads and asynchronous variants of the long calls, against the emulator. */
@ImEmulatorTest
class AsyncCallsTest {

  private static final String RADL = """
      network publica (outbound = 'yes')
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
  void everyLongCallHasAnAsyncVariantWithTheSameResult(InfrastructureManager im, ImEmulator emulator)
      throws Exception {
    // Given a configured infrastructure, created with the listener-less createAndWait
    InfrastructureId id = im.infrastructures().createAndWait(Template.radl(RADL),
        Wait.configured().withTimeout(Duration.ofMinutes(1)));
    Infrastructure inf = im.infrastructure(id);

    // When each long call runs asynchronously
    List<String> added = inf.addResourcesAsync(Template.radl("network publica\nsystem front\ndeploy front 1\n"))
        .get(30, TimeUnit.SECONDS);
    inf.removeVmsAsync(List.of("0")).get(30, TimeUnit.SECONDS);
    inf.reconfigureAsync().get(30, TimeUnit.SECONDS);

    // Then they did what the blocking calls do
    assertThat(added).containsExactly("1");
    assertThat(inf.vms()).extracting(v -> v.id()).containsExactly("1");
    assertThat(inf.stateAsync().get(30, TimeUnit.SECONDS).state()).isEqualTo(State.CONFIGURED);
    inf.destroyAsync().get(30, TimeUnit.SECONDS);
    assertThat(emulator.infrastructures()).isEmpty();
  }

  @Test
  void createAndWaitWithoutAListenerAcceptsATypedTemplate(InfrastructureManager im, ImEmulator emulator)
      throws Exception {
    InfrastructureId id = im.infrastructures().createAndWait(
        ContainerRecipe.builder().image("nginx:1.27").port(80).name("web").build().template(), Wait.configured());
    // (IM has outputs only for TOSCA infrastructures)
    assertThat(im.infrastructure(id).outputsAsync().get(30, TimeUnit.SECONDS).string("web_endpoint"))
        .startsWith("http://127.0.0.");
    im.infrastructure(id).destroy();
    assertThat(emulator.infrastructures()).isEmpty();
  }
}
