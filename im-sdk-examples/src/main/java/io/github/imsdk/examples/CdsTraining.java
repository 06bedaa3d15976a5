package io.github.imsdk.examples;

import io.github.imsdk.auth.AuthFile;
import io.github.imsdk.testing.EmulatorTimings;
import io.github.imsdk.testing.ImEmulator;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The training run for the command line's start-up archive (AppCDS), made at build time:
 * {@code java -XX:ArchiveClassesAtExit=im-sdk-client.jsa -cp im-sdk-examples.jar ...CdsTraining}. It makes real
 * calls, through the same code as the commands, against an IM emulator on loopback, so that the archive holds the
 * classes a call needs (Jersey, HK2, Jackson) and not only those of parsing, as a run of {@code template} would.
 */
public final class CdsTraining {

  private CdsTraining() {}

  /** Runs the im_client operations once each against an emulator; prints nothing but failures. */
  public static void main(String[] argv) throws IOException {
    Path dir = Files.createTempDirectory("im-sdk-cds");
    PrintStream sink = new PrintStream(OutputStream.nullOutputStream(), true, StandardCharsets.UTF_8);
    try (ImEmulator emulator = ImEmulator.builder().timings(EmulatorTimings.instant()).build()) {
      Path auth = dir.resolve("auth.dat");
      AuthFile.write(emulator.credentials(), auth);
      Path template = dir.resolve("training.yaml");
      Files.writeString(template, """
          tosca_definitions_version: tosca_simple_yaml_1_0
          topology_template:
            node_templates:
              vm:
                type: tosca.nodes.indigo.Compute
                capabilities:
                  os:
                    properties:
                      image: ost://cloud.example.org/ubuntu
            outputs:
              node_ip:
                value: { get_attribute: [ vm, public_address, 0 ] }
          """);
      String url = emulator.endpoint().toString();
      run(sink, "--help");
      run(sink, "-r", url, "getversion");
      run(sink, "-r", url, "-a", auth.toString(), "list");
      run(sink, "-r", url, "-a", auth.toString(), "create", template.toString());
      String id = emulator.infrastructures().get(0).value();
      for (String op : List.of("getstate", "getoutputs", "getcontmsg", "getinfo", "wait")) {
        run(sink, "-r", url, "-a", auth.toString(), op, id);
        run(sink, "-q", "-r", url, "-a", auth.toString(), op, id);
      }
      run(sink, "-r", url, "-a", auth.toString(), "getvminfo", id, "0");
      run(sink, "-r", url, "-a", auth.toString(), "destroy", id);
      run(sink, "template", "--image", "nginx:1.27", "--port", "80");
    } finally {
      try (var files = Files.list(dir)) {
        for (Path p : files.toList()) {
          Files.delete(p);
        }
      } catch (IOException | UncheckedIOException e) {
        System.err.println("could not remove " + dir + ": " + e.getMessage());
      }
      Files.deleteIfExists(dir);
    }
  }

  private static void run(PrintStream sink, String... args) {
    int code = Main.run(args, Map.of(), sink, sink, false);
    if (code != 0) {
      throw new IllegalStateException("training command " + String.join(" ", args) + " exited " + code);
    }
  }
}
