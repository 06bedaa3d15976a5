package io.github.imsdk.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.imsdk.auth.AuthFile;
import io.github.imsdk.testing.EmulatedCloud;
import io.github.imsdk.testing.EmulatorTimings;
import io.github.imsdk.testing.ImEmulator;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code run-container --site auto} against the emulator as three clouds, in process. */
class RunContainerPlacementTest {

  private static final EmulatedCloud UBUNTU = EmulatedCloud.dummy()
      .withImage("mock0://linux.for.ev.er/ubuntu-22.04", "Ubuntu Server 22.04 LTS");

  @TempDir
  Path dir;

  private record Result(int code, String out, String err) {}

  private Result run(ImEmulator emulator, String... flags) {
    Path auth = dir.resolve("auth.dat");
    AuthFile.write(emulator.credentials(), auth);
    String[] argv = new String[flags.length + 9];
    String[] head = {"run-container", "--im-url", emulator.endpoint().toString(), "--auth-file", auth.toString(),
        "--image", "nginx:1.27", "--port", "80"};
    System.arraycopy(head, 0, argv, 0, head.length);
    System.arraycopy(flags, 0, argv, head.length, flags.length);
    argv = java.util.Arrays.copyOf(argv, head.length + flags.length);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code = Main.run(argv, Map.of(), new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8), false);
    return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  @Test
  void siteAutoPrintsEachDecisionAndLandsWhereItFits() {
    try (ImEmulator emulator = ImEmulator.builder().timings(EmulatorTimings.instant())
        .cloud("full", UBUNTU.withQuota("cores", 8, 10))
        .cloud("broken", UBUNTU.withQuota("cores", 0, 20).withFailingVms())
        .cloud("good", UBUNTU.withQuota("cores", 2, 16))
        .build()) {
      Result r = run(emulator, "--cpus", "4", "--site", "auto", "--image-like", "ubuntu 22.04");

      assertThat(r.code()).as(r.out() + r.err()).isZero();
      assertThat(r.out()).contains("site full: 2 cores free, needs 4", "site broken: chosen",
          "site broken: destroyed infrastructure", "site good: chosen",
          "placed on site good (good.emulated) as infrastructure", "endpoint: http://127.", "destroyed infrastructure");
      assertThat(emulator.infrastructures()).isEmpty();
    }
  }

  @Test
  void noFittingSiteListsEachReasonAndExitsOne() {
    try (ImEmulator emulator = ImEmulator.builder().timings(EmulatorTimings.instant())
        .cloud("a", EmulatedCloud.dummy())
        .cloud("b", UBUNTU.withQuota("cores", 10, 10))
        .build()) {
      Result r = run(emulator, "--sites", "b,a", "--image-like", "ubuntu 22.04");

      assertThat(r.code()).isEqualTo(1);
      assertThat(r.err()).contains("error: no site could host it:", "  site b: 0 cores free, needs 2",
          "  site a: no image matching ubuntu 22.04");
      assertThat(r.err().indexOf("site b:")).isLessThan(r.err().indexOf("site a:"));
      assertThat(emulator.infrastructures()).isEmpty();
    }
  }

  @Test
  void sitesGoWithAutoOnly() {
    try (ImEmulator emulator = ImEmulator.builder().timings(EmulatorTimings.instant())
        .cloud("a", UBUNTU).build()) {
      Result r = run(emulator, "--site", "a", "--sites", "a,b");
      assertThat(r.code()).isNotZero();
      assertThat(r.out() + r.err()).contains("--sites goes with --site auto");
    }
  }
}
