package io.github.imsdk.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.imsdk.core.InfrastructureId;
import io.github.imsdk.core.InfrastructureManager;
import io.github.imsdk.core.Template;
import io.github.imsdk.core.VmInfo;
import org.junit.jupiter.api.Test;

class VmSshAccessTest {

  private static final String RADL = """
      network public ( outbound = 'yes' and outports = '22/tcp-22/tcp,80/tcp-80/tcp' )
      network private ( outbound = 'no' )
      system node (
        cpu.count >= 1 and memory.size >= 1g and
        net_interface.0.connection = 'private' and
        net_interface.1.connection = 'public' and
        disk.0.os.name = 'linux' and disk.0.image.url = 'mock0://linux.for.ev.er/ubuntu-22.04' and
        disk.0.os.credentials.username = 'cloudadm'
      )
      deploy node 1
      """;

  @Test
  void theFirstPublicInterfaceGetsTheServersAddressMappedPortAndKey() {
    VmSshAccess access = VmSshAccess.privateKey("127.0.0.5", 2022, "tester", "-----BEGIN KEY-----");
    try (ImEmulator emulator = ImEmulator.builder().timings(EmulatorTimings.instant()).vmSshAccess(access).build();
        InfrastructureManager im = InfrastructureManager.builder().endpoint(emulator.endpoint())
            .credentials(emulator.credentials()).build()) {
      InfrastructureId id = im.infrastructures().create(Template.radl(RADL));
      VmInfo vm = im.infrastructure(id).vm("0").info();

      // The public interface (1) gets the server's IP; the private one keeps a made-up 127.100.x.y
      assertThat(vm.publicIp()).contains("127.0.0.5");
      assertThat(vm.interfaces().get(0).ip().orElseThrow()).startsWith("127.100.");
      // Its port is mapped to 22 after the template's own mapping, so IM's rule picks it
      assertThat(vm.sshPort()).isEqualTo(2022);
      assertThat(vm.credentials().orElseThrow().username()).isEqualTo("tester");
      assertThat(vm.credentials().orElseThrow().privateKey()).contains("-----BEGIN KEY-----");
      assertThat(vm.credentials().orElseThrow().password()).isEmpty();
    }
  }

  @Test
  void accessIsCheckedAndNeverPrintsItsSecrets() {
    assertThatThrownBy(() -> VmSshAccess.password("192.0.2.1", 22, "u", "p"))
        .hasMessageContaining("loopback");
    assertThatThrownBy(() -> new VmSshAccess("127.0.0.1", 22, "u", java.util.Optional.empty(),
        java.util.Optional.empty())).hasMessageContaining("password or a private key");
    assertThat(VmSshAccess.password("127.0.0.1", 22, "u", "s3cret").toString()).doesNotContain("s3cret");
  }
}
