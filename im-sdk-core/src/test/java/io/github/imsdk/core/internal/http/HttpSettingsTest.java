package io.github.imsdk.core.internal.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.imsdk.auth.AuthLine;
import io.github.imsdk.auth.Credentials;
import io.github.imsdk.auth.Tls;
import io.github.imsdk.core.Timeouts;
import java.net.URI;
import org.junit.jupiter.api.Test;

class HttpSettingsTest {

  @Test
  void toStringShowsNoSecretFromTheEndpointProxyOrCredentials() {
    // Given settings whose endpoint and proxy carry user info and whose credentials carry a password
    Credentials creds = Credentials.of(AuthLine.builder("InfrastructureManager").id("im").set("username", "u")
        .set("password", "pw-settings-77").build());
    HttpSettings s = new HttpSettings(URI.create("https://alice:url-secret-1@im.example.org:8800/im"), creds,
        Timeouts.DEFAULT, Tls.system(), URI.create("http://bob:proxy-secret-2@proxy.example.org:3128"), "ua");

    // Then toString names the hosts and hides every secret
    assertThat(s.toString())
        .contains("https://***@im.example.org:8800/im", "http://***@proxy.example.org:3128")
        .doesNotContain("url-secret-1", "proxy-secret-2", "pw-settings-77", "alice", "bob");
  }

  @Test
  void aCapOutsideItsRangeIsRefused() {
    assertThatThrownBy(() -> new HttpSettings(URI.create("http://127.0.0.1:1"), null, Timeouts.DEFAULT,
        Tls.system(), null, "ua", 0)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("got 0");
  }
}
