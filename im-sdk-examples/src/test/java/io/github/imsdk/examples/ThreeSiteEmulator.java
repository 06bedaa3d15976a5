package io.github.imsdk.examples;

import io.github.imsdk.auth.AuthFile;
import io.github.imsdk.testing.EmulatedCloud;
import io.github.imsdk.testing.EmulatorTimings;
import io.github.imsdk.testing.ImEmulator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * An IM emulator with three clouds, as its own process, for the {@code run-container --site auto} transcript of
 * issue 13: {@code full} (2 cores free), {@code broken} (its VMs fail) and {@code good}; all offer an Ubuntu 22.04
 * image. Writes {@code auth.dat} and {@code im_client.cfg} into the given directory, prints the endpoint, and
 * stops when its stdin closes.
 */
public final class ThreeSiteEmulator {

  private ThreeSiteEmulator() {}

  /** Runs until stdin closes. */
  public static void main(String[] args) throws IOException {
    Path dir = Path.of(args.length > 0 ? args[0] : ".");
    EmulatedCloud ubuntu = EmulatedCloud.dummy()
        .withImage("mock0://linux.for.ev.er/ubuntu-22.04", "Ubuntu Server 22.04 LTS");
    try (ImEmulator emulator = ImEmulator.builder()
        .timings(EmulatorTimings.of(Duration.ofSeconds(2), Duration.ofSeconds(3)))
        .cloud("full", ubuntu.withQuota("cores", 8, 10))
        .cloud("broken", ubuntu.withQuota("cores", 0, 20).withFailingVms())
        .cloud("good", ubuntu.withQuota("cores", 2, 16))
        .build()) {
      AuthFile.write(emulator.credentials(), dir.resolve("auth.dat"));
      Files.writeString(dir.resolve("im_client.cfg"),
          "[im_client]\nrestapi_url=" + emulator.endpoint() + "\nauth_file=auth.dat\n");
      System.out.println(emulator.endpoint());
      System.out.flush();
      while (System.in.read() >= 0) {
        // wait for end of input
      }
    }
  }
}
