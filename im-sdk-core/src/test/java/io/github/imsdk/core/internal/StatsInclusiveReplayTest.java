package io.github.imsdk.core.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockserver.model.HttpRequest.request;
import static org.mockserver.model.HttpResponse.response;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.imsdk.core.InfrastructureManager;
import io.github.imsdk.core.UsageRecord;
import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mockserver.integration.ClientAndServer;

/**
 * {@code stats(from, to)} includes {@code to} (issue 14, row 7). Real IM compares each creation time with
 * {@code end_date} at 00:00: recorded-2 054 ({@code end_date} = today) returns nothing for an infrastructure
 * created today, 055 ({@code end_date} = tomorrow) returns it. The stub answers each recorded query as IM did.
 */
class StatsInclusiveReplayTest {

  private static JsonNode fixture(String name) throws IOException {
    try (InputStream in = StatsInclusiveReplayTest.class.getResourceAsStream("/im-contract/recorded-2-stats/"
        + name)) {
      return new ObjectMapper().readTree(in);
    }
  }

  private static void replay(ClientAndServer mock, JsonNode fx) {
    JsonNode q = fx.get("request").get("query");
    mock.when(request().withMethod("GET").withPath("/stats")
        .withQueryStringParameter("init_date", q.get("init_date").asText())
        .withQueryStringParameter("end_date", q.get("end_date").asText()))
        .respond(response().withStatusCode(200).withHeader("Content-Type", "application/json")
            .withBody(fx.get("response").get("body").asText()));
  }

  @Test
  void statsFromTodayToTodayIncludesToday() throws IOException {
    // Given IM as recorded on 2026-12-07 for an infrastructure created that day
    try (ClientAndServer mock = ClientAndServer.startClientAndServer(0)) {
      replay(mock, fixture("054-stats-today-to-today.json"));
      replay(mock, fixture("055-stats-today-to-tomorrow.json"));
      try (InfrastructureManager im = InfrastructureManager.builder().endpoint("http://127.0.0.1:" + mock.getPort())
          .credentials(StubClients.userPassword()).build()) {

        // When the caller asks for that day only
        LocalDate day = LocalDate.of(2026, 12, 7);
        List<UsageRecord> records = im.server().stats(day, day);

        // Then the infrastructure created that day is there
        assertThat(records).extracting(UsageRecord::infrastructureId).contains("195af648-f249-11f1-b0db-02fc00000001");
      }
    }
  }
}
