package io.github.imsdk.testing.internal;

import io.github.imsdk.tosca.NodeTemplate;
import io.github.imsdk.tosca.ToscaException;
import io.github.imsdk.tosca.ToscaTemplate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads a TOSCA template with im-sdk-tosca and translates it the way IM does, for the parts the emulator needs:
 * each Compute node becomes a RADL {@code system} deployed {@code scalable.count} times, its endpoint a public
 * and/or private {@code network}, and software nodes with a {@code Standard.configure} interface turn
 * contextualization on; outputs are evaluated later with the typed template. Imports are never fetched: the emulator makes no outbound connection.
 */
final class ToscaReader {

  /** The normative TOSCA node types and the grycap/INDIGO types IM's own templates use. */
  static final Set<String> KNOWN_NODE_TYPES = Set.of(
      "tosca.nodes.Root", "tosca.nodes.Compute", "tosca.nodes.SoftwareComponent", "tosca.nodes.WebServer",
      "tosca.nodes.WebApplication", "tosca.nodes.DBMS", "tosca.nodes.Database", "tosca.nodes.ObjectStorage",
      "tosca.nodes.BlockStorage", "tosca.nodes.LoadBalancer", "tosca.nodes.Container.Runtime",
      "tosca.nodes.Container.Runtime.Docker", "tosca.nodes.Container.Application",
      "tosca.nodes.Container.Application.Docker", "tosca.nodes.network.Network", "tosca.nodes.network.Port",
      "tosca.nodes.indigo.Compute", "tosca.nodes.indigo.network.Port", "tosca.nodes.indigo.OSCAR",
      "tosca.nodes.ec3.Application", "tosca.nodes.im.AnsibleHost", "tosca.nodes.aisprint.FaaS.Function");

  /** A read template: its RADL translation, VM counts per Compute node, and the typed template. */
  record Template(
      Radl radl,
      String infraName,
      Map<String, Integer> computeCounts,
      Map<String, List<String>> removalLists,
      ToscaTemplate tosca) {}

  private final Set<String> extraTypes;
  private final boolean remoteImports;

  ToscaReader(Set<String> extraTypes, boolean remoteImports) {
    this.extraTypes = extraTypes;
    this.remoteImports = remoteImports;
  }

  Template read(String text) {
    ToscaTemplate t;
    try {
      t = ToscaTemplate.parse(text);
    } catch (ToscaException e) {
      throw fail(e.getMessage());
    }
    try {
      return translate(t);
    } catch (ToscaException e) {
      throw fail(e.getMessage());
    }
  }

