package io.github.imsdk.core.internal.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.imsdk.core.ImBadRequestException;
import io.github.imsdk.core.ImConflictException;
import io.github.imsdk.core.ImForbiddenException;
import io.github.imsdk.core.ImNotFoundException;
import io.github.imsdk.core.ImServiceException;
import io.github.imsdk.core.ImUnauthorizedException;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ErrorMapperTest {

  private static final ImCall CALL = ImCall.get("/infrastructures/abc/state");

  private static ImServiceException map(int status, String contentType, String body) {
    return ErrorMapper.toException(CALL, new ImResponse(status, contentType, body, Map.of()), Redactor.generic());
  }

  @ParameterizedTest
  @CsvSource({
      "400, io.github.imsdk.core.ImBadRequestException",
      "401, io.github.imsdk.core.ImUnauthorizedException",
      "403, io.github.imsdk.core.ImForbiddenException",
      "404, io.github.imsdk.core.ImNotFoundException",
      "409, io.github.imsdk.core.ImConflictException",
      "405, io.github.imsdk.core.ImServiceException",
      "415, io.github.imsdk.core.ImServiceException",
      "422, io.github.imsdk.core.ImServiceException",
      "500, io.github.imsdk.core.ImServiceException",
      "504, io.github.imsdk.core.ImServiceException"})
  void mapsEachStatusToItsClass(int status, Class<?> expected) {
    // Given an IM JSON error body
    String body = "{\"message\": \"Something failed\", \"code\": " + status + "}";

    // When it is mapped
    ImServiceException e = map(status, "application/json", body);

    // Then the class, status, call and message are right
    assertThat(e).isExactlyInstanceOf(expected);
    assertThat(e.statusCode()).isEqualTo(status);
    assertThat(e.method()).isEqualTo("GET");
    assertThat(e.path()).isEqualTo("/infrastructures/abc/state");
    assertThat(e.serverMessage()).isEqualTo("Something failed");
    assertThat(e.getMessage()).isEqualTo("GET /infrastructures/abc/state failed with HTTP " + status
        + ": Something failed");
  }

  @Test
  void theInvalidCredentials400IsUnauthorized() {
    // Given IM's 400 for wrong IM credentials on an infrastructure endpoint
    String body = "{\"message\": \"Error Getting Inf. prop: Invalid InfrastructureManager credentials\", "
        + "\"code\": 400}";

    // When it is mapped
    ImServiceException e = map(400, "application/json", body);

    // Then it is an ImUnauthorizedException that keeps the 400
    assertThat(e).isExactlyInstanceOf(ImUnauthorizedException.class);
    assertThat(e.statusCode()).isEqualTo(400);
    assertThat(ErrorMapper.isCredentialRejection(new ImResponse(400, "application/json", body, Map.of())))
        .isTrue();
    assertThat(ErrorMapper.isCredentialRejection(new ImResponse(400, "application/json", "{}", Map.of())))
        .isFalse();
  }

  @Test
  void readsFastApiDetailString() {
    assertThat(map(404, "application/json", "{\"detail\":\"Not Found\"}").serverMessage()).isEqualTo("Not Found");
  }

  @Test
  void readsFastApiValidationErrorsWithTheirLocationButNotTheInput() {
    // Given FastAPI's 422 body
    String body = "{\"detail\":[{\"type\":\"bool_parsing\",\"loc\":[\"query\",\"async\"],"
        + "\"msg\":\"Input should be a valid boolean\",\"input\":\"maybe\"},"
        + "{\"type\":\"missing\",\"loc\":[\"query\",\"image_name\"],\"msg\":\"Field required\"}]}";

    // When it is mapped
    ImServiceException e = map(422, "application/json", body);

    // Then each error names where and what, and the user's input is not echoed
    assertThat(e.serverMessage())
        .isEqualTo("query.async: Input should be a valid boolean; query.image_name: Field required");
  }

  @Test
  void readsPlainTextAndHtml() {
    assertThat(map(401, "text/plain; charset=utf-8", "No authentication data provided\n").serverMessage())
        .isEqualTo("No authentication data provided");
    String html = "<!DOCTYPE HTML>\n<html><head><title>Error 400.</title></head><body>\n<h1>Code: 400.</h1>\n"
        + "<h1>Message: Error Creating Inf.: Line 2: Parse error in: LexToken(DEPLOY,&#39;deploy&#39;,2,35)</h1>"
        + "</body></html>";
    assertThat(map(400, "text/html; charset=utf-8", html).serverMessage())
        .isEqualTo("Error Creating Inf.: Line 2: Parse error in: LexToken(DEPLOY,'deploy',2,35)");
    assertThat(map(502, "text/html", "<html><body><h2>Bad gateway</h2></body></html>").serverMessage())
        .isEqualTo("Bad gateway");
  }

  @Test
  void toleratesEmptyAndOddBodies() {
    assertThat(map(503, "", "").serverMessage()).isEmpty();
    assertThat(map(503, "", "").getMessage()).isEqualTo("GET /infrastructures/abc/state failed with HTTP 503");
    assertThat(map(500, "application/json", "{not json").serverMessage()).isEqualTo("{not json");
    assertThat(map(500, "application/json", "[1,2]").serverMessage()).isEqualTo("[1,2]");
    assertThat(map(500, "application/json", "{\"code\": 500}").serverMessage()).isEqualTo("{\"code\": 500}");
    assertThat(map(500, "", "{\"message\": \"no content type\"}").serverMessage()).isEqualTo("no content type");
  }

  @Test
  void capsLongMessages() {
    // Given a message with a long stack trace
    String message = "Error Creating Inf.: " + "x".repeat(10_000);

    // When it is mapped
    ImServiceException e = map(400, "text/plain", message);

    // Then it is cut at the cap and says how much was left out
    assertThat(e.serverMessage()).hasSize(ErrorMapper.MAX_MESSAGE_LENGTH + " more characters]".length()
        + "... [".length() + String.valueOf(message.length() - ErrorMapper.MAX_MESSAGE_LENGTH).length());
    assertThat(e.serverMessage()).startsWith("Error Creating Inf.: xxx").endsWith("... [" + (message.length() - ErrorMapper.MAX_MESSAGE_LENGTH) + " more characters]");
  }

  @Test
  void scrubsTheAuthorizationValueItsSecretsAndTokens() {
    // Given a server that echoes what it received
    String header = "id = im; type = InfrastructureManager; username = alice; password = s3cr3t-Pa55\\n"
        + "id = ost; type = OpenStack; host = https://keystone:5000; username = u; password = 'os;pw=1'; tenant = t";
    String jwt = "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJhbGljZSJ9.c2lnbmF0dXJl";
    String body = "{\"message\": \"bad auth: " + header.replace("\\", "\\\\") + " token " + jwt
        + " Bearer abc.def-ghi and password s3cr3t-Pa55 and os;pw=1\"}";

    // When it is mapped with the redactor of that header
    ImServiceException e = ErrorMapper.toException(CALL, new ImResponse(400, "application/json", body, Map.of()),
        Redactor.forHeader(header));

    // Then no secret survives, while public values and ordinary words do
    assertThat(e.getMessage()).doesNotContain("s3cr3t-Pa55").doesNotContain("os;pw=1").doesNotContain(jwt)
        .doesNotContain("abc.def-ghi").contains("password").contains("***");
    assertThat(e.serverMessage()).doesNotContain("s3cr3t-Pa55");
  }

  @Test
  void keepsOtherSubclassesDistinct() {
    assertThat(map(403, "text/plain", "Access to this infrastructure not granted."))
        .isInstanceOf(ImForbiddenException.class);
    assertThat(map(404, "text/plain", "Deleted infrastructure.")).isInstanceOf(ImNotFoundException.class);
    assertThat(map(409, "text/plain", "Invalid State to perform this operation."))
        .isInstanceOf(ImConflictException.class);
    assertThat(map(400, "text/plain", "Incorrect vm_list format.")).isInstanceOf(ImBadRequestException.class);
  }
}
