package io.github.imsdk.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.imsdk.auth.AuthFile;
import io.github.imsdk.testing.EmulatorTimings;
import io.github.imsdk.testing.ImEmulator;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every im_client operation, run in process against the IM emulator, its output compared with what im_client 2.0
 * prints (imclient/cli.py, and the strings its own test suite checks).
 */
class ImClientOperationsTest {

  static final String TOSCA = """
      tosca_definitions_version: tosca_simple_yaml_1_0
      topology_template:
        node_templates:
          vm:
            type: tosca.nodes.indigo.Compute
            capabilities:
              endpoint:
                properties:
                  network_name: PUBLIC
              os:
                properties:
                  image: ost://cloud.example.org/ubuntu
        outputs:
          node_ip:
            value: { get_attribute: [ vm, public_address, 0 ] }
          node_creds:
            value: { get_attribute: [ vm, endpoint, credential, 0 ] }
      """;
  static final String RADL = """
      network public ( outbound = 'yes' )
      system node (
      cpu.count >= 1 and
      memory.size >= 1g and
      net_interface.0.connection = 'public' and
      disk.0.image.url = 'one://cloud.example.org/1'
      )
      deploy node 1
      """;

  @TempDir
  Path dir;
  private ImEmulator emulator;
  private Path auth;
  private String url;

  record Result(int code, String out, String err) {
    List<String> lines() {
      return out.lines().toList();
    }
  }

  @BeforeEach
  void startEmulator() {
    emulator = ImEmulator.builder().timings(EmulatorTimings.instant()).build();
    auth = dir.resolve("auth.dat");
    AuthFile.write(emulator.credentials(), auth);
    url = emulator.endpoint().toString();
  }

  @AfterEach
  void stopEmulator() {
    emulator.close();
  }

