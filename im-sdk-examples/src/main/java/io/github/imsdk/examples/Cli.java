package io.github.imsdk.examples;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * The root command: im_client's global options, its operations, and the examples' container commands. It holds
 * what every command needs from the process (streams, environment, directories), so the commands touch no static
 * state and run in process in tests.
 */
@Command(name = "im-sdk-client", sortOptions = false, usageHelpAutoWidth = true,
    versionProvider = Cli.Version.class,
    description = {"im_client 2.0's operations, options, output and exit codes, plus a container pipeline.",
        "Exit codes: 0 success, 1 the operation failed, 2 the command line is wrong."},
    footer = {"", Cli.FOOTER})
final class Cli implements Callable<Integer> {

  /**
   * Every command, in help order. Main registers only the one a command line names: building picocli's model of
   * all 36 costs a one-shot command more than the rest of its parsing (picocli's Java 5 classes cannot go into the
   * AppCDS archive, and the model is built by reflection).
   */
  static final List<Map.Entry<String, Class<?>>> COMMANDS = List.of(
      Map.entry("run-container", ContainerCommands.RunContainerCommand.class),
      Map.entry("template", ContainerCommands.TemplateCommand.class),
      Map.entry("list", InfrastructureCommands.ListOp.class),
      Map.entry("create", InfrastructureCommands.CreateOp.class),
      Map.entry("destroy", InfrastructureCommands.DestroyOp.class),
      Map.entry("getstate", InfrastructureCommands.GetStateOp.class),
      Map.entry("getoutputs", InfrastructureCommands.GetOutputsOp.class),
      Map.entry("getcontmsg", InfrastructureCommands.GetContMsgOp.class),
      Map.entry("getradl", InfrastructureCommands.GetRadlOp.class),
      Map.entry("start", InfrastructureCommands.StartOp.class),
      Map.entry("stop", InfrastructureCommands.StopOp.class),
      Map.entry("addresource", ChangeCommands.AddResourceOp.class),
      Map.entry("removeresource", ChangeCommands.RemoveResourceOp.class),
      Map.entry("alter", ChangeCommands.AlterOp.class),
      Map.entry("reconfigure", ChangeCommands.ReconfigureOp.class),
      Map.entry("export", ChangeCommands.ExportOp.class),
      Map.entry("import", ChangeCommands.ImportOp.class),
      Map.entry("change_auth", ChangeCommands.ChangeAuthOp.class),
      Map.entry("getinfo", VmCommands.GetInfoOp.class),
      Map.entry("getvminfo", VmCommands.GetVmInfoOp.class),
      Map.entry("getvmcontmsg", VmCommands.GetVmContMsgOp.class),
      Map.entry("startvm", VmCommands.StartVmOp.class),
      Map.entry("stopvm", VmCommands.StopVmOp.class),
      Map.entry("rebootvm", VmCommands.RebootVmOp.class),
      Map.entry("ssh", SshCommands.SshInfOp.class),
      Map.entry("sshvm", SshCommands.SshVmOp.class),
      Map.entry("get", SshCommands.GetOp.class),
      Map.entry("put", SshCommands.PutOp.class),
      Map.entry("getvm", SshCommands.GetVmOp.class),
      Map.entry("putvm", SshCommands.PutVmOp.class),
      Map.entry("wait", WaitCommands.WaitOp.class),
      Map.entry("create_wait_outputs", WaitCommands.CreateWaitOutputsOp.class),
      Map.entry("getversion", ServiceCommands.GetVersionOp.class),
      Map.entry("cloudimages", ServiceCommands.CloudImagesOp.class),
      Map.entry("cloudusage", ServiceCommands.CloudUsageOp.class),
      Map.entry("generate-completion", picocli.AutoComplete.GenerateCompletion.class));

  // The root options that take a value, so that the operation is found after them.
  private static final Set<String> VALUE_OPTIONS = Set.of("-r", "--rest-url", "--restapi-url", "--im-url", "-a",
      "--auth_file", "--auth-file", "-u", "--xmlrpc-url", "-s", "--system_name", "--system-name");

