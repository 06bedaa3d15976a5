package io.github.imsdk.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.imsdk.core.ImWaitException;
import io.github.imsdk.core.InfrastructureManager;
import io.github.imsdk.core.State;
import io.github.imsdk.core.Template;
import io.github.imsdk.core.Wait;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Configuring the extension from the annotation and from a builder, as users do. */
class ExtensionConfigurationTest {

  @Nested
  class RegisteredWithABuilder {
    @RegisterExtension
    final ImEmulatorExtension extension = ImEmulatorExtension.builder()
        .imVersion(ImVersion.V2_0_0)
        .timings(EmulatorTimings.fast())
        .fault(Fault.nextVmsEndIn(State.FAILED))
        .clientWait(Wait.configured().backoff(Duration.ofMillis(5), Duration.ofMillis(20), 1.5)
            .timeout(Duration.ofSeconds(20)))
        .build();

    @Test
    void aFailingVmFailsTheWaitWithoutAManualClock(InfrastructureManager im, Wait wait, RequestJournal journal)
        throws IOException {
      // Given an emulator whose next VM fails, with fast timings and a fast-polling Wait
      Template template = Template.tosca(resource("plain_vm.yaml"));

      // When the client creates and waits
      // Then the wait fails on the failed VM, and the journal shows IM 2.0 was polled
      assertThatThrownBy(() -> im.infrastructures().createAndWait(template, wait, p -> { }))
          .isInstanceOf(ImWaitException.class).hasMessageContaining("failed");
      assertThat(journal.count("GET", "/infrastructures/[^/]+/state")).isPositive();
      assertThat(wait.initialInterval()).isEqualTo(Duration.ofMillis(5));
    }

    @Test
    void theEmulatorImitatesTheVersionAsked(ImEmulator emulator, InfrastructureManager im) {
      assertThat(im.server().version()).isEqualTo("2.0.0");
      assertThat(emulator.journal().requests()).hasSize(1);
    }
  }

  @Nested
  @ImEmulatorTest(timings = ImEmulatorTest.Timings.FAST, nextVmsEndIn = State.UNCONFIGURED, pollIntervalMillis = 5)
  class ConfiguredByTheAnnotation {
    @Test
    void anUnconfiguredVmFailsTheWait(InfrastructureManager im, Wait wait) throws IOException {
      // Given a template with a configure step, so contextualization runs
      Template template = Template.tosca(resource("docker_ansible.yaml"));

      // When the client creates and waits with the injected Wait
      // Then contextualization's failure ends the wait
      assertThatThrownBy(() -> im.infrastructures().createAndWait(template, wait, p -> { }))
          .isInstanceOf(ImWaitException.class).hasMessageContaining("unconfigured");
      assertThat(wait.initialInterval()).isEqualTo(Duration.ofMillis(5));
    }
  }

  private static String resource(String name) throws IOException {
    try (InputStream in = ExtensionConfigurationTest.class.getClassLoader().getResourceAsStream(name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
