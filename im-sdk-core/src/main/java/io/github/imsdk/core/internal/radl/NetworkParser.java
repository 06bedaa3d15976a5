package io.github.imsdk.core.internal.radl;

import io.github.imsdk.core.NetInterface;
import io.github.imsdk.core.PortMapping;
import io.github.imsdk.core.ProxyHost;
import io.github.imsdk.core.VmNetwork;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the network side of a VM's RADL: {@code network} aspects ({@code outbound}, {@code outports},
 * {@code proxy_host}, {@code proxy_key}) and the system's {@code net_interface.N.*} features, with IM's grammar.
 */
public final class NetworkParser {

  private static final Pattern PORT = Pattern.compile("(\\d{1,5})(?:/([A-Za-z]+))?");
  private static final Pattern RANGE = Pattern.compile("(\\d{1,5}):(\\d{1,5})(?:/([A-Za-z]+))?");
  private static final Pattern DNS_KEY = Pattern.compile("net_interface\\.(\\d+)\\.dns\\.(\\d+)\\.name");

  private NetworkParser() {}

  /**
   * Reads one {@code network} aspect.
   *
   * @throws IllegalArgumentException naming the network if its {@code outports} or {@code proxy_host} cannot be read
   */
  public static VmNetwork network(RadlAspect aspect) {
    Map<String, Object> f = aspect.features();
    boolean isPublic = "yes".equalsIgnoreCase(String.valueOf(f.get("outbound")));
    List<PortMapping> outports;
    Optional<ProxyHost> proxy;
    try {
      outports = f.get("outports") == null ? List.of() : outports(f.get("outports").toString());
      proxy = f.get("proxy_host") == null ? Optional.empty()
          : Optional.of(proxyHost(f.get("proxy_host").toString(), str(f.get("proxy_key"))));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("network '" + aspect.id() + "': " + e.getMessage(), e);
    }
    return new VmNetwork(aspect.id(), isPublic, outports, proxy, f);
  }

  /**
   * Parses an {@code outports} value as IM does: comma-separated {@code remote[/proto][-local[/proto]]} or
   * {@code from:to[/proto]} entries; the protocol is the VM side's, {@code tcp} when none is given.
   *
   * @throws IllegalArgumentException quoting the entry that does not fit the grammar
   */
  public static List<PortMapping> outports(String value) {
    List<PortMapping> out = new ArrayList<>();
    for (String raw : value.split(",")) {
      String entry = raw.strip();
      if (entry.isEmpty()) {
        continue;
      }
      try {
        out.add(outport(entry));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("outports entry '" + entry + "' is not a port mapping: " + e.getMessage(),
            e);
      }
    }
    return out;
  }

  private static PortMapping outport(String entry) {
    if (entry.contains(":")) {
      if (entry.contains("-")) {
        throw new IllegalArgumentException("a range (:) and a mapping (-) cannot be combined");
      }
      Matcher m = RANGE.matcher(entry);
      if (!m.matches()) {
        throw new IllegalArgumentException("expected from:to[/protocol]");
      }
      return new PortMapping(port(m.group(1)), port(m.group(2)), protocol(m.group(3)), true);
    }
    String[] parts = entry.split("-", -1);
    if (parts.length > 2) {
      throw new IllegalArgumentException("expected remote[/protocol][-local[/protocol]]");
    }
    Matcher remote = PORT.matcher(parts[0].strip());
    Matcher local = PORT.matcher(parts[parts.length - 1].strip());
    if (!remote.matches() || !local.matches()) {
      throw new IllegalArgumentException("expected remote[/protocol][-local[/protocol]]");
    }
    return new PortMapping(port(remote.group(1)), port(local.group(1)), protocol(local.group(2)), false);
  }

  private static int port(String digits) {
    return Integer.parseInt(digits);
  }

  private static String protocol(String p) {
    return p == null ? "tcp" : p.toLowerCase(Locale.ROOT);
  }

  /**
   * Parses a {@code proxy_host} value, {@code [user[:password]@]host[:port]} (IPv6 in brackets), port 22 when none.
   *
   * @throws IllegalArgumentException without quoting the value, which may hold a password
   */
  public static ProxyHost proxyHost(String value, Optional<String> key) {
    String rest = value.strip();
    Optional<String> user = Optional.empty();
    Optional<String> password = Optional.empty();
    int at = rest.lastIndexOf('@');
    if (at >= 0) {
      String userPass = rest.substring(0, at);
      rest = rest.substring(at + 1);
      int colon = userPass.indexOf(':');
      user = Optional.of(colon >= 0 ? userPass.substring(0, colon) : userPass).filter(u -> !u.isEmpty());
      password = colon >= 0 ? Optional.of(userPass.substring(colon + 1)) : Optional.empty();
    }
    String host = rest;
    int port = 22;
    if (rest.startsWith("[")) {
      int close = rest.indexOf(']');
      if (close < 0) {
        throw new IllegalArgumentException("proxy_host has an unclosed '[' in its host");
      }
      host = rest.substring(1, close);
      String tail = rest.substring(close + 1);
      if (!tail.isEmpty()) {
        port = proxyPort(tail.startsWith(":") ? tail.substring(1) : "x");
      }
    } else {
      int colon = rest.lastIndexOf(':');
      if (colon >= 0) {
        host = rest.substring(0, colon);
        port = proxyPort(rest.substring(colon + 1));
      }
    }
    if (host.isBlank()) {
      throw new IllegalArgumentException("proxy_host has no host");
    }
    return new ProxyHost(user, password, host, port, key);
  }

  private static int proxyPort(String s) {
    if (!s.matches("\\d{1,5}") || Integer.parseInt(s) < 1 || Integer.parseInt(s) > 65535) {
      throw new IllegalArgumentException("proxy_host port is not a number within 1..65535");
    }
    return Integer.parseInt(s);
  }

  /**
   * Reads the interfaces {@code net_interface.0, 1, ...} of a system, up to the first without a
   * {@code connection} (IM's rule).
   */
  public static List<NetInterface> interfaces(Map<String, Object> system, List<VmNetwork> networks) {
    List<NetInterface> out = new ArrayList<>();
    for (int i = 0; ; i++) {
      String p = "net_interface." + i + ".";
      Optional<String> connection = str(system.get(p + "connection"));
      if (connection.isEmpty()) {
        break;
      }
      boolean isPublic = networks.stream().anyMatch(n -> n.id().equals(connection.get()) && n.isPublic());
      Set<String> dns = new LinkedHashSet<>();
      str(system.get(p + "dns_name")).ifPresent(dns::add);
      List<int[]> indexed = new ArrayList<>();
      for (String k : system.keySet()) {
        Matcher m = DNS_KEY.matcher(k);
        if (m.matches() && m.group(1).equals(Integer.toString(i)) && m.group(2).length() < 9) {
          indexed.add(new int[] {Integer.parseInt(m.group(2))});
        }
      }
      indexed.sort((a, b) -> Integer.compare(a[0], b[0]));
      for (int[] n : indexed) {
        str(system.get(p + "dns." + n[0] + ".name")).ifPresent(dns::add);
      }
      out.add(new NetInterface(i, connection.get(), isPublic, str(system.get(p + "ip")), List.copyOf(dns)));
    }
    return out;
  }

  private static Optional<String> str(Object v) {
    return v == null ? Optional.empty() : Optional.of(v.toString());
  }
}
