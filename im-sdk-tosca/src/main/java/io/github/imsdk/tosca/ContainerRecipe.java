package io.github.imsdk.tosca;

import io.github.imsdk.tosca.internal.Values;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The template of the EGI guide "automated on-demand execution of containers" ({@code tosca_docker.yml}) from one
 * call: a VM ({@code tosca.nodes.indigo.Compute}) with an extra disk, Docker installed by the {@code grycap.docker}
 * role, and a {@code tosca.nodes.ec3.Application} whose {@code ansible_tasks} input runs the container; outputs
 * {@code node_ip}, {@code node_creds} and {@code <name>_endpoint}.
 *
 * <p>Every option is an input with the chosen value as its default, so the template can still be deployed with
 * other values. Defaults are the guide's: 2 vCPUs, 2 GB, 1 instance, a 10 GB disk at {@code /mnt/disk}, no GPU,
 * the guide's Ubuntu image, NVIDIA driver 510.
 *
 * <pre>{@code
 * ToscaTemplate t = ContainerRecipe.builder()
 *     .image("ghcr.io/ivoa/oligia-webtop:ubuntu-2022.01.13")
 *     .port(3000)
 *     .name("oligia")
 *     .cpus(4).memory("8 GB")
 *     .build()
 *     .template();
 * }</pre>
 */
public final class ContainerRecipe {

  /** The node type definitions the guide imports (they define {@code tosca.nodes.ec3.Application}). */
  public static final String EC3_CUSTOM_TYPES = "https://raw.githubusercontent.com/grycap/ec3/tosca/tosca/custom_types.yaml";
  /** The playbook that installs Docker (role {@code grycap.docker}). */
  public static final String DOCKER_PLAYBOOK = "https://raw.githubusercontent.com/grycap/ec3/tosca/tosca/artifacts/docker.yml";
  /** The playbook that copies and runs the {@code ansible_tasks} input. */
  public static final String ANSIBLE_TASKS_PLAYBOOK =
      "https://raw.githubusercontent.com/grycap/ec3/tosca/tosca/artifacts/ansible_tasks.yml";
  /**
   * The guide's OS image (Ubuntu 18.04 at IISAS-FedCloud, VO vo.access.egi.eu) in the {@code egi://SITE/IMAGE?VO}
   * form IM 2.0 resolves through the EGI cloud-info service; the guide's {@code appdb://} form is no longer resolved
   * by IM 2.0 (EGI retired AppDB).
   */
  public static final String DEFAULT_OS_IMAGE = "egi://IISAS-FedCloud/egi.ubuntu.18.04?vo.access.egi.eu";

  /** Names of the node templates the recipe writes. */
  public static final String VM_NODE = "simple_node";
  /** The Docker node name. */
  public static final String DOCKER_NODE = "docker";
  /** The application node name. */
  public static final String APP_NODE = "ansible";
  /** The extra disk node name. */
  public static final String STORAGE_NODE = "my_block_storage";

  private static final List<Integer> CPU_CHOICES = List.of(1, 2, 4, 8, 16, 32, 64);
  private static final List<String> MEMORY_CHOICES = List.of("2 GB", "4 GB", "8 GB", "16 GB", "32 GB", "64 GB",
      "128 GB", "256 GB", "512 GB");
  private static final List<String> DISK_CHOICES = List.of("0 GB", "10 GB", "20 GB", "50 GB", "100 GB", "200 GB",
      "500 GB", "1 TB", "2 TB", "10 TB", "20 TB", "40 TB", "100 TB");
  private static final List<Integer> GPU_CHOICES = List.of(0, 1, 2, 3, 4);
  private static final List<String> GPU_VENDOR_CHOICES = List.of("", "NVIDIA", "AMD");

  private final Builder b;
  private final DockerContainerTask container;

  private ContainerRecipe(Builder b, DockerContainerTask container) {
    this.b = b;
    this.container = container;
  }

  /** Starts a recipe; {@link Builder#image(String)} and {@link Builder#port(int)} are required. */
  public static Builder builder() {
    return new Builder();
  }

  /** Returns the container task the template runs (rendered into the {@code ansible_tasks} input). */
  public DockerContainerTask container() {
    return container;
  }

  /** Returns the name of the output holding the application URL, {@code <name>_endpoint}. */
  public String endpointOutput() {
    return container.name() + "_endpoint";
  }

