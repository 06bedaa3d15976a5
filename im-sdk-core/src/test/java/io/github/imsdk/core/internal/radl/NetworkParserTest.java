package io.github.imsdk.core.internal.radl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.imsdk.core.PortMapping;
import io.github.imsdk.core.ProxyHost;
import io.github.imsdk.core.VmInfo;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class NetworkParserTest {

  @Test
  void readsEveryOutportsFormIMAccepts() {
    // Given the forms IM's RADL documents: mapping with protocols, mapping without, single port, range
    List<PortMapping> got = NetworkParser.outports("8899/tcp-8899/tcp, 2222/tcp-22,53/udp,8080-80,1:10/udp,9000");

    // Then each is read with IM's meaning: remote first, VM port second, protocol of the VM side, tcp by default
    assertThat(got).containsExactly(
        new PortMapping(8899, 8899, "tcp", false), new PortMapping(2222, 22, "tcp", false),
        new PortMapping(53, 53, "udp", false), new PortMapping(8080, 80, "tcp", false),
        new PortMapping(1, 10, "udp", true), new PortMapping(9000, 9000, "tcp", false));
    assertThat(got.get(4).reaches(5, "udp")).isTrue();
    assertThat(got.get(4).reaches(5, "tcp")).isFalse();
  }

  @Test
  void badOutportsNameTheEntry() {
    assertThatThrownBy(() -> NetworkParser.outports("22/tcp-22/tcp,1:10-5")).hasMessageContaining("'1:10-5'");
    assertThatThrownBy(() -> NetworkParser.outports("http")).hasMessageContaining("'http'");
    assertThatThrownBy(() -> NetworkParser.outports("70000")).hasMessageContaining("65535");
  }

  @Test
  void sshPortIsThePublicPortMappedToVmPort22AsIMComputesIt() {
    // Given a public network mapping public 2222 to the VM's 22
    VmInfo vm = VmInfoParser.toVmInfo("0", List.of(
        new RadlAspect("network", "pub", Map.of("outbound", "yes", "outports", "80-8080,2222/tcp-22/tcp")),
        new RadlAspect("system", "s", Map.of("net_interface.0.connection", "pub", "net_interface.0.ip",
            "127.0.0.9"))));

    // Then SSH is on 2222 of the public IP
    assertThat(vm.sshPort()).isEqualTo(2222);
    assertThat(vm.sshHost()).contains("127.0.0.9");

    // And a udp mapping to 22 or a private network's mapping does not count
    VmInfo other = VmInfoParser.toVmInfo("0", List.of(
        new RadlAspect("network", "pub", Map.of("outbound", "yes", "outports", "2222/udp-22/udp")),
        new RadlAspect("network", "priv", Map.of("outports", "2200-22")),
        new RadlAspect("system", "s", Map.of("net_interface.0.connection", "priv"))));
    assertThat(other.sshPort()).isEqualTo(22);
  }

  @Test
  void proxyHostFormsAndKey() {
    assertThat(NetworkParser.proxyHost("u:p:w@gw.example.org:2200", Optional.of("KEY")))
        .isEqualTo(new ProxyHost(Optional.of("u"), Optional.of("p:w"), "gw.example.org", 2200, Optional.of("KEY")));
    assertThat(NetworkParser.proxyHost("u@127.0.0.3", Optional.empty()))
        .isEqualTo(new ProxyHost(Optional.of("u"), Optional.empty(), "127.0.0.3", 22, Optional.empty()));
    assertThat(NetworkParser.proxyHost("[::1]:2022", Optional.empty()).host()).isEqualTo("::1");
    assertThatThrownBy(() -> NetworkParser.proxyHost("u:secret@gw:notaport", Optional.empty()))
        .hasMessageContaining("port").hasMessageNotContaining("secret");
  }

  @Test
  void theProxyComesFromTheFirstConnectedNetworkWithOneAndTheKeyIsNeverPrinted() {
    VmInfo vm = VmInfoParser.toVmInfo("0", List.of(
        new RadlAspect("network", "other", Map.of("proxy_host", "x@unused:22")),
        new RadlAspect("network", "a", Map.of("outbound", "no")),
        new RadlAspect("network", "b", Map.of("proxy_host", "jump:pw@127.0.0.4:2022", "proxy_key", "PEMKEY")),
        new RadlAspect("system", "s", Map.of("net_interface.0.connection", "a", "net_interface.1.connection", "b",
            "net_interface.1.ip", "10.0.0.5", "net_interface.1.dns.1.name", "n1",
            "net_interface.1.dns.0.name", "n0"))));
    ProxyHost p = vm.proxyHost().orElseThrow();
    assertThat(p.host()).isEqualTo("127.0.0.4");
    assertThat(p.port()).isEqualTo(2022);
    assertThat(p.privateKey()).contains("PEMKEY");
    assertThat(vm.sshHost()).contains("10.0.0.5");
    assertThat(vm.interfaces().get(1).dnsNames()).containsExactly("n0", "n1");
    assertThat(p.toString() + vm.networks()).doesNotContain("PEMKEY").doesNotContain("pw");
  }
}
