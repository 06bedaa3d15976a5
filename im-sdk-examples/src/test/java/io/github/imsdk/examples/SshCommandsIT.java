package io.github.imsdk.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.imsdk.auth.AuthFile;
import io.github.imsdk.testing.EmulatorTimings;
import io.github.imsdk.testing.ImEmulator;
import io.github.imsdk.testing.VmSshAccess;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * im_client's ssh family with the jar, in bash, against the emulator whose VMs stand for a real sshd on loopback:
 * the EGI guide's routine including its {@code ssh <id>} line, commands with exit codes, files both ways.
 */
class SshCommandsIT {

  private static final Duration LIMIT = Duration.ofMinutes(4);

  @TempDir
  Path dir;
  private TestSshd sshd;
  private ImEmulator emulator;

  @BeforeEach
  void setUp() throws Exception {
    sshd = new TestSshd(Files.createDirectories(dir.resolve("sshd")));
    emulator = ImEmulator.builder().timings(EmulatorTimings.instant())
        .vmSshAccess(VmSshAccess.privateKey("127.0.0.1", sshd.port, sshd.user, sshd.privateKey)).build();
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
    sshd.close();
  }

  @Test
  void theGuidesRoutineWithSsh() throws Exception {
    // Given the guide's lines, ssh included (its shell fed from a pipe here, as no terminal is attached)
    String script = """
        set -e
        set -x
        im_client.py create tosca_docker.yml | tee create.out
        INFRA_ID=$(tail -1 create.out | awk '{print $NF}')
        until im_client.py getstate $INFRA_ID | grep -q 'state: configured'; do sleep 1; done
        im_client.py getoutputs $INFRA_ID | grep node_ip | cut -d' ' -f 3
        echo 'echo shell-on-$(hostname); exit 0' | im_client.py ssh $INFRA_ID
        set +e
        im_client.py ssh $INFRA_ID 0 'echo out-$((6*7)); echo err >&2; exit 3'
        echo "exit status $?"
        set -e
        echo payload > local.txt
        im_client.py put $INFRA_ID 0 local.txt "$PWD/remote.txt"
        im_client.py get $INFRA_ID 0 "$PWD/remote.txt" back.txt
        cat back.txt
        im_client.py ssh $INFRA_ID 1
        im_client.py destroy $INFRA_ID
        """;

    // When bash runs them
    BashScript run = BashScript.run(dir, script, LIMIT);
    Files.writeString(Path.of("target", "egi-guide-ssh-transcript.txt"), run.stderr() + "\n---- stdout ----\n"
        + run.stdout());

    // Then the shell and the command ran on the sshd's machine, with the exit status passed on, the file made
    // the round trip, show_only printed an ssh line without the key, and nothing is left behind
    assertThat(run.code()).as(run.stdout() + run.stderr()).isZero();
    assertThat(run.stdout()).containsPattern("shell-on-\\S+").contains("out-42").contains("exit status 3")
        .contains("payload");
    assertThat(run.stderr()).contains("err");
    assertThat(run.stdout()).containsPattern("ssh -p " + sshd.port + " -i <the VM's private key from IM> -o "
        + "UserKnownHostsFile=/dev/null -o StrictHostKeyChecking=no " + sshd.user + "@127\\.0\\.0\\.1")
        .doesNotContain("PRIVATE KEY");
    assertThat(Files.readString(dir.resolve(".imsdk").resolve("known_hosts"))).contains("ecdsa-sha2-nistp256");
    assertThat(emulator.infrastructures()).isEmpty();
  }
}
