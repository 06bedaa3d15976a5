package io.github.imsdk.testing.internal;

import io.github.imsdk.auth.AuthLine;
import io.github.imsdk.testing.VmSshAccess;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Creates VMs: their state timeline from the timings, an injected outcome if a fault asks for one, addresses in
 * 127.0.0.0/8 (public 127.0.x.y, private 127.100.x.y), and a generated password. Called under the engine's lock.
 */
final class Launcher {

  private static final String PASSWORD_CHARS = "abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";

  private final Settings settings;
  private final List<Engine.FaultRule> faults;
  private final SecureRandom random = new SecureRandom();
  private int nextPublicIp = 1;
  private int nextPrivateIp = 1;

  Launcher(Settings settings, List<Engine.FaultRule> faults) {
    this.settings = settings;
    this.faults = faults;
  }

  /** Creates one VM of {@code sys} in {@code inf}, with addresses, credentials and its state timeline. */
  Model.Vm launch(Model.Infra inf, Radl.Aspect sys, Radl doc, AuthLine cloud, boolean async,
      boolean contextualize) {
    Instant now = settings.clock().instant();
    Model.Vm vm = new Model.Vm(inf.vms.size(), sys.id);
    vm.system = sys.copy();
    vm.system.bare = false;
    vm.createdAt = now;
    // After an asynchronous create IM 1.19.2 lists the VMs only once it has launched them (not in the adding
    // window); 2.0 registers them earlier, as soon as they leave pending.
    Duration hidden = settings.imV2() || settings.pending().compareTo(settings.adding()) > 0 ? settings.pending()
        : settings.adding();
    vm.visibleAt = async ? now.plus(hidden) : now;
    vm.runningAt = now.plus(settings.pending());
    // A VM added with context=0 is never contextualized: it stays running (IM does the same).
    boolean ctxt = contextualize;
    vm.doneAt = ctxt ? vm.runningAt.plus(inf.ctxtDisabled ? Duration.ZERO : settings.configure()) : null;
    for (Engine.FaultRule f : faults) {
      if (f.vmOutcome() != null) {
        synchronized (f.remaining()) {
          if (f.remaining()[0] != 0) {
            if (f.remaining()[0] > 0) {
              f.remaining()[0]--;
            }
            vm.outcome = f.vmOutcome();
            break;
          }
        }
      }
    }
    vm.cloudId = cloud.id().orElse(cloud.type());
    if (settings.cloud(vm.cloudId).failsVms()) {
      vm.outcome = io.github.imsdk.core.State.FAILED;
    }
    vm.cloudType = cloud.type();
    for (int i = 0; vm.system.string("net_interface." + i + ".connection") != null; i++) {
      String netId = vm.system.string("net_interface." + i + ".connection");
      Radl.Aspect net = doc.get("network", netId).or(() -> inf.radl.get("network", netId))
          .orElseGet(() -> new Radl.Aspect("network", netId));
      if (vm.networks.stream().noneMatch(n -> n.id.equals(netId))) {
        vm.networks.add(net.copy());
      }
      boolean pub = "yes".equals(net.string("outbound"));
      String ip = pub ? address(0, nextPublicIp++) : address(100, nextPrivateIp++);
      if (pub && vm.publicIp == null) {
        vm.publicIp = ip;
      } else if (!pub && vm.privateIp == null) {
        vm.privateIp = ip;
      }
      vm.system.set("net_interface." + i + ".ip", ip);
      if (vm.system.string("net_interface." + i + ".dns_name") == null && i == 0) {
        vm.system.set("net_interface.0.dns_name", "vnode-" + vm.id);
      } else if (vm.system.string("net_interface." + i + ".dns_name") != null) {
        vm.system.set("net_interface." + i + ".dns_name",
            vm.system.string("net_interface." + i + ".dns_name").replace("#N#", String.valueOf(vm.id)));
      }
    }
    vm.username = Optional.ofNullable(vm.system.string("disk.0.os.credentials.username")).orElse("cloudadm");
    vm.password = password();
    vm.system.set("disk.0.os.credentials.username", vm.username);
    vm.system.set("disk.0.os.credentials.password", vm.password);
    if (settings.vmSshAccess() != null) {
      standFor(vm, settings.vmSshAccess());
    }
    vm.system.set("provider.type", cloud.type());
    vm.system.set("instance_id", inf.id.substring(0, 8) + "-" + vm.id);
    inf.vms.add(vm);
    return vm;
  }

  /**
   * Points the VM's first public interface at a real SSH server: its IP, a mapping of the server's port to the VM's
   * port 22 on that network (appended, so IM's "last mapping to 22 wins" picks it), and its credentials.
   */
  private static void standFor(Model.Vm vm, VmSshAccess access) {
    for (int i = 0; vm.system.string("net_interface." + i + ".connection") != null; i++) {
      String netId = vm.system.string("net_interface." + i + ".connection");
      Radl.Aspect net = vm.networks.stream().filter(n -> n.id.equals(netId)).findFirst().orElse(null);
      if (net == null || !"yes".equals(net.string("outbound"))) {
        continue;
      }
      vm.system.set("net_interface." + i + ".ip", access.ip());
      vm.publicIp = access.ip();
      String mapping = access.port() + "/tcp-22/tcp";
      String outports = net.string("outports");
      net.set("outports", outports == null || outports.isBlank() ? mapping : outports + "," + mapping);
      vm.username = access.username();
      vm.password = access.password().orElse(null);
      vm.system.set("disk.0.os.credentials.username", access.username());
      vm.system.remove("disk.0.os.credentials.password");
      access.password().ifPresent(p -> vm.system.set("disk.0.os.credentials.password", p));
      access.privateKey().ifPresent(k -> vm.system.set("disk.0.os.credentials.private_key", k));
      return;
    }
  }

  /** Returns an address in 127.0.0.0/8: never a private or public range. */
  private static String address(int second, int n) {
    return "127." + second + "." + (n / 254 % 256) + "." + (n % 254 + 1);
  }

  private String password() {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < 12; i++) {
      sb.append(PASSWORD_CHARS.charAt(random.nextInt(PASSWORD_CHARS.length())));
    }
    return sb.toString();
  }
}
