package io.github.imsdk.examples;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Map;
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
    subcommands = {
        ContainerCommands.RunContainerCommand.class, ContainerCommands.TemplateCommand.class,
        InfrastructureCommands.ListOp.class, InfrastructureCommands.CreateOp.class,
        InfrastructureCommands.DestroyOp.class, InfrastructureCommands.GetStateOp.class,
        InfrastructureCommands.GetOutputsOp.class, InfrastructureCommands.GetContMsgOp.class,
        InfrastructureCommands.GetRadlOp.class, InfrastructureCommands.StartOp.class,
        InfrastructureCommands.StopOp.class,
        ChangeCommands.AddResourceOp.class, ChangeCommands.RemoveResourceOp.class, ChangeCommands.AlterOp.class,
        ChangeCommands.ReconfigureOp.class, ChangeCommands.ExportOp.class, ChangeCommands.ImportOp.class,
        ChangeCommands.ChangeAuthOp.class,
        VmCommands.GetInfoOp.class, VmCommands.GetVmInfoOp.class, VmCommands.GetVmContMsgOp.class,
        VmCommands.StartVmOp.class, VmCommands.StopVmOp.class, VmCommands.RebootVmOp.class,
        WaitCommands.WaitOp.class, WaitCommands.CreateWaitOutputsOp.class,
        ServiceCommands.GetVersionOp.class, ServiceCommands.CloudImagesOp.class, ServiceCommands.CloudUsageOp.class,
        picocli.AutoComplete.GenerateCompletion.class},
    footer = {"", Cli.FOOTER})
final class Cli implements Callable<Integer> {

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
  final PrintStream out;
  final PrintStream err;
  final boolean terminal;
  final Path workDir;
  final Path home;

  Cli(Map<String, String> env, PrintStream out, PrintStream err, boolean terminal, Path workDir, Path home) {
    this.env = env;
    this.out = out;
    this.err = err;
    this.terminal = terminal;
    this.workDir = workDir;
    this.home = home;
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
