package io.github.imsdk.examples;

import io.github.imsdk.core.Infrastructure;
import io.github.imsdk.core.Vm;
import io.github.imsdk.core.VmInfo;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** im_client's operations on VMs: getinfo, getvminfo, getvmcontmsg, startvm, stopvm, rebootvm. */
final class VmCommands {

  private VmCommands() {}

  /**
   * Returns what im_client prints for a VM: its RADL, or one feature of it. With {@code -s}, a VM of another system
   * gives "" (im_client then prints nothing for it).
   */
  static String vmInfo(Vm vm, String attribute, String systemName, Secrets secrets) {
    if (systemName == null && attribute != null) {
      String value = vm.property(attribute);
      return Secrets.isSecret(attribute) ? String.valueOf(secrets.value(attribute, value)) : value;
    }
    VmInfo info = vm.info();
    if (systemName != null && !systemName.equals(info.systemName())) {
      return "";
    }
    if (attribute != null) {
      return info.property(attribute).map(v -> PyFormat.str(secrets.value(attribute, v))).orElse("None");
    }
    return secrets.radl(VmRadl.text(info));
  }

  @Command(name = "getinfo", description = "Print the RADL (or one feature) of every VM")
  static final class GetInfoOp extends ImOperation {
    @Parameters(index = "0", arity = "0..1", paramLabel = "inf_id")
    String infId;
    @Parameters(index = "1", arity = "0..1", paramLabel = "radl_attribute")
    String attribute;

    @Override
    String failure() {
      return "ERROR getting the information about infrastructure";
    }

    @Override
    boolean run(Connection c) {
      Infrastructure inf = infrastructure(c, infId);
      for (Vm vm : inf.vms()) {
        if (!opts.quiet) {
          out.println("Info about VM with ID: " + vm.id());
        }
        try {
          String info = vmInfo(vm, attribute, opts.systemName, secrets());
          if (opts.systemName == null || !info.isEmpty()) {
            out.println(info);
          }
        } catch (io.github.imsdk.ImException e) {
          out.println("ERROR getting the information about the VM: " + e.getMessage());
        }
      }
      return true;
    }
  }

  @Command(name = "getvminfo", description = "Print a VM's RADL, or one feature of it")
  static final class GetVmInfoOp extends ImOperation {
    @Parameters(index = "0", arity = "0..1", paramLabel = "inf_id")
    String infId;
    @Parameters(index = "1", arity = "0..1", paramLabel = "vm_id")
    String vmId;
    @Parameters(index = "2", arity = "0..1", paramLabel = "radl_attribute")
    String attribute;

    @Override
    String failure() {
      return "ERROR getting the VM info";
    }

    @Override
    boolean run(Connection c) {
      Infrastructure inf = infrastructure(c, infId);
      Vm vm = inf.vm(required(vmId, "VM ID not specified"));
      out.println(vmInfo(vm, attribute, null, secrets()));
      return true;
    }
  }

  @Command(name = "getvmcontmsg", description = "Print a VM's contextualization log")
  static final class GetVmContMsgOp extends ImOperation {
    @Parameters(index = "0", arity = "0..1", paramLabel = "inf_id")
    String infId;
    @Parameters(index = "1", arity = "0..1", paramLabel = "vm_id")
    String vmId;

    @Override
    String failure() {
      return "Error getting VM contextualization message";
    }

    @Override
    boolean run(Connection c) {
      Infrastructure inf = infrastructure(c, infId);
      out.println(inf.vm(required(vmId, "VM ID not specified")).contmsg());
      return true;
    }
  }

  /** startvm, stopvm and rebootvm. */
  abstract static class VmOp extends ImOperation {
    @Parameters(index = "0", arity = "0..1", paramLabel = "inf_id")
    String infId;
    @Parameters(index = "1", arity = "0..1", paramLabel = "vm_id")
    String vmId;

    abstract void apply(Vm vm);

    abstract String done();

    @Override
    boolean run(Connection c) {
      Infrastructure inf = infrastructure(c, infId);
      apply(inf.vm(required(vmId, "VM ID not specified")));
      if (!opts.quiet) {
        out.println(done());
      }
      return true;
    }
  }

  @Command(name = "startvm", description = "Start a VM")
  static final class StartVmOp extends VmOp {
    @Override
    void apply(Vm vm) {
      vm.start();
    }

    @Override
    String done() {
      return "VM successfully started";
    }

    @Override
    String failure() {
      return "Error starting VM";
    }
  }

  @Command(name = "stopvm", description = "Stop a VM")
  static final class StopVmOp extends VmOp {
    @Override
    void apply(Vm vm) {
      vm.stop();
    }

    @Override
    String done() {
      return "VM successfully stopped";
    }

    @Override
    String failure() {
      return "Error stopping VM";
    }
  }

  @Command(name = "rebootvm", description = "Reboot a VM")
  static final class RebootVmOp extends VmOp {
    @Override
    void apply(Vm vm) {
      vm.reboot();
    }

    @Override
    String done() {
      return "VM successfully rebooted";
    }

    @Override
    String failure() {
      return "Error rebooting VM";
    }
  }
}
