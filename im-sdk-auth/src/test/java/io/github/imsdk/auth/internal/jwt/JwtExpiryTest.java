package io.github.imsdk.auth.internal.jwt;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class JwtExpiryTest {

  private static String jwt(String payloadJson) {
    Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
    return b64.encodeToString("{\"alg\":\"none\"}".getBytes(StandardCharsets.UTF_8)) + "."
        + b64.encodeToString(payloadJson.getBytes(StandardCharsets.UTF_8)) + ".sig";
  }

  @Test
  void readsTheExpClaimOfAJwt() {
    // Given a JWT whose payload carries exp
    String token = jwt("{\"sub\":\"u\",\"exp\":1795296715}");

    // When / Then
    assertThat(JwtExpiry.of(token)).contains(Instant.ofEpochSecond(1795296715));
  }

  @Test
  void toleratesPaddedBase64() {
    String padded = Base64.getUrlEncoder().encodeToString("{\"exp\":12}".getBytes(StandardCharsets.UTF_8));
    assertThat(padded).endsWith("=");
    assertThat(JwtExpiry.of("e30." + padded + ".x")).contains(Instant.ofEpochSecond(12));
  }

  @Test
  void anythingElseHasAnUnknownExpiry() {
    assertThat(JwtExpiry.of("opaque-token")).isEmpty();
    assertThat(JwtExpiry.of("a.b")).isEmpty();
    assertThat(JwtExpiry.of("a.b.c.d")).isEmpty();
    assertThat(JwtExpiry.of("x.%%%.y")).isEmpty();
    assertThat(JwtExpiry.of(jwt("not json"))).isEmpty();
    assertThat(JwtExpiry.of(jwt("{\"sub\":\"u\"}"))).isEmpty();
    assertThat(JwtExpiry.of(jwt("{\"exp\":\"soon\"}"))).isEmpty();
    assertThat(JwtExpiry.of(jwt("[1,2]"))).isEmpty();
    assertThat(JwtExpiry.of(null)).isEmpty();
  }

  @Test
  void absurdExpiriesAreClampedNotThrown() {
    // Given exp claims past what Instant holds (issue 14, row 11: DateTimeException escaped from token())
    // When / Then they are clamped to the end of year 9999, and a huge negative one to the epoch
    assertThat(JwtExpiry.of(jwt("{\"exp\": 9223372036854775807}"))).contains(JwtExpiry.LATEST);
    assertThat(JwtExpiry.of(jwt("{\"exp\": 1e30}"))).contains(JwtExpiry.LATEST);
    assertThat(JwtExpiry.of(jwt("{\"exp\": 123456789012345678901234567890}"))).contains(JwtExpiry.LATEST);
    assertThat(JwtExpiry.of(jwt("{\"exp\": -9223372036854775808}"))).contains(Instant.EPOCH);
  }

  @Test
  void aTokenWithAnAbsurdExpiryStillMakesAnAuthorizationHeader() {
    // Given a bearer token whose exp is Long.MAX_VALUE, behind the caching provider that reads its expiry
    String token = jwt("{\"exp\": 9223372036854775807}");
    io.github.imsdk.auth.Credentials creds = io.github.imsdk.auth.Credentials.bearer(
        io.github.imsdk.auth.TokenProviders.cached(() -> io.github.imsdk.auth.AccessToken.of(token)));

    // When / Then the header is built, never a DateTimeException
    assertThat(creds.toAuthorizationHeader()).isEqualTo("Bearer " + token);
  }
}
