package io.github.imsdk.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockserver.model.HttpRequest.request;
import static org.mockserver.model.HttpResponse.response;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.imsdk.auth.AuthLine;
import io.github.imsdk.auth.Credentials;
import io.github.imsdk.core.internal.StubServer;
import java.io.InputStream;
import java.math.BigDecimal;
import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.mockserver.integration.ClientAndServer;

/**
 * {@code Cloud.quotas()} against the shapes IM's connectors send: the recorded Dummy answer, OpenStack's fractional
 * RAM and unlimited entries, Azure's per-family nesting and Kubernetes' per-storage-class keys and text quantities.
 */
class QuotaShapesTest {

  @RegisterExtension
  static final StubServer SERVER = new StubServer();
  private static final ClientAndServer mock = SERVER.mock();
  private InfrastructureManager im;

  @BeforeEach
  void setUp() {
    im = InfrastructureManager.builder().endpoint(URI.create("http://127.0.0.1:" + mock.getPort()))
        .credentials(Credentials.of(AuthLine.builder("InfrastructureManager").set("username", "u")
            .set("password", "p").build()))
        .retryPolicy(RetryPolicy.none())
        .build();
  }

  @AfterEach
  void tearDown() {
    im.close();
  }

  private static void answer(String body) {
    mock.when(request().withPath("/clouds/c/quotas"))
        .respond(response().withHeader("Content-Type", "application/json").withBody(body));
  }

  private static BigDecimal n(String v) {
    return new BigDecimal(v);
  }

  @Test
  void theRecordedDummyAnswerIsFlat() throws Exception {
    // Given the body the real IM's Dummy connector sent (im-contract recorded/139-cloud-quotas.json)
    JsonNode rec;
    try (InputStream in = getClass().getResourceAsStream("/im-contract/recorded/139-cloud-quotas.json")) {
      rec = new ObjectMapper().readTree(in);
    }
    answer(rec.path("response").path("body").asText());

    // When
    Map<String, Quota> q = im.cloud("c").quotas();

    // Then
    assertThat(q).containsOnlyKeys("cores", "ram", "instances", "floating_ips", "security_groups");
    assertThat(q.get("cores")).isEqualTo(new Quota(BigDecimal.ONE, BigDecimal.TEN));
    assertThat(q.get("cores").free()).contains(n("9"));
    assertThat(q.get("cores").isGroup()).isFalse();
  }

  @Test
  void openStackSendsFractionalRamAndUnlimitedEntries() {
    answer("{\"quotas\": {\"cores\": {\"used\": 6, \"limit\": 20}, \"ram\": {\"used\": 11.5, \"limit\": 48.0},"
        + " \"instances\": {\"used\": 3, \"limit\": -1}, \"volume_storage\": {\"used\": 0, \"limit\": 1000}}}");
    Map<String, Quota> q = im.cloud("c").quotas();
    assertThat(q.get("ram").free()).hasValueSatisfying(v -> assertThat(v).isEqualByComparingTo("36.5"));
    assertThat(q.get("instances").isUnlimited()).isTrue();
    assertThat(q.get("instances").free()).isEmpty();
  }

  @Test
  void azureNestsCoresPerVmFamily() {
    // Given cores reported per VM family, one family with totals beside it
    answer("{\"quotas\": {\"cores\": {\"standardDSv3Family\": {\"used\": 4, \"limit\": 10},"
        + " \"standardNCFamily\": {\"used\": 0, \"limit\": 0}},"
        + " \"instances\": {\"used\": 2, \"limit\": 25000, \"availabilitySets\": {\"used\": 1, \"limit\": 2500}},"
        + " \"volumes\": {\"used\": 3, \"limit\": 50000}}}");

    // When
    Map<String, Quota> q = im.cloud("c").quotas();

    // Then the group's totals are its parts' sums, and a sent total wins over the parts
    Quota cores = q.get("cores");
    assertThat(cores.isGroup()).isTrue();
    assertThat(cores.parts()).containsOnlyKeys("standardDSv3Family", "standardNCFamily");
    assertThat(cores.parts().get("standardDSv3Family").free()).contains(n("6"));
    assertThat(cores.used()).isEqualByComparingTo("4");
    assertThat(cores.limit()).isEqualByComparingTo("10");
    assertThat(q.get("instances").limit()).isEqualByComparingTo("25000");
    assertThat(q.get("instances").parts().get("availabilitySets").used()).isEqualByComparingTo("1");
  }

  @Test
  void kubernetesAddsPerStorageClassKeysAndTextQuantities() {
    answer("{\"quotas\": {\"cores\": {\"used\": \"1500m\", \"limit\": \"8\"},"
        + " \"ram\": {\"used\": \"2Gi\", \"limit\": \"16Gi\"},"
        + " \"volume_storage_standard\": {\"used\": \"10Gi\", \"limit\": \"100G\"},"
        + " \"volumes_standard\": {\"used\": 1, \"limit\": 10},"
        + " \"storage\": {\"fast\": {\"used\": \"1k\", \"limit\": \"2M\"}, \"slow\": {\"used\": 0, \"limit\": -1}}}}");
    Map<String, Quota> q = im.cloud("c").quotas();
    assertThat(q.get("cores").used()).isEqualByComparingTo("1.5");
    assertThat(q.get("ram").limit()).isEqualByComparingTo(n("17179869184"));
    assertThat(q.get("volume_storage_standard").limit()).isEqualByComparingTo(n("100000000000"));
    assertThat(q.get("volumes_standard").free()).contains(n("9"));
    assertThat(q.get("storage").isUnlimited()).isTrue();
    assertThat(q.get("storage").used()).isEqualByComparingTo("1000");
  }

  @Test
  void anEntryOfNoKnownShapeIsNamed() {
    answer("{\"quotas\": {\"cores\": {\"used\": 1, \"limit\": 10}, \"ram\": {\"used\": \"lots\", \"limit\": 4}}}");
    assertThatThrownBy(() -> im.cloud("c").quotas()).isInstanceOf(ImResponseException.class)
        .hasMessageContaining("ram.used").hasMessageContaining("lots");
    mock.reset();
    answer("{\"quotas\": {\"gpus\": {\"used\": 1}}}");
    assertThatThrownBy(() -> im.cloud("c").quotas()).isInstanceOf(ImResponseException.class)
        .hasMessageContaining("'gpus'");
    mock.reset();
    answer("{\"quotas\": {\"gpus\": 3}}");
    assertThatThrownBy(() -> im.cloud("c").quotas()).isInstanceOf(ImResponseException.class)
        .hasMessageContaining("'gpus' is not an object");
  }
}
