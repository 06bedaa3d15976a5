package io.github.imsdk.core.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.mockserver.model.HttpRequest.request;
import static org.mockserver.model.HttpResponse.response;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.imsdk.auth.AuthLine;
import io.github.imsdk.auth.CredentialValue;
import io.github.imsdk.auth.Credentials;
import io.github.imsdk.auth.ImCredentialsException;
import io.github.imsdk.core.CloudEstimate;
import io.github.imsdk.core.CloudImage;
import io.github.imsdk.core.Contextualization;
import io.github.imsdk.core.CreateOptions;
import io.github.imsdk.core.DestroyOptions;
import io.github.imsdk.core.Estimate;
import io.github.imsdk.core.ImBadRequestException;
import io.github.imsdk.core.ImConflictException;
import io.github.imsdk.core.ImForbiddenException;
import io.github.imsdk.core.ImNotFoundException;
import io.github.imsdk.core.ImServiceException;
import io.github.imsdk.core.ImUnauthorizedException;
import io.github.imsdk.core.Infrastructure;
import io.github.imsdk.core.InfrastructureId;
import io.github.imsdk.core.InfrastructureManager;
import io.github.imsdk.core.InfrastructureState;
import io.github.imsdk.core.Outputs;
import io.github.imsdk.core.Quota;
import io.github.imsdk.core.State;
import io.github.imsdk.core.Template;
import io.github.imsdk.core.UsageRecord;
import io.github.imsdk.core.Vm;
import io.github.imsdk.core.VmInfo;
import io.github.imsdk.core.internal.StubServer;
import java.math.BigDecimal;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.mockserver.integration.ClientAndServer;
import org.mockserver.model.HttpRequest;
import org.mockserver.model.HttpResponse;

/**
 * Replays the recorded IM exchanges (IM 1.19.2 and IM 2.0) against the SDK: a MockServer stub answers with the
 * recorded response, the test drives the SDK operation that maps to the exchange, then checks that the SDK sent
 * the recorded request and turned the response into the right result or exception.
 *
 * <p>{@link #REPLAYS} maps each exchange name (the same in both sets) to the SDK call and the check of its
 * successful result; error answers are checked by status. {@link #REFUSED_LOCALLY} lists requests the SDK will
 * not send (it rejects the input first) and {@link #NOT_ISSUABLE} those no SDK operation produces.
 */
