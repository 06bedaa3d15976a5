package io.github.imsdk.testing;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.imsdk.core.InfrastructureId;
import io.github.imsdk.core.InfrastructureManager;
import io.github.imsdk.core.State;
import io.github.imsdk.core.Template;
import io.github.imsdk.core.VmInfo;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Written as a user would: a pipeline test that gets an emulator and a client injected. */
@ImEmulatorTest
class ImEmulatorExtensionTest {

  @Test
  void deploysReadsOutputsAndDestroys(InfrastructureManager im, ImEmulator emulator) throws IOException {
    // Given a TOSCA template
    Template template = Template.tosca(resource("docker_ansible.yaml"));

    // When it is deployed
    InfrastructureId id = im.infrastructures().create(template);

    // Then it is configured at once (instant timings) and its outputs and VM point to loopback
    assertThat(im.infrastructure(id).state().state()).isEqualTo(State.CONFIGURED);
    String ip = im.infrastructure(id).outputs().string("node_ip");
    assertThat(ip).startsWith("127.");
    VmInfo vm = im.infrastructure(id).vm("0").info();
    assertThat(vm.publicIp()).contains(ip);
    assertThat(vm.credentials()).isPresent();
    im.infrastructure(id).destroy();
    assertThat(emulator.infrastructures()).isEmpty();
  }

  @Nested
  @ImEmulatorTest(manualClock = true)
  class WithAManualClock {
    @Test
    void testMovesTheVmsThroughTheirStates(InfrastructureManager im, ManualClock clock) throws IOException {
      // Given a freshly created infrastructure
      InfrastructureId id = im.infrastructures().create(Template.tosca(resource("docker_ansible.yaml")));
      State before = im.infrastructure(id).state().state();

      // When the test moves the clock past the demo timings
      clock.advance(Duration.ofSeconds(3));

      // Then it went from pending to configured
      assertThat(before).isEqualTo(State.PENDING);
      assertThat(im.infrastructure(id).state().state()).isEqualTo(State.CONFIGURED);
    }
  }

  private static String resource(String name) throws IOException {
    try (InputStream in = ImEmulatorExtensionTest.class.getClassLoader().getResourceAsStream(name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
