package io.github.imsdk.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.imsdk.auth.AuthFile;
import io.github.imsdk.core.State;
import io.github.imsdk.testing.Fault;
import io.github.imsdk.testing.EmulatorTimings;
import io.github.imsdk.testing.ImEmulator;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code run-container} run as a user runs it: the shaded jar in its own JVM. */
class RunContainerIT {

  private static final Duration LIMIT = Duration.ofMinutes(2);

  @TempDir
  Path dir;

  @Test
  void withNoConfigurationItUsesTheInProcessEmulatorAndPrintsTheEndpoint() throws Exception {
    // Given no im_client.cfg, no auth file, no IM_* variables
    try (JarProcess p = JarProcess.start(dir, "run-container", "--image", "nginx:1.27", "--port", "80")) {
      // When it runs to the end
      int code = p.exitCode(LIMIT);

      // Then it succeeded, said once that it used the emulator, and printed the endpoint and SSH details
      assertThat(code).as(p.stderr()).isZero();
      assertThat(p.stdout().lines().filter(l -> l.contains("in-process IM emulator"))).hasSize(1);
      assertThat(p.stdout()).containsPattern("(?m)^endpoint: http://127\\.\\d+\\.\\d+\\.\\d+:80$");
      assertThat(p.stdout()).contains("ssh user: cloudadm").contains("ssh password: ********")
          .contains("destroyed infrastructure");
    }
  }

  @Test
  void sigintDuringTheWaitLeavesNoInfrastructureBehind() throws Exception {
    // Given an emulator in this JVM whose VMs stay pending for an hour, and an auth file for it
    try (ImEmulator emulator = ImEmulator.builder()
        .timings(EmulatorTimings.of(Duration.ofHours(1), Duration.ofHours(1))).build()) {
      Path auth = dir.resolve("auth.dat");
      AuthFile.write(emulator.credentials(), auth);
      try (JarProcess p = JarProcess.start(dir, "run-container", "--image", "nginx:1.27", "--port", "80",
          "--im-url", emulator.endpoint().toString(), "--auth-file", auth.toString())) {
        String created = p.awaitLine(l -> l.startsWith("created infrastructure"), LIMIT);
        assertThat(created).as(p.stderr()).isNotNull();
        assertThat(emulator.infrastructures()).hasSize(1);

        // When Ctrl-C arrives during the wait
        p.interrupt();
        int code = p.exitCode(LIMIT);

        // Then the program destroyed what it created before ending
        assertThat(code).isNotZero();
        assertThat(p.stderr()).contains("destroyed infrastructure " + created.substring(created.lastIndexOf(' ') + 1));
        assertThat(emulator.infrastructures()).isEmpty();
      }
    }
  }

  @Test
  void anInfrastructureThatEndsUnconfiguredExitsOneWithTheReasonAndIsDestroyed() throws Exception {
    // Given an emulator in this JVM whose next VM fails to contextualize, and an auth file for it
    try (ImEmulator emulator = ImEmulator.builder().timings(EmulatorTimings.instant()).build()) {
      emulator.inject(Fault.nextVmsEndIn(State.UNCONFIGURED));
      Path auth = dir.resolve("auth.dat");
      AuthFile.write(emulator.credentials(), auth);

      // When run-container deploys against it
      try (JarProcess p = JarProcess.start(dir, "run-container", "--image", "nginx:1.27", "--port", "80",
          "--im-url", emulator.endpoint().toString(), "--auth-file", auth.toString())) {
        int code = p.exitCode(LIMIT);

        // Then it exits 1 naming the state reached, the VM's state and the contextualization log's error,
        // prints no endpoint, and destroys what it created
        assertThat(code).as(p.stdout() + "\n" + p.stderr()).isEqualTo(1);
        String created = p.stdout().lines().filter(l -> l.startsWith("created infrastructure ")).findFirst()
            .orElseThrow(() -> new AssertionError("no 'created infrastructure' line in " + p.stdout()));
        String id = created.substring("created infrastructure ".length());
        assertThat(p.stderr()).contains("error: Waiting for infrastructure " + id + " to be configured failed")
            .contains("last state unconfigured (VMs: 0=unconfigured)")
            .contains("contextualization log (whole):")
            .contains("ERROR: Max contextualization time passed.")
            .doesNotContain("contmsgHead()");
        assertThat(p.stdout()).doesNotContain("endpoint:").contains("destroyed infrastructure " + id);
        assertThat(emulator.infrastructures()).isEmpty();
      }
    }
  }

  @Test
  void withKeepAFailedInfrastructureIsLeftForInspection() throws Exception {
    // Given an emulator in this JVM whose next VM fails to start
    try (ImEmulator emulator = ImEmulator.builder().timings(EmulatorTimings.instant()).build()) {
      emulator.inject(Fault.nextVmsEndIn(State.FAILED));
      Path auth = dir.resolve("auth.dat");
      AuthFile.write(emulator.credentials(), auth);

      // When run-container deploys against it with --keep
      try (JarProcess p = JarProcess.start(dir, "run-container", "--image", "nginx:1.27", "--port", "80", "--keep",
          "--im-url", emulator.endpoint().toString(), "--auth-file", auth.toString())) {
        int code = p.exitCode(LIMIT);

        // Then it exits 1, says the infrastructure failed, and keeps it with the command that destroys it
        assertThat(code).as(p.stdout() + "\n" + p.stderr()).isEqualTo(1);
        assertThat(p.stderr()).contains("is failed").contains("last state failed");
        assertThat(emulator.infrastructures()).hasSize(1);
        String id = emulator.infrastructures().get(0).value();
        assertThat(p.stdout()).contains("kept infrastructure " + id + "; destroy it with: "
            + "java -jar im-sdk-examples.jar destroy " + id);
      }
    }
  }
}
