package io.github.imsdk.examples;

import io.github.imsdk.auth.AuthFile;
import io.github.imsdk.testing.EmulatorTimings;
import io.github.imsdk.testing.ImEmulator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * An IM emulator as its own process, for the one-shot benchmark (bench/oneshot.sh): writes {@code auth.dat} and
 * {@code im_client.cfg} into the given directory, prints the endpoint, and stops when its stdin closes (the
 * script closes it, or dies).
 */
public final class StandaloneEmulator {

  private StandaloneEmulator() {}

  /** Runs until stdin closes. */
  public static void main(String[] args) throws IOException {
    Path dir = Path.of(args.length > 0 ? args[0] : ".");
    try (ImEmulator emulator = ImEmulator.builder().timings(EmulatorTimings.instant()).build()) {
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
