package io.github.imsdk.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockserver.model.HttpRequest.request;
import static org.mockserver.model.HttpResponse.response;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.imsdk.auth.AuthLine;
import io.github.imsdk.auth.Credentials;
import io.github.imsdk.core.internal.StubServer;
import java.math.BigDecimal;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.mockserver.integration.ClientAndServer;
import org.mockserver.model.HttpRequest;

/** Operations and options that the recorded exchanges do not exercise. */
class OperationsTest {

  private static final String ID = "6b3d5a4e-3f1c-11ef-9a1b-02fc00000001";

  @RegisterExtension
  static final StubServer SERVER = new StubServer();
  private static final ClientAndServer mock = SERVER.mock();
  private InfrastructureManager im;

  @BeforeEach
  void setUp() {
    im = InfrastructureManager.builder().endpoint(URI.create("http://127.0.0.1:" + mock.getPort() + "/im/"))
        .credentials(Credentials.of(AuthLine.builder("InfrastructureManager").set("username", "u")
            .set("password", "p").build()))
        .build();
  }

  @AfterEach
  void tearDown() {
    im.close();
  }

  private static void answer(String contentType, String body) {
    mock.when(request()).respond(response().withHeader("Content-Type", contentType).withBody(body));
  }

  private static HttpRequest only() {
    HttpRequest[] sent = mock.retrieveRecordedRequests(request());
    assertThat(sent).hasSize(1);
    return sent[0];
  }

  @Test
  void anEndpointPathPrefixIsKept() {
    answer("text/plain", "2.0.0");
    assertThat(im.server().version()).isEqualTo("2.0.0");
    assertThat(only().getPath().getValue()).isEqualTo("/im/version");
  }

  @Test
  void replaceOwnersSendsOneObjectWithOverwrite() throws Exception {
    // Given
    answer("text/plain", "");

    // When the owners are replaced by a token identity
    im.infrastructure(ID).replaceOwners(AuthLine.builder("InfrastructureManager").id("im").set("token", "tkn")
        .build());

    // Then one JSON object without id/type is posted with overwrite=true
    HttpRequest r = only();
    assertThat(r.getPath().getValue()).isEqualTo("/im/infrastructures/" + ID + "/authorization");
    assertThat(r.getFirstQueryStringParameter("overwrite")).isEqualTo("true");
    assertThat(r.getFirstHeader("Content-Type")).isEqualTo("application/json");
    assertThat(new ObjectMapper().readTree(r.getBodyAsString()))
        .isEqualTo(new ObjectMapper().readTree("{\"token\":\"tkn\"}"));
    assertThatThrownBy(() -> im.infrastructure(ID).addOwner(AuthLine.builder("OpenStack").build()))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'OpenStack'");
  }

  @Test
  void reconfigureWithTemplateAndVmListAndRemoveSeveralVms() {
    answer("text/plain", "");
    im.infrastructure(ID).reconfigure(Template.radl("configure front ()"), List.of("0", "2"));
    im.infrastructure(ID).removeVms(List.of("1", "3"), Contextualization.SKIP);
    HttpRequest[] sent = mock.retrieveRecordedRequests(request());
    assertThat(sent[0].getFirstQueryStringParameter("vm_list")).isEqualTo("0,2");
    assertThat(sent[0].getFirstHeader("Content-Type")).isEqualTo("text/plain");
    assertThat(sent[0].getBodyAsString()).isEqualTo("configure front ()");
    assertThat(sent[1].getMethod().getValue()).isEqualTo("DELETE");
    assertThat(sent[1].getPath().getValue()).isEqualTo("/im/infrastructures/" + ID + "/vms/1,3");
    assertThat(sent[1].getFirstQueryStringParameter("context")).isEqualTo("false");
  }

  @Test
  void destroyWithBothOptionsAndSnapshotWithoutAutoDelete() {
    answer("text/plain", "one://server.com/123\n");
    im.infrastructure(ID).destroy(DestroyOptions.defaults().withForce(true).withAsync(true));
    assertThat(im.infrastructure(ID).vm("0").snapshot(1, "my image", false)).isEqualTo("one://server.com/123");
    HttpRequest[] sent = mock.retrieveRecordedRequests(request());
    assertThat(sent[0].getFirstQueryStringParameter("force")).isEqualTo("true");
    assertThat(sent[0].getFirstQueryStringParameter("async")).isEqualTo("true");
    assertThat(sent[1].getPath().getValue()).isEqualTo("/im/infrastructures/" + ID + "/vms/0/disks/1/snapshot");
    assertThat(sent[1].getFirstQueryStringParameter("image_name")).isEqualTo("my image");
    assertThat(sent[1].getFirstQueryStringParameter("auto_delete")).isEmpty();
  }

