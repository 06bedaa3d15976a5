package io.github.imsdk.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.imsdk.tosca.ToscaTemplate;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The command dispatch, in process: the template command and the usage errors (exit code 2). */
class MainTest {

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  private int run(String... argv) {
    return Main.run(argv, Map.of(), new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8), false);
  }

  @Test
  void templatePrintsTheRecipeForTheFlags() {
    // When the template is asked for an image, a port and sizes
    int code = run("template", "--image", "nginx:1.27", "--port", "80", "--cpus", "4", "--memory", "8 GB",
        "--name", "web");

    // Then it is valid TOSCA holding those values
    assertThat(code).isZero();
    ToscaTemplate t = ToscaTemplate.parse(out.toString(StandardCharsets.UTF_8));
    assertThat(t.validate()).isEmpty();
    assertThat(t.resolveInput("num_cpus", Map.of())).isEqualTo(4);
    assertThat(t.resolveInput("mem_size", Map.of())).isEqualTo("8 GB");
    assertThat(t.outputs()).containsKey("web_endpoint");
  }

  @Test
  void missingImageIsAUsageError() {
    assertThat(run("run-container", "--port", "80")).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("--image is required");
  }

  @Test
  void unknownCommandIsAUsageError() {
    assertThat(run("explode")).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("unknown command 'explode'");
  }

  @Test
  void everyCommandHasHelp() {
    // Given every command the root knows
    java.util.List<String> names = Cli.COMMANDS.stream().map(Map.Entry::getKey).toList();
    assertThat(names).contains("list", "create", "addresource", "removeresource", "alter", "reconfigure", "start",
        "stop", "startvm", "stopvm", "rebootvm", "getradl", "getvmcontmsg", "export", "import", "cloudimages",
        "cloudusage", "getversion", "change_auth", "create_wait_outputs", "wait", "getinfo", "getvminfo",
        "getoutputs", "getcontmsg", "getstate", "destroy", "run-container", "template", "generate-completion");
    for (String name : names) {
      out.reset();
      // When its help is asked for, Then it prints its usage and exits 0
      assertThat(run(name, "--help")).as(name).isZero();
      assertThat(out.toString(StandardCharsets.UTF_8)).as(name).contains("Usage: im-sdk-client " + name);
    }
  }

  @Test
  void operationNamesAreCaseInsensitiveAsInImClient() {
    assertThat(run("GETSTATE", "--help")).isZero();
    assertThat(out.toString(StandardCharsets.UTF_8)).contains("Usage: im-sdk-client getstate");
  }

  @Test
  void versionPrintsOneLine() {
    assertThat(run("--version")).isZero();
    assertThat(out.toString(StandardCharsets.UTF_8)).startsWith("im-sdk-examples ");
  }

  @Test
  void theCommandIsFoundAfterTheGlobalOptions() {
    assertThat(Cli.commandIn(new String[] {"-r", "http://x", "-q", "-a", "auth.dat", "GetState", "id"}))
        .contains("getstate");
    assertThat(Cli.commandIn(new String[] {"-s", "list", "getinfo", "id"})).contains("getinfo");
    assertThat(Cli.commandIn(new String[] {"--help"})).isEmpty();
    assertThat(Cli.commandIn(new String[] {"explode"})).isEmpty();
    assertThat(Cli.commandIn(new String[] {"generate-completion"})).isEmpty();
  }
}
