package io.github.imsdk.auth;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;

/** Unsigned JWTs for tests (the SDK never checks signatures). */
final class TestJwts {
  private TestJwts() {}

  static String withExp(Instant exp) {
    return withExp(exp, "alice");
  }

  static String withExp(Instant exp, String sub) {
    Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
    String header = b64.encodeToString("{\"alg\":\"RS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
    String payload = b64.encodeToString(("{\"sub\":\"" + sub + "\",\"iss\":\"https://issuer.example\",\"exp\":"
        + exp.getEpochSecond() + "}").getBytes(StandardCharsets.UTF_8));
    return header + "." + payload + ".c2lnbmF0dXJl";
  }
}