  /** Returns the whole template, validated. */
  public ToscaTemplate template() {
    ToscaTemplate.Builder t = ToscaTemplate.builder()
        .importDefinitions("ec3_custom_types", EC3_CUSTOM_TYPES)
        .description(b.description != null ? b.description
            : "Run the container " + container.image() + " on a VM, port " + b.hostPort + ".\n");
    if (b.infraName != null) {
      t.metadata("infra_name", b.infraName);
    }

    // Input texts are the guide's, word for word, so the template matches the one users know.
    t.input("num_cpus", ToscaInput.builder("integer").description("Number of virtual cpus for the VM")
        .defaultValue(b.cpus).constraint(ToscaConstraint.validValues(withChoice(CPU_CHOICES, b.cpus,
            Comparator.comparingInt(Integer::intValue)))).build());
    t.input("mem_size", ToscaInput.builder("scalar-unit.size").description("Amount of memory for the VM")
        .defaultValue(b.memory).constraint(ToscaConstraint.validValues(withChoice(MEMORY_CHOICES, b.memory,
            Builder::bySize))).build());
    t.input("num_instances", ToscaInput.builder("integer").description("Number of VMs to be spawned")
        .defaultValue(b.instances).build());
    if (b.disk != null) {
      t.input("storage_size", ToscaInput.builder("scalar-unit.size")
          .description("Size of the extra HD added to the instance (Set 0 if disk is not needed)")
          .defaultValue(b.disk).constraint(ToscaConstraint.validValues(withChoice(DISK_CHOICES, b.disk,
              Builder::bySize))).build());
      t.input("mount_path", ToscaInput.builder("string").description("Path to mount the extra disk")
          .defaultValue(b.mountPath).build());
    }
    t.input("num_gpus", ToscaInput.builder("integer").description("Number of GPUs to assing to this VM")
        .defaultValue(b.gpus).constraint(ToscaConstraint.validValues(withChoice(GPU_CHOICES, b.gpus,
            Comparator.comparingInt(Integer::intValue)))).build());
    t.input("gpu_vendor", ToscaInput.builder("string").description("GPU Vendor").defaultValue(b.gpuVendor)
        .constraint(ToscaConstraint.validValues(withChoice(GPU_VENDOR_CHOICES, b.gpuVendor, null))).build());
    t.input("gpu_model", ToscaInput.builder("string").description("GPU Model").defaultValue(b.gpuModel).build());
    t.input("os_image", ToscaInput.builder("string").description("OS Cloud base image")
        .defaultValue(b.osImage).build());
    t.input("driver_version", ToscaInput.builder("string").description("NVIDIA Driver version to install")
        .defaultValue(b.driverVersion).build());
    t.input("ansible_tasks", ToscaInput.builder("string")
        .description("Ansible tasks (In case of using double quotes you have to escape it with \\)")
        .defaultValue(container.toAnsibleTasks()).build());

    t.nodeTemplate(NodeTemplate.builder(APP_NODE, NodeTypes.EC3_APPLICATION)
        .capabilityProperty("endpoint", "port", b.hostPort)
        .capabilityProperty("endpoint", "protocol", "tcp")
        .configure(ANSIBLE_TASKS_PLAYBOOK, ordered("ansible_tasks", ToscaFunction.getInput("ansible_tasks"),
            "ansible_name", b.ansibleName))
        .requirement(Requirement.host(VM_NODE))
        .requirement(Requirement.dependency(DOCKER_NODE))
        .build());

    Map<String, Object> dockerInputs = ordered("docker_nvidia_driver_version",
        ToscaFunction.getInput("driver_version"));
    if (b.gpus > 0) {
      dockerInputs.put("docker_nvidia_support", true);
    }
    t.nodeTemplate(NodeTemplate.builder(DOCKER_NODE, NodeTypes.SOFTWARE_COMPONENT)
        .requirement(Requirement.host(VM_NODE))
        .artifact("docker_role", Artifact.galaxyRole("grycap.docker"))
        .configure(DOCKER_PLAYBOOK, dockerInputs)
        .build());

    NodeTemplate.Builder vm = NodeTemplate.builder(VM_NODE, NodeTypes.INDIGO_COMPUTE)
        .capabilityProperty("endpoint", "network_name", "PUBLIC")
        .capabilityProperty("scalable", "count", ToscaFunction.getInput("num_instances"))
        .capabilityProperty("host", "num_cpus", ToscaFunction.getInput("num_cpus"))
        .capabilityProperty("host", "mem_size", ToscaFunction.getInput("mem_size"))
        .capabilityProperty("host", "num_gpus", ToscaFunction.getInput("num_gpus"))
        .capabilityProperty("host", "gpu_vendor", ToscaFunction.getInput("gpu_vendor"))
        .capabilityProperty("host", "gpu_model", ToscaFunction.getInput("gpu_model"))
        .capabilityProperty("os", "type", "linux")
        .capabilityProperty("os", "image", ToscaFunction.getInput("os_image"));
    if (b.disk != null) {
      vm.requirement(Requirement.localStorage(STORAGE_NODE, ToscaFunction.getInput("mount_path"), b.device));
    }
    t.nodeTemplate(vm.build());
    if (b.disk != null) {
      t.nodeTemplate(NodeTemplate.builder(STORAGE_NODE, NodeTypes.BLOCK_STORAGE)
          .property("size", ToscaFunction.getInput("storage_size")).build());
    }

    t.output("node_ip", ToscaFunction.getAttribute(VM_NODE, "public_address", 0));
    t.output("node_creds", ToscaFunction.getAttribute(VM_NODE, "endpoint", "credential", 0));
    t.output(endpointOutput(), ToscaFunction.concat(b.scheme + "://",
        ToscaFunction.getAttribute(VM_NODE, "public_address", 0), ":" + b.hostPort));
    return t.build().validated();
  }

