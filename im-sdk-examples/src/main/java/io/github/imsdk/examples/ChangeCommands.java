package io.github.imsdk.examples;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.imsdk.auth.AuthFile;
import io.github.imsdk.auth.AuthLine;
import io.github.imsdk.core.Contextualization;
import io.github.imsdk.core.Infrastructure;
import io.github.imsdk.core.InfrastructureId;
import io.github.imsdk.core.Template;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** im_client's operations that change an infrastructure: add/remove resources, alter, reconfigure, export/import. */
final class ChangeCommands {

  private ChangeCommands() {}

  private static Contextualization context(String flag) {
    if (flag == null) {
      return Contextualization.RUN;
    }
    if (!flag.equals("0") && !flag.equals("1")) {
      throw new OperationFailure("The ctxt flag must be 0 or 1");
    }
    return flag.equals("1") ? Contextualization.RUN : Contextualization.SKIP;
  }

  /** im_client's {@code int(vm_id)} over a comma-separated list. */
  static List<String> vmList(String list) {
    List<String> ids = new ArrayList<>();
    for (String part : list.split(",")) {
      try {
        ids.add(Integer.toString(Integer.parseInt(part.trim())));
      } catch (NumberFormatException e) {
        throw new OperationFailure("invalid literal for int() with base 10: '" + part + "'");
      }
    }
    return ids;
  }

  @Command(name = "addresource", description = "Add the resources of a RADL/TOSCA file to an infrastructure")
  static final class AddResourceOp extends ImOperation {
    @Parameters(index = "0", arity = "0..1", paramLabel = "inf_id")
    String infId;
    @Parameters(index = "1", arity = "0..1", paramLabel = "radl_file")
    String file;
    @Parameters(index = "2", arity = "0..1", paramLabel = "ctxt_flag", description = "0: do not re-contextualize")
    String ctxt;

    @Override
    String failure() {
      return "ERROR adding resources to infrastructure";
    }

    @Override
    boolean run(Connection c) {
      Infrastructure inf = infrastructure(c, infId);
      Template template = InfrastructureCommands.readTemplate(file, "RADL file not specified");
      List<String> ids = inf.addResources(template, context(ctxt));
      if (opts.quiet) {
        out.println(PyFormat.jsonIndented(ids));
      } else {
        out.println("Resources with IDs: " + String.join(",", ids) + " successfully added.");
      }
      return true;
    }
  }

  @Command(name = "removeresource", description = "Remove VMs (a comma-separated list) from an infrastructure")
  static final class RemoveResourceOp extends ImOperation {
    @Parameters(index = "0", arity = "0..1", paramLabel = "inf_id")
    String infId;
    @Parameters(index = "1", arity = "0..1", paramLabel = "vm_id")
    String vms;
    @Parameters(index = "2", arity = "0..1", paramLabel = "ctxt_flag", description = "0: do not re-contextualize")
    String ctxt;

    @Override
    String failure() {
      return "ERROR deleting resources from the infrastructure";
    }

    @Override
    boolean run(Connection c) {
      Infrastructure inf = infrastructure(c, infId);
      List<String> ids = vmList(required(vms, "VM ID to remove not specified"));
      inf.removeVms(ids, context(ctxt));
      if (!opts.quiet) {
        out.println("Resources with IDs: " + String.join(",", ids) + " successfully deleted.");
      }
      return true;
    }
  }

  @Command(name = "alter", description = "Change a VM's features from a RADL file")
  static final class AlterOp extends ImOperation {
    @Parameters(index = "0", arity = "0..1", paramLabel = "inf_id")
    String infId;
    @Parameters(index = "1", arity = "0..1", paramLabel = "vm_id")
    String vmId;
    @Parameters(index = "2", arity = "0..1", paramLabel = "radl_file")
    String file;

    @Override
    String failure() {
      return "ERROR modifying the VM";
    }

    @Override
    boolean run(Connection c) {
      Infrastructure inf = infrastructure(c, infId);
      String vm = required(vmId, "VM ID not specified");
      inf.vm(vm).alter(InfrastructureCommands.readTemplate(file, "RADL file not specified"));
      if (!opts.quiet) {
        out.println("VM successfully modified.");
      }
      return true;
    }
  }