  private Template translate(ToscaTemplate t) {
    checkImports(t.imports());
    Set<String> known = new LinkedHashSet<>(KNOWN_NODE_TYPES);
    known.addAll(extraTypes);
    map(t.extras().get("node_types")).keySet().forEach(known::add);
    for (String input : t.inputs().keySet()) {
      try {
        t.resolveInput(input, Map.of());
      } catch (ToscaException e) {
        throw fail("The required input \"" + input + "\" is not provided.");
      }
    }
    Map<String, NodeTemplate> nodes = t.nodeTemplates();
    for (NodeTemplate n : nodes.values()) {
      if (n.type() == null || !known.contains(n.type())) {
        throw fail("Unknown node type \"" + n.type() + "\" in node template \"" + n.name() + "\"");
      }
    }
    String infraName = t.metadata().get("infra_name") instanceof String s ? s : null;

    Radl radl = new Radl();
    if (infraName != null) {
      Radl.Aspect d = new Radl.Aspect("description", "desc");
      d.set("name", infraName);
      radl.aspects.add(d);
    }
    Map<String, Integer> counts = new LinkedHashMap<>();
    Map<String, List<String>> removals = new LinkedHashMap<>();
    List<Radl.Aspect> configures = new ArrayList<>();
    List<String> contextItems = new ArrayList<>();
    boolean publicNet = false;
    boolean privateNet = false;
    List<String> publicPorts = new ArrayList<>();

    for (NodeTemplate node : nodes.values()) {
      if (!node.isCompute()) {
        continue;
      }
      String name = node.name();
      Radl.Aspect system = new Radl.Aspect("system", name);
      system.set("instance_name", name);
      putIf(system, "disk.0.os.name", cap(t, node, "os", "type"));
      putIf(system, "disk.0.image.url", cap(t, node, "os", "image"));
      putIf(system, "disk.0.os.distribution", cap(t, node, "os", "distribution"));
      sizeOrCount(system, "cpu.count", cap(t, node, "host", "num_cpus"));
      sizeOrCount(system, "memory.size", cap(t, node, "host", "mem_size"));
      sizeOrCount(system, "disk.0.size", cap(t, node, "host", "disk_size"));
      sizeOrCount(system, "gpu.count", cap(t, node, "host", "num_gpus"));
      putIf(system, "gpu.vendor", cap(t, node, "host", "gpu_vendor"));
      putIf(system, "instance_type", cap(t, node, "host", "instance_type"));
      putIf(system, "disk.0.os.credentials.username", map(cap(t, node, "os", "credential")).get("user"));
      blockStorage(t, node, system);

      Object networkName = cap(t, node, "endpoint", "network_name");
      boolean isPublic = networkName != null && String.valueOf(networkName).equalsIgnoreCase("PUBLIC");
      boolean wantPrivate = !isPublic || !Boolean.FALSE.equals(cap(t, node, "endpoint", "private_ip"));
      int nic = 0;
      if (wantPrivate) {
        system.set("net_interface." + nic++ + ".connection", "private_net");
        privateNet = true;
      }
      if (isPublic) {
        system.set("net_interface." + nic + ".connection", "public_net");
        publicNet = true;
        // Ports of software hosted on this node come first, as IM lists them.
        for (NodeTemplate other : nodes.values()) {
          if (other.host().filter(name::equals).isPresent()) {
            ports(t, other, publicPorts);
          }
        }
        ports(t, node, publicPorts);
      }
      radl.aspects.add(system);

      Object count = cap(t, node, "scalable", "count");
      if (count == null) {
        count = cap(t, node, "scalable", "default_instances");
      }
      int n = count == null ? 1 : count instanceof Number num ? num.intValue() : parseInt(String.valueOf(count), name);
      counts.put(name, n);
      List<String> removal = new ArrayList<>();
      if (cap(t, node, "scalable", "removal_list") instanceof List<?> rl) {
        rl.forEach(x -> removal.add(String.valueOf(x)));
      }
      removals.put(name, removal);

      for (NodeTemplate other : nodes.values()) {
        if (other.host().filter(name::equals).isEmpty()) {
          continue;
        }
        if (other.operation("Standard", "configure").isPresent()) {
          String confId = other.name() + "_" + name + "_conf";
          Radl.Aspect conf = new Radl.Aspect("configure", confId);
          conf.recipe = "---\n- tasks: []\n  vars:\n    tosca_node: " + other.name() + "\n";
          configures.add(conf);
          contextItems.add("system " + name + " configure " + confId + " step " + (contextItems.size() + 2));
        }
      }
    }
    int at = radl.aspects.isEmpty() || !radl.aspects.get(0).kind.equals("description") ? 0 : 1;
    if (privateNet) {
      Radl.Aspect net = new Radl.Aspect("network", "private_net");
      net.set("outbound", "no");
      radl.aspects.add(at, net);
    }
    if (publicNet) {
      Radl.Aspect net = new Radl.Aspect("network", "public_net");
      net.set("outbound", "yes");
      if (!publicPorts.isEmpty()) {
        net.set("outports", String.join(",", publicPorts));
      }
      radl.aspects.add(at, net);
    }
    radl.aspects.addAll(configures);
    Radl.Aspect ctxt = new Radl.Aspect("contextualize", null);
    ctxt.contextItems.addAll(contextItems);
    radl.aspects.add(ctxt);
    counts.forEach((sys, n) -> {
      Radl.Aspect deploy = new Radl.Aspect("deploy", sys);
      deploy.vmNumber = n;
      radl.aspects.add(deploy);
    });
    return new Template(radl, infraName, counts, removals, t);
  }

  /** Attaches each {@code local_storage} BlockStorage as IM does: {@code disk.N.size}, mount path, ext4 by default. */
  private static void blockStorage(ToscaTemplate t, NodeTemplate node, Radl.Aspect system) {
    int disk = 1;
    for (io.github.imsdk.tosca.Requirement r : node.requirements()) {
      NodeTemplate target = r.node() == null ? null : t.nodeTemplates().get(r.node());
      if (!r.name().equals("local_storage") || target == null || !"tosca.nodes.BlockStorage".equals(target.type())) {
        continue;
      }
      Object size = target.properties().get("size");
      sizeOrCount(system, "disk." + disk + ".size", size == null ? null : t.evaluate(size, Map.of(), null,
          target.name()));
      Object location = r.relationship() == null ? null : r.relationship().properties().get("location");
      putIf(system, "disk." + disk + ".mount_path",
          location == null ? null : t.evaluate(location, Map.of(), null, node.name()));
      Object fs = r.relationship() == null ? null : r.relationship().properties().get("fs_type");
      system.set("disk." + disk + ".fstype", fs == null ? "ext4" : String.valueOf(fs));
      disk++;
    }
  }