  @Test
  void createFallsBackToTheInfIdHeaderWhenTheBodyIsEmpty() {
    mock.when(request()).respond(response().withHeader("InfID", ID).withHeader("Content-Type", "text/uri-list"));
    assertThat(im.infrastructures().create(Template.tosca("x: 1"), CreateOptions.defaults().withAsync(true)).value())
        .isEqualTo(ID);
    assertThat(only().getFirstQueryStringParameter("async")).isEqualTo("true");
  }

  @Test
  void anEmptyEstimateAndAnEstimateWithStorage() {
    answer("application/json", "{}");
    assertThat(im.infrastructures().estimate(Template.radlJson("[]")).clouds()).isEmpty();
    mock.reset();
    answer("application/json", "{\"ost\": {\"cloudType\": \"OpenStack\", \"cloudEndpoint\": \"https://h:5000\", "
        + "\"compute\": [{\"cpuCores\": 2, \"memoryInMegabytes\": 4096, \"diskSizeInGigabytes\": 20, "
        + "\"publicIP\": 1, \"GPU\": 1}], \"storage\": [{\"sizeInGigabytes\": 100, \"type\": \"ceph\"}]}}");
    CloudEstimate ost = im.infrastructures().estimate(Template.radl("deploy x 1")).clouds().get("ost");
    assertThat(ost.compute()).containsExactly(new CloudEstimate.ComputeEstimate(2, 4096, 20, 1, 1));
    assertThat(ost.storage()).containsExactly(new CloudEstimate.StorageEstimate(100, "ceph"));
    assertThat(only().getFirstQueryStringParameter("dry_run")).isEqualTo("true");
  }

  @Test
  void anEstimateWithoutOptionalFieldsGivesZerosButAGarbledOneFails() {
    // Given an estimate as IM sends it without the fields that do not apply
    answer("application/json", "{\"d\": {\"cloudType\": \"Dummy\", \"cloudEndpoint\": \"http://:80\", "
        + "\"compute\": [{\"cpuCores\": 2, \"memoryInMegabytes\": 4000}], \"storage\": [{\"sizeInGigabytes\": 5}]}}");

    // When it is read, Then the absent ones are 0 and empty
    CloudEstimate d = im.infrastructures().estimate(Template.radl("deploy x 1")).clouds().get("d");
    assertThat(d.compute()).containsExactly(new CloudEstimate.ComputeEstimate(2, 4000, 0, 0, 0));
    assertThat(d.storage()).containsExactly(new CloudEstimate.StorageEstimate(5, ""));

    // And when a number comes as a string or a fraction, or the cloud type is missing, the call fails naming it
    mock.reset();
    answer("application/json", "{\"d\": {\"cloudType\": \"Dummy\", \"cloudEndpoint\": \"e\", "
        + "\"compute\": [{\"cpuCores\": \"4\"}]}}");
    assertThatThrownBy(() -> im.infrastructures().estimate(Template.radl("deploy x 1")))
        .isInstanceOf(ImResponseException.class).hasMessageContaining("POST /infrastructures")
        .hasMessageContaining("'cpuCores'");
    mock.reset();
    answer("application/json", "{\"d\": {\"cloudType\": \"Dummy\", \"cloudEndpoint\": \"e\", "
        + "\"compute\": [{\"cpuCores\": 2.5}]}}");
    assertThatThrownBy(() -> im.infrastructures().estimate(Template.radl("deploy x 1")))
        .isInstanceOf(ImResponseException.class).hasMessageContaining("'cpuCores'");
    mock.reset();
    answer("application/json", "{\"d\": {\"cloudEndpoint\": \"e\", \"compute\": []}}");
    assertThatThrownBy(() -> im.infrastructures().estimate(Template.radl("deploy x 1")))
        .isInstanceOf(ImResponseException.class).hasMessageContaining("'cloudType'");
  }