@SuppressWarnings("unchecked")
class ContractReplayTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Set<String> BOOLEAN_PARAMS =
      Set.of("async", "dry_run", "force", "context", "headeronly", "delete", "overwrite", "auto_delete");

  @RegisterExtension
  static final StubServer SERVER = new StubServer();
  private static final ClientAndServer mock = SERVER.mock();

  // ---------------------------------------------------------------------------------------------------------
  // The table

  @FunctionalInterface
  interface Call {
    Object run(InfrastructureManager im, RecordedExchange fx);
  }

  @FunctionalInterface
  interface Check {
    void verify(RecordedExchange fx, Object result);
  }

  record Replay(Call call, Check check) {}

  static final Map<String, Replay> REPLAYS = new LinkedHashMap<>();

  /** Requests the SDK refuses to send: the exchange name, the call, and the exception it throws first. */
  record Refusal(Call call, Class<? extends Throwable> thrown, String why) {}

  static final Map<String, Refusal> REFUSED_LOCALLY = new LinkedHashMap<>();

  /** Exchanges no SDK operation can produce, with the reason. */
  static final Map<String, String> NOT_ISSUABLE = new LinkedHashMap<>();

  private static void replay(String name, Call call, Check check) {
    if (REPLAYS.put(name, new Replay(call, check)) != null) {
      throw new IllegalStateException("duplicate " + name);
    }
  }

  private static Infrastructure inf(InfrastructureManager im, RecordedExchange fx) {
    return im.infrastructure(fx.pathSegment(1));
  }

  private static Vm vm(InfrastructureManager im, RecordedExchange fx) {
    return inf(im, fx).vm(fx.pathSegment(3));
  }

  private static Template requestTemplate(RecordedExchange fx) {
    String ct = fx.requestHeader("Content-Type").orElseThrow();
    return switch (ct) {
      case "text/yaml" -> Template.tosca(fx.requestBody());
      case "text/plain" -> Template.radl(fx.requestBody());
      case "application/json" -> Template.radlJson(fx.requestBody());
      default -> throw new IllegalArgumentException("no template kind for " + ct);
    };
  }

  private static final Check NOTHING_RETURNED = (fx, r) -> assertThat(r).isNull();

  private static final Check SAME_STATE = (fx, r) -> {
    InfrastructureState s = (InfrastructureState) r;
    JsonNode st = fx.responseJson().get("state");
    assertThat(s.rawState()).isEqualTo(st.get("state").asText());
    assertThat(s.state()).isEqualTo(State.fromWire(st.get("state").asText())).isNotEqualTo(State.UNKNOWN);
    Map<String, State> expected = new TreeMap<>();
    st.get("vm_states").fields().forEachRemaining(e -> expected.put(e.getKey(), State.fromWire(e.getValue().asText())));
    assertThat(s.vmStates()).containsExactlyInAnyOrderEntriesOf(expected);
  };

  private static Check sameText(String field) {
    return (fx, r) -> assertThat(r).isEqualTo(fx.responseText(field));
  }

  private static final Pattern INF_URI = Pattern.compile("/infrastructures/([0-9a-f-]{36})(?![/0-9a-f-])");
  private static final Pattern VM_URI = Pattern.compile("/vms/(\\d+)");

  private static List<String> all(Pattern p, String body) {
    List<String> out = new ArrayList<>();
    Matcher m = p.matcher(body);
    while (m.find()) {
      out.add(m.group(1));
    }
    return out;
  }

  private static final Check SAME_INFRA_IDS = (fx, r) -> {
    @SuppressWarnings("unchecked")
    List<InfrastructureId> ids = (List<InfrastructureId>) r;
    assertThat(ids).extracting(InfrastructureId::value).containsExactlyElementsOf(all(INF_URI, fx.responseBody()));
  };

  private static final Check SAME_VM_IDS = (fx, r) -> {
    @SuppressWarnings("unchecked")
    List<Object> vms = (List<Object>) r;
    List<String> ids = vms.stream().map(v -> v instanceof Vm vm ? vm.id() : (String) v).toList();
    assertThat(ids).containsExactlyElementsOf(all(VM_URI, fx.responseBody()));
  };

  private static final Check CREATED_ID_IS_INFID = (fx, r) ->
      assertThat(((InfrastructureId) r).value()).isEqualTo(fx.responseHeader("InfID").orElseThrow())
          .isEqualTo(all(INF_URI, fx.responseBody()).get(0));

  private static final Check SAME_OUTPUTS = (fx, r) -> {
    Outputs o = (Outputs) r;
    Map<String, Object> expected = JSON.convertValue(fx.responseJson().get("outputs"), Map.class);
    assertThat(o.asMap()).isEqualTo(expected);
    assertThat(o.string("node_ip")).isEqualTo("10.0.0.1");
    assertThat(o.string("endpoint")).isEqualTo(fx.responseJson().get("outputs").get("endpoint").asText())
        .startsWith("http://10.0.0.1");
    if (o.has("node_creds")) { // the docker template publishes the VM credentials, the plain one does not
      assertThat(o.credential("node_creds").user()).isEqualTo("username");
      assertThat(o.credential("node_creds").token()).isEqualTo("password");
      assertThat(o.credential("node_creds").toString()).contains("token=***").doesNotContain("token=password");
    }
  };

  /** VM 0 of the TOSCA docker infrastructure, the same whether IM answered RADL text or RADL-JSON. */
  private static Check dockerVm(String state, int cpus, long memory) {
    return (fx, r) -> {
      VmInfo vm = (VmInfo) r;
      assertThat(vm.vmId()).isEqualTo("0");
      assertThat(vm.state()).isEqualTo(State.fromWire(state));
      assertThat(vm.publicIp()).contains("10.0.0.1");
      assertThat(vm.privateIp()).isEmpty();
      assertThat(vm.credentials()).hasValueSatisfying(c -> {
        assertThat(c.username()).isEqualTo("username");
        assertThat(c.password()).contains("password");
      });
      assertThat(vm.cpuCount()).hasValue(cpus);
      assertThat(vm.memoryBytes()).hasValue(memory);
      assertThat(vm.imageUrl()).contains("mock0://linux.for.ev.er/ubuntu-22.04");
      assertThat(vm.disks()).hasSize(1);
      assertThat(vm.provider()).hasValueSatisfying(p -> assertThat(p.type()).isEqualTo("Dummy"));
      assertThat(vm.systemName()).isEqualTo("vm");
      String newPassword = vm.propertyString("disk.0.os.credentials.new.password").orElseThrow();
      assertThat(vm.toString()).contains("password=***").doesNotContain("password=password")
          .doesNotContain(newPassword);
    };
  }

  static {
    NOT_ISSUABLE.put("index-openapi", "GET / serves IM's OpenAPI document or Swagger UI page, not an IM operation");
    NOT_ISSUABLE.put("create-unsupported-content-type",
        "the SDK sends only text/yaml, text/plain or application/json bodies, never application/xml");
    NOT_ISSUABLE.put("create-bad-async-value", "the SDK sends boolean flags as true/false, never 'maybe'");
    NOT_ISSUABLE.put("inf-prop-unknown", "infrastructure properties are typed methods; there is no free-form one");
    NOT_ISSUABLE.put("operate-infrastructure-unknown-op", "operations are typed methods (start, stop, ...)");
    NOT_ISSUABLE.put("import-unsupported-content-type", "import always sends application/json");
    NOT_ISSUABLE.put("unknown-route", "no SDK operation maps to /no/such/route");
    NOT_ISSUABLE.put("cloud-unknown-param", "cloud calls are typed methods (images, quotas)");
    NOT_ISSUABLE.put("stats-bad-date", "stats dates are LocalDate values, always sent as YYYY-MM-DD");

    REFUSED_LOCALLY.put("list-auth-garbage", new Refusal(
        (im, fx) -> im.infrastructures().list(), ImCredentialsException.class,
        "the header holds no auth line, so the SDK has no credentials to send"));
    REFUSED_LOCALLY.put("vm-snapshot-missing-image-name", new Refusal(
        (im, fx) -> vm(im, fx).snapshot(0, "", false), IllegalArgumentException.class,
        "a snapshot needs an image name"));
    REFUSED_LOCALLY.put("reconfigure-bad-vm-list", new Refusal(
        (im, fx) -> {
          inf(im, fx).reconfigure(null, List.of("a", "b"));
          return null;
        }, IllegalArgumentException.class, "VM ids are integers"));

    Call version = (im, fx) -> im.server().version();
    replay("version-no-accept", version, sameText("version"));
    replay("version-json", version, sameText("version"));

    Call list = (im, fx) -> im.infrastructures().list();
    for (String n : List.of("list-no-auth-header", "list-no-auth-header-json", "list-auth-without-im-line",
        "list-auth-bearer-untrusted-issuer", "list-auth-im-token-untrusted-issuer", "list-empty-uri-list", "list-empty-json", "list-auth-json-format",
        "list-two-infras-uri-list", "list-two-infras-json", "list-accept-uri-list",
        "list-accept-text-plain-rejected", "list-as-user2", "list-final-empty")) {
      replay(n, list, SAME_INFRA_IDS);
    }
    replay("list-filter", (im, fx) -> im.infrastructures().list("front"), SAME_INFRA_IDS);
    replay("list-filter-nomatch", (im, fx) -> im.infrastructures().list("no-such-thing"),
        (fx, r) -> assertThat((List<?>) r).isEmpty());

    Call create = (im, fx) -> im.infrastructures().create(requestTemplate(fx));
    for (String n : List.of("create-tosca-invalid-yaml", "create-tosca-unknown-node-type",
        "create-tosca-remote-import-offline", "create-radl-syntax-error", "create-radl-syntax-error-text",
        "create-radl-syntax-error-html", "create-no-auth", "create-tosca-docker-ansible",
        "create-tosca-plain-vm-json", "create-radl")) {
      replay(n, create, CREATED_ID_IS_INFID);
    }
    replay("create-radl-json-async",
        (im, fx) -> im.infrastructures().create(requestTemplate(fx), CreateOptions.defaults().withAsync(true)),
        CREATED_ID_IS_INFID);
    replay("create-dry-run-tosca", (im, fx) -> im.infrastructures().estimate(requestTemplate(fx)), (fx, r) -> {
      Estimate e = (Estimate) r;
      assertThat(e.clouds()).containsOnlyKeys("dummy");
      CloudEstimate d = e.clouds().get("dummy");
      assertThat(d.cloudType()).isEqualTo("Dummy");
      assertThat(d.compute()).containsExactly(new CloudEstimate.ComputeEstimate(2, 4000, 0, 1, 0));
      assertThat(d.storage()).isEmpty();
    });

    Call state = (im, fx) -> inf(im, fx).state();
    for (String n : List.of("state-tosca-docker-just-created", "state-tosca-docker-unconfigured",
        "state-accept-text-plain-rejected", "state-other-user-forbidden", "state-wrong-password",
        "state-auth-without-im-line", "state-tosca-docker-after-reconfigure", "state-tosca-docker-after-scale-out",
        "state-after-destroy", "state-tosca-plain-configured", "state-auth-json-format", "state-after-stop",
        "state-after-start", "state-after-vm-stop", "state-after-vm-start-reboot", "state-radl-just-created",
        "state-radl-configured", "state-radl-after-add", "state-radl-after-reconfigure",
        "state-as-user2-after-change", "state-after-export-with-delete", "state-imported",
        "state-async-just-created", "state-async-configured", "state-unknown-infra",
        "state-unknown-infra-text")) {
      replay(n, state, SAME_STATE);
    }

    Call contmsg = (im, fx) -> inf(im, fx).contmsg();
    for (String n : List.of("contmsg-tosca-docker-while-running", "contmsg-tosca-docker-text",
        "contmsg-tosca-docker-json", "contmsg-tosca-docker-after-reconfigure", "contmsg-tosca-plain-ctxt-disabled")) {
      replay(n, contmsg, sameText("contmsg"));
    }
    replay("contmsg-tosca-docker-headeronly", (im, fx) -> inf(im, fx).contmsgHeaderOnly(), sameText("contmsg"));

    Call outputs = (im, fx) -> inf(im, fx).outputs();
    for (String n : List.of("outputs-tosca-docker", "outputs-tosca-docker-no-accept",
        "outputs-tosca-docker-after-scale-out", "outputs-tosca-plain", "outputs-of-radl-infra")) {
      replay(n, outputs, SAME_OUTPUTS);
    }

    Call vms = (im, fx) -> inf(im, fx).vms();
    for (String n : List.of("vm-list-tosca-docker-uri-list", "vm-list-tosca-docker-json",
        "vm-list-tosca-docker-after-scale-out", "vm-list-tosca-docker-after-scale-in", "vm-list-radl-after-add",
        "vm-list-radl-after-remove", "vm-list-unknown-infra")) {
      replay(n, vms, SAME_VM_IDS);
    }

    replay("tosca-tosca-docker-no-accept", (im, fx) -> inf(im, fx).tosca(), sameText("tosca"));
    replay("tosca-tosca-docker-json", (im, fx) -> inf(im, fx).tosca(), sameText("tosca"));
    replay("tosca-of-radl-infra", (im, fx) -> inf(im, fx).tosca(), sameText("tosca"));
    for (String n : List.of("radl-tosca-docker-text", "radl-tosca-docker-json", "radl-radl-text",
        "radl-radl-json-infra-json")) {
      replay(n, (im, fx) -> inf(im, fx).radl(), sameText("radl"));
    }

    Call vmInfo = (im, fx) -> vm(im, fx).info();
    replay("vm-info-tosca-docker-text", vmInfo, dockerVm("unconfigured", 2, 4_000_000_000L));
    replay("vm-info-tosca-docker-json", vmInfo, dockerVm("unconfigured", 2, 4_000_000_000L));
    replay("vm-info-unknown-vm", vmInfo, NOTHING_RETURNED);
    replay("vm-info-removed-vm", vmInfo, NOTHING_RETURNED);
    replay("vm-info-radl-text", vmInfo, (fx, r) -> {
      VmInfo vm = (VmInfo) r;
      assertThat(vm.state()).isEqualTo(State.CONFIGURED);
      assertThat(vm.systemName()).isEqualTo("front");
      assertThat(vm.publicIp()).contains("10.0.0.1");
      assertThat(vm.cpuCount()).hasValue(1);
      assertThat(vm.memoryBytes()).hasValue(1_000_000_000L);
      assertThat(vm.property("cpu.arch")).contains("x86_64");
      assertThat(vm.credentials().orElseThrow().username()).isEqualTo("username");
    });
    replay("vm-contmsg-tosca-docker", (im, fx) -> vm(im, fx).contmsg(), sameText("contmsg"));
    replay("vm-prop-state-text", (im, fx) -> vm(im, fx).property("state"), (fx, r) -> assertThat(r).isEqualTo("unconfigured"));
    replay("vm-prop-state-json", (im, fx) -> vm(im, fx).property("state"), (fx, r) -> assertThat(r).isEqualTo("unconfigured"));
    replay("vm-prop-ip-text", (im, fx) -> vm(im, fx).property("net_interface.0.ip"), (fx, r) -> assertThat(r).isEqualTo("10.0.0.1"));
    replay("vm-prop-ip-json", (im, fx) -> vm(im, fx).property("net_interface.0.ip"), (fx, r) -> assertThat(r).isEqualTo("10.0.0.1"));
    replay("vm-prop-unknown", (im, fx) -> vm(im, fx).property("no_such_property"), NOTHING_RETURNED);

    Check sameData = (fx, r) -> {
      assertThat(r).isEqualTo(fx.responseJson().get("data").asText());
      assertThat((String) r).startsWith("{\"id\": \"" + fx.pathSegment(1) + "\"");
    };
    replay("data-export-tosca-docker", (im, fx) -> inf(im, fx).export(), sameData);
    replay("data-export-radl", (im, fx) -> inf(im, fx).export(), sameData);
    replay("data-export-with-delete", (im, fx) -> inf(im, fx).exportAndRemove(), sameData);

    Call owners = (im, fx) -> inf(im, fx).owners();
    replay("authorization-owners-text", owners, (fx, r) -> assertThat((List<Object>) r).containsExactly("user"));
    replay("authorization-owners-json", owners, (fx, r) -> assertThat((List<Object>) r).containsExactly("user"));
    replay("authorization-owners-after-change", owners,
        (fx, r) -> assertThat((List<Object>) r).containsExactly("user", "user2"));
    replay("change-auth-add-user2", (im, fx) -> {
      inf(im, fx).addOwner(AuthLine.builder("InfrastructureManager").set("username", "user2")
          .set("password", "pass2").build());
      return null;
    }, NOTHING_RETURNED);

    replay("reconfigure-tosca-docker", (im, fx) -> {
      inf(im, fx).reconfigure();
      return null;
    }, NOTHING_RETURNED);
    replay("reconfigure-radl-with-new-radl", (im, fx) -> {
      inf(im, fx).reconfigure(requestTemplate(fx));
      return null;
    }, NOTHING_RETURNED);
    replay("reconfigure-radl-vm-list", (im, fx) -> {
      inf(im, fx).reconfigure(null, List.of("0"));
      return null;
    }, NOTHING_RETURNED);

    Call addNoCtxt = (im, fx) -> inf(im, fx).addResources(requestTemplate(fx), Contextualization.SKIP);
    replay("add-resource-tosca-scale-out-no-ctxt", addNoCtxt, SAME_VM_IDS);
    replay("add-resource-tosca-scale-in-removal-list", addNoCtxt, SAME_VM_IDS);
    Call add = (im, fx) -> inf(im, fx).addResources(requestTemplate(fx));
    for (String n : List.of("add-resource-radl", "add-resource-radl-json-accept", "add-resource-bad-radl",
        "add-resource-unknown-infra")) {
      replay(n, add, SAME_VM_IDS);
    }

    replay("remove-resource-vm2", (im, fx) -> {
      inf(im, fx).removeVms(List.of("2"));
      return null;
    }, NOTHING_RETURNED);
    replay("remove-resource-vm1-no-ctxt", (im, fx) -> {
      vm(im, fx).remove(Contextualization.SKIP);
      return null;
    }, NOTHING_RETURNED);
    replay("remove-resource-unknown-vm", (im, fx) -> {
      vm(im, fx).remove();
      return null;
    }, NOTHING_RETURNED);

    Call destroy = (im, fx) -> {
      inf(im, fx).destroy();
      return null;
    };
    for (String n : List.of("destroy-tosca-docker", "destroy-again-after-destroy", "destroy-radl-json",
        "destroy-unknown-infra")) {
      replay(n, destroy, NOTHING_RETURNED);
    }
    replay("destroy-tosca-plain-async", (im, fx) -> {
      inf(im, fx).destroy(DestroyOptions.defaults().withAsync(true));
      return null;
    }, NOTHING_RETURNED);
    replay("destroy-imported-force", (im, fx) -> {
      inf(im, fx).destroy(DestroyOptions.defaults().withForce(true));
      return null;
    }, NOTHING_RETURNED);

    replay("stop-infrastructure", (im, fx) -> {
      inf(im, fx).stop();
      return null;
    }, NOTHING_RETURNED);
    replay("start-infrastructure", (im, fx) -> {
      inf(im, fx).start();
      return null;
    }, NOTHING_RETURNED);
    replay("vm-stop", (im, fx) -> {
      vm(im, fx).stop();
      return null;
    }, NOTHING_RETURNED);
    replay("vm-start", (im, fx) -> {
      vm(im, fx).start();
      return null;
    }, NOTHING_RETURNED);
    replay("vm-reboot", (im, fx) -> {
      vm(im, fx).reboot();
      return null;
    }, NOTHING_RETURNED);
    replay("vm-snapshot", (im, fx) -> vm(im, fx).snapshot(0, "sdk-snap", true),
        (fx, r) -> assertThat(r).isEqualTo("mock0://linux.for.ev.er/sdk-snap"));

    replay("alter-vm-radl", (im, fx) -> vm(im, fx).alter(requestTemplate(fx)), (fx, r) -> {
      VmInfo vm = (VmInfo) r;
      assertThat(vm.cpuCount()).hasValue(4);
      assertThat(vm.memoryBytes()).hasValue(8_000_000_000L);
      assertThat(vm.state()).isEqualTo(State.CONFIGURED);
      assertThat(vm.publicIp()).contains("10.0.0.1");
    });
    replay("alter-vm-radl-json-accept", (im, fx) -> vm(im, fx).alter(requestTemplate(fx)), (fx, r) -> {
      VmInfo vm = (VmInfo) r;
      assertThat(vm.cpuCount()).hasValue(2);
      assertThat(vm.memoryBytes()).hasValue(4_000_000_000L);
      assertThat(vm.publicIp()).contains("10.0.0.1");
    });

    Call importData = (im, fx) -> im.infrastructures().importData(fx.requestBody());
    replay("import-existing-id-conflict", importData, NOTHING_RETURNED);
    replay("import-infrastructure", importData,
        (fx, r) -> assertThat(((InfrastructureId) r).value()).isEqualTo(all(INF_URI, fx.responseBody()).get(0)));

    Call images = (im, fx) -> im.cloud(fx.pathSegment(1)).images();
    Check sameImages = (fx, r) -> {
      @SuppressWarnings("unchecked")
      List<CloudImage> imgs = (List<CloudImage>) r;
      assertThat(imgs).extracting(CloudImage::uri)
          .containsExactly("mock0://linux.for.ev.er/image1", "mock0://linux.for.ev.er/image2");
      assertThat(imgs).extracting(CloudImage::name).containsExactly("Image Name1", "Image Name2");
    };
    replay("cloud-images", images, sameImages);
    replay("cloud-images-no-accept", images, sameImages);
    replay("cloud-unknown-id", images, NOTHING_RETURNED);
    replay("cloud-quotas", (im, fx) -> im.cloud(fx.pathSegment(1)).quotas(), (fx, r) -> {
      @SuppressWarnings("unchecked")
      Map<String, Quota> q = (Map<String, Quota>) r;
      assertThat(q).containsOnlyKeys("cores", "ram", "instances", "floating_ips", "security_groups");
      assertThat(q.get("cores")).isEqualTo(new Quota(BigDecimal.ONE, BigDecimal.TEN));
    });
    replay("stats-json", (im, fx) -> im.server().stats(), (fx, r) -> {
      @SuppressWarnings("unchecked")
      List<UsageRecord> stats = (List<UsageRecord>) r;
      JsonNode expected = fx.responseJson().get("stats");
      assertThat(stats).hasSize(expected.size());
      for (int i = 0; i < stats.size(); i++) {
        assertThat(stats.get(i).infrastructureId()).isEqualTo(expected.get(i).get("inf_id").asText());
        assertThat(stats.get(i).vmCount()).isEqualTo(expected.get(i).get("vm_count").asInt());
        assertThat(stats.get(i).memorySizeMb()).isEqualTo(expected.get(i).get("memory_size").asLong());
        assertThat(stats.get(i).cloudType()).isEqualTo("Dummy");
      }
    });
  }

  // ---------------------------------------------------------------------------------------------------------
  // The tests

  static Stream<RecordedExchange> replayed() {
    return RecordedExchange.all().stream().filter(fx -> REPLAYS.containsKey(fx.name()));
  }

  static Stream<RecordedExchange> refused() {
    return RecordedExchange.all().stream().filter(fx -> REFUSED_LOCALLY.containsKey(fx.name()));
  }

  @Test
  void everyRecordedExchangeIsReplayedOrListedWithAReason() {
    // Given every recorded exchange of both sets
    List<RecordedExchange> all = RecordedExchange.all();

    // When they are sorted by how the table treats them
    Map<String, List<String>> byKind = all.stream().collect(Collectors.groupingBy(
        fx -> REPLAYS.containsKey(fx.name()) ? "replayed" : REFUSED_LOCALLY.containsKey(fx.name()) ? "refused"
            : NOT_ISSUABLE.containsKey(fx.name()) ? "not-issuable" : "missing",
        Collectors.mapping(RecordedExchange::toString, Collectors.toList())));

    // Then none is missing, the table names no exchange that does not exist, and the counts are as reported
    assertThat(all).hasSize(288);
    assertThat(byKind.getOrDefault("missing", List.of())).isEmpty();
    Set<String> names = all.stream().map(RecordedExchange::name).collect(Collectors.toSet());
    assertThat(names).containsAll(REPLAYS.keySet()).containsAll(REFUSED_LOCALLY.keySet())
        .containsAll(NOT_ISSUABLE.keySet());
    assertThat(byKind.get("replayed")).hasSize(2 * REPLAYS.size()).hasSize(264);
    assertThat(byKind.get("refused")).hasSize(6);
    assertThat(byKind.get("not-issuable")).hasSize(18);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("replayed")
  void replaysTheRecordedExchange(RecordedExchange fx) {
    // Given a server that answers as IM did, and the credentials IM received
    stub(fx);
    Replay replay = REPLAYS.get(fx.name());

    // When the SDK operation runs
    Object result = null;
    Throwable thrown;
    try (InfrastructureManager im = client(fx)) {
      Object[] holder = new Object[1];
      thrown = catchThrowable(() -> holder[0] = replay.call().run(im, fx));
      result = holder[0];
    }

    // Then it sent the recorded request ...
    HttpRequest[] sent = mock.retrieveRecordedRequests(request().withPath(fx.path()));
    assertThat(sent).as("requests to %s", fx.path()).isNotEmpty();
    assertSameRequest(fx, sent[0]);
    if ((fx.status() == 401 || (fx.status() == 400 && credentialText(fx.responseBody())))
        && fx.requestHeader("Authorization").isPresent()) {
      // ... and, when the credentials were rejected, refreshed them and sent it once more, no more
      assertThat(sent).hasSize(2);
      assertSameRequest(fx, sent[1]);
    } else {
      assertThat(sent).hasSize(1);
    }

    // ... and turned the answer into the right result or exception
    if (fx.status() / 100 == 2) {
      assertThat(thrown).as("exception for %s", fx).isNull();
      replay.check().verify(fx, result);
    } else {
      assertMappedError(fx, thrown);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("refused")
  void refusesLocallyWhatIMWouldReject(RecordedExchange fx) {
    // Given a server that would answer as IM did
    stub(fx);
    Refusal refusal = REFUSED_LOCALLY.get(fx.name());

    // When the SDK is asked for the same thing
    Throwable thrown;
    try (InfrastructureManager im = client(fx)) {
      thrown = catchThrowable(() -> refusal.call().run(im, fx));
    }

    // Then it refuses before sending anything
    assertThat(thrown).as(refusal.why()).isInstanceOf(refusal.thrown());
    assertThat(mock.retrieveRecordedRequests(request())).isEmpty();
    assertThat(fx.status()).isGreaterThanOrEqualTo(400);
  }

  // ---------------------------------------------------------------------------------------------------------
  // Helpers

  private static void stub(RecordedExchange fx) {
    mock.when(request().withMethod(fx.method()).withPath(fx.path())).respond(recordedResponse(fx));
    if (fx.name().startsWith("list-filter")) {
      // the client-side filter reads each listed infrastructure's RADL, then its TOSCA: answer as IM did in 091,
      // 121 and 092 (the RADL-only infrastructure of 121 is not stubbed for /tosca: MockServer's 404 stands in)
      for (String radl : List.of("radl-radl-text", "radl-radl-json-infra-json", "tosca-of-radl-infra")) {
        RecordedExchange r = RecordedExchange.named(fx.set(), radl);
        mock.when(request().withMethod("GET").withPath(r.path())).respond(recordedResponse(r));
      }
    }
  }

  private static HttpResponse recordedResponse(RecordedExchange fx) {
    HttpResponse res = response().withStatusCode(fx.status()).withBody(fx.responseBody());
    fx.responseHeader("Content-Type").ifPresent(ct -> res.withHeader("Content-Type", ct));
    fx.responseHeader("InfID").ifPresent(id -> res.withHeader("InfID", id));
    return res;
  }

  private static InfrastructureManager client(RecordedExchange fx) {
    var b = InfrastructureManager.builder().endpoint(URI.create("http://127.0.0.1:" + mock.getPort()));
    fx.requestHeader("Authorization").ifPresent(h -> b.credentials(Credentials.parseHeader(h)));
    return b.build();
  }

  private static void assertSameRequest(RecordedExchange fx, HttpRequest sent) {
    assertThat(sent.getMethod().getValue()).isEqualTo(fx.method());
    assertThat(sent.getPath().getValue()).isEqualTo(fx.path());
    Map<String, String> query = new LinkedHashMap<>();
    if (sent.getQueryStringParameters() != null) {
      sent.getQueryStringParameterList().forEach(p -> query.put(p.getName().getValue(),
          p.getValues().get(0).getValue()));
    }
    assertThat(normaliseBooleans(query)).as("query of %s", fx).isEqualTo(normaliseBooleans(fx.query()));
    String sentType = mediaType(sent.getFirstHeader("Content-Type"));
    if (fx.requestBody() == null && Set.of("PUT", "POST").contains(fx.method())) {
      // a body-less PUT is sent as an empty text/plain body (an empty RADL, which IM reads as no body)
      assertThat(sentType).as("Content-Type of %s", fx).isIn("", "text/plain");
    } else {
      assertThat(sentType).as("Content-Type of %s", fx)
          .isEqualTo(mediaType(fx.requestHeader("Content-Type").orElse("")));
    }
    assertThat(sent.getFirstHeader("Accept")).isEqualTo("application/json");
    String recordedAuth = fx.requestHeader("Authorization").orElse(null);
    String sentAuth = sent.getFirstHeader("Authorization");
    if (recordedAuth == null) {
      assertThat(sentAuth).isEmpty();
    } else {
      Credentials sentCredentials = Credentials.parseHeader(sentAuth);
      Credentials recordedCredentials = Credentials.parseHeader(recordedAuth);
      assertThat(sentCredentials.lines().stream().map(AuthLine::resolve).toList())
          .isEqualTo(recordedCredentials.lines().stream().map(AuthLine::resolve).toList());
      assertThat(sentCredentials.bearerToken().map(CredentialValue::resolve))
          .isEqualTo(recordedCredentials.bearerToken().map(CredentialValue::resolve));
    }
    String body = sent.getBodyAsString();
    if (fx.requestBody() == null) {
      assertThat(body == null ? "" : body).isEmpty();
    } else if (mediaType(fx.requestHeader("Content-Type").orElse("")).equals("application/json")) {
      assertThat(json(body)).isEqualTo(json(fx.requestBody()));
    } else {
      assertThat(body).isEqualTo(fx.requestBody());
    }
  }

  private static void assertMappedError(RecordedExchange fx, Throwable thrown) {
    String body = fx.responseBody();
    Class<? extends ImServiceException> expected = switch (fx.status()) {
      case 400 -> credentialText(body)
          ? ImUnauthorizedException.class : ImBadRequestException.class;
      case 401 -> ImUnauthorizedException.class;
      case 403 -> ImForbiddenException.class;
      case 404 -> ImNotFoundException.class;
      case 409 -> ImConflictException.class;
      default -> ImServiceException.class;
    };
    assertThat(thrown).as("exception for %s", fx).isExactlyInstanceOf(expected);
    ImServiceException e = (ImServiceException) thrown;
    assertThat(e.statusCode()).isEqualTo(fx.status());
    assertThat(e.method()).isEqualTo(fx.method());
    assertThat(e.path()).isEqualTo(fx.path());
    assertThat(e.serverMessage()).isNotBlank().hasSizeLessThan(2200);
    assertThat(e.getMessage()).contains(fx.method() + " " + fx.path()).contains(String.valueOf(fx.status()));
    // Every error body reaches the caller, a create's 401 included (the pinned connector withholds none).
    if (fx.responseIsJson() && fx.responseJson().has("message")) {
      String message = fx.responseJson().get("message").asText();
      assertThat(message).startsWith(e.serverMessage().replaceAll("\\.\\.\\. \\[\\d+ more characters]$", ""));
    } else if (fx.responseHeader("Content-Type").orElse("").startsWith("text/plain")) {
      assertThat(e.serverMessage()).isEqualTo(body.strip());
    } else if (fx.responseHeader("Content-Type").orElse("").startsWith("text/html")) {
      assertThat(e.serverMessage()).startsWith("Error").contains("Parse error").doesNotContain("<");
    }
    String auth = fx.requestHeader("Authorization").orElse("");
    if (!auth.isEmpty()) {
      assertThat(e.getMessage()).doesNotContain(auth);
    }
    assertThat(e.getMessage()).doesNotContainPattern("eyJ[A-Za-z0-9_-]{4,}\\.");
  }

  private static Map<String, String> normaliseBooleans(Map<String, String> query) {
    Map<String, String> out = new TreeMap<>();
    query.forEach((k, v) -> {
      String l = v.toLowerCase(Locale.ROOT);
      if (BOOLEAN_PARAMS.contains(k) && Set.of("1", "yes", "true").contains(l)) {
        out.put(k, "true");
      } else if (BOOLEAN_PARAMS.contains(k) && Set.of("0", "no", "false").contains(l)) {
        out.put(k, "false");
      } else {
        out.put(k, v);
      }
    });
    return out;
  }

  private static String mediaType(String contentType) {
    if (contentType == null) {
      return "";
    }
    int semi = contentType.indexOf(';');
    return (semi < 0 ? contentType : contentType.substring(0, semi)).trim().toLowerCase(Locale.ROOT);
  }

  private static JsonNode json(String s) {
    try {
      return JSON.readTree(s);
    } catch (Exception e) {
      throw new AssertionError("not JSON: " + s, e);
    }
  }

  /** IM's texts for missing or rejected IM credentials (IM/InfrastructureManager.py check_auth_data). */
  private static boolean credentialText(String body) {
    return body != null && java.util.regex.Pattern.compile(
        "InfrastructureManager credentials|No credentials provided for the InfrastructureManager"
        + "|No username nor token|No token provided|Invalid username used|OIDC auth token"
        + "|No authentication data provided").matcher(body).find();
  }
}