  /** Returns a capability property with its functions (get_input, get_property, concat) evaluated. */
  private static Object cap(ToscaTemplate t, NodeTemplate node, String capability, String property) {
    Object raw = node.capabilityProperty(capability, property).orElse(null);
    return raw == null ? null : t.evaluate(raw, Map.of(), null, node.name());
  }

  private static void ports(ToscaTemplate t, NodeTemplate node, List<String> out) {
    Object ports = cap(t, node, "endpoint", "ports");
    if (ports instanceof Map<?, ?> pm) {
      for (Object spec : pm.values()) {
        Map<String, Object> s = map(spec);
        Object source = s.get("source");
        Object target = s.getOrDefault("target", source);
        String proto = String.valueOf(s.getOrDefault("protocol", "tcp"));
        if (source != null) {
          out.add(target + "/" + proto + "-" + source + "/" + proto);
        }
      }
    } else if (cap(t, node, "endpoint", "port") != null) {
      Object port = cap(t, node, "endpoint", "port");
      Object protocol = cap(t, node, "endpoint", "protocol");
      String proto = protocol == null ? "tcp" : String.valueOf(protocol);
      out.add(port + "/" + proto + "-" + port + "/" + proto);
    }
  }

  private void checkImports(List<Object> imports) {
    for (Object item : imports) {
      Object target = item instanceof Map<?, ?> m && m.size() == 1 ? m.values().iterator().next() : item;
      if (target instanceof Map<?, ?> m) {
        target = m.get("file");
      }
      String url = String.valueOf(target);
      if ((url.startsWith("http://") || url.startsWith("https://")) && !remoteImports) {
        throw fail("\nThe pre-parsed input failed validation with the following error(s): \n\n\tURLException: "
            + "Failed to reach server \"" + url + "\". Reason is: this IM emulator makes no outbound connection.");
      }
    }
  }

  private static void putIf(Radl.Aspect a, String name, Object v) {
    if (v != null && !(v instanceof Map) && !(v instanceof List) && !String.valueOf(v).isEmpty()) {
      a.set(name, v instanceof Number ? v : String.valueOf(v));
    }
  }

  /** Numbers and sizes become {@code >=} constraints; sizes are written in bytes with a {@code B} unit, like IM. */
  private static void sizeOrCount(Radl.Aspect a, String name, Object v) {
    if (v == null || String.valueOf(v).isBlank()) {
      return;
    }
    if (v instanceof Number n) {
      if (n.longValue() > 0 || !name.equals("gpu.count")) {
        a.set(new Radl.Feature(name, ">=", n.longValue(), null));
      }
      return;
    }
    long bytes = bytes(String.valueOf(v));
    if (bytes > 0) {
      a.set(new Radl.Feature(name, ">=", bytes, "B"));
    }
  }

  /** Converts a TOSCA {@code scalar-unit.size} such as {@code 4 GB} or {@code 512 MiB} into bytes. */
  static long bytes(String size) {
    String s = size.trim();
    int i = 0;
    while (i < s.length() && (Character.isDigit(s.charAt(i)) || s.charAt(i) == '.')) {
      i++;
    }
    if (i == 0) {
      throw fail("invalid size '" + size + "'");
    }
    double n = Double.parseDouble(s.substring(0, i));
    String unit = s.substring(i).trim().toUpperCase(Locale.ROOT);
    long factor = unit.isEmpty() || unit.equals("B") ? 1 : Radl.unitFactor(unit);
    return (long) (n * factor);
  }

  private static int parseInt(String s, String node) {
    try {
      return Integer.parseInt(s.trim());
    } catch (NumberFormatException e) {
      throw fail("scalable count of node \"" + node + "\" is not an integer: " + s);
    }
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> map(Object o) {
    return o instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
  }

  static Radl.ParseException fail(String message) {
    return new Radl.ParseException("Error parsing TOSCA template: " + message);
  }
}