  private static Map<String, Object> ordered(Object... kv) {
    Map<String, Object> m = new LinkedHashMap<>();
    for (int i = 0; i < kv.length; i += 2) {
      m.put((String) kv[i], kv[i + 1]);
    }
    return m;
  }

  /** Returns the guide's choices with {@code value} added in order if it is not one of them. */
  private static <T> List<T> withChoice(List<T> choices, T value, Comparator<T> order) {
    if (choices.contains(value)) {
      return choices;
    }
    List<T> out = new ArrayList<>(choices);
    out.add(value);
    if (order != null) {
      out.sort(order);
    }
    return out;
  }

  @Override
  public String toString() {
    return "ContainerRecipe{" + container + "}";
  }

  /** Builds a {@link ContainerRecipe}; {@link #build()} checks every option and reports all problems at once. */
  public static final class Builder {
    private String image;
    private Integer hostPort;
    private Integer containerPort;
    private String name;
    private String taskName;
    private int cpus = 2;
    private String memory = "2 GB";
    private int instances = 1;
    private String disk = "10 GB";
    private String mountPath = "/mnt/disk";
    private String device = "hdb";
    private int gpus;
    private String gpuVendor = "";
    private String gpuModel = "";
    private String osImage = DEFAULT_OS_IMAGE;
    private String driverVersion = "510";
    private String ansibleName = "im_dash_tasks";
    private String scheme = "http";
    private String description;
    private String infraName;
    private final Map<String, String> env = new LinkedHashMap<>();
    private final List<String> volumes = new ArrayList<>();
    private String command;
    private DockerContainerTask.RestartPolicy restartPolicy;
    private Boolean pull;

    private Builder() {}

    /** Sets the container image (required), e.g. {@code ghcr.io/ivoa/oligia-webtop:ubuntu-2022.01.13}. */
    public Builder image(String image) {
      this.image = image;
      return this;
    }

    /** Sets the port the container listens on, published on the same VM port (required). */
    public Builder port(int port) {
      return port(port, port);
    }

    /** Sets the VM port and the container port it forwards to. */
    public Builder port(int hostPort, int containerPort) {
      this.hostPort = hostPort;
      this.containerPort = containerPort;
      return this;
    }

    /** Sets the container name (default: the image's last path segment without tag); names the endpoint output. */
    public Builder name(String name) {
      this.name = name;
      return this;
    }

    /** Sets the Ansible task name (default {@code Launch <name> container}). */
    public Builder taskName(String taskName) {
      this.taskName = taskName;
      return this;
    }

    /** Sets the number of vCPUs (default 2). */
    public Builder cpus(int cpus) {
      this.cpus = cpus;
      return this;
    }

