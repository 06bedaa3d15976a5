package io.github.imsdk.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.imsdk.auth.AuthFile;
import io.github.imsdk.core.InfrastructureId;
import io.github.imsdk.core.InfrastructureManager;
import io.github.imsdk.testing.EmulatorTimings;
import io.github.imsdk.testing.ImEmulator;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The EGI guide's routine (create, poll getstate, getoutputs | grep | cut, destroy) as a user types it, in bash,
 * with im_client.cfg and auth.dat in the working directory, against an emulator in this JVM.
 */
class EgiGuideIT {

  private static final Duration LIMIT = Duration.ofMinutes(3);

  @TempDir
  Path dir;
  private ImEmulator emulator;

  @BeforeEach
  void setUp() throws Exception {
    emulator = ImEmulator.builder().timings(EmulatorTimings.instant()).build();
    AuthFile.write(emulator.credentials(), dir.resolve("auth.dat"));
    Files.writeString(dir.resolve("im_client.cfg"),
        "[im_client]\nrestapi_url=" + emulator.endpoint() + "\nauth_file=auth.dat\n");
    try (InputStream in = getClass().getResourceAsStream("/egi/tosca_docker.yml")) {
      Files.copy(in, dir.resolve("tosca_docker.yml"));
    }
  }

  @AfterEach
  void tearDown() {
    emulator.close();
  }

  @Test
  void theGuidesRoutineRunsUnchanged() throws Exception {
    // Given the guide's lines, with im_client.py being the jar
    String script = """
        set -e
        set -x
        im_client.py create tosca_docker.yml | tee create.out
        INFRA_ID=$(tail -1 create.out | awk '{print $NF}')
        for i in $(seq 1 60); do
          im_client.py getstate $INFRA_ID | tee state.out
          grep -q 'The infrastructure is in state: configured' state.out && break
          sleep 1
        done
        im_client.py list
        NODE_IP=$(im_client.py getoutputs $INFRA_ID | grep node_ip | cut -d' ' -f 3)
        echo "node_ip is $NODE_IP"
        im_client.py getoutputs $INFRA_ID
        im_client.py getvminfo $INFRA_ID 0 state
        im_client.py destroy $INFRA_ID
        """;

    // When bash runs them
    BashScript run = BashScript.run(dir, script, LIMIT);
    Files.writeString(Path.of("target", "egi-guide-transcript.txt"), run.stderr() + "\n---- stdout ----\n"
        + run.stdout());

    // Then every line succeeded, the cut gave the VM's public address, and nothing is left behind
    assertThat(run.code()).as(run.stdout() + run.stderr()).isZero();
    List<String> lines = run.stdout().lines().toList();
    assertThat(lines.get(0)).isEqualTo("Connected with: " + emulator.endpoint());
    assertThat(lines.get(1)).startsWith("Infrastructure successfully created with ID: ");
    String nodeIp = lines.stream().filter(l -> l.startsWith("node_ip is ")).findFirst().orElseThrow()
        .substring("node_ip is ".length());
    assertThat(nodeIp).matches("127\\.\\d+\\.\\d+\\.\\d+");
    assertThat(lines).contains("oligia_endpoint = http://" + nodeIp + ":3000", "configured",
        "Infrastructure successfully destroyed");
    assertThat(emulator.infrastructures()).isEmpty();
  }

  @Test
  void quietOutputFeedsJsonTools() throws Exception {
    // Given an infrastructure made through the SDK
    InfrastructureId id;
    try (InfrastructureManager im = InfrastructureManager.builder().endpoint(emulator.endpoint())
        .credentials(emulator.credentials()).build()) {
      id = im.infrastructures().create(io.github.imsdk.core.Template.tosca(
          Files.readString(dir.resolve("tosca_docker.yml"))));
    }

    // When a script reads -q output with Python's json module (what im_client -q output is made for)
    BashScript run = BashScript.run(dir, "im_client.py -q getoutputs " + id.value()
        + " | python3 -c 'import json,sys; print(json.load(sys.stdin)[\"node_ip\"])'\n"
        + "im_client.py getstate -q " + id.value()
        + " | python3 -c 'import json,sys; print(json.load(sys.stdin)[\"state\"])'\n", LIMIT);

    // Then it parses
    assertThat(run.code()).as(run.stderr()).isZero();
    assertThat(run.stdout().lines().toList()).hasSize(2);
    assertThat(run.stdout().lines().toList().get(0)).startsWith("127.");
  }

  @Test
  void completionScriptLoadsInBash() throws Exception {
    BashScript run = BashScript.run(dir,
        "source <(im_client.py generate-completion)\ncomplete -p im-sdk-client\n", LIMIT);
    assertThat(run.code()).as(run.stderr()).isZero();
    assertThat(run.stdout()).contains("-F _complete_im-sdk-client im-sdk-client");
  }
}