  @Test
  void statsWithAGarbledFieldFailInsteadOfGivingZero() {
    // Given a stats record whose vm_count is a string
    answer("application/json", "{\"stats\": [{\"inf_id\": \"x\", \"vm_count\": \"2\", \"memory_size\": 1024}]}");

    // When / Then the call fails naming the field
    assertThatThrownBy(() -> im.server().stats())
        .isInstanceOf(ImResponseException.class).hasMessageContaining("GET /stats")
        .hasMessageContaining("'vm_count'");

    // And a record with absent fields gives the documented defaults; whole floats are read
    mock.reset();
    answer("application/json", "{\"stats\": [{\"inf_id\": \"x\", \"cpu_count\": 4.0, \"tosca_name\": null}]}");
    UsageRecord u = im.server().stats().get(0);
    assertThat(u.cpuCount()).isEqualTo(4);
    assertThat(u.vmCount()).isZero();
    assertThat(u.toscaName()).isEmpty();
    assertThat(u.hybrid()).isFalse();
  }

  @Test
  void statsWithDatesImagesWithFiltersAndFractionalQuotas() {
    answer("application/json", "{\"stats\": [], \"images\": [{\"uri\": \"ost://h/i\", \"name\": \"I\", "
        + "\"region\": \"r1\"}], \"quotas\": {\"ram\": {\"used\": 1.5, \"limit\": -1}}}");
    assertThat(im.server().stats(LocalDate.of(2026, 1, 2), LocalDate.of(2026, 3, 4))).isEmpty();
    List<CloudImage> images = im.cloud("ost").images(Map.of("region", "r1"));
    Map<String, Quota> quotas = im.cloud("ost").quotas();
    HttpRequest[] sent = mock.retrieveRecordedRequests(request());
    assertThat(sent[0].getFirstQueryStringParameter("init_date")).isEqualTo("2026-01-02");
    assertThat(sent[0].getFirstQueryStringParameter("end_date")).as("to + 1 day: IM compares at 00:00")
        .isEqualTo("2026-03-05");
    assertThat(sent[1].getFirstQueryStringParameter("filters")).isEqualTo("region=r1");
    assertThat(images.get(0).attributes()).containsEntry("region", "r1");
    assertThat(quotas.get("ram").used()).isEqualByComparingTo(new BigDecimal("1.5"));
    assertThat(quotas.get("ram").isUnlimited()).isTrue();
    assertThatThrownBy(() -> im.server().stats(LocalDate.of(2026, 3, 4), LocalDate.of(2026, 1, 2)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("before");
  }

  @Test
  void contmsgHeaderOnlyAndVmPropertyNames() {
    answer("application/json", "{\"contmsg\": \"header part\"}");
    assertThat(im.infrastructure(ID).contmsgHeaderOnly()).isEqualTo("header part");
    assertThat(only().getFirstQueryStringParameter("headeronly")).isEqualTo("true");
    assertThatThrownBy(() -> im.infrastructure(ID).vm("0").property("a/b"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void handlesAreCheapValuesWithoutIo() {
    Infrastructure a = im.infrastructure(ID);
    Vm v = a.vm("4");
    assertThat(a).isEqualTo(im.infrastructure(InfrastructureId.of(ID)));
    assertThat(v.infrastructureId().value()).isEqualTo(ID);
    assertThat(v.toString()).isEqualTo("Vm[" + ID + "/4]");
    assertThat(mock.retrieveRecordedRequests(request())).isEmpty();
  }

  @Test
  void concurrentCallsShareOneClientAndAClosedClientSaysSo() throws Exception {
    // Given
    answer("text/plain", "2.0.0");

    // When 8 threads read the version 5 times each
    var pool = java.util.concurrent.Executors.newFixedThreadPool(8);
    try {
      List<java.util.concurrent.Future<String>> futures = new java.util.ArrayList<>();
      for (int i = 0; i < 40; i++) {
        futures.add(pool.submit(() -> im.server().version()));
      }
      for (var f : futures) {
        assertThat(f.get()).isEqualTo("2.0.0");
      }
    } finally {
      pool.shutdownNow();
    }

    // Then every call got through, and after close a call fails clearly
    assertThat(mock.retrieveRecordedRequests(request())).hasSize(40);
    im.close();
    im.close();
    assertThatThrownBy(() -> im.server().version()).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("closed");
  }

  @Test
  void anInvalidToscaTemplateIsRejectedBeforeAnythingIsSent() {
    // Given a template whose output names a node that does not exist
    io.github.imsdk.tosca.ToscaTemplate template = io.github.imsdk.tosca.ContainerRecipe.builder()
        .image("nginx:1.27").port(80).name("web").build().template();
    io.github.imsdk.tosca.ToscaTemplate broken = io.github.imsdk.tosca.ToscaTemplate.parse(
        template.toYaml().replace("get_attribute: [simple_node, public_address, 0]",
            "get_attribute: [no_such_node, public_address, 0]"));
    assertThat(broken.toYaml()).contains("no_such_node");

    // When it is created, estimated or created-and-waited-for
    // Then each call fails locally with the problem's path, and IM never sees a request
    for (Runnable call : java.util.List.<Runnable>of(
        () -> im.infrastructures().create(broken),
        () -> im.infrastructures().estimate(broken),
        () -> im.infrastructures().createAndWait(broken, Wait.configured(), null))) {
      assertThatThrownBy(call::run).isInstanceOf(io.github.imsdk.tosca.ToscaValidationException.class)
          .hasMessageContaining("no_such_node").hasMessageContaining("topology_template.outputs");
    }
    assertThat(mock.retrieveRecordedRequests(request())).isEmpty();
  }

  @Test
  void theDocumentedCatchAllCatchesATemplateTheSdkRejects() {
    // Given a template with a problem the SDK finds before sending anything
    io.github.imsdk.tosca.ToscaTemplate broken = io.github.imsdk.tosca.ToscaTemplate.parse(
        io.github.imsdk.tosca.ContainerRecipe.builder().image("nginx:1.27").port(80).name("web").build()
            .template().toYaml().replace("get_attribute: [simple_node, public_address, 0]",
                "get_attribute: [no_such_node, public_address, 0]"));

    // When it is created inside the README's catch block
    io.github.imsdk.ImException caught = null;
    try {
      im.infrastructures().create(broken);
    } catch (io.github.imsdk.ImException e) {
      caught = e;
    }

    // Then the root catches the TOSCA validation error, with the problem's path, and IM saw nothing
    assertThat(caught).isInstanceOf(io.github.imsdk.tosca.ToscaValidationException.class)
        .hasMessageContaining("no_such_node");
    assertThat(mock.retrieveRecordedRequests(request())).isEmpty();
  }

  @Test
  void toscaTemplateObjectsAreSentAsYaml() throws Exception {
    // Given the recorded docker template as a typed ToscaTemplate, and a server that accepts anything
    String yaml;
    try (var in = getClass().getClassLoader().getResourceAsStream("im-contract/templates/docker_ansible.yaml")) {
      yaml = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    }
    io.github.imsdk.tosca.ToscaTemplate template = io.github.imsdk.tosca.ToscaTemplate.parse(yaml);
    mock.when(request().withMethod("POST").withPath("/im/infrastructures")).respond(response()
        .withHeader("Content-Type", "text/uri-list").withBody("http://h/infrastructures/" + ID));
    mock.when(request().withMethod("PUT").withPath("/im/infrastructures/" + ID + "/vms/0")).respond(response()
        .withHeader("Content-Type", "application/json").withBody("{\"radl\": [{\"class\": \"system\", \"id\": \"vm\"}]}"));
    mock.when(request()).respond(response().withHeader("Content-Type", "application/json")
        .withBody("{\"uri-list\": []}"));

    // When every operation that takes a template is given the object
    assertThat(im.infrastructures().create(template).value()).isEqualTo(ID);
    im.infrastructures().create(template, CreateOptions.defaults().withAsync(true));
    im.infrastructure(ID).addResources(template, Contextualization.SKIP);
    im.infrastructure(ID).reconfigure(template);
    assertThat(im.infrastructure(ID).vm("0").alter(template).systemName()).isEqualTo("vm");

    // Then each request carried text/yaml whose parsed tree is the template's
    var snake = new org.yaml.snakeyaml.Yaml();
    Object expected = snake.load(template.toYaml());
    HttpRequest[] sent = mock.retrieveRecordedRequests(request());
    assertThat(sent).hasSize(5);
    for (HttpRequest r : sent) {
      assertThat(r.getFirstHeader("Content-Type")).isEqualTo("text/yaml");
      Object body = snake.load(r.getBodyAsString());
      assertThat(body).isEqualTo(expected);
    }
    assertThat(((java.util.Map<?, ?>) expected).get("topology_template"))
        .isEqualTo(((java.util.Map<?, ?>) snake.load(yaml)).get("topology_template"));
  }
}