    /** Sets the memory as a TOSCA size such as {@code "8 GB"} (default {@code 2 GB}). */
    public Builder memory(String size) {
      this.memory = size;
      return this;
    }

    /** Sets the number of identical VMs (default 1). */
    public Builder instances(int instances) {
      this.instances = instances;
      return this;
    }

    /** Sets the size of the extra disk, e.g. {@code "50 GB"} (default {@code 10 GB}). */
    public Builder disk(String size) {
      this.disk = Values.require(size, "size (use withoutExtraDisk() for none)");
      return this;
    }

    /** Leaves out the extra disk (no {@code BlockStorage} node, no {@code storage_size}/{@code mount_path}). */
    public Builder withoutExtraDisk() {
      this.disk = null;
      return this;
    }

    /** Sets where the extra disk is mounted (default {@code /mnt/disk}). */
    public Builder mountPath(String path) {
      this.mountPath = path;
      return this;
    }

    /**
     * Sets the OS image URL, e.g. {@code egi://SITE/IMAGE?VO} (EGI sites) or {@code ost://host/id}; the older
     * {@code appdb://SITE/image?vo} is still written but IM 2.0 no longer resolves it (validation warns).
     */
    public Builder osImage(String image) {
      this.osImage = image;
      return this;
    }

    /**
     * Asks for GPUs. With a count above 0, Docker is installed with NVIDIA support and the container gets every
     * GPU of the VM.
     *
     * @param count number of GPUs (0 for none)
     * @param vendor e.g. {@code NVIDIA}, or "" for any
     * @param model e.g. {@code Tesla T4}, or "" for any
     */
    public Builder gpus(int count, String vendor, String model) {
      this.gpus = count;
      this.gpuVendor = vendor == null ? "" : vendor;
      this.gpuModel = model == null ? "" : model;
      return this;
    }

    /** Sets the NVIDIA driver version Docker's role installs (default {@code 510}). */
    public Builder driverVersion(String version) {
      this.driverVersion = version;
      return this;
    }

    /** Sets an environment variable of the container. */
    public Builder env(String name, String value) {
      env.put(name, value);
      return this;
    }

    /** Adds a volume binding of the container, e.g. {@code /mnt/disk:/data}. */
    public Builder volume(String binding) {
      volumes.add(binding);
      return this;
    }

    /** Sets the command that overrides the image's. */
    public Builder command(String command) {
      this.command = command;
      return this;
    }

    /** Sets the container's restart policy. */
    public Builder restartPolicy(DockerContainerTask.RestartPolicy policy) {
      this.restartPolicy = policy;
      return this;
    }

    /** Sets whether the image is pulled even when present. */
    public Builder pull(boolean pull) {
      this.pull = pull;
      return this;
    }

    /** Sets the URL scheme of the endpoint output (default {@code http}). */
    public Builder endpointScheme(String scheme) {
      this.scheme = scheme;
      return this;
    }

    /** Sets the template description. */
    public Builder description(String description) {
      this.description = description;
      return this;
    }

    /** Sets {@code metadata.infra_name}, the name the IM dashboard shows. */
    public Builder infraName(String infraName) {
      this.infraName = infraName;
      return this;
    }

    /** Sets the {@code ansible_name} of the tasks (default {@code im_dash_tasks}, as the IM dashboard). */
    public Builder ansibleName(String ansibleName) {
      this.ansibleName = ansibleName;
      return this;
    }

    /** Sets the device name of the extra disk (default {@code hdb}). */
    public Builder device(String device) {
      this.device = device;
      return this;
    }

