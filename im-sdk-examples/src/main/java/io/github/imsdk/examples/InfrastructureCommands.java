package io.github.imsdk.examples;

import io.github.imsdk.core.CreateOptions;
import io.github.imsdk.core.DestroyOptions;
import io.github.imsdk.core.Infrastructure;
import io.github.imsdk.core.InfrastructureId;
import io.github.imsdk.core.InfrastructureState;
import io.github.imsdk.core.Template;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** im_client's operations on a whole infrastructure: list, create, destroy, the getters, start and stop. */
final class InfrastructureCommands {

  private static final Pattern DESCRIPTION_NAME =
      Pattern.compile("description\\s+\\S+\\s*\\([^)]*?\\bname\\s*=\\s*'([^']*)'", Pattern.DOTALL);

  private InfrastructureCommands() {}

  /** Reads a template file and types it by extension, as im_client does (.yaml/.yml TOSCA, .json/.jsn RADL-JSON). */
  static Template readTemplate(String file, String missing) {
    Path path = Path.of(required(file, missing));
    if (!Files.isRegularFile(path)) {
      throw new OperationFailure("RADL file '" + file + "' does not exist");
    }
    String content;
    try {
      content = Files.readString(path);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + path, e);
    }
    String name = path.getFileName().toString().toLowerCase(Locale.ROOT);
    return name.endsWith(".yaml") || name.endsWith(".yml") ? Template.tosca(content)
        : name.endsWith(".json") || name.endsWith(".jsn") ? Template.radlJson(content) : Template.radl(content);
  }

  private static String required(String value, String message) {
    return ImOperation.required(value, message);
  }

  @Command(name = "list", description = "List the infrastructures (those whose RADL/TOSCA matches the regex)")
  static final class ListOp extends ImOperation {
    @Parameters(index = "0", arity = "0..1", paramLabel = "filter", description = "a regular expression")
    String filter;

    @Override
    String failure() {
      return "ERROR listing then infrastructures";
    }

    @Override
    boolean run(Connection c) {
      List<InfrastructureId> ids = filter == null ? c.im.infrastructures().list() : c.im.infrastructures().list(filter);
      if (ids.isEmpty()) {
        if (!opts.quiet) {
          out.println("No Infrastructures.");
        }
        return true;
      }
      if (opts.name) {
        Map<String, Object> names = new LinkedHashMap<>();
        for (InfrastructureId id : ids) {
          names.put(id.value(), nameOf(c.im.infrastructure(id)));
        }
        if (opts.quiet) {
          out.println(PyFormat.jsonIndented(names));
        } else {
          out.println("Infrastructure ID                       Name");
          out.println("====================================    ====");
          names.forEach((id, name) -> out.println(id + "    " + name));
        }
      } else if (opts.quiet) {
        List<Object> values = new ArrayList<>();
        ids.forEach(id -> values.add(id.value()));
        out.println(PyFormat.jsonIndented(values));
      } else {
        StringBuilder sb = new StringBuilder("Infrastructure IDs: ");
        ids.forEach(id -> sb.append("\n  ").append(id.value()));
        out.println(sb);
      }
      return true;
    }

    private static String nameOf(Infrastructure inf) {
      try {
        Matcher m = DESCRIPTION_NAME.matcher(inf.radl());
        return m.find() ? m.group(1) : "N/A";
      } catch (io.github.imsdk.ImException e) {
        return "N/A";
      }
    }
  }

  @Command(name = "create", description = "Create an infrastructure (asynchronously, as im_client does)")
  static final class CreateOp extends ImOperation {
    @Parameters(index = "0", arity = "0..1", paramLabel = "radl_file", description = "RADL, RADL-JSON or TOSCA file")
    String file;
    @Parameters(index = "1", arity = "0..1", paramLabel = "async_flag",
        description = "1 (default): IM answers before the VMs are launched; 0: after")
    String async;

    @Override
    String failure() {
      return "ERROR creating the infrastructure";
    }

    @Override
    boolean quietHidesFailure() {
      return true;
    }

    @Override
    boolean run(Connection c) {
      Template template = readTemplate(file, "RADL file not specified");
      boolean asyncLaunch = async == null || flag(async, "async");
      InfrastructureId id = c.im.infrastructures().create(template, new CreateOptions(asyncLaunch));
      if (!opts.quiet) {
        out.println("Infrastructure successfully created with ID: " + id.value());
      }
      return true;
    }
  }

  @Command(name = "destroy", description = "Destroy an infrastructure (-f forces it)")
  static final class DestroyOp extends ImOperation {
    @Parameters(index = "0", arity = "0..1", paramLabel = "inf_id")
    String infId;

    @Override
    String failure() {
      return "ERROR destroying the infrastructure";
    }

    @Override
    boolean run(Connection c) {
      infrastructure(c, infId).destroy(DestroyOptions.defaults().withForce(opts.force));
      if (!opts.quiet) {
        out.println("Infrastructure successfully destroyed");
      }
      return true;
    }
  }

  @Command(name = "getstate", description = "Print the state of the infrastructure and of each VM")
  static final class GetStateOp extends ImOperation {
    @Parameters(index = "0", arity = "0..1", paramLabel = "inf_id")
    String infId;

    @Override
    String failure() {
      return "Error getting infrastructure state";
    }

    @Override
    boolean run(Connection c) {
      InfrastructureState s = infrastructure(c, infId).state();
      if (opts.quiet) {
        Map<String, Object> vms = new LinkedHashMap<>();
        s.vmStates().forEach((k, v) -> vms.put(k, v.wire()));
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("state", s.rawState());
        m.put("vm_states", vms);
        out.println(PyFormat.jsonIndented(m));
      } else {
        out.println("The infrastructure is in state: " + s.rawState());
        s.vmStates().forEach((vm, st) -> out.println("VM ID: " + vm + " is in state: " + st.wire() + "."));
      }
      return true;
    }
  }

  @Command(name = "getoutputs", description = "Print the TOSCA outputs")
  static final class GetOutputsOp extends ImOperation {
    @Parameters(index = "0", arity = "0..1", paramLabel = "inf_id")
    String infId;

    @Override
    String failure() {
      return "ERROR getting the infrastructure outputs";
    }

    @Override
    boolean run(Connection c) {
      Map<String, Object> outputs = secrets().map(infrastructure(c, infId).outputs().asMap());
      if (opts.quiet) {
        out.println(PyFormat.jsonIndented(outputs));
      } else {
        out.println("The infrastructure outputs:");
        out.println();
        outputs.forEach((k, v) -> out.println(k + " = " + PyFormat.str(v)));
      }
      return true;
    }
  }

  @Command(name = "getcontmsg", description = "Print the contextualization log")
  static final class GetContMsgOp extends ImOperation {
    @Parameters(index = "0", arity = "0..1", paramLabel = "inf_id")
    String infId;

    @Override
    String failure() {
      return "Error getting infrastructure contextualization message";
    }

    @Override
    boolean run(Connection c) {
      String msg = infrastructure(c, infId).contmsg();
      if (!msg.isEmpty()) {
        if (!opts.quiet) {
          out.println("Msg Contextualizator: ");
          out.println();
        }
        out.println(msg);
      } else if (!opts.quiet) {
        out.println("No Msg Contextualizator avaliable");
        out.println();
      }
      return true;
    }
  }

  @Command(name = "getradl", description = "Print the infrastructure's RADL")
  static final class GetRadlOp extends ImOperation {
    @Parameters(index = "0", arity = "0..1", paramLabel = "inf_id")
    String infId;

    @Override
    String failure() {
      return "ERROR getting the infrastructure RADL";
    }

    @Override
    boolean run(Connection c) {
      out.println(secrets().radl(infrastructure(c, infId).radl()));
      return true;
    }
  }

  @Command(name = "start", description = "Start every VM of the infrastructure")
  static final class StartOp extends ImOperation {
    @Parameters(index = "0", arity = "0..1", paramLabel = "inf_id")
    String infId;

    @Override
    String failure() {
      return "ERROR starting the infraestructure";
    }

    @Override
    boolean run(Connection c) {
      infrastructure(c, infId).start();
      if (!opts.quiet) {
        out.println("Infrastructure successfully started");
      }
      return true;
    }
  }

  @Command(name = "stop", description = "Stop every VM of the infrastructure")
  static final class StopOp extends ImOperation {
    @Parameters(index = "0", arity = "0..1", paramLabel = "inf_id")
    String infId;

    @Override
    String failure() {
      return "ERROR stopping the infrastructure";
    }

    @Override
    boolean run(Connection c) {
      infrastructure(c, infId).stop();
      if (!opts.quiet) {
        out.println("Infrastructure successfully stopped");
      }
      return true;
    }
  }
}
