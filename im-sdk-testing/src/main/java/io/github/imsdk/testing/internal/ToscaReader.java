package io.github.imsdk.testing.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * Reads a TOSCA template the way IM does for the parts the emulator needs: each Compute node becomes a RADL
 * {@code system} deployed {@code scalable.count} times, its endpoint a public and/or private {@code network},
 * software nodes with a {@code Standard.configure} interface turn contextualization on, and the outputs are kept
 * for later evaluation. Imports are never fetched: the emulator makes no outbound connection.
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

  private static final Set<String> COMPUTE_TYPES = Set.of("tosca.nodes.Compute", "tosca.nodes.indigo.Compute");

  /** A read template. */
  record Template(
      Radl radl,
      String infraName,
      Map<String, Integer> computeCounts,
      Map<String, List<String>> removalLists,
      Map<String, Object> inputs,
      Map<String, Object> outputs,
      Map<String, Object> tree) {}

  private final Set<String> extraTypes;
  private final boolean remoteImports;

  ToscaReader(Set<String> extraTypes, boolean remoteImports) {
    this.extraTypes = extraTypes;
    this.remoteImports = remoteImports;
  }

  /** Parses YAML text into plain maps and lists. */
  static Object yaml(String text) {
    LoaderOptions options = new LoaderOptions();
    options.setAllowDuplicateKeys(false);
    return new Yaml(new SafeConstructor(options)).load(text);
  }

  @SuppressWarnings("unchecked")
  Template read(String text) {
    Object root;
    try {
      root = yaml(text);
    } catch (YAMLException e) {
      throw fail(e.getMessage());
    }
    if (!(root instanceof Map<?, ?> rootMap)) {
      throw fail("the template is not a YAML mapping");
    }
    Map<String, Object> tree = (Map<String, Object>) rootMap;
    if (!(tree.get("tosca_definitions_version") instanceof String)) {
      throw fail("Template is missing required field \"tosca_definitions_version\"");
    }
    checkImports(tree.get("imports"));
    Set<String> known = new LinkedHashSet<>(KNOWN_NODE_TYPES);
    known.addAll(extraTypes);
    map(tree.get("node_types")).keySet().forEach(known::add);

    Map<String, Object> topology = map(tree.get("topology_template"));
    Map<String, Object> inputs = new LinkedHashMap<>();
    map(topology.get("inputs")).forEach((name, def) -> {
      Map<String, Object> d = map(def);
      if (d.containsKey("default")) {
        inputs.put(name, d.get("default"));
      } else if (!Boolean.FALSE.equals(d.get("required"))) {
        throw fail("The required input \"" + name + "\" is not provided.");
      }
    });
    Map<String, Object> nodes = map(topology.get("node_templates"));
    for (Map.Entry<String, Object> e : nodes.entrySet()) {
      Object type = map(e.getValue()).get("type");
      if (!(type instanceof String t) || !known.contains(t)) {
        throw fail("Unknown node type \"" + type + "\" in node template \"" + e.getKey() + "\"");
      }
    }
    String infraName = map(tree.get("metadata")).get("infra_name") instanceof String s ? s : null;

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

    for (Map.Entry<String, Object> e : nodes.entrySet()) {
      String name = e.getKey();
      Map<String, Object> node = map(e.getValue());
      if (!COMPUTE_TYPES.contains(node.get("type"))) {
        continue;
      }
      Map<String, Object> caps = map(node.get("capabilities"));
      Map<String, Object> endpoint = props(caps.get("endpoint"));
      Map<String, Object> host = props(caps.get("host"));
      Map<String, Object> os = props(caps.get("os"));
      Map<String, Object> scalable = props(caps.get("scalable"));

      Radl.Aspect system = new Radl.Aspect("system", name);
      system.set("instance_name", name);
      putIf(system, "disk.0.os.name", value(os.get("type"), inputs));
      putIf(system, "disk.0.image.url", value(os.get("image"), inputs));
      putIf(system, "disk.0.os.distribution", value(os.get("distribution"), inputs));
      sizeOrCount(system, "cpu.count", value(host.get("num_cpus"), inputs));
      sizeOrCount(system, "memory.size", value(host.get("mem_size"), inputs));
      sizeOrCount(system, "disk.0.size", value(host.get("disk_size"), inputs));
      sizeOrCount(system, "gpu.count", value(host.get("num_gpus"), inputs));
      putIf(system, "gpu.vendor", value(host.get("gpu_vendor"), inputs));
      putIf(system, "instance_type", value(host.get("instance_type"), inputs));
      Map<String, Object> credential = map(value(os.get("credential"), inputs));
      putIf(system, "disk.0.os.credentials.username", credential.get("user"));

      String networkName = String.valueOf(value(endpoint.getOrDefault("network_name", "PRIVATE"), inputs));
      boolean isPublic = networkName.equalsIgnoreCase("PUBLIC");
      boolean wantPrivate = !isPublic || !Boolean.FALSE.equals(value(endpoint.get("private_ip"), inputs));
      int nic = 0;
      if (wantPrivate) {
        system.set("net_interface." + nic++ + ".connection", "private_net");
        privateNet = true;
      }
      if (isPublic) {
        system.set("net_interface." + nic + ".connection", "public_net");
        publicNet = true;
        // Ports of software hosted on this node come first, as IM lists them.
        for (Map.Entry<String, Object> other : nodes.entrySet()) {
          Map<String, Object> o = map(other.getValue());
          if (hostOf(o).equals(name)) {
            ports(props(map(o.get("capabilities")).get("endpoint")), inputs, publicPorts);
          }
        }
        ports(endpoint, inputs, publicPorts);
      }
      radl.aspects.add(system);

      Object count = value(scalable.getOrDefault("count", scalable.getOrDefault("default_instances", 1)), inputs);
      int n = count instanceof Number num ? num.intValue() : parseInt(String.valueOf(count), name);
      counts.put(name, n);
      List<String> removal = new ArrayList<>();
      if (value(scalable.get("removal_list"), inputs) instanceof List<?> rl) {
        rl.forEach(x -> removal.add(String.valueOf(x)));
      }
      removals.put(name, removal);

      for (Map.Entry<String, Object> other : nodes.entrySet()) {
        Map<String, Object> o = map(other.getValue());
        if (!hostOf(o).equals(name)) {
          continue;
        }
        Object configure = map(map(o.get("interfaces")).get("Standard")).get("configure");
        if (configure != null) {
          String confId = other.getKey() + "_" + name + "_conf";
          Radl.Aspect conf = new Radl.Aspect("configure", confId);
          conf.recipe = "---\n- tasks: []\n  vars:\n    tosca_node: " + other.getKey() + "\n";
          configures.add(conf);
          contextItems.add("system " + name + " configure " + confId + " step " + (contextItems.size() + 2));
        }
      }
    }
    if (publicNet) {
      Radl.Aspect net = new Radl.Aspect("network", "public_net");
      net.set("outbound", "yes");
      if (!publicPorts.isEmpty()) {
        net.set("outports", String.join(",", publicPorts));
      }
      radl.aspects.add(radl.aspects.isEmpty() || !radl.aspects.get(0).kind.equals("description") ? 0 : 1, net);
    }
    if (privateNet) {
      Radl.Aspect net = new Radl.Aspect("network", "private_net");
      net.set("outbound", "no");
      radl.aspects.add(radl.aspects.isEmpty() || !radl.aspects.get(0).kind.equals("description") ? 0 : 1, net);
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
    Map<String, Object> outputs = new LinkedHashMap<>();
    map(topology.get("outputs")).forEach((k, v) -> outputs.put(k, map(v).get("value")));
    return new Template(radl, infraName, counts, removals, inputs, outputs, tree);
  }

  private static String hostOf(Map<String, Object> node) {
    if (node.get("requirements") instanceof List<?> reqs) {
      for (Object r : reqs) {
        Object h = map(r).get("host");
        if (h instanceof String s) {
          return s;
        }
        if (h instanceof Map<?, ?> m && m.get("node") instanceof String s) {
          return s;
        }
      }
    }
    return "";
  }

  private static void ports(Map<String, Object> endpoint, Map<String, Object> inputs, List<String> out) {
    Object ports = value(endpoint.get("ports"), inputs);
    if (ports instanceof Map<?, ?> pm) {
      for (Object spec : pm.values()) {
        Map<String, Object> s = map(spec);
        Object source = value(s.get("source"), inputs);
        Object target = value(s.getOrDefault("target", source), inputs);
        String proto = String.valueOf(value(s.getOrDefault("protocol", "tcp"), inputs));
        if (source != null) {
          out.add(target + "/" + proto + "-" + source + "/" + proto);
        }
      }
    } else if (endpoint.get("port") != null) {
      Object port = value(endpoint.get("port"), inputs);
      String proto = String.valueOf(value(endpoint.getOrDefault("protocol", "tcp"), inputs));
      out.add(port + "/" + proto + "-" + port + "/" + proto);
    }
  }

  private void checkImports(Object imports) {
    if (!(imports instanceof List<?> list)) {
      return;
    }
    for (Object item : list) {
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

  /** Resolves {@code get_input} in a property value; other functions are left as they are. */
  static Object value(Object v, Map<String, Object> inputs) {
    if (v instanceof Map<?, ?> m && m.size() == 1 && m.containsKey("get_input")) {
      Object name = m.get("get_input");
      String key = name instanceof List<?> l && !l.isEmpty() ? String.valueOf(l.get(0)) : String.valueOf(name);
      if (!inputs.containsKey(key)) {
        throw fail("Unknown input \"" + key + "\" in get_input");
      }
      return inputs.get(key);
    }
    return v;
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> map(Object o) {
    return o instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
  }

  private static Map<String, Object> props(Object capability) {
    return map(map(capability).get("properties"));
  }

  static Radl.ParseException fail(String message) {
    return new Radl.ParseException("Error parsing TOSCA template: " + message);
  }
}
