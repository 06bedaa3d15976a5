package io.github.imsdk.core.internal.radl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class RadlTextParserTest {

  @Test
  void readsTheVmInformationIMPrints() {
    // Given the VM RADL of the REST reference, with a multi-line key and a quote inside a value
    String radl = """
        network public (
        outbound = 'yes' and
        outports = '2222/tcp-22/tcp,80/tcp-80/tcp'
        )
        network private (
        outbound = 'no'
        )
        system front (
        cpu.arch = 'x86_64' and
        cpu.count = 2 and
        memory.size = 4096M and
        net_interface.0.connection = 'public' and
        net_interface.0.ip = '127.0.0.10' and
        net_interface.1.connection = 'private' and
        net_interface.1.ip = '127.0.0.5' and
        disk.0.os.credentials.username = 'cloudadm' and
        disk.0.os.credentials.password = 'it's and' and
        disk.0.os.credentials.private_key = '-----BEGIN RSA PRIVATE KEY-----
        MIIE...
        -----END RSA PRIVATE KEY-----' and
        provider.port = 5000 and
        disk.1.size >= 1Gi and
        state = 'configured'
        )
        configure front (
        @begin
        - tasks: [ { debug: { msg: "a ) b" } } ]
        @end
        )
        contextualize ()
        deploy front 1""";

    // When it is parsed
    List<RadlAspect> aspects = RadlTextParser.parse(radl);

    // Then networks and system come out with RADL-JSON keys and base units; configure/deploy are skipped
    assertThat(aspects).extracting(RadlAspect::kind).containsExactly("network", "network", "system");
    assertThat(aspects.get(0).features()).containsEntry("outbound", "yes")
        .containsEntry("outports", "2222/tcp-22/tcp,80/tcp-80/tcp");
    RadlAspect system = aspects.get(2);
    assertThat(system.id()).isEqualTo("front");
    assertThat(system.features())
        .containsEntry("cpu.count", 2L)
        .containsEntry("memory.size", 4_096_000_000L)
        .containsEntry("disk.1.size_min", 1L << 30)
        .containsEntry("provider.port", 5000L)
        .containsEntry("disk.0.os.credentials.password", "it's and")
        .containsEntry("disk.0.os.credentials.private_key",
            "-----BEGIN RSA PRIVATE KEY-----\nMIIE...\n-----END RSA PRIVATE KEY-----")
        .containsEntry("state", "configured");
  }

  @Test
  void aMillionDigitNumberFromTheServerStaysText() {
    // Given a RADL value of 1,000,000 digits (a hostile or broken server; BigDecimal parses it in quadratic time)
    String huge = "9".repeat(1_000_000);

    // When it is read as a number
    Object value = RadlTextParser.number(huge);

    // Then it stays text instead of being parsed, and a whole RADL with it still parses
    assertThat(value).isEqualTo(huge);
    assertThat(RadlTextParser.parse("system front (\n  memory.size >= " + huge + "M\n)\n")).isNotEmpty();
  }

  @Test
  void convertsUnitsLikeRadlJson() {
    assertThat(RadlTextParser.number("512M")).isEqualTo(512_000_000L);
    assertThat(RadlTextParser.number("512Mi")).isEqualTo(512L << 20);
    assertThat(RadlTextParser.number("8g")).isEqualTo(8_000_000_000L);
    assertThat(RadlTextParser.number("2Gi")).isEqualTo(2L << 30);
    assertThat(RadlTextParser.number("4000000000B")).isEqualTo(4_000_000_000L);
    assertThat(RadlTextParser.number("1.5")).isEqualTo(new java.math.BigDecimal("1.5"));
    assertThat(RadlTextParser.number("1.5G")).isEqualTo(1_500_000_000L);
    assertThat(RadlTextParser.number("yes")).isEqualTo("yes");
    assertThat(RadlTextParser.number("3parsecs")).isEqualTo("3parsecs");
  }

  @Test
  void reportsWhereTheTextIsMalformed() {
    assertThatThrownBy(() -> RadlTextParser.parse("system front (\ncpu.count 2\n)"))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("RADL line 2: expected an operator after 'cpu.count'");
    assertThatThrownBy(() -> RadlTextParser.parse("system front (\nstate = 'running"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("unterminated string");
    assertThatThrownBy(() -> RadlTextParser.parse("system front"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("expected '('");
  }
}
