package io.github.imsdk.core.internal.radl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.imsdk.core.State;
import io.github.imsdk.core.VmInfo;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class VmInfoParserTest {

  private static RadlAspect net(String id, String outbound) {
    return new RadlAspect("network", id, outbound == null ? Map.of() : Map.of("outbound", outbound));
  }

  private static VmInfo vm(Map<String, Object> system, RadlAspect... networks) {
    List<RadlAspect> aspects = new java.util.ArrayList<>(List.of(networks));
    aspects.add(new RadlAspect("system", "node", system));
    return VmInfoParser.toVmInfo("3", aspects);
  }

  private static Map<String, Object> features(Object... kv) {
    Map<String, Object> m = new LinkedHashMap<>();
    for (int i = 0; i < kv.length; i += 2) {
      m.put((String) kv[i], kv[i + 1]);
    }
    return m;
  }

  @Test
  void publicIpIsTheFirstInterfaceWithAnIpOnAnOutboundNetwork() {
    // Given a private interface first, then an interface without IP on the public network, then one with IP
    VmInfo vm = vm(features(
        "net_interface.0.connection", "priv", "net_interface.0.ip", "127.0.0.5",
        "net_interface.1.connection", "pub", 
        "net_interface.2.connection", "pub", "net_interface.2.ip", "127.0.0.10",
        "net_interface.3.connection", "pub2", "net_interface.3.ip", "127.0.0.11"),
        net("priv", "no"), net("pub", "yes"), net("pub2", "yes"));

    // Then the public IP skips the interface without IP and the private IP is the first non-public one
    assertThat(vm.publicIp()).contains("127.0.0.10");
    assertThat(vm.privateIp()).contains("127.0.0.5");
  }

  @Test
  void theWalkStopsAtTheFirstInterfaceWithoutConnection() {
    // Given interface 1 has no connection, so interface 2 is never looked at
    VmInfo vm = vm(features(
        "net_interface.0.connection", "priv", "net_interface.0.ip", "127.0.0.5",
        "net_interface.2.connection", "pub", "net_interface.2.ip", "127.0.0.10"),
        net("priv", null), net("pub", "yes"));

    // Then there is no public IP; a network without outbound is private
    assertThat(vm.publicIp()).isEmpty();
    assertThat(vm.privateIp()).contains("127.0.0.5");
  }

  @Test
  void anUnknownNetworkCountsAsPrivateAndNoInterfaceGivesNoIps() {
    assertThat(vm(features("net_interface.0.connection", "ghost", "net_interface.0.ip", "127.0.0.7"))
        .privateIp()).contains("127.0.0.7");
    VmInfo none = vm(features("state", "pending"));
    assertThat(none.publicIp()).isEmpty();
    assertThat(none.privateIp()).isEmpty();
    assertThat(none.credentials()).isEmpty();
    assertThat(none.cpuCount()).isEmpty();
    assertThat(none.provider()).isEmpty();
    assertThat(none.state()).isEqualTo(State.PENDING);
  }

  @Test
  void readsSizingDisksCredentialsAndProvider() throws Exception {
    // Given RADL-JSON as IM 2.0 returns it
    String json = """
        {"radl": [
          {"class": "network", "id": "pub", "outbound": "yes"},
          {"class": "system", "id": "front", "cpu.count": 4, "memory.size_min": 8000000000,
           "disk.0.image.url": ["ost://cloud/img-1", "ost://cloud/img-2"], "disk.0.os.credentials.username": "cloudadm",
           "disk.0.os.credentials.private_key": "-----BEGIN KEY-----\\nAAAA\\n-----END KEY-----",
           "disk.1.size": 10737418240, "disk.1.device": "hdb", "disk.1.mount_path": "/data",
           "net_interface.0.connection": "pub", "net_interface.0.ip": "127.0.0.9",
           "provider.type": "OpenStack", "provider.host": "keystone.example.org", "provider.port": 5000,
           "instance_id": "3f1e", "state": "new_state"}
        ]}""";

    // When it is parsed
    VmInfo vm = VmInfoParser.toVmInfo("0", VmInfoParser.aspectsFromJson(new ObjectMapper().readTree(json)));

    // Then every typed field is filled
    assertThat(vm.cpuCount()).hasValue(4);
    assertThat(vm.memoryBytes()).hasValue(8_000_000_000L);
    assertThat(vm.imageUrl()).contains("ost://cloud/img-1");
    assertThat(vm.disks()).hasSize(2);
    assertThat(vm.disks().get(1).sizeBytes()).hasValue(10_737_418_240L);
    assertThat(vm.disks().get(1).device()).contains("hdb");
    assertThat(vm.disks().get(1).mountPath()).contains("/data");
    assertThat(vm.credentials().orElseThrow().privateKey()).contains("-----BEGIN KEY-----\nAAAA\n-----END KEY-----");
    assertThat(vm.credentials().orElseThrow().password()).isEmpty();
    assertThat(vm.provider().orElseThrow().host()).contains("keystone.example.org");
    assertThat(vm.provider().orElseThrow().port()).hasValue(5000);
    assertThat(vm.instanceId()).contains("3f1e");
    assertThat(vm.state()).isEqualTo(State.UNKNOWN);
    assertThat(vm.rawState()).isEqualTo("new_state");
    assertThat(vm.publicIp()).contains("127.0.0.9");
    // and toString never shows the key
    assertThat(vm.toString()).doesNotContain("AAAA").doesNotContain("BEGIN");
    assertThat(vm.credentials().orElseThrow().toString()).doesNotContain("AAAA").contains("privateKey=***");
  }

  @Test
  void rejectsJsonThatIsNotRadl() throws Exception {
    ObjectMapper m = new ObjectMapper();
    assertThatThrownBy(() -> VmInfoParser.aspectsFromJson(m.readTree("{\"radl\": \"system x ()\"}")))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("RADL-JSON");
    assertThatThrownBy(() -> VmInfoParser.aspectsFromJson(m.readTree("[{\"id\": \"x\"}]")))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'class'");
    assertThatThrownBy(() -> VmInfoParser.toVmInfo("0", VmInfoParser.aspectsFromJson(
        m.readTree("[{\"class\": \"network\", \"id\": \"n\"}]"))))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no 'system'");
  }
}