  @Command(name = "reconfigure", description = "Re-run contextualization, optionally with a new RADL and on some VMs")
  static final class ReconfigureOp extends ImOperation {
    @Parameters(index = "0", arity = "0..1", paramLabel = "inf_id")
    String infId;
    @Parameters(index = "1", arity = "0..1", paramLabel = "radl_file")
    String file;
    @Parameters(index = "2", arity = "0..1", paramLabel = "vm_list", description = "comma-separated VM ids")
    String vms;

    @Override
    String failure() {
      return "ERROR reconfiguring the infrastructure";
    }

    @Override
    boolean run(Connection c) {
      Infrastructure inf = infrastructure(c, infId);
      Template template = file == null ? null : InfrastructureCommands.readTemplate(file, "RADL file not specified");
      if (vms != null) {
        inf.reconfigure(template, vmList(vms));
      } else if (template != null) {
        inf.reconfigure(template);
      } else {
        inf.reconfigure();
      }
      if (!opts.quiet) {
        out.println("Infrastructure successfully reconfigured.");
      }
      return true;
    }
  }

  @Command(name = "export", description = "Print the infrastructure's data for import (1: and remove it from IM)")
  static final class ExportOp extends ImOperation {
    @Parameters(index = "0", arity = "0..1", paramLabel = "inf_id")
    String infId;
    @Parameters(index = "1", arity = "0..1", paramLabel = "delete")
    String delete;

    @Override
    String failure() {
      return "ERROR exporting data";
    }

    @Override
    boolean run(Connection c) {
      Infrastructure inf = infrastructure(c, infId);
      String data = delete != null && flag(delete, "delete") ? inf.exportAndRemove() : inf.export();
      // im_client prints json.dumps(data, indent=4) of the string IM returns: a quoted JSON string
      out.println(PyFormat.jsonIndented(data));
      return true;
    }
  }

  @Command(name = "import", description = "Import an infrastructure exported with export")
  static final class ImportOp extends ImOperation {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Parameters(index = "0", arity = "0..1", paramLabel = "json_file")
    String file;

    @Override
    String failure() {
      return "ERROR importing data";
    }

    @Override
    boolean run(Connection c) {
      Path path = Path.of(required(file, "JSON file to create inf. not specified"));
      if (!Files.isRegularFile(path)) {
        throw new OperationFailure("JSON file '" + file + "' does not exist");
      }
      String data;
      try {
        data = Files.readString(path).strip();
        // export's output is a JSON string holding the document (im_client's format); IM wants the document
        if (data.startsWith("\"")) {
          data = JSON.readValue(data, String.class);
        }
      } catch (JsonProcessingException e) {
        throw new OperationFailure("JSON file '" + file + "' holds a malformed JSON string: "
            + e.getOriginalMessage());
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read " + path, e);
      }
      InfrastructureId id = c.im.infrastructures().importData(data);
      out.println(opts.quiet ? id.value() : "New Inf: " + id.value());
      return true;
    }
  }

  @Command(name = "change_auth", description = "Give the infrastructure to the IM user of another auth file")
  static final class ChangeAuthOp extends ImOperation {
    @Parameters(index = "0", arity = "0..1", paramLabel = "inf_id")
    String infId;
    @Parameters(index = "1", arity = "0..1", paramLabel = "new_auth_file")
    String file;
    @Parameters(index = "2", arity = "0..1", paramLabel = "overwrite", description = "1: the only owner")
    String overwrite;

    @Override
    String failure() {
      return "ERROR changing auth data";
    }

    @Override
    boolean run(Connection c) {
      Infrastructure inf = infrastructure(c, infId);
      Path path = Path.of(required(file, "JSON file to create inf. not specified"));
      if (!Files.isRegularFile(path)) {
        throw new OperationFailure("New auth file '" + file + "' does not exist");
      }
      AuthLine line = AuthFile.read(path).lines().stream().filter(AuthLine::isInfrastructureManager).findFirst()
          .orElseThrow(() -> new OperationFailure("No new InfrastructureManager auth provided."));
      boolean replace = false;
      if (overwrite != null) {
        if (!overwrite.equals("0") && !overwrite.equals("1")) {
          throw new OperationFailure("The overwrite flag must be 0 or 1");
        }
        replace = overwrite.equals("1");
      }
      if (replace) {
        inf.replaceOwners(line);
      } else {
        inf.addOwner(line);
      }
      if (!opts.quiet) {
        out.println("Auth data successfully changed.");
      }
      return true;
    }
  }
}
