package io.github.imsdk.examples;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.github.imsdk.core.Infrastructure;
import io.github.imsdk.core.InfrastructureId;
import io.github.imsdk.core.InfrastructureState;
import io.github.imsdk.core.State;
import io.github.imsdk.core.Template;
import io.github.imsdk.core.Vm;
import io.github.imsdk.core.VmInfo;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The {@code im_client}-style commands: list, create, getstate, getinfo, getvminfo, getoutputs, getcontmsg, wait,
 * destroy. Output follows the Python client's wording; {@code --json} prints one JSON document instead.
 */
final class ClientCommands {

  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
  private static final List<String> SECRET_KEYS = List.of("password", "private_key", "token", "secret");

  private final Args args;
  private final PrintStream out;
  private final boolean json;

  ClientCommands(Args args, PrintStream out) {
    this.args = args;
    this.out = out;
    this.json = args.flag("json");
  }

  int run(String command, Connection c) {
    return switch (command) {
      case "list" -> list(c);
      case "create" -> create(c);
      case "getstate" -> getState(c);
      case "getinfo" -> getInfo(c);
      case "getvminfo" -> getVmInfo(c);
      case "getoutputs" -> getOutputs(c);
      case "getcontmsg" -> getContmsg(c);
      case "wait" -> waitFor(c);
      case "destroy" -> destroy(c);
      default -> throw new UsageException("unknown command " + command);
    };
  }

  private Infrastructure infrastructure(Connection c) {
    return c.im.infrastructure(InfrastructureId.of(args.required(0, "infrastructure id")));
  }

  private int list(Connection c) {
    List<InfrastructureId> ids = c.im.infrastructures().list();
    if (json) {
      List<String> values = new ArrayList<>();
      ids.forEach(id -> values.add(id.value()));
      print(Map.of("infrastructures", values));
    } else if (ids.isEmpty()) {
      out.println("No Infrastructures.");
    } else {
      out.println("Infrastructure IDs: ");
      ids.forEach(id -> out.println("  " + id));
    }
    return 0;
  }

  private int create(Connection c) {
    Path file = Path.of(args.required(0, "template file"));
    String content;
    try {
      content = Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the template " + file, e);
    }
    String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
    Template template = name.endsWith(".yaml") || name.endsWith(".yml") ? Template.tosca(content)
        : name.endsWith(".json") || name.endsWith(".jsn") ? Template.radlJson(content) : Template.radl(content);
    InfrastructureId id = c.im.infrastructures().create(template);
    if (json) {
      print(Map.of("id", id.value()));
    } else {
      out.println("Infrastructure successfully created with ID: " + id);
    }
    return 0;
  }

  private int getState(Connection c) {
    InfrastructureState s = infrastructure(c).state();
    if (json) {
      Map<String, Object> vms = new LinkedHashMap<>();
      s.vmStates().forEach((k, v) -> vms.put(k, v.wire()));
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("state", s.rawState());
      m.put("vm_states", vms);
      print(Map.of("state", m));
    } else {
      out.println("The infrastructure is in state: " + s.rawState());
      s.vmStates().forEach((vm, st) -> out.println("VM ID: " + vm + " is in state: " + st.wire() + "."));
    }
    return 0;
  }

  private int getInfo(Connection c) {
    Infrastructure inf = infrastructure(c);
    Map<String, Object> all = new LinkedHashMap<>();
    for (Vm vm : inf.vms()) {
      VmInfo info = vm.info();
      if (json) {
        all.put(vm.id(), masked(info.properties()));
      } else {
        out.println("Info about VM with ID: " + vm.id());
        printProperties(info.properties());
      }
    }
    if (json) {
      print(all);
    }
    return 0;
  }

