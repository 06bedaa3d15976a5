package io.github.imsdk.examples;

import io.github.imsdk.core.Infrastructure;
import io.github.imsdk.core.VmInfo;
import io.github.imsdk.ssh.HostKeyPolicy;
import io.github.imsdk.ssh.SshException;
import io.github.imsdk.ssh.SshSession;
import io.github.imsdk.ssh.SshTarget;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * im_client's ssh family: ssh and sshvm open a shell on a VM or run a command there; get, put, getvm and putvm copy
 * files. im_client exec's {@code ssh}/{@code sshpass}/{@code scp} with host-key checking off; these commands log in
 * in process (Apache MINA SSHD through im-sdk-ssh) with the VM's credentials from IM, on its mapped SSH port, through
 * its proxy host when it has one, and check host keys as {@code --host-keys} says.
 */
final class SshCommands {

  private SshCommands() {}

  /** Options and login shared by the ssh family. */
  abstract static class SshOp extends ImOperation {
    @Option(names = "--host-keys", paramLabel = "POLICY", defaultValue = "tofu",
        description = "tofu (default): trust a VM's key the first time and keep it in --known-hosts; strict: only "
            + "keys already in --known-hosts; accept-any: no check (what im_client does)")
    String hostKeys;
    @Option(names = "--known-hosts", paramLabel = "FILE",
        description = "the known-hosts file (default ~/.imsdk/known_hosts)")
    Path knownHosts;
    @Option(names = "--ssh-wait", paramLabel = "SECONDS", defaultValue = "0",
        description = "retry while the VM's SSH does not answer yet, at most this long (default: try once)")
    long sshWait;

    @Override
    String failure() {
      return "Error connecting to VM";
    }

    HostKeyPolicy policy() {
      Path file = knownHosts != null ? knownHosts : cli.home.resolve(".imsdk").resolve("known_hosts");
      return switch (hostKeys) {
        case "tofu" -> HostKeyPolicy.trustOnFirstUse(file);
        case "strict" -> HostKeyPolicy.strict(file);
        case "accept-any" -> HostKeyPolicy.acceptAny();
        default -> throw new UsageException("--host-keys must be tofu, strict or accept-any, not '" + hostKeys + "'");
      };
    }

    /** Opens a session on VM {@code vmId} as IM describes it. */
    SshSession connect(Connection c, Infrastructure inf, String vmId) {
      VmInfo info = inf.vm(vmId).info();
      SshTarget target = SshTarget.of(info);
      SshSession.Builder b = SshSession.builder().target(target).hostKeys(policy());
      if (sshWait > 0) {
        b.waitUntilReady(Duration.ofSeconds(sshWait));
      }
      return b.connect();
    }

    static boolean showOnly(String flag) {
      if (!flag.equals("0") && !flag.equals("1")) {
        throw new OperationFailure("The show_only flag must be 0 or 1");
      }
      return flag.equals("1");
    }

    /** Prints the OpenSSH command im_client would run (credentials masked unless --show-secrets). */
    void printCommand(SshTarget t, String program, List<String> rest) {
      List<String> parts = new ArrayList<>();
      if (t.privateKeys().isEmpty() && !t.passwords().isEmpty()) {
        parts.add("sshpass");
        parts.add("-p" + (opts.showSecrets ? t.passwords().get(0) : Secrets.MASK));
      }
      parts.add(program);
      parts.add(program.equals("scp") ? "-P" : "-p");
      parts.add(Integer.toString(t.port()));
      if (!t.privateKeys().isEmpty()) {
        parts.add("-i");
        parts.add("<the VM's private key from IM>");
      }
      parts.addAll(List.of("-o", "UserKnownHostsFile=/dev/null", "-o", "StrictHostKeyChecking=no"));
      t.jumpHost().ifPresent(j -> parts.add("-o 'ProxyCommand=ssh -W %h:%p -p " + j.port() + " " + j.user() + "@"
          + j.host() + "'"));
      parts.addAll(rest);
      out.println(String.join(" ", parts));
    }
  }

  /** ssh and sshvm. */
  abstract static class ShellOp extends SshOp {
    int shell(Connection c, Infrastructure inf, String vmId, String show, List<String> command) {
      if (show != null && showOnly(show)) {
        SshTarget t = SshTarget.of(inf.vm(vmId).info());
        List<String> rest = new ArrayList<>();
        rest.add(t.user() + "@" + t.host());
        rest.addAll(command);
        printCommand(t, "ssh", rest);
        return 0;
      }
      try (SshSession ssh = connect(c, inf, vmId)) {
        if (!command.isEmpty()) {
          return ssh.run(String.join(" ", command), cli.in, out, cli.err, Duration.ofDays(1));
        }
        return Terminal.shell(ssh, cli, Duration.ofDays(1));
      }
    }
  }

