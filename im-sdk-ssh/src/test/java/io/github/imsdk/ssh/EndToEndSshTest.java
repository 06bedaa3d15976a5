package io.github.imsdk.ssh;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.imsdk.core.Infrastructure;
import io.github.imsdk.core.InfrastructureId;
import io.github.imsdk.core.InfrastructureManager;
import io.github.imsdk.core.Template;
import io.github.imsdk.core.VmInfo;
import io.github.imsdk.core.Wait;
import io.github.imsdk.testing.EmulatorTimings;
import io.github.imsdk.testing.ImEmulator;
import io.github.imsdk.testing.VmSshAccess;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The routine users run, through the SDK: create an infrastructure, wait until it is configured, read VM 0 and
 * SSH into it with what IM said (address, mapped port, credentials), then destroy. The IM is the emulator, told
 * to hand out a real OpenSSH server on loopback as its VMs.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EndToEndSshTest {

  private static final String RADL = """
      network public ( outbound = 'yes' )
      system node (
        cpu.count >= 1 and
        memory.size >= 1g and
        net_interface.0.connection = 'public' and
        disk.0.os.name = 'linux' and
        disk.0.image.url = 'mock0://linux.for.ev.er/ubuntu-22.04' and
        disk.0.os.credentials.username = 'cloudadm'
      )
      deploy node 1
      """;

  private static final String TOSCA = """
      tosca_definitions_version: tosca_simple_yaml_1_0
      imports:
        - indigo_custom_types: https://raw.githubusercontent.com/indigo-dc/tosca-types/master/custom_types.yaml
      topology_template:
        node_templates:
          node:
            type: tosca.nodes.indigo.Compute
            capabilities:
              endpoint:
                properties:
                  network_name: PUBLIC
                  ports:
                    ssh:
                      port_range: 22
                      protocol: tcp
              host:
                properties:
                  num_cpus: 1
                  mem_size: 1 GB
              os:
                properties:
                  type: linux
                  image: mock0://linux.for.ev.er/ubuntu-22.04
        outputs:
          node_ip:
            value: { get_attribute: [ node, public_address, 0 ] }
      """;

  @TempDir
  static Path tmp;

  private TestUser user;
  private OpenSshServer sshd;
  private String key;

  @BeforeAll
  void start() throws Exception {
    OpenSshServer.assumeAvailable();
    Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rwxr-xr-x"));
    try {
      user = TestUser.create(tmp.resolve("home"));
      OpenSshServer.keygen(tmp.resolve("vm_rsa"), "rsa", "PEM");
      key = Files.readString(tmp.resolve("vm_rsa"));
      sshd = OpenSshServer.start(tmp.resolve("sshd"), user.name, "");
      sshd.authorize(tmp.resolve("vm_rsa.pub"));
    } catch (Exception | Error e) {
      stop();
      throw e;
    }
  }

  @AfterAll
  void stop() {
    if (sshd != null) {
      sshd.close();
    }
    if (user != null) {
      user.close();
    }
  }

  private void routine(VmSshAccess access, Template template) throws Exception {
    try (ImEmulator emulator = ImEmulator.builder().timings(EmulatorTimings.fast()).vmSshAccess(access).build();
        InfrastructureManager im = InfrastructureManager.builder().endpoint(emulator.endpoint())
            .credentials(emulator.credentials()).build()) {
      // create -> wait
      InfrastructureId id = im.infrastructures().create(template);
      Infrastructure inf = im.infrastructure(id);
      inf.waitUntil(Wait.configured().timeout(Duration.ofMinutes(2)), p -> { });

      // What IM says about VM 0 is all the SSH client needs
      VmInfo vm = inf.vm("0").info();
      assertThat(vm.sshHost()).contains("127.0.0.1");
      assertThat(vm.sshPort()).isEqualTo(sshd.port());

      // ssh: with a trust-on-first-use file of our own, waiting until SSH answers
      Path knownHosts = tmp.resolve("known_hosts-" + id.value());
      try (SshSession ssh = SshSession.builder().vm(vm).hostKeys(HostKeyPolicy.trustOnFirstUse(knownHosts))
          .waitUntilReady(Duration.ofSeconds(30)).connect()) {
        CommandResult r = ssh.run("whoami");
        assertThat(r.exitCode()).isZero();
        assertThat(r.stdout()).isEqualTo(user.name + "\n");
        ssh.upload(Files.writeString(tmp.resolve("hello.txt"), "hello " + id.value()), "hello.txt");
        assertThat(ssh.run("cat hello.txt").stdout()).isEqualTo("hello " + id.value());
      }
      assertThat(Files.readString(knownHosts)).startsWith("[127.0.0.1]:" + sshd.port() + " ecdsa-sha2-nistp256 ");

      // destroy
      inf.destroy();
      assertThat(emulator.infrastructures()).doesNotContain(id);
    }
  }

  @Test
  void createWaitSshDestroyWithThePasswordImHandsOut() throws Exception {
    routine(VmSshAccess.password("127.0.0.1", sshd.port(), user.name, user.password), Template.radl(RADL));
  }

  @Test
  void createWaitSshDestroyWithThePrivateKeyImHandsOutFromTosca() throws Exception {
    routine(VmSshAccess.privateKey("127.0.0.1", sshd.port(), user.name, key), Template.tosca(TOSCA));
  }
}