  private int getVmInfo(Connection c) {
    Vm vm = infrastructure(c).vm(args.required(1, "vm id"));
    if (args.positional().size() > 2) {
      String attr = args.positional().get(2);
      String value = vm.property(attr);
      String shown = isSecret(attr) && !args.flag("show-secrets") ? "********" : value;
      if (json) {
        print(Map.of(attr, shown));
      } else {
        out.println(shown);
      }
      return 0;
    }
    VmInfo info = vm.info();
    if (json) {
      print(masked(info.properties()));
    } else {
      printProperties(info.properties());
    }
    return 0;
  }

  private int getOutputs(Connection c) {
    Map<String, Object> outputs = infrastructure(c).outputs().asMap();
    Map<String, Object> shown = masked(outputs);
    if (json) {
      print(Map.of("outputs", shown));
    } else {
      out.println("The infrastructure outputs:");
      out.println();
      shown.forEach((k, v) -> out.println(k + " = " + v));
    }
    return 0;
  }

  private int getContmsg(Connection c) {
    String msg = infrastructure(c).contmsg();
    if (json) {
      print(Map.of("contmsg", msg));
    } else {
      out.println("Msg Contextualizator: ");
      out.println();
      out.println(msg);
    }
    return 0;
  }

  private int waitFor(Connection c) {
    Infrastructure inf = infrastructure(c);
    Duration max = Duration.ofSeconds(args.positional().size() > 1 ? parseLong(args.positional().get(1)) : 36000);
    Instant start = Instant.now();
    Duration interval = Duration.ofMillis(500);
    InfrastructureState s;
    int unknown = 0;
    while (true) {
      s = inf.state();
      State st = s.state();
      if (st == State.UNKNOWN) {
        unknown++;
      }
      boolean keepWaiting = (st == State.PENDING || st == State.RUNNING || st == State.UNKNOWN) && unknown < 3;
      if (!keepWaiting || Duration.between(start, Instant.now()).compareTo(max) >= 0) {
        break;
      }
      sleep(interval);
      interval = interval.multipliedBy(2).compareTo(Duration.ofSeconds(30)) > 0 ? Duration.ofSeconds(30)
          : interval.multipliedBy(2);
    }
    boolean ok = s.isConfigured();
    boolean timedOut = s.state().isTransient() && s.state() != State.UNKNOWN;
    if (json) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("state", s.rawState());
      m.put("configured", ok);
      print(m);
    } else if (ok) {
      out.println("The infrastructure is in state: " + s.rawState());
    } else {
      out.println(timedOut ? "Timeout waiting." : "The infrastructure is in state: " + s.rawState());
    }
    return ok ? 0 : 1;
  }

  private int destroy(Connection c) {
    Infrastructure inf = infrastructure(c);
    inf.destroy();
    if (json) {
      print(Map.of("destroyed", inf.id().value()));
    } else {
      out.println("Infrastructure successfully destroyed");
    }
    return 0;
  }

  private static long parseLong(String s) {
    try {
      return Long.parseLong(s.trim());
    } catch (NumberFormatException e) {
      throw new UsageException("max_time must be a number of seconds, not '" + s + "'");
    }
  }

  private static void sleep(Duration d) {
    try {
      Thread.sleep(d.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new UsageException("interrupted");
    }
  }

  private void printProperties(Map<String, Object> props) {
    masked(props).forEach((k, v) -> out.println("  " + k + " = " + v));
  }

  private Map<String, Object> masked(Map<String, Object> values) {
    Map<String, Object> out = new LinkedHashMap<>();
    values.forEach((k, v) -> out.put(k, maskValue(k, v)));
    return out;
  }

  @SuppressWarnings("unchecked")
  private Object maskValue(String key, Object v) {
    if (args.flag("show-secrets")) {
      return v;
    }
    if (v instanceof Map<?, ?> m) {
      return masked((Map<String, Object>) m);
    }
    return isSecret(key) && v != null ? "********" : v;
  }

  private static boolean isSecret(String key) {
    String k = key.toLowerCase(Locale.ROOT);
    return SECRET_KEYS.stream().anyMatch(k::contains);
  }

  private void print(Object value) {
    try {
      out.println(JSON.writeValueAsString(value));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write JSON", e);
    }
  }
}
