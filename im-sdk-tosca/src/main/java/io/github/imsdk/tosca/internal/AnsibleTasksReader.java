package io.github.imsdk.tosca.internal;

import io.github.imsdk.tosca.DockerContainerTask;
import io.github.imsdk.tosca.ToscaParseException;
import io.github.imsdk.tosca.ToscaValidationException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** Reads {@code docker_container} tasks back from an {@code ansible_tasks} value. */
public final class AnsibleTasksReader {

  private static final Set<String> MODULES = Set.of("docker_container", "community.docker.docker_container");
  private static final Set<String> TASK_KEYS = Set.of("name", "docker_container", "community.docker.docker_container");

  private AnsibleTasksReader() {}

  /** Returns the container tasks of a task list. */
  public static List<DockerContainerTask> read(String text) {
    Object root = YamlTree.parse(text).root();
    if (!(root instanceof List<?> tasks)) {
      throw new ToscaParseException("ansible tasks must be a YAML list of tasks", 1, 1, "", null);
    }
    List<DockerContainerTask> out = new ArrayList<>();
    for (int i = 0; i < tasks.size(); i++) {
      String path = "[" + i + "]";
      if (!(tasks.get(i) instanceof Map<?, ?> task)) {
        throw new ToscaParseException("a task must be a mapping", 0, 0, path, null);
      }
      Object module = null;
      for (String m : MODULES) {
        if (task.containsKey(m)) {
          module = task.get(m);
          path = path + "." + m;
        }
      }
      if (module == null) {
        continue;
      }
      for (Object k : task.keySet()) {
        if (!TASK_KEYS.contains(k)) {
          throw unsupported("[" + i + "]." + k);
        }
      }
      if (!(module instanceof Map<?, ?> args)) {
        throw new ToscaParseException("docker_container needs a mapping of arguments", 0, 0, path, null);
      }
      out.add(task(task.get("name"), args, path));
    }
    return List.copyOf(out);
  }

  private static DockerContainerTask task(Object taskName, Map<?, ?> args, String path) {
    DockerContainerTask.Builder b = DockerContainerTask.builder();
    if (taskName != null) {
      b.taskName(text(taskName));
    }
    for (Map.Entry<?, ?> e : args.entrySet()) {
      String key = String.valueOf(e.getKey());
      Object v = e.getValue();
      String p = path + "." + key;
      switch (key) {
        case "name" -> b.name(text(v));
        case "image" -> b.image(text(v));
        case "state" -> b.state(enumValue(DockerContainerTask.State.class, text(v), p));
        case "ports", "published_ports" -> list(v, p).forEach(x -> b.portSpec(text(x)));
        case "volumes" -> list(v, p).forEach(x -> b.volume(text(x)));
        case "env" -> {
          if (!(v instanceof Map<?, ?> env)) {
            throw new ToscaParseException("env must be a mapping", 0, 0, p, null);
          }
          env.forEach((k, x) -> b.env(String.valueOf(k), text(x)));
        }
        case "command" -> b.command(text(v));
        // An unquoted "no" is YAML 1.1's false.
        case "restart_policy" -> b.restartPolicy(Boolean.FALSE.equals(v) ? DockerContainerTask.RestartPolicy.NO
            : enumValue(DockerContainerTask.RestartPolicy.class, text(v).replace('-', '_'), p));
        case "pull" -> {
          if (!(v instanceof Boolean pull)) {
            throw new ToscaParseException("pull must be true or false", 0, 0, p, null);
          }
          b.pull(pull);
        }
        case "device_requests" -> b.allGpus(isAllGpus(v, p));
        default -> throw unsupported(p);
      }
    }
    try {
      return b.build();
    } catch (ToscaValidationException e) {
      throw new ToscaParseException(e.getMessage(), 0, 0, path, e);
    }
  }

  private static boolean isAllGpus(Object v, String path) {
    Object expected = List.of(Map.of("driver", "nvidia", "count", -1, "capabilities", List.of(List.of("gpu"))));
    if (!expected.equals(v)) {
      throw new ToscaParseException("only the 'all NVIDIA GPUs' device request is modelled", 0, 0, path, null);
    }
    return true;
  }

  private static List<?> list(Object v, String path) {
    if (v instanceof List<?> l) {
      return l;
    }
    throw new ToscaParseException("must be a list", 0, 0, path, null);
  }

  private static <E extends Enum<E>> E enumValue(Class<E> type, String wire, String path) {
    try {
      return Enum.valueOf(type, wire.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new ToscaParseException("unknown value '" + wire + "'", 0, 0, path, e);
    }
  }

  /** Undoes the backslash escaping {@link AnsibleYaml} adds for the IM. */
  private static String text(Object v) {
    String s = String.valueOf(v);
    StringBuilder sb = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '\\' && i + 1 < s.length() && (s.charAt(i + 1) == '"' || s.charAt(i + 1) == '\\')) {
        sb.append(s.charAt(++i));
      } else {
        sb.append(c);
      }
    }
    return sb.toString();
  }

  private static ToscaParseException unsupported(String path) {
    return new ToscaParseException("key not modelled by DockerContainerTask; edit this task as text instead", 0, 0,
        path, null);
  }
}