  /**
   * Returns the command {@code argv} runs, or empty when the whole tree is needed: root help or version, no or an
   * unknown command (for the error), completion.
   */
  static Optional<String> commandIn(String[] argv) {
    for (int i = 0; i < argv.length; i++) {
      String a = argv[i];
      if (a.equals("-h") || a.equals("--help") || a.equals("--version") || a.equals("--")) {
        return Optional.empty();
      }
      if (a.startsWith("-")) {
        if (VALUE_OPTIONS.contains(a)) {
          i++;
        }
        continue;
      }
      return COMMANDS.stream().map(Map.Entry::getKey).filter(n -> n.equalsIgnoreCase(a))
          .filter(n -> !n.equals("generate-completion")).findFirst();
    }
    return Optional.empty();
  }

  static final String FOOTER = """
      Configuration: -r/--rest-url URL and -a/--auth_file FILE (before or after the operation), else IM_URL /
      IM_AUTH_FILE, else [im_client] restapi_url and auth_file in ./im_client.cfg or ~/.im_client.cfg (the home
      file wins, as with im_client). With none at all, run-container uses an in-process IM emulator.
      Output: as im_client 2.0 prints it ("Connected with: URL" first unless -q; errors as its "ERROR ..." lines on
      stdout), except that passwords, keys and tokens print as ******** unless --show-secrets is given.
      Run '<command> --help' for a command's arguments.""";

  @Mixin
  GlobalOptions globals = new GlobalOptions();

  @Option(names = "--version", versionHelp = true, description = "Print the version and exit")
  boolean version;

  @Spec
  CommandSpec spec;

  final Map<String, String> env;
  final java.io.InputStream in;
  final PrintStream out;
  final PrintStream err;
  final boolean terminal;
  final Path workDir;
  final Path home;
  /** Phase times for IMSDK_CLI_TIMING (the start-up breakdown in BENCHMARKS.md); null when not asked for. */
  private final StringBuilder timing;
  private long lastMark = System.nanoTime();
  private long lastCpu = cpuMillis();

  Cli(Map<String, String> env, java.io.InputStream in, PrintStream out, PrintStream err, boolean terminal,
      Path workDir, Path home) {
    this.env = env;
    this.in = in;
    this.out = out;
    this.err = err;
    this.terminal = terminal;
    this.workDir = workDir;
    this.home = home;
    this.timing = env.containsKey("IMSDK_CLI_TIMING") ? new StringBuilder("timing:") : null;
    if (timing != null) {
      ProcessHandle.current().info().startInstant().ifPresent(start -> timing.append(" jvm-to-main=")
          .append(java.time.Duration.between(start, java.time.Instant.now()).toMillis()).append("ms/")
          .append(lastCpu).append("cpu"));
    }
  }

  /** Records the time since the previous mark under {@code phase}, when timing was asked for. */
  void mark(String phase) {
    if (timing != null) {
      long now = System.nanoTime();
      long cpu = cpuMillis();
      timing.append(' ').append(phase).append('=').append((now - lastMark) / 1_000_000).append("ms/")
          .append(cpu - lastCpu).append("cpu");
      lastMark = now;
      lastCpu = cpu;
    }
  }

  // CPU time of the whole process (all threads, JIT and GC included): under load, wall time says little.
  private static long cpuMillis() {
    return ProcessHandle.current().info().totalCpuDuration().map(java.time.Duration::toMillis).orElse(-1L);
  }

  /** Prints the recorded phase times on stderr, when timing was asked for. */
  void printTiming() {
    if (timing != null) {
      err.println(timing);
    }
  }

  /** No operation given: im_client's "operation not specified" is a usage error. */
  @Override
  public Integer call() {
    spec.commandLine().usage(out);
    return 2;
  }

  /** The version line: this jar's, and the im_client it follows. */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      String v = Cli.class.getPackage().getImplementationVersion();
      return new String[] {"im-sdk-examples " + (v == null ? "(development build)" : v)
          + " (operations and output of im_client 2.0)"};
    }
  }
}