    /**
     * Returns the recipe.
     *
     * @throws ToscaValidationException listing every bad option, with paths such as {@code recipe.memory}
     */
    public ContainerRecipe build() {
      List<ToscaProblem> problems = new ArrayList<>();
      if (image == null || image.isBlank()) {
        problems.add(new ToscaProblem("recipe.image", "an image is required"));
      }
      if (hostPort == null) {
        problems.add(new ToscaProblem("recipe.port", "a port is required"));
      } else {
        checkPort(hostPort, "recipe.port", problems);
        if (!containerPort.equals(hostPort)) {
          checkPort(containerPort, "recipe.port", problems);
        }
      }
      if (cpus < 1) {
        problems.add(new ToscaProblem("recipe.cpus", "at least 1 vCPU is needed, got " + cpus));
      }
      if (instances < 1) {
        problems.add(new ToscaProblem("recipe.instances", "at least 1 instance is needed, got " + instances));
      }
      if (gpus < 0) {
        problems.add(new ToscaProblem("recipe.gpus", "the GPU count must be >= 0, got " + gpus));
      }
      checkSize(memory, "recipe.memory", problems);
      if (disk != null) {
        checkSize(disk, "recipe.disk", problems);
        if (mountPath == null || !mountPath.startsWith("/")) {
          problems.add(new ToscaProblem("recipe.mountPath", "an absolute path is needed, got " + mountPath));
        }
      }
      if (osImage == null || osImage.isBlank()) {
        problems.add(new ToscaProblem("recipe.osImage", "an OS image is required"));
      }
      if (scheme == null || !scheme.matches("[a-z][a-z0-9+.-]*")) {
        problems.add(new ToscaProblem("recipe.endpointScheme", "not a URL scheme: " + scheme));
      }
      DockerContainerTask task = null;
      if (problems.isEmpty()) {
        DockerContainerTask.Builder c = DockerContainerTask.builder()
            .taskName(taskName)
            .name(name != null ? name : defaultName(image))
            .image(image)
            .port(hostPort, containerPort)
            .allGpus(gpus > 0);
        env.forEach(c::env);
        volumes.forEach(c::volume);
        c.command(command).restartPolicy(restartPolicy);
        if (pull != null) {
          c.pull(pull);
        }
        try {
          task = c.build();
        } catch (ToscaValidationException e) {
          problems.addAll(e.problems());
        }
      }
      if (!problems.isEmpty()) {
        throw new ToscaValidationException(problems);
      }
      return new ContainerRecipe(copy(), task);
    }

    /** A snapshot, so changing this builder later does not change a built recipe. */
    private Builder copy() {
      Builder c = new Builder();
      c.image = image;
      c.hostPort = hostPort;
      c.containerPort = containerPort;
      c.name = name;
      c.taskName = taskName;
      c.cpus = cpus;
      c.memory = memory;
      c.instances = instances;
      c.disk = disk;
      c.mountPath = mountPath;
      c.device = device;
      c.gpus = gpus;
      c.gpuVendor = gpuVendor;
      c.gpuModel = gpuModel;
      c.osImage = osImage;
      c.driverVersion = driverVersion;
      c.ansibleName = ansibleName;
      c.scheme = scheme;
      c.description = description;
      c.infraName = infraName;
      c.env.putAll(env);
      c.volumes.addAll(volumes);
      c.command = command;
      c.restartPolicy = restartPolicy;
      c.pull = pull;
      return c;
    }

    private static void checkPort(int port, String path, List<ToscaProblem> problems) {
      if (port < 1 || port > 65535) {
        problems.add(new ToscaProblem(path, "port " + port + " is out of range 1..65535"));
      }
    }

    private static void checkSize(String size, String path, List<ToscaProblem> problems) {
      if (ScalarUnit.parse(size, ScalarUnit.Kind.SIZE).isEmpty()) {
        problems.add(new ToscaProblem(path, "'" + size + "' is not a size such as '8 GB'"));
      }
    }

    private static int bySize(String a, String b) {
      return ScalarUnit.parse(a, ScalarUnit.Kind.SIZE).orElseThrow()
          .compareAmount(ScalarUnit.parse(b, ScalarUnit.Kind.SIZE).orElseThrow());
    }

    /** {@code ghcr.io/ivoa/oligia-webtop:ubuntu-2022.01.13} gives {@code oligia-webtop}. */
    static String defaultName(String image) {
      String s = image;
      int at = s.indexOf('@');
      if (at >= 0) {
        s = s.substring(0, at);
      }
      int slash = s.lastIndexOf('/');
      s = s.substring(slash + 1);
      int colon = s.indexOf(':');
      if (colon >= 0) {
        s = s.substring(0, colon);
      }
      s = s.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_.-]", "-");
      return s.length() >= 2 ? s : "app-" + s;
    }
  }

  /** Returns the recipe's container name. */
  public String name() {
    return container.name();
  }

  /** Returns the extra disk size, if the template has one. */
  public Optional<String> disk() {
    return Optional.ofNullable(b.disk);
  }
}
