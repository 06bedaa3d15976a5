package io.github.imsdk.core.internal.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.imsdk.core.internal.retry.RetryOutcome;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ImResponseTest {

  private static final String BODY = "{\"outputs\": {\"admin_password\": \"Vm-Pa55\"}}";

  @Test
  void toStringsShowStatusTypeAndLengthButNeverTheBody() {
    // Given an answer whose body holds a VM password, and the records that carry it
    ImResponse response = new ImResponse(200, "application/json; charset=utf-8", BODY, Map.of("X", "y"));
    JerseyImHttp.Attempt attempt = new JerseyImHttp.Attempt(response, Redactor.generic());
    RetryOutcome<JerseyImHttp.Attempt> outcome = new RetryOutcome<>(attempt, 2, true, Optional.of("note"));

    // When they are printed
    // Then each names status, content type and body length only
    assertThat(response.toString())
        .isEqualTo("ImResponse[status=200, contentType=application/json, body=" + BODY.length() + " chars]");
    assertThat(attempt.toString()).contains("status=200").doesNotContain("Vm-Pa55");
    assertThat(outcome.toString()).contains("attempts=2").doesNotContain("Vm-Pa55").doesNotContain("outputs");
  }
}
