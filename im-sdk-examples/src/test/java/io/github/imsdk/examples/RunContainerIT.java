package io.github.imsdk.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.imsdk.auth.AuthFile;
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
}
