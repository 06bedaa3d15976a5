package io.github.imsdk.core.contract;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.github.imsdk.auth.AuthLine;
import io.github.imsdk.auth.Credentials;
import io.github.imsdk.core.InfrastructureId;
import io.github.imsdk.core.InfrastructureManager;
import io.github.imsdk.core.NetInterface;
import io.github.imsdk.core.PortMapping;
import io.github.imsdk.core.ProxyHost;
import io.github.imsdk.core.VmInfo;
import io.github.imsdk.core.VmNetwork;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The VM network data (interfaces, networks, port mappings, SSH port, gateway) read through the SDK from VM-info
 * answers recorded against real IM servers (second set, group 7 and file 162), served as recorded on loopback.
 */
class VmNetworkRecordedTest {

  private HttpServer server;
  private final AtomicReference<RecordedExchange> serving = new AtomicReference<>();

  @BeforeEach
  void start() throws Exception {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", exchange -> {
      RecordedExchange fx = serving.get();
      byte[] body = fx.responseBody().getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().add("Content-Type", fx.responseHeader("Content-Type").orElseThrow());
      exchange.sendResponseHeaders(fx.status(), body.length);
      exchange.getResponseBody().write(body);
      exchange.close();
    });
    server.start();
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  private VmInfo info(String set, String name) {
    RecordedExchange fx = RecordedExchange.named(set, name);
    serving.set(fx);
    String infId = fx.path().split("/")[2];
    try (InfrastructureManager im = InfrastructureManager.builder()
        .endpoint(URI.create("http://127.0.0.1:" + server.getAddress().getPort()))
        .credentials(Credentials.of(AuthLine.builder("InfrastructureManager").set("username", "rec1")
            .set("password", "rec1-pass").build()))
        .build()) {
      return im.infrastructure(InfrastructureId.of(infId)).vm("0").info();
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"recorded-2", "recorded-2-im-master"})
  void twoNetworksWithOutportsAndAProxyHost(String set) {
    // Given IM's answer for a VM on a public network with outports and a private network behind a gateway (JSON)
    VmInfo vm = info(set, "vm-info-net-disk-json");

    // Then every interface is there with its network, public flag, IP and DNS names
    assertThat(vm.interfaces()).containsExactly(
        new NetInterface(0, "public", true, Optional.of("127.0.0.2"), List.of("node-0")),
        new NetInterface(1, "private", false, Optional.empty(), List.of("node-0.priv")));
    assertThat(vm.ips()).containsExactly("127.0.0.2");
    assertThat(vm.dnsNames()).containsExactly("node-0", "node-0.priv");

    // And the networks carry the mappings (public port 22 -> VM 2222, public 80 -> VM 8080) and the gateway
    assertThat(vm.networks()).extracting(VmNetwork::id, VmNetwork::isPublic)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("public", true),
            org.assertj.core.groups.Tuple.tuple("private", false));
    assertThat(vm.portMappings()).containsExactly(
        new PortMapping(22, 2222, "tcp", false), new PortMapping(80, 8080, "tcp", false));
    assertThat(vm.proxyHost()).contains(new ProxyHost(Optional.of("bastion"), Optional.of("bastion-pass"),
        "bastion.example.org", 22, Optional.empty()));

    // And, as IM computes it, no mapping reaches the VM's port 22, so SSH stays on 22 of the public IP
    assertThat(vm.sshPort()).isEqualTo(22);
    assertThat(vm.sshHost()).contains("127.0.0.2");

    // And the credentials carry Dummy's pending password change; the raw RADL is the body IM sent
    assertThat(vm.credentials().orElseThrow().password()).contains("password");
    assertThat(vm.credentials().orElseThrow().newPassword()).isPresent();
    assertThat(vm.radl()).isEqualTo(RecordedExchange.named(set, "vm-info-net-disk-json").responseBody());

    // And no secret reaches toString()
    assertThat(vm.toString() + vm.networks() + vm.proxyHost() + vm.credentials())
        .doesNotContain("bastion-pass").doesNotContain("password'").doesNotContain("=password");
  }

  @ParameterizedTest
  @ValueSource(strings = {"recorded-2", "recorded-2-im-master"})
  void theTextFormReadsTheSame(String set) {
    // Given the same VM answered as RADL text
    VmInfo vm = info(set, "vm-info-net-disk-text");

    // Then the network data is the same as from JSON
    assertThat(vm.portMappings()).containsExactly(
        new PortMapping(22, 2222, "tcp", false), new PortMapping(80, 8080, "tcp", false));
    assertThat(vm.proxyHost().orElseThrow().host()).isEqualTo("bastion.example.org");
    assertThat(vm.interfaces()).extracting(NetInterface::networkId).containsExactly("public", "private");
    assertThat(vm.radl()).startsWith("network public ( outbound = 'yes'");
  }

  @ParameterizedTest
  @ValueSource(strings = {"recorded-2", "recorded-2-im-master"})
  void aToscaVmGetsItsPortsAndDefaultDnsName(String set) {
    // Given a VM created from TOSCA with ports 22, and IM's default DNS name
    VmInfo vm = info(set, "vm-info-vm-with-storage-text");

    // Then the mapping 22 -> 22 makes port 22 the SSH port, and the DNS name is IM's default
    assertThat(vm.portMappings()).containsExactly(new PortMapping(22, 22, "tcp", false));
    assertThat(vm.sshPort()).isEqualTo(22);
    assertThat(vm.dnsNames()).containsExactly("vnode-0");
    assertThat(vm.proxyHost()).isEmpty();
  }
}
