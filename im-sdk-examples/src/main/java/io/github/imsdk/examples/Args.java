package io.github.imsdk.examples;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A parsed command line: {@code --name value}, {@code --name=value}, boolean {@code --flag}s, and positional
 * arguments. Every flag must be one the command declares.
 */
final class Args {

  private final Map<String, String> values = new LinkedHashMap<>();
  private final List<String> positional = new ArrayList<>();

  private Args() {}

  /** Returns arguments already parsed elsewhere (by the picocli commands): flag name to value, and positionals. */
  static Args of(Map<String, String> values, List<String> positional) {
    Args a = new Args();
    values.forEach((k, v) -> {
      if (v != null) {
        a.values.put(k, v);
      }
    });
    a.positional.addAll(positional);
    return a;
  }

  /**
   * Parses {@code argv}.
   *
   * @param withValue flags that take a value
   * @param booleans flags that take none
   * @throws UsageException for an unknown flag or a flag without its value
   */
  static Args parse(List<String> argv, Set<String> withValue, Set<String> booleans) {
    Args a = new Args();
    for (int i = 0; i < argv.size(); i++) {
      String arg = argv.get(i);
      if (arg.equals("--")) {
        a.positional.addAll(argv.subList(i + 1, argv.size()));
        break;
      }
      if (!arg.startsWith("--") || arg.length() == 2) {
        a.positional.add(arg);
        continue;
      }
      String name = arg.substring(2);
      String value = null;
      int eq = name.indexOf('=');
      if (eq >= 0) {
        value = name.substring(eq + 1);
        name = name.substring(0, eq);
      }
      if (booleans.contains(name)) {
        if (value != null) {
          throw new UsageException("--" + name + " takes no value");
        }
        a.values.put(name, "true");
      } else if (withValue.contains(name)) {
        if (value == null) {
          if (i + 1 >= argv.size()) {
            throw new UsageException("--" + name + " needs a value");
          }
          value = argv.get(++i);
        }
        a.values.put(name, value);
      } else {
        throw new UsageException("unknown option --" + name);
      }
    }
    return a;
  }

  Optional<String> value(String name) {
    return Optional.ofNullable(values.get(name));
  }

  boolean flag(String name) {
    return values.containsKey(name);
  }

  int intValue(String name, int dflt) {
    String v = values.get(name);
    if (v == null) {
      return dflt;
    }
    try {
      return Integer.parseInt(v.trim());
    } catch (NumberFormatException e) {
      throw new UsageException("--" + name + " must be an integer, not '" + v + "'");
    }
  }

  List<String> positional() {
    return positional;
  }

  /** Returns positional argument {@code index}, or fails naming {@code what}. */
  String required(int index, String what) {
    if (index >= positional.size()) {
      throw new UsageException("missing argument <" + what + ">");
    }
    return positional.get(index);
  }
}