  static Result runMain(String... argv) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code = Main.run(argv, Map.of(), new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8), false);
    return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  private Result run(String... args) {
    List<String> all = new ArrayList<>(List.of("-r", url, "-a", auth.toString()));
    all.addAll(List.of(args));
    return runMain(all.toArray(String[]::new));
  }

  private String create() throws Exception {
    Path t = dir.resolve("tosca.yml");
    Files.writeString(t, TOSCA);
    Result r = run("create", t.toString());
    assertThat(r.code()).as(r.out()).isZero();
    String line = r.lines().get(1);
    return line.substring(line.lastIndexOf(' ') + 1);
  }

  @Test
  void listCreateGetstateDestroyPrintImClientLines() throws Exception {
    assertThat(run("list").out()).isEqualTo("Connected with: " + url + "\nNo Infrastructures.\n");

    String id = create();

    assertThat(run("list").out()).isEqualTo("Connected with: " + url + "\nInfrastructure IDs: \n  " + id + "\n");
    assertThat(run("-q", "list").out()).isEqualTo("[\n    \"" + id + "\"\n]\n");
    assertThat(run("getstate", id).out()).isEqualTo("Connected with: " + url
        + "\nThe infrastructure is in state: configured\nVM ID: 0 is in state: configured.\n");
    assertThat(run("getstate", id, "-q").out()).isEqualTo(
        "{\n    \"state\": \"configured\",\n    \"vm_states\": {\n        \"0\": \"configured\"\n    }\n}\n");
    Result destroyed = run("destroy", id);
    assertThat(destroyed.code()).isZero();
    assertThat(destroyed.lines()).containsExactly("Connected with: " + url, "Infrastructure successfully destroyed");
    assertThat(emulator.infrastructures()).isEmpty();
  }

  @Test
  void createIsAsynchronousByDefaultAndQuietPrintsNothing() throws Exception {
    Path t = dir.resolve("tosca.yaml");
    Files.writeString(t, TOSCA);
    Result r = run("-q", "create", t.toString(), "0");
    assertThat(r.code()).isZero();
    assertThat(r.out()).isEmpty();
    assertThat(emulator.infrastructures()).hasSize(1);
  }

  @Test
  void listFiltersByRegexAndShowsNames() throws Exception {
    Path radl = dir.resolve("named.radl");
    Files.writeString(radl, "description desc ( name = 'blue' )\n" + RADL);
    Result created = run("create", radl.toString());
    assertThat(created.code()).as(created.out()).isZero();
    String blue = created.lines().get(1).replaceAll(".* ", "");
    String other = create();

    assertThat(run("list", "name = 'blue'").out()).contains(blue).doesNotContain(other);
    assertThat(run("list", "no-such-thing").out()).endsWith("No Infrastructures.\n");
    assertThat(run("-n", "list").lines()).contains("Infrastructure ID                       Name",
        "====================================    ====", blue + "    blue", other + "    N/A");
    assertThat(run("-n", "getstate", "blue").out()).contains("The infrastructure is in state:");
    assertThat(run("-n", "getstate", "nobody").lines()).containsExactly("Connected with: " + url,
        "Infrastructure Name not found");
  }

  @Test
  void outputsPrintAsPythonDoesWithSecretsMasked() throws Exception {
    String id = create();

    List<String> text = run("getoutputs", id).lines();
    assertThat(text.subList(0, 3)).containsExactly("Connected with: " + url, "The infrastructure outputs:", "");
    assertThat(text).anyMatch(l -> l.matches("node_ip = 127\\.\\d+\\.\\d+\\.\\d+"));
    assertThat(text).anyMatch(l -> l.startsWith("node_creds = {'user': '") && l.contains("'token': '********'"));
    assertThat(run("getoutputs", id, "--show-secrets").out()).doesNotContain("********");
    String json = run("-q", "getoutputs", id).out();
    assertThat(json).startsWith("{\n    \"node_ip\": \"127.").contains("\"token\": \"********\"");
  }

  @Test
  void infrastructureGettersAndLifecycle() throws Exception {
    String id = create();

    assertThat(run("getcontmsg", id).out()).startsWith("Connected with: " + url + "\nMsg Contextualizator: \n\n");
    assertThat(run("getradl", id).out()).contains("system vm");
    assertThat(run("stop", id).lines()).containsExactly("Connected with: " + url,
        "Infrastructure successfully stopped");
    assertThat(run("start", id).lines()).containsExactly("Connected with: " + url,
        "Infrastructure successfully started");
    assertThat(run("reconfigure", id).lines()).containsExactly("Connected with: " + url,
        "Infrastructure successfully reconfigured.");
    assertThat(run("-q", "stop", id).out()).isEmpty();
  }

  @Test
  void vmOperations() throws Exception {
    String id = create();

    List<String> info = run("getinfo", id).lines();
    assertThat(info.get(1)).isEqualTo("Info about VM with ID: 0");
    assertThat(info.get(2)).startsWith("network ");
    assertThat(info).contains("system vm (");
    assertThat(String.join("\n", info)).contains("state = 'configured'").doesNotContainPattern("password = '[^*]");
    assertThat(run("getvminfo", id, "0").out()).contains("system vm (");
    assertThat(run("getvminfo", id, "0", "state").lines()).containsExactly("Connected with: " + url, "configured");
    assertThat(run("-q", "getinfo", id, "state").lines()).containsExactly("configured");
    assertThat(run("-s", "other", "getinfo", id).lines()).containsExactly("Connected with: " + url,
        "Info about VM with ID: 0");
    assertThat(run("getvmcontmsg", id, "0").code()).isZero();
    assertThat(run("stopvm", id, "0").lines()).contains("VM successfully stopped");
    assertThat(run("startvm", id, "0").lines()).contains("VM successfully started");
    assertThat(run("rebootvm", id, "0").lines()).contains("VM successfully rebooted");
  }

  @Test
  void resourcesAreAddedAlteredAndRemoved() throws Exception {
    Path radl = dir.resolve("one.radl");
    Files.writeString(radl, RADL);
    Result created = run("create", radl.toString());
    String id = created.lines().get(1).replaceAll(".* ", "");

    Result added = run("addresource", id, radl.toString());
    assertThat(added.lines()).containsExactly("Connected with: " + url, "Resources with IDs: 1 successfully added.");
    assertThat(run("-q", "addresource", id, radl.toString(), "0").out()).isEqualTo("[\n    \"2\"\n]\n");
    Path alter = dir.resolve("alter.radl");
    Files.writeString(alter, "system node ( cpu.count >= 2 )\n");
    Result altered = run("alter", id, "1", alter.toString());
    assertThat(altered.lines()).as(altered.out()).containsExactly("Connected with: " + url,
        "VM successfully modified.");
    assertThat(run("removeresource", id, "1,2").lines()).containsExactly("Connected with: " + url,
        "Resources with IDs: 1,2 successfully deleted.");
    assertThat(run("removeresource", id, "x").lines()).contains("invalid literal for int() with base 10: 'x'");
    assertThat(run("addresource", id, radl.toString(), "7").lines()).contains("The ctxt flag must be 0 or 1");
  }

  @Test
  void exportThenImportRoundTrips() throws Exception {
    String id = create();

    Result exported = run("-q", "export", id);
    assertThat(exported.out()).startsWith("\"{");
    Path file = dir.resolve("inf.json");
    Files.writeString(file, exported.out());
    run("export", id, "1");
    assertThat(emulator.infrastructures()).isEmpty();
    Result imported = run("import", file.toString());
    assertThat(imported.lines()).as(imported.out()).containsExactly("Connected with: " + url, "New Inf: " + id);
    assertThat(run("-q", "import", dir.resolve("nope.json").toString()).out())
        .isEqualTo("JSON file '" + dir.resolve("nope.json") + "' does not exist\n");
  }

  @Test
  void changeAuthGivesTheInfrastructureToAnotherUser() throws Exception {
    String id = create();
    Path other = dir.resolve("other.dat");
    Files.writeString(other, "id = im; type = InfrastructureManager; username = alice; password = pw\n");

    assertThat(run("change_auth", id, other.toString(), "1").lines()).containsExactly("Connected with: " + url,
        "Auth data successfully changed.");
    Result afterwards = run("getstate", id);
    assertThat(afterwards.code()).isEqualTo(1);
    assertThat(afterwards.lines().get(1)).startsWith("Error getting infrastructure state: ");
  }

  @Test
  void serviceAndCloudOperations() {
    Result version = runMain("-r", url, "getversion");
    assertThat(version.code()).isZero();
    assertThat(version.lines()).hasSize(2);
    assertThat(version.lines().get(1)).matches("IM service version: \\d+\\.\\d+\\.\\d+");
    assertThat(run("cloudimages", "dummy").out()).contains("[\n    {\n        \"uri\": ");
    assertThat(run("cloudusage", "dummy").out()).contains("\"used\": ");
    assertThat(run("cloudusage").lines()).contains("Cloud ID not specified");
  }

  @Test
  void waitAndCreateWaitOutputs() throws Exception {
    String id = create();
    assertThat(run("wait", id, "60").lines()).endsWith("The infrastructure is in state: configured");
    assertThat(run("-q", "wait", id).out()).isEmpty();

    Path t = dir.resolve("tosca.yml");
    Result r = run("-q", "create_wait_outputs", t.toString());
    assertThat(r.code()).as(r.out()).isZero();
    assertThat(r.out()).matches("\\{\"node_ip\": \"127\\.[0-9.]+\", \"node_creds\": \\{.*\\}, \"infid\": \"[^\"]+\"}\n");
    assertThat(run("-q", "create_wait_outputs", "missing.yml").out())
        .isEqualTo("{\"error\": \"RADL file 'missing.yml' does not exist\"}\n");
  }

  @Test
  void failuresPrintImClientsLineAndExitOne() {
    Result unknown = run("getstate", "00000000-0000-0000-0000-000000000000");
    assertThat(unknown.code()).isEqualTo(1);
    assertThat(unknown.lines().get(1)).startsWith("Error getting infrastructure state: ").contains("404");
    Result missing = run("getstate");
    assertThat(missing.code()).isEqualTo(1);
    assertThat(missing.lines()).containsExactly("Connected with: " + url, "Infrastructure ID not specified");
    assertThat(run("-u", "http://x", "list").code()).isEqualTo(2);
    assertThat(run("nosuchop").code()).isEqualTo(2);
  }

  @Test
  void anEndpointUrlWithUserInfoIsNeverPrintedInClear() {
    // Given an IM URL carrying user:password@
    String withUserInfo = url.replace("://", "://robot:pw-s3cret@");

    // When an operation runs against it, with and without an auth file
    Result r = runMain("-r", withUserInfo, "-a", auth.toString(), "list");
    Result noAuth = runMain("-r", withUserInfo, "list");

    // Then no output shows the user info; the missing-auth error names the URL without it
    assertThat(r.out() + r.err()).doesNotContain("pw-s3cret", "robot");
    assertThat(noAuth.out() + noAuth.err()).doesNotContain("pw-s3cret", "robot")
        .contains("an auth file is needed to talk to " + url.replace("://", "://***@"));
  }
}
