package io.github.imsdk.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.imsdk.auth.AuthFile;
import io.github.imsdk.core.State;
import io.github.imsdk.testing.Fault;
import io.github.imsdk.testing.EmulatorTimings;
import io.github.imsdk.testing.ImEmulator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The im_client operations against an emulator in this JVM, each command a separate process, as scripts run them. */
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
    String stateJson = run(0, "getstate", id, "-q");
    String outputs = run(0, "getoutputs", id);
    String list = run(0, "list");
    String destroyed = run(0, "destroy", id);

    // Then each printed what im_client prints, and nothing is left
    assertThat(created).startsWith("Connected with: " + emulator.endpoint() + "\nInfrastructure successfully created "
        + "with ID: ");
    assertThat(state).contains("The infrastructure is in state: configured").contains("VM ID: 0 is in state: configured.");
    assertThat(stateJson).startsWith("{\n    \"state\": \"configured\",\n    \"vm_states\": {");
    assertThat(outputs).containsPattern("node_ip = 127\\.");
    assertThat(list).contains(id);
    assertThat(destroyed).contains("Infrastructure successfully destroyed");
    assertThat(emulator.infrastructures()).isEmpty();
  }

  @Test
  void credentialsInsideListOutputsAreMaskedUnlessAsked() throws Exception {
    // Given two VMs whose credential output is a list of {user, token} maps (no index in get_attribute)
    Path template = dir.resolve("two.yaml");
    Files.writeString(template, PLAIN_VM.replace("                  image: ost://cloud.example.org/ubuntu",
        "                  image: ost://cloud.example.org/ubuntu\n              scalable:\n                properties:\n"
            + "                  count: 2")
        + "    creds:\n      value: { get_attribute: [ vm, endpoint, credential ] }\n");
    String created = run(0, "create", template.toString());
    String id = created.substring(created.lastIndexOf(' ') + 1).strip();

    // When the outputs are printed plainly and with --show-secrets
    String masked = run(0, "getoutputs", id);
    String shown = run(0, "getoutputs", id, "--show-secrets");

    // Then the plain form shows users but no token, while the revealed form has the tokens
    assertThat(shown).contains("token");
    String token = shown.replaceAll("(?s).*?'token': '([^']+)'.*", "$1");
    assertThat(token).isNotBlank().isNotEqualTo(shown);
    assertThat(masked).containsPattern("creds = \\[?\\{'user': ").contains("'token': '********'").doesNotContain(token);
  }

  @Test
  void waitEndsAtOnceForAConfiguredInfrastructure() throws Exception {
    // Given an infrastructure that is configured (instant timings)
    Path template = dir.resolve("plain.yaml");
    Files.writeString(template, PLAIN_VM);
    String created = run(0, "create", template.toString());
    String id = created.substring(created.lastIndexOf(' ') + 1).strip();

    // When wait runs, plainly and quietly
    String text = run(0, "wait", id);
    String quiet = run(0, "-q", "wait", id);

    // Then both exit 0; the plain one says configured, the quiet one nothing (as im_client)
    assertThat(text).isEqualTo("Connected with: " + emulator.endpoint()
        + "\nThe infrastructure is in state: configured");
    assertThat(quiet).isEmpty();
  }

  @Test
  void waitOnAFailedInfrastructureExitsOneWithTheReason() throws Exception {
    // Given an infrastructure whose VM fails to start
    emulator.inject(Fault.nextVmsEndIn(State.FAILED));
    Path template = dir.resolve("plain.yaml");
    Files.writeString(template, PLAIN_VM);
    String created = run(0, "create", template.toString());
    String id = created.substring(created.lastIndexOf(' ') + 1).strip();

    // When wait runs
    try (JarProcess p = JarProcess.start(dir, withConnection("wait", id, "60"))) {
      int code = p.exitCode(LIMIT);

      // Then it prints im_client's line with the state, the waiter's reason on stderr, and exits 1
      assertThat(code).as(p.stderr()).isEqualTo(1);
      assertThat(p.stdout()).endsWith("\nThe infrastructure is in state: failed");
      assertThat(p.stderr()).contains("error: Waiting for infrastructure " + id + " to be configured failed")
          .contains("the infrastructure is failed").doesNotContain("contmsgHead()");
    }
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
    String out = runExpectingFailure("getstate", "00000000-0000-0000-0000-000000000000");
    assertThat(out).contains("Error getting infrastructure state: ").contains("404")
        .contains("Invalid infrastructure ID");
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
      return p.stdout();
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
