package io.github.imsdk.core.internal.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ImCallTest {

  @Test
  void toStringOmitsTheBodyAndQueryValues() {
    // Given a call whose body is a RADL with a password and whose query carries a value
    ImCall call = new ImCall("POST", "/infrastructures", Map.of("token", "q-s3cret"),
        "disk.0.os.credentials.password = 'S3cr3t-Pw'", "text/plain", false);

    // Then toString names the call and the body size only
    assertThat(call.toString()).doesNotContain("S3cr3t-Pw", "q-s3cret")
        .contains("POST", "/infrastructures", "text/plain", "44 chars");
  }
}
