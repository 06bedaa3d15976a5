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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The SDK's create-and-wait cleanup against the emulator's 409 (issue 15 with issue 14): a VM fails at once, so the
 * wait fails while IM is still "adding" after the asynchronous create, and the cleanup's first DELETE gets IM's 409
 * "Invalid State to perform this operation."; the SDK must try again and leave nothing behind.
 */
class CreateAndWaitCleanupTest {

  @RegisterExtension
  final ImEmulatorExtension extension = ImEmulatorExtension.builder()
      .imVersion(ImVersion.V2_0_0) // 2.0 lists the VMs of an async create at once, so the failure is seen at once
      .timings(EmulatorTimings.instant().withAdding(Duration.ofMillis(300)))
      .fault(Fault.nextVmsEndIn(State.FAILED))
      .clientWait(Wait.configured().withBackoff(Duration.ofMillis(5), Duration.ofMillis(5), 1)
          .withTimeout(Duration.ofSeconds(30)))
      .build();

  @Test
  void cleanupRetriesTheDestroyThroughThe409(InfrastructureManager im, Wait wait, RequestJournal journal,
      ImEmulator emulator) throws IOException {
    // Given a template whose VM fails at once, and an IM still adding VMs for 300 ms after the create
    Template template = Template.tosca(resource("plain_vm.yaml"));

    // When the client creates and waits
    // Then the wait fails, and the cleanup destroyed the infrastructure after IM refused the first DELETE
    assertThatThrownBy(() -> im.infrastructures().createAndWait(template, wait, p -> { }))
        .isInstanceOf(ImWaitException.class);
    assertThat(journal.requests("DELETE", "/infrastructures/[^/]+")).isNotEmpty();
    String path = journal.requests("DELETE", "/infrastructures/[^/]+").get(0).path();
    assertThat(journal.count("DELETE", path)).as("the first DELETE got 409, so the cleanup sent another")
        .isGreaterThanOrEqualTo(2);
    assertThat(journal.requests("POST", "/infrastructures").get(0).query()).containsEntry("async", "true");
    assertThat(emulator.infrastructures()).isEmpty();
  }

  private static String resource(String name) throws IOException {
    try (InputStream in = CreateAndWaitCleanupTest.class.getClassLoader().getResourceAsStream(name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
