package io.github.imsdk.core.internal.radl;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import io.github.imsdk.core.CloudProvider;
import io.github.imsdk.core.Disk;
import io.github.imsdk.core.OsCredentials;
import io.github.imsdk.core.State;
import io.github.imsdk.core.VmInfo;
import io.github.imsdk.core.VmNetwork;
import io.github.imsdk.core.internal.Json;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Builds a {@link VmInfo} from the RADL aspects of a VM (RADL-JSON or parsed RADL text). */
public final class VmInfoParser {

  private static final TypeReference<LinkedHashMap<String, Object>> MAP = new TypeReference<>() {};
  private static final Pattern DISK_KEY = Pattern.compile("disk\\.(\\d+)\\..+");

  private VmInfoParser() {}

  /**
   * Reads RADL-JSON aspects: either {@code {"radl": [...]}} or a bare list.
   *
   * @throws IllegalArgumentException naming what is wrong if the JSON is not a list of aspect objects
   */
  public static List<RadlAspect> aspectsFromJson(JsonNode root) {
    JsonNode list = root.isObject() && root.has("radl") ? root.get("radl") : root;
    if (!list.isArray()) {
      throw new IllegalArgumentException("expected RADL-JSON (a list of aspects, or {\"radl\": [...]})");
    }
    List<RadlAspect> out = new ArrayList<>();
    for (JsonNode item : list) {
      if (!item.isObject() || !item.path("class").isTextual()) {
        throw new IllegalArgumentException("a RADL-JSON aspect is not an object with a 'class'");
      }
      Map<String, Object> f = Json.MAPPER.convertValue(item, MAP);
      String kind = String.valueOf(f.remove("class"));
      Object id = f.remove("id");
      out.add(new RadlAspect(kind, id == null ? "" : id.toString(), f));
    }
    return out;
  }

  /**
   * Builds the VM information of VM {@code vmId} from its aspects (its networks and its system).
   *
   * @throws IllegalArgumentException if there is no {@code system} aspect
   */
  public static VmInfo toVmInfo(String vmId, List<RadlAspect> aspects) {
    return toVmInfo(vmId, aspects, "");
  }

  /**
   * Builds the VM information of VM {@code vmId} from its aspects, keeping {@code radl}, the answer they were read
   * from.
   *
   * @throws IllegalArgumentException if there is no {@code system} aspect, or a network cannot be read
   */
  public static VmInfo toVmInfo(String vmId, List<RadlAspect> aspects, String radl) {
    RadlAspect system = aspects.stream().filter(a -> a.kind().equals("system")).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("the VM's RADL has no 'system'"));
    Map<String, Map<String, Object>> networks = new HashMap<>();
    List<VmNetwork> vmNetworks = new ArrayList<>();
    for (RadlAspect a : aspects) {
      if (a.kind().equals("network")) {
        networks.put(a.id(), a.features());
        vmNetworks.add(NetworkParser.network(a));
      }
    }
    Map<String, Object> f = system.features();
    String rawState = str(f, "state").orElse("");
    String[] ips = ips(f, networks);
    return new VmInfo(
        vmId,
        State.fromWire(rawState.isEmpty() ? null : rawState),
        rawState,
        Optional.ofNullable(ips[0]),
        Optional.ofNullable(ips[1]),
        credentials(f),
        intOf(f, "cpu.count"),
        longOf(f, "memory.size"),
        disks(f),
        firstString(f.get("disk.0.image.url")),
        str(f, "provider.type").map(t -> new CloudProvider(t, str(f, "provider.host"),
            intOf(f, "provider.port"))),
        str(f, "instance_id"),
        system.id(),
        f,
        NetworkParser.interfaces(f, vmNetworks),
        vmNetworks,
        radl);
  }

  /**
   * Applies IM's rule: walk the interfaces until one has no connection; the first with an IP on an outbound
   * network is public, the first with an IP on another network is private.
   */
  static String[] ips(Map<String, Object> f, Map<String, Map<String, Object>> networks) {
    String publicIp = null;
    String privateIp = null;
    for (int i = 0; ; i++) {
      Optional<String> connection = str(f, "net_interface." + i + ".connection");
      if (connection.isEmpty()) {
        break;
      }
      Optional<String> ip = str(f, "net_interface." + i + ".ip");
      if (ip.isEmpty()) {
        continue;
      }
      Map<String, Object> net = networks.getOrDefault(connection.get(), Map.of());
      boolean outbound = "yes".equalsIgnoreCase(String.valueOf(net.get("outbound")));
      if (outbound && publicIp == null) {
        publicIp = ip.get();
      } else if (!outbound && privateIp == null) {
        privateIp = ip.get();
      }
    }
    return new String[] {publicIp, privateIp};
  }

  private static Optional<OsCredentials> credentials(Map<String, Object> f) {
    String p = "disk.0.os.credentials.";
    return str(f, p + "username").map(u -> new OsCredentials(u, str(f, p + "password"),
        str(f, p + "private_key"), str(f, p + "public_key"), str(f, p + "new.password"),
        str(f, p + "new.private_key")));
  }

  private static List<Disk> disks(Map<String, Object> f) {
    TreeSet<Integer> indexes = new TreeSet<>();
    for (String k : f.keySet()) {
      Matcher m = DISK_KEY.matcher(k);
      if (m.matches()) {
        try {
          indexes.add(Integer.parseInt(m.group(1)));
        } catch (NumberFormatException e) {
          // an index too large for an int is not a disk IM would create; the feature stays in properties()
        }
      }
    }
    List<Disk> out = new ArrayList<>();
    for (int i : indexes) {
      String p = "disk." + i + ".";
      out.add(new Disk(i, longOf(f, p + "size"), str(f, p + "device"), str(f, p + "mount_path"),
          firstString(f.get(p + "image.url"))));
    }
    return out;
  }

  private static Optional<String> str(Map<String, Object> f, String key) {
    Object v = f.get(key);
    return v == null ? Optional.empty() : Optional.of(v.toString());
  }

  private static Optional<String> firstString(Object v) {
    if (v instanceof List<?> l) {
      return l.isEmpty() || l.get(0) == null ? Optional.empty() : Optional.of(l.get(0).toString());
    }
    return v == null ? Optional.empty() : Optional.of(v.toString());
  }

  // The exact value when IM knows it, else the requested minimum (cpu.count >= 2 becomes cpu.count_min).
  private static Optional<BigDecimal> numberOf(Map<String, Object> f, String key) {
    for (String k : new String[] {key, key + "_min"}) {
      Object v = f.get(k);
      if (v instanceof Number n) {
        return Optional.of(new BigDecimal(n.toString()));
      }
      if (v instanceof String s) {
        Object parsed = RadlTextParser.number(s.trim());
        if (parsed instanceof Number n) {
          return Optional.of(new BigDecimal(n.toString()));
        }
      }
    }
    return Optional.empty();
  }

  private static OptionalInt intOf(Map<String, Object> f, String key) {
    Optional<BigDecimal> n = numberOf(f, key);
    if (n.isEmpty()) {
      return OptionalInt.empty();
    }
    try {
      return OptionalInt.of(n.get().intValueExact());
    } catch (ArithmeticException e) {
      return OptionalInt.empty();
    }
  }

  private static OptionalLong longOf(Map<String, Object> f, String key) {
    Optional<BigDecimal> n = numberOf(f, key);
    if (n.isEmpty()) {
      return OptionalLong.empty();
    }
    try {
      return OptionalLong.of(n.get().setScale(0, java.math.RoundingMode.HALF_UP).longValueExact());
    } catch (ArithmeticException e) {
      return OptionalLong.empty();
    }
  }
}