  @Command(name = "ssh", description = "Open a shell on VM 0 (or run a command there); show_only 1 prints the "
      + "ssh command instead")
  static final class SshInfOp extends ShellOp {
    @Parameters(index = "0", arity = "0..1", paramLabel = "inf_id")
    String infId;
    @Parameters(index = "1", arity = "0..1", paramLabel = "show_only")
    String show;
    @Parameters(index = "2..*", arity = "0..*", paramLabel = "cmd")
    List<String> command = new ArrayList<>();

    @Override
    boolean run(Connection c) {
      throw new ExitCode(shell(c, infrastructure(c, infId), "0", show, command));
    }
  }

  @Command(name = "sshvm", description = "Open a shell on a VM (or run a command there)")
  static final class SshVmOp extends ShellOp {
    @Parameters(index = "0", arity = "0..1", paramLabel = "inf_id")
    String infId;
    @Parameters(index = "1", arity = "0..1", paramLabel = "vm_id")
    String vmId;
    @Parameters(index = "2", arity = "0..1", paramLabel = "show_only")
    String show;
    @Parameters(index = "3..*", arity = "0..*", paramLabel = "cmd")
    List<String> command = new ArrayList<>();

    @Override
    boolean run(Connection c) {
      Infrastructure inf = infrastructure(c, infId);
      throw new ExitCode(shell(c, inf, required(vmId, "VM ID to get info not specified"), show, command));
    }
  }

  /** get, put, getvm and putvm: {@code <show_only> <orig> <dest>}. */
  abstract static class CopyOp extends SshOp {
    abstract boolean upload();

    boolean copy(Connection c, Infrastructure inf, String vmId, String show, List<String> paths) {
      String name = upload() ? "put" : "get";
      if (show == null || paths.size() != 2) {
        throw new OperationFailure(name + " must have 2 arguments");
      }
      if (showOnly(show)) {
        SshTarget t = SshTarget.of(inf.vm(vmId).info());
        String remote = t.user() + "@" + t.host() + ":";
        printCommand(t, "scp", upload() ? List.of("-r", paths.get(0), remote + paths.get(1))
            : List.of("-r", remote + paths.get(0), paths.get(1)));
        return true;
      }
      try (SshSession ssh = connect(c, inf, vmId)) {
        if (upload()) {
          ssh.upload(cli.workDir.resolve(paths.get(0)), paths.get(1));
        } else {
          ssh.download(paths.get(0), cli.workDir.resolve(paths.get(1)));
        }
      }
      return true;
    }
  }

  /** {@code put}/{@code get}: copy to or from VM 0; the arguments are declared once, the direction by subclass. */
  abstract static class Vm0CopyOp extends CopyOp {
    @Parameters(index = "0", arity = "0..1", paramLabel = "inf_id")
    String infId;
    @Parameters(index = "1", arity = "0..1", paramLabel = "show_only")
    String show;
    @Parameters(index = "2..*", arity = "0..*", paramLabel = "orig dest")
    List<String> paths = new ArrayList<>();

    @Override
    boolean run(Connection c) {
      return copy(c, infrastructure(c, infId), "0", show, paths);
    }
  }

  /** {@code putvm}/{@code getvm}: copy to or from a given VM. */
  abstract static class VmCopyOp extends CopyOp {
    @Parameters(index = "0", arity = "0..1", paramLabel = "inf_id")
    String infId;
    @Parameters(index = "1", arity = "0..1", paramLabel = "vm_id")
    String vmId;
    @Parameters(index = "2", arity = "0..1", paramLabel = "show_only")
    String show;
    @Parameters(index = "3..*", arity = "0..*", paramLabel = "orig dest")
    List<String> paths = new ArrayList<>();

    @Override
    boolean run(Connection c) {
      Infrastructure inf = infrastructure(c, infId);
      return copy(c, inf, required(vmId, "VM ID to get info not specified"), show, paths);
    }
  }

  @Command(name = "put", description = "Copy a local file to VM 0: put <inf_id> <show_only> <orig> <dest>")
  static final class PutOp extends Vm0CopyOp {
    @Override
    boolean upload() {
      return true;
    }
  }

  @Command(name = "get", description = "Copy a file of VM 0 here: get <inf_id> <show_only> <orig> <dest>")
  static final class GetOp extends Vm0CopyOp {
    @Override
    boolean upload() {
      return false;
    }
  }

  @Command(name = "putvm", description = "Copy a local file to a VM: putvm <inf_id> <vm_id> <show_only> <orig> <dest>")
  static final class PutVmOp extends VmCopyOp {
    @Override
    boolean upload() {
      return true;
    }
  }

  @Command(name = "getvm", description = "Copy a file of a VM here: getvm <inf_id> <vm_id> <show_only> <orig> <dest>")
  static final class GetVmOp extends VmCopyOp {
    @Override
    boolean upload() {
      return false;
    }
  }

  /** The remote command's exit status, which becomes this process's, as with im_client's exec of ssh. */
  static final class ExitCode extends RuntimeException {
    private static final long serialVersionUID = 1L;
    final int code;

    ExitCode(int code) {
      super(null, null, false, false);
      this.code = code;
    }
  }

  static boolean isSshFailure(RuntimeException e) {
    return e instanceof SshException;
  }
}
