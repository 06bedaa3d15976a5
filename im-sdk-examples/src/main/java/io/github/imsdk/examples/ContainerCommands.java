package io.github.imsdk.examples;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * The examples' container pipeline beside im_client's operations: {@code run-container} deploys a container on a
 * VM and {@code template} prints the TOSCA it would send. The flags are declared here for parsing, help and
 * completion, and handed to {@link RunContainer} unchanged, so their checks and messages are those of before.
 */
final class ContainerCommands {

  private ContainerCommands() {}

  /** The recipe flags shared by both commands. */
  static class RecipeOptions {
    @Option(names = "--image", paramLabel = "IMAGE", description = "the container image, e.g. nginx:1.27")
    String image;
    @Option(names = "--port", paramLabel = "PORT", description = "the port the container listens on")
    String port;
    @Option(names = "--cpus", paramLabel = "N", description = "VM CPUs (default 2)")
    String cpus;
    @Option(names = "--memory", paramLabel = "SIZE", description = "VM memory, e.g. \"4 GB\"")
    String memory;
    @Option(names = "--disk", paramLabel = "SIZE", description = "extra disk, e.g. \"10 GB\", or 0 for none")
    String disk;
    @Option(names = "--os-image", paramLabel = "URL", description = "the VM image")
    String osImage;
    @Option(names = "--name", paramLabel = "NAME", description = "the node name")
    String name;
    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit")
    boolean help;

    Map<String, String> values() {
      Map<String, String> v = new LinkedHashMap<>();
      v.put("image", image);
      v.put("port", port);
      v.put("cpus", cpus);
      v.put("memory", memory);
      v.put("disk", disk);
      v.put("os-image", osImage);
      v.put("name", name);
      return v;
    }
  }

  @Command(name = "run-container", sortOptions = false,
      description = {"Create a VM running the container, wait until configured, print \"endpoint: <url>\" and the "
          + "SSH details, then destroy it (unless --keep). If it fails, print the last states and the head of the "
          + "contextualization log, and destroy it (unless --keep); exit 1. Ctrl-C destroys what was created.",
          "With no IM configured at all, it uses an in-process IM emulator."})
  static final class RunContainerCommand extends RecipeOptions implements Callable<Integer> {
    @ParentCommand
    Cli cli;
    @Option(names = {"--im-url", "-r", "--rest-url"}, paramLabel = "URL", description = "the IM REST API")
    String imUrl;
    @Option(names = {"--auth-file", "-a", "--auth_file"}, paramLabel = "FILE", description = "the auth file")
    String authFile;
    @Option(names = "--timeout", paramLabel = "MINUTES",
        description = "how long to wait for configured (default " + RunContainer.DEFAULT_TIMEOUT_MINUTES + ")")
    String timeout;
    @Option(names = "--keep", description = "keep the infrastructure")
    boolean keep;
    @Option(names = "--show-secrets", description = "print the SSH password or key")
    boolean showSecrets;
    @Option(names = "--site", paramLabel = "SITE", description = "where to deploy: auto (the best fitting cloud line "
        + "of the auth file, falling back to the next if it fails) or one cloud id")
    String site;
    @Option(names = "--sites", paramLabel = "A,B,C", description = "the candidate cloud ids of --site auto, in "
        + "order of preference (default: every cloud line of the auth file)")
    String sites;
    @Option(names = "--image-like", paramLabel = "WORDS", description = "choose each site's VM image by name, e.g. "
        + "\"ubuntu 22.04\" (with --site)")
    String imageLike;

    @Override
    public Integer call() {
      Map<String, String> v = values();
      v.put("im-url", imUrl != null ? imUrl : cli.globals.restUrl);
      v.put("auth-file", authFile != null ? authFile : cli.globals.authFile);
      v.put("allow-local-config-commands", cli.globals.allowLocalConfigCommands ? "true" : null);
      v.put("timeout", timeout);
      v.put("keep", keep ? "true" : null);
      v.put("show-secrets", showSecrets || cli.globals.showSecrets ? "true" : null);
      v.put("site", site);
      v.put("sites", sites);
      v.put("image-like", imageLike);
      Args args = Args.of(v, List.of());
      return new RunContainer(args, cli.out, cli.err, cli.terminal)
          .run(ImConfig.resolve(args, cli.env, cli.workDir, cli.home));
    }
  }

  @Command(name = "template", sortOptions = false,
      description = "Print the TOSCA template run-container would deploy for the same flags")
  static final class TemplateCommand extends RecipeOptions implements Callable<Integer> {
    @ParentCommand
    Cli cli;

    @Override
    public Integer call() {
      cli.out.print(RunContainer.recipe(Args.of(values(), List.of())).template().toYaml());
      return 0;
    }
  }
}
