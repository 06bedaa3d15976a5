package io.github.imsdk.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.imsdk.core.Deployment;
import io.github.imsdk.core.InfrastructureId;
import io.github.imsdk.core.InfrastructureManager;
import io.github.imsdk.core.Wait;
import io.github.imsdk.tosca.ContainerRecipe;
import io.github.imsdk.tosca.ToscaTemplate;
import java.util.NoSuchElementException;
import org.junit.jupiter.api.Test;

/** The documented usage leaks no VM: a Deployment destroys what it deployed when its block ends, however it ends. */
@ImEmulatorTest
class DeploymentTest {

  private static ToscaTemplate nginx() {
    return ContainerRecipe.builder().image("nginx:1.27").port(80).name("web").build().template();
  }

  @Test
  void anExceptionBetweenCreateAndCloseLeavesNothingRunning(InfrastructureManager im, ImEmulator emulator) {
    // Given a deployment used as the README shows it, and a mistyped output name inside the block
    InfrastructureId[] deployed = new InfrastructureId[1];
    assertThatThrownBy(() -> {
      try (Deployment d = im.infrastructures().deploy(nginx(), Wait.configured())) {
        deployed[0] = d.id();
        assertThat(emulator.infrastructures()).containsExactly(d.id());
        d.infrastructure().outputs().string("web_endpont");
      }
    })
        // Then the caller sees the typo's error, not a cleanup error
        .isInstanceOf(NoSuchElementException.class).hasMessageContaining("web_endpont");

    // And the emulator runs nothing any more
    assertThat(deployed[0]).isNotNull();
    assertThat(emulator.infrastructures()).isEmpty();
  }

  @Test
  void keepLeavesTheInfrastructureRunningAndCloseTwiceDestroysOnce(InfrastructureManager im, ImEmulator emulator) {
    // Given one deployment kept and one closed twice
    InfrastructureId keptId;
    try (Deployment d = im.infrastructures().deploy(nginx(), Wait.configured(), null)) {
      keptId = d.keep();
      assertThat(d.kept()).isTrue();
    }
    Deployment closed = im.infrastructures().deploy(nginx(), Wait.configured());
    closed.close();
    closed.close();

    // Then only the kept one is still there, and it can be destroyed by id later
    assertThat(emulator.infrastructures()).containsExactly(keptId);
    im.infrastructure(keptId).destroy();
    assertThat(emulator.infrastructures()).isEmpty();
  }

  @Test
  void closeCountsAnInfrastructureDestroyedMeanwhileAsGone(InfrastructureManager im, ImEmulator emulator) {
    // Given a deployment whose infrastructure someone else destroyed
    Deployment d = im.infrastructures().deploy(nginx(), Wait.configured());
    im.infrastructure(d.id()).destroy();

    // When it is closed, then nothing is thrown and nothing runs
    d.close();
    assertThat(emulator.infrastructures()).isEmpty();
  }
}
