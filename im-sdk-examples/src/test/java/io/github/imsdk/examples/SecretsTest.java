package io.github.imsdk.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What the commands print never holds a password, key or token unless --show-secrets. */
class SecretsTest {

  private static final String RADL = """
      network public (
      outbound = 'yes' and
      proxy_host = 'cloudadm:s3cr3t@gw.example.org:2222' and
      proxy_key = '-----BEGIN RSA PRIVATE KEY-----
      MIIEkey
      -----END RSA PRIVATE KEY-----'
      )
      system vm (
      disk.0.os.credentials.username = 'cloudadm' and
      disk.0.os.credentials.password = 'pw1' and
      disk.0.os.credentials.private_key = '-----BEGIN RSA PRIVATE KEY-----
      MIIEother
      -----END RSA PRIVATE KEY-----' and
      state = 'configured'
      )""";

  @Test
  void radlFeaturesHoldingSecretsAreMasked() {
    String masked = new Secrets(false).radl(RADL);
    assertThat(masked).doesNotContain("s3cr3t").doesNotContain("MIIE").doesNotContain("pw1")
        .contains("proxy_host = 'cloudadm:********@gw.example.org:2222'")
        .contains("disk.0.os.credentials.username = 'cloudadm'").contains("state = 'configured'");
    assertThat(new Secrets(true).radl(RADL)).isEqualTo(RADL);
  }

  @Test
  void nestedValuesAreMaskedByKey() {
    Map<String, Object> shown = new Secrets(false).map(Map.of("creds",
        List.of(Map.of("user", "u", "token", "t0k", "token_type", "password"))));
    assertThat(shown.toString()).doesNotContain("t0k").contains("user=u").contains("token_type=password");
  }
}
