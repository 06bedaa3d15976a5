package io.github.imsdk.tosca.internal;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Writes Ansible task lists in the style people write them (two-space indent, list items at their key's indent,
 * single-quoted strings where YAML needs quotes), ready to be the {@code ansible_tasks} input of the IM's
 * {@code ansible_tasks.yml} artifact.
 *
 * <p>The IM passes string inputs to playbooks as {@code name: "<value>"} (Tosca.py
 * {@code _gen_configure_from_interfaces}), so a double quote or backslash inside a value is escaped with a
 * backslash here, as the grycap templates tell users to do by hand.
 */
public final class AnsibleYaml {

  private static final Pattern PLAIN = Pattern.compile("[A-Za-z_/][A-Za-z0-9 _./-]*");
  private static final Set<String> RESERVED = Set.of("y", "n", "yes", "no", "true", "false", "on", "off", "null");

  private AnsibleYaml() {}

  /** Returns a list of maps (tasks) as YAML text ending in a newline. */
  public static String write(List<?> items) {
    StringBuilder sb = new StringBuilder();
    list(items, 0, sb);
    return sb.toString();
  }

  private static void list(List<?> items, int indent, StringBuilder sb) {
    for (Object item : items) {
      sb.append(" ".repeat(indent)).append("- ");
      if (item instanceof Map<?, ?> m && !m.isEmpty()) {
        map(m, indent + 2, true, sb);
      } else {
        sb.append(scalarOrFlow(item)).append('\n');
      }
    }
  }

  private static void map(Map<?, ?> m, int indent, boolean firstInline, StringBuilder sb) {
    boolean first = true;
    for (Map.Entry<?, ?> e : m.entrySet()) {
      if (!(first && firstInline)) {
        sb.append(" ".repeat(indent));
      }
      first = false;
      sb.append(scalar(String.valueOf(e.getKey()))).append(':');
      Object v = e.getValue();
      if (v instanceof Map<?, ?> sub && !sub.isEmpty()) {
        sb.append('\n');
        map(sub, indent + 2, false, sb);
      } else if (v instanceof List<?> l && !l.isEmpty()) {
        sb.append('\n');
        list(l, indent, sb);
      } else {
        sb.append(' ').append(scalarOrFlow(v)).append('\n');
      }
    }
  }

  private static String scalarOrFlow(Object v) {
    if (v instanceof List<?> l) {
      StringBuilder sb = new StringBuilder("[");
      for (int i = 0; i < l.size(); i++) {
        sb.append(i == 0 ? "" : ", ").append(scalarOrFlow(l.get(i)));
      }
      return sb.append(']').toString();
    }
    if (v instanceof Map<?, ?> m && m.isEmpty()) {
      return "{}";
    }
    if (v == null) {
      return "null";
    }
    if (v instanceof String s) {
      return scalar(s);
    }
    return v.toString();
  }

  /** Returns a string plain if YAML reads it back as the same string, else single-quoted; escapes for the IM. */
  static String scalar(String s) {
    String text;
    if (PLAIN.matcher(s).matches() && !s.endsWith(" ") && !RESERVED.contains(s.toLowerCase(Locale.ROOT))) {
      text = s;
    } else {
      text = "'" + s.replace("'", "''") + "'";
    }
    return text.replace("\\", "\\\\").replace("\"", "\\\"");
  }
}
