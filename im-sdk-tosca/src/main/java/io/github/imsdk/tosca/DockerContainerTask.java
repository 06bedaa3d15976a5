package io.github.imsdk.tosca;

import io.github.imsdk.tosca.internal.Values;
import io.github.imsdk.tosca.internal.AnsibleTasksReader;
import io.github.imsdk.tosca.internal.AnsibleYaml;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An Ansible {@code docker_container} task: one container to run on a VM, as a value. A list of them becomes the
 * {@code ansible_tasks} input that the IM's {@code ansible_tasks.yml} artifact copies and includes on the VM
 * (see {@link #toAnsibleTasks(List)}).
 *
 * <pre>{@code
 * DockerContainerTask web = DockerContainerTask.builder()
 *     .name("oligia")
 *     .image("ghcr.io/ivoa/oligia-webtop:ubuntu-2022.01.13")
 *     .port(3000)
 *     .build();
 * String tasks = DockerContainerTask.toAnsibleTasks(List.of(web));
 * }</pre>
 */
public final class DockerContainerTask {

  /** The {@code state} of the container after the task. */
  public enum State {
    /** Created and running (the default). */
    STARTED,
    /** Created, not necessarily running. */
    PRESENT,
    /** Created and stopped. */
    STOPPED,
    /** Removed. */
    ABSENT,
    /** Running and reported healthy by its health check. */
    HEALTHY;

    /** Returns the value as Ansible writes it, e.g. {@code started}. */
    public String wire() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  /** The container's {@code restart_policy}. */
  public enum RestartPolicy {
    /** Never restart. */
    NO("no"),
    /** Restart when the process exits non-zero. */
    ON_FAILURE("on-failure"),
    /** Always restart, also after a reboot. */
    ALWAYS("always"),
    /** Restart unless stopped by hand. */
    UNLESS_STOPPED("unless-stopped");

    private final String wire;

    RestartPolicy(String wire) {
      this.wire = wire;
    }

    /** Returns the value as Ansible writes it, e.g. {@code unless-stopped}. */
    public String wire() {
      return wire;
    }
  }

  private static final Pattern NAME = Pattern.compile("[a-zA-Z0-9][a-zA-Z0-9_.-]+");
  private static final Pattern ENV_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
  private static final Pattern PORT = Pattern.compile(
      "(?:(\\d{1,3}(?:\\.\\d{1,3}){3}):)?(?:(\\d+)(?:-(\\d+))?:)?(\\d+)(?:-(\\d+))?(?:/(tcp|udp|sctp))?");

  private final String taskName;
  private final String name;
  private final String image;
  private final State state;
  private final List<String> ports;
  private final Map<String, String> env;
  private final List<String> volumes;
  private final String command;
  private final RestartPolicy restartPolicy;
  private final Boolean pull;
  private final boolean allGpus;

  private DockerContainerTask(Builder b) {
    this.taskName = b.taskName != null ? b.taskName : "Launch " + b.name + " container";
    this.name = b.name;
    this.image = b.image;
    this.state = b.state;
    this.ports = List.copyOf(b.ports);
    this.env = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(b.env));
    this.volumes = List.copyOf(b.volumes);
    this.command = b.command;
    this.restartPolicy = b.restartPolicy;
    this.pull = b.pull;
    this.allGpus = b.allGpus;
  }

  /** Starts a task; {@code name} and {@code image} are required. */
  public static Builder builder() {
    return new Builder();
  }

  /** Returns a builder holding this task's values. */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.taskName = taskName;
    b.name = name;
    b.image = image;
    b.state = state;
    b.ports.addAll(ports);
    b.env.putAll(env);
    b.volumes.addAll(volumes);
    b.command = command;
    b.restartPolicy = restartPolicy;
    b.pull = pull;
    b.allGpus = allGpus;
    return b;
  }

  /** Returns a copy running another image, e.g. a newer tag. */
  public DockerContainerTask withImage(String image) {
    return toBuilder().image(image).build();
  }

  /**
   * Returns the tasks as the {@code ansible_tasks} input value: a YAML list of tasks, one per container, with a
   * double quote or backslash in a value escaped by a backslash as the IM requires.
   */
  public static String toAnsibleTasks(List<DockerContainerTask> tasks) {
    List<Object> items = new ArrayList<>();
    for (DockerContainerTask t : tasks) {
      items.add(t.toTaskMap());
    }
    return AnsibleYaml.write(items);
  }

  /**
   * Reads the {@code docker_container} tasks of an {@code ansible_tasks} value (as written by
   * {@link #toAnsibleTasks(List)} or by hand), so a parsed template's container can be changed and written back.
   * Tasks of other modules are not containers and are not returned.
   *
   * @throws ToscaParseException if the text is not a YAML list of tasks, or a container task uses a key this
   *     class does not model (so nothing would be lost silently when writing it back)
   */
  public static List<DockerContainerTask> fromAnsibleTasks(String ansibleTasks) {
    return AnsibleTasksReader.read(ansibleTasks);
  }

  /** Returns this task alone as an {@code ansible_tasks} value. */
  public String toAnsibleTasks() {
    return toAnsibleTasks(List.of(this));
  }

  private Map<String, Object> toTaskMap() {
    Map<String, Object> c = new LinkedHashMap<>();
    c.put("name", name);
    c.put("image", image);
    c.put("state", state.wire());
    if (pull != null) {
      c.put("pull", pull);
    }
    if (restartPolicy != null) {
      c.put("restart_policy", restartPolicy.wire());
    }
    if (command != null) {
      c.put("command", command);
    }
    if (!env.isEmpty()) {
      c.put("env", env);
    }
    if (!volumes.isEmpty()) {
      c.put("volumes", volumes);
    }
    if (allGpus) {
      Map<String, Object> gpu = new LinkedHashMap<>();
      gpu.put("driver", "nvidia");
      gpu.put("count", -1);
      gpu.put("capabilities", List.of(List.of("gpu")));
      c.put("device_requests", List.of(gpu));
    }
    if (!ports.isEmpty()) {
      c.put("ports", ports);
    }
    Map<String, Object> task = new LinkedHashMap<>();
    task.put("name", taskName);
    task.put("docker_container", c);
    return task;
  }

  /** Returns the Ansible task name, e.g. {@code Launch oligia container}. */
  public String taskName() {
    return taskName;
  }

  /** Returns the container name. */
  public String name() {
    return name;
  }

  /** Returns the image reference. */
  public String image() {
    return image;
  }

  /** Returns the target state. */
  public State state() {
    return state;
  }

  /** Returns the published ports, e.g. {@code 3000:3000}. */
  public List<String> ports() {
    return ports;
  }

  /** Returns the environment variables, in order. */
  public Map<String, String> env() {
    return env;
  }

  /** Returns the volume bindings, e.g. {@code /data:/data:ro}. */
  public List<String> volumes() {
    return volumes;
  }

  /** Returns the command that overrides the image's, if any. */
  public Optional<String> command() {
    return Optional.ofNullable(command);
  }

  /** Returns the restart policy, if set. */
  public Optional<RestartPolicy> restartPolicy() {
    return Optional.ofNullable(restartPolicy);
  }

  /** Returns whether the image is pulled even if present, if set. */
  public Optional<Boolean> pull() {
    return Optional.ofNullable(pull);
  }

  /** Tells whether the container gets every NVIDIA GPU of the VM ({@code device_requests}). */
  public boolean allGpus() {
    return allGpus;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof DockerContainerTask t && taskName.equals(t.taskName) && name.equals(t.name)
        && image.equals(t.image) && state == t.state && ports.equals(t.ports) && env.equals(t.env)
        && volumes.equals(t.volumes) && Objects.equals(command, t.command) && restartPolicy == t.restartPolicy
        && Objects.equals(pull, t.pull) && allGpus == t.allGpus;
  }

  @Override
  public int hashCode() {
    return Objects.hash(taskName, name, image, state, ports, env, volumes, command, restartPolicy, pull, allGpus);
  }

  /** Shows name, image and ports; environment values are not shown, as they may hold secrets. */
  @Override
  public String toString() {
    return "DockerContainerTask{" + name + ", " + image + ", ports=" + ports + ", env=" + env.keySet() + "}";
  }

  /** Builds a {@link DockerContainerTask}; {@link #build()} checks every value and reports all problems at once. */
  public static final class Builder {
    private String taskName;
    private String name;
    private String image;
    private State state = State.STARTED;
    private final List<String> ports = new ArrayList<>();
    private final Map<String, String> env = new LinkedHashMap<>();
    private final List<String> volumes = new ArrayList<>();
    private String command;
    private RestartPolicy restartPolicy;
    private Boolean pull;
    private boolean allGpus;

    private Builder() {}

    /** Sets the Ansible task name (default {@code Launch <name> container}). */
    public Builder taskName(String taskName) {
      this.taskName = taskName;
      return this;
    }

    /** Sets the container name (letters, digits, {@code _ . -}; at least two characters). */
    public Builder name(String name) {
      this.name = name;
      return this;
    }

    /** Sets the image, e.g. {@code ghcr.io/ivoa/oligia-webtop:ubuntu-2022.01.13}. */
    public Builder image(String image) {
      this.image = image;
      return this;
    }

    /** Sets the target state (default {@link State#STARTED}). */
    public Builder state(State state) {
      this.state = Values.require(state, "state");
      return this;
    }

    /** Publishes a container port on the same VM port ({@code port:port}). */
    public Builder port(int port) {
      return port(port, port);
    }

    /** Publishes {@code containerPort} on {@code hostPort} of the VM ({@code hostPort:containerPort}). */
    public Builder port(int hostPort, int containerPort) {
      ports.add(hostPort + ":" + containerPort);
      return this;
    }

    /** Publishes a port in Docker syntax, e.g. {@code 127.0.0.1:8080:80/tcp} or {@code 9000-9010:9000-9010}. */
    public Builder portSpec(String spec) {
      ports.add(Values.require(spec, "spec"));
      return this;
    }

    /** Sets an environment variable. */
    public Builder env(String name, String value) {
      env.put(Values.require(name, "env name"), Values.require(value, "env value of " + name));
      return this;
    }

    /** Adds a volume binding, e.g. {@code /mnt/disk/data:/data} or {@code data:/data:ro}. */
    public Builder volume(String binding) {
      volumes.add(Values.require(binding, "binding"));
      return this;
    }

    /** Sets the command that overrides the image's. */
    public Builder command(String command) {
      this.command = command;
      return this;
    }

    /** Sets the restart policy. */
    public Builder restartPolicy(RestartPolicy policy) {
      this.restartPolicy = policy;
      return this;
    }

    /** Sets whether the image is pulled even when present. */
    public Builder pull(boolean pull) {
      this.pull = pull;
      return this;
    }

    /** Gives the container every NVIDIA GPU of the VM (Docker {@code --gpus all}). */
    public Builder allGpus(boolean allGpus) {
      this.allGpus = allGpus;
      return this;
    }

    /**
     * Returns the task.
     *
     * @throws ToscaValidationException listing every bad value (paths such as {@code docker_container.ports[0]})
     */
    public DockerContainerTask build() {
      List<ToscaProblem> problems = new ArrayList<>();
      String p = "docker_container.";
      if (name == null || !NAME.matcher(name).matches()) {
        problems.add(new ToscaProblem(p + "name", "a container name needs two or more letters, digits, '_', '.' "
            + "or '-', starting with a letter or digit; got " + (name == null ? "none" : "'" + name + "'")));
      }
      if (image == null || image.isBlank() || image.chars().anyMatch(Character::isWhitespace)) {
        problems.add(new ToscaProblem(p + "image", "an image reference without spaces is required; got "
            + (image == null ? "none" : "'" + image + "'")));
      }
      for (int i = 0; i < ports.size(); i++) {
        String why = portProblem(ports.get(i));
        if (why != null) {
          problems.add(new ToscaProblem(p + "ports[" + i + "]", why));
        }
      }
      for (Map.Entry<String, String> e : env.entrySet()) {
        if (!ENV_NAME.matcher(e.getKey()).matches()) {
          problems.add(new ToscaProblem(p + "env." + e.getKey(), "not a valid environment variable name"));
        }
        noLineBreak(e.getValue(), p + "env." + e.getKey(), problems);
      }
      for (int i = 0; i < volumes.size(); i++) {
        if (volumes.get(i).isBlank()) {
          problems.add(new ToscaProblem(p + "volumes[" + i + "]", "a volume binding must not be blank"));
        }
        noLineBreak(volumes.get(i), p + "volumes[" + i + "]", problems);
      }
      noLineBreak(command, p + "command", problems);
      noLineBreak(taskName, "name", problems);
      if (!problems.isEmpty()) {
        throw new ToscaValidationException(problems);
      }
      return new DockerContainerTask(this);
    }

    private static void noLineBreak(String s, String path, List<ToscaProblem> problems) {
      if (s != null && (s.indexOf('\n') >= 0 || s.indexOf('\r') >= 0)) {
        problems.add(new ToscaProblem(path, "must be a single line"));
      }
    }

    private static String portProblem(String spec) {
      Matcher m = PORT.matcher(spec);
      if (!m.matches()) {
        return "'" + spec + "' is not a port mapping such as '8080:80', '127.0.0.1:8080:80' or '53:53/udp'";
      }
      for (int g = 2; g <= 5; g++) {
        String n = m.group(g);
        if (n != null && (n.length() > 5 || Integer.parseInt(n) < 1 || Integer.parseInt(n) > 65535)) {
          return "port " + n + " in '" + spec + "' is out of range 1..65535";
        }
      }
      return null;
    }
  }
}
