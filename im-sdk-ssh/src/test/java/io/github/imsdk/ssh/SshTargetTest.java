package io.github.imsdk.ssh;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.imsdk.core.NetInterface;
import io.github.imsdk.core.OsCredentials;
import io.github.imsdk.core.PortMapping;
import io.github.imsdk.core.ProxyHost;
import io.github.imsdk.core.State;
import io.github.imsdk.core.VmInfo;
import io.github.imsdk.core.VmNetwork;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class SshTargetTest {

  private static VmInfo vm(Optional<String> publicIp, Optional<String> privateIp, Optional<OsCredentials> creds,
      List<VmNetwork> networks, List<NetInterface> interfaces) {
    return new VmInfo("4", State.CONFIGURED, "configured", publicIp, privateIp, creds, OptionalInt.empty(),
        OptionalLong.empty(), List.of(), Optional.empty(), Optional.empty(), Optional.empty(), "node", Map.of(),
        interfaces, networks, "");
  }

  @Test
  void aVmBehindAGatewayIsReachedThroughItsProxyHostOnItsMappedPort() {
    // Given a VM with a public mapping 2222 -> 22 and a private network behind a gateway with a key
    VmNetwork pub = new VmNetwork("pub", true, List.of(new PortMapping(2222, 22, "tcp", false)), Optional.empty(),
        Map.of());
    ProxyHost gw = new ProxyHost(Optional.of("jump"), Optional.empty(), "127.0.0.9", 2200, Optional.of("GWKEY"));
    VmNetwork priv = new VmNetwork("priv", false, List.of(), Optional.of(gw), Map.of());
    OsCredentials creds = new OsCredentials("cloudadm", Optional.of("old-pw"), Optional.empty(), Optional.empty(),
        Optional.of("new-pw"), Optional.empty());
    VmInfo info = vm(Optional.of("127.0.0.8"), Optional.of("10.0.0.4"), Optional.of(creds), List.of(pub, priv),
        List.of(new NetInterface(0, "pub", true, Optional.of("127.0.0.8"), List.of()),
            new NetInterface(1, "priv", false, Optional.of("10.0.0.4"), List.of())));

    SshTarget t = SshTarget.of(info);

    // Then it goes to the public IP on the mapped port, offers the current then the pending password,
    // and is reached through the gateway with the gateway's own user and key
    assertThat(t.host()).isEqualTo("127.0.0.8");
    assertThat(t.port()).isEqualTo(2222);
    assertThat(t.user()).isEqualTo("cloudadm");
    assertThat(t.passwords()).containsExactly("old-pw", "new-pw");
    SshTarget jump = t.jumpHost().orElseThrow();
    assertThat(jump.host()).isEqualTo("127.0.0.9");
    assertThat(jump.port()).isEqualTo(2200);
    assertThat(jump.user()).isEqualTo("jump");
    assertThat(jump.privateKeys()).containsExactly("GWKEY");
    assertThat(t.toString()).isEqualTo("cloudadm@127.0.0.8:2222 via jump@127.0.0.9:2200")
        .doesNotContain("pw").doesNotContain("GWKEY");
  }

  @Test
  void whatIsMissingIsNamed() {
    OsCredentials creds = new OsCredentials("u", Optional.of("p"), Optional.empty(), Optional.empty());
    assertThatThrownBy(() -> SshTarget.of(vm(Optional.empty(), Optional.empty(), Optional.of(creds), List.of(),
        List.of()))).isInstanceOf(SshException.class).hasMessageContaining("VM 4 has no IP");
    assertThatThrownBy(() -> SshTarget.of(vm(Optional.of("127.0.0.2"), Optional.empty(), Optional.empty(),
        List.of(), List.of()))).isInstanceOf(SshException.class).hasMessageContaining("no SSH user");
    OsCredentials none = new OsCredentials("u", Optional.empty(), Optional.empty(), Optional.empty());
    assertThatThrownBy(() -> SshTarget.of(vm(Optional.of("127.0.0.2"), Optional.empty(), Optional.of(none),
        List.of(), List.of()))).isInstanceOf(SshException.class).hasMessageContaining("no SSH password or private key");
    ProxyHost anonymous = new ProxyHost(Optional.empty(), Optional.of("gw-secret"), "gw", 22, Optional.empty());
    VmNetwork priv = new VmNetwork("priv", false, List.of(), Optional.of(anonymous), Map.of());
    assertThatThrownBy(() -> SshTarget.of(vm(Optional.empty(), Optional.of("10.0.0.1"), Optional.of(creds),
        List.of(priv), List.of(new NetInterface(0, "priv", false, Optional.of("10.0.0.1"), List.of())))))
        .isInstanceOf(SshException.class).hasMessageContaining("names no user").hasMessageNotContaining("gw-secret");
  }

  @Test
  void valuesAreCheckedAndCopiedNotChanged() {
    SshTarget a = SshTarget.of("h", 22, "u");
    SshTarget b = a.withPassword("pw").withPort(2022);
    assertThat(a.passwords()).isEmpty();
    assertThat(b.port()).isEqualTo(2022);
    assertThat(b).isNotEqualTo(a).isEqualTo(SshTarget.of("h", 2022, "u").withPassword("pw"));
    assertThatThrownBy(() -> SshTarget.of("h", 0, "u")).hasMessageContaining("1..65535");
    assertThatThrownBy(() -> SshTarget.of(" ", 22, "u")).hasMessageContaining("host");

    SshOptions o = SshOptions.defaults().withCommandTimeout(Duration.ofSeconds(5));
    assertThat(SshOptions.defaults().commandTimeout()).isEqualTo(Duration.ofMinutes(10));
    assertThat(o.commandTimeout()).isEqualTo(Duration.ofSeconds(5));
    assertThatThrownBy(() -> o.withConnectTimeout(Duration.ZERO)).hasMessageContaining("must be positive");
    assertThatThrownBy(() -> o.withMaxOutputBytes(-1)).hasMessageContaining(">= 0");

    assertThatThrownBy(() -> SshSession.builder().target(a).connect()).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("hostKeys");
    assertThatThrownBy(() -> new Pty("xterm", 0, 24)).hasMessageContaining("1x1");
  }
}
