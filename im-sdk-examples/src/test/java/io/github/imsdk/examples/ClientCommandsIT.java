package io.github.imsdk.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.imsdk.auth.AuthFile;
import io.github.imsdk.testing.EmulatorTimings;
import io.github.imsdk.testing.ImEmulator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The im_client-style commands against an emulator in this JVM, each command a separate process. */
class ClientCommandsIT {

  private static final Duration LIMIT = Duration.ofMinutes(1);
  private static final String PLAIN_VM = """
      tosca_definitions_version: tosca_simple_yaml_1_0
      topology_template:
        node_templates:
          vm:
            type: tosca.nodes.indigo.Compute
            capabilities:
              endpoint:
                properties:
                  network_name: PUBLIC
                  private_ip: false
              os:
                properties:
                  image: ost://cloud.example.org/ubuntu
        outputs:
          node_ip:
            value: { get_attribute: [ vm, public_address, 0 ] }
      """;

  @TempDir
  Path dir;
  private ImEmulator emulator;
  private Path auth;

  @BeforeEach
  void startEmulator() {
    emulator = ImEmulator.builder().timings(EmulatorTimings.instant()).build();
    auth = dir.resolve("auth.dat");
    AuthFile.write(emulator.credentials(), auth);
  }

  @AfterEach
  void stopEmulator() {
    emulator.close();
  }

  @Test
  void createGetstateGetoutputsDestroy() throws Exception {
    // Given a template file
    Path template = dir.resolve("plain.yaml");
    Files.writeString(template, PLAIN_VM);

    // When it is created, read and destroyed with separate commands
    String created = run(0, "create", template.toString());
    String id = created.substring(created.lastIndexOf(' ') + 1).strip();
    String state = run(0, "getstate", id);
    String stateJson = run(0, "getstate", id, "--json");
    String outputs = run(0, "getoutputs", id);
    String list = run(0, "list");
    String destroyed = run(0, "destroy", id);

    // Then each printed what im_client prints, and nothing is left
    assertThat(created).startsWith("Infrastructure successfully created with ID: ");
    assertThat(state).contains("The infrastructure is in state: configured").contains("VM ID: 0 is in state: configured.");
    assertThat(stateJson).contains("\"vm_states\"");
    assertThat(outputs).containsPattern("node_ip = 127\\.");
    assertThat(list).contains(id);
    assertThat(destroyed).contains("Infrastructure successfully destroyed");
    assertThat(emulator.infrastructures()).isEmpty();
  }

  @Test
  void commandsOtherThanRunContainerNeedAnImUrl() throws Exception {
    // Given no configuration at all
    try (JarProcess p = JarProcess.start(dir, "list")) {
      // When list runs, Then it refuses with a usage error naming the ways to configure an IM
      assertThat(p.exitCode(LIMIT)).isEqualTo(2);
      assertThat(p.stderr()).contains("no IM configured").contains("--im-url");
    }
  }

  @Test
  void unknownInfrastructureIsAClearError() throws Exception {
    String err = runExpectingFailure("getstate", "00000000-0000-0000-0000-000000000000");
    assertThat(err).contains("404").contains("Invalid infrastructure ID");
  }

  private String run(int expectedCode, String... args) throws Exception {
    try (JarProcess p = JarProcess.start(dir, withConnection(args))) {
      assertThat(p.exitCode(LIMIT)).as(p.stderr()).isEqualTo(expectedCode);
      return p.stdout();
    }
  }

  private String runExpectingFailure(String... args) throws Exception {
    try (JarProcess p = JarProcess.start(dir, withConnection(args))) {
      assertThat(p.exitCode(LIMIT)).isEqualTo(1);
      return p.stderr();
    }
  }

  private String[] withConnection(String... args) {
    String[] all = new String[args.length + 4];
    System.arraycopy(args, 0, all, 0, args.length);
    all[args.length] = "--im-url";
    all[args.length + 1] = emulator.endpoint().toString();
    all[args.length + 2] = "--auth-file";
    all[args.length + 3] = auth.toString();
    return all;
  }
}
