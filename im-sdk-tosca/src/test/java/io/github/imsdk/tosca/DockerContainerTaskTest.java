package io.github.imsdk.tosca;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DockerContainerTaskTest {

  @Test
  void rendersExactlyTheSeedsAnsibleTasks() {
    // Given the guide's container
    DockerContainerTask task = DockerContainerTask.builder()
        .taskName("Launch im container")
        .name("oligia")
        .image("ghcr.io/ivoa/oligia-webtop:ubuntu-2022.01.13")
        .port(3000)
        .build();

    // Then the ansible_tasks text is the seed's default, character for character
    Object seedDefault = ToscaTemplate.parse(Fixtures.seed()).resolveInput("ansible_tasks", Map.of());
    assertThat(task.toAnsibleTasks()).isEqualTo(seedDefault);
  }

  @Test
  void severalContainersAreOneTaskEach() {
    // Given two containers
    DockerContainerTask db = DockerContainerTask.builder().name("db").image("postgres:16")
        .env("POSTGRES_DB", "app").volume("/mnt/disk/db:/var/lib/postgresql/data")
        .restartPolicy(DockerContainerTask.RestartPolicy.ALWAYS).pull(true).build();
    DockerContainerTask web = DockerContainerTask.builder().name("web").image("nginx").portSpec("127.0.0.1:8080:80")
        .portSpec("53:53/udp").state(DockerContainerTask.State.PRESENT).build();

    // When rendered together
    String text = DockerContainerTask.toAnsibleTasks(List.of(db, web));

    // Then the text is a task list that YAML reads back to the same arguments
    assertThat(text).isEqualTo("""
        - name: Launch db container
          docker_container:
            name: db
            image: 'postgres:16'
            state: started
            pull: true
            restart_policy: always
            env:
              POSTGRES_DB: app
            volumes:
            - '/mnt/disk/db:/var/lib/postgresql/data'
        - name: Launch web container
          docker_container:
            name: web
            image: nginx
            state: present
            ports:
            - '127.0.0.1:8080:80'
            - '53:53/udp'
        """);
    assertThat(DockerContainerTask.fromAnsibleTasks(text)).containsExactly(db, web);
  }

  @Test
  void valuesYamlWouldMisreadAreQuoted() {
    // Given values YAML 1.1 reads as booleans, numbers or null
    DockerContainerTask t = DockerContainerTask.builder().name("app").image("app")
        .env("DEBUG", "yes").env("WORKERS", "4").env("EMPTY", "").env("NOTHING", "null")
        .restartPolicy(DockerContainerTask.RestartPolicy.NO).build();

    // Then they are quoted and read back as strings
    String text = t.toAnsibleTasks();
    assertThat(text).contains("DEBUG: 'yes'", "WORKERS: '4'", "EMPTY: ''", "NOTHING: 'null'",
        "restart_policy: 'no'");
    @SuppressWarnings("unchecked")
    Map<String, Object> env = (Map<String, Object>) ((Map<String, Object>) ((Map<String, Object>)
        ((List<?>) Fixtures.tree(text)).get(0)).get("docker_container")).get("env");
    assertThat(env).containsExactly(Map.entry("DEBUG", "yes"), Map.entry("WORKERS", "4"), Map.entry("EMPTY", ""),
        Map.entry("NOTHING", "null"));
    assertThat(DockerContainerTask.fromAnsibleTasks(text)).containsExactly(t);
  }

  @Test
  void doubleQuotesAndBackslashesAreEscapedForTheIm() {
    // Given a command with double quotes and a backslash
    DockerContainerTask t = DockerContainerTask.builder().name("app").image("busybox")
        .command("sh -c \"echo a\\b\"").build();

    // Then they are escaped with a backslash, as the IM's "%s"-quoting of inputs requires
    assertThat(t.toAnsibleTasks()).contains("command: 'sh -c \\\"echo a\\\\b\\\"'");
    // And reading the text back undoes the escaping
    assertThat(DockerContainerTask.fromAnsibleTasks(t.toAnsibleTasks()).get(0).command())
        .contains("sh -c \"echo a\\b\"");
  }

  @Test
  void allGpusBecomesADeviceRequest() {
    // Given a container with every GPU
    DockerContainerTask t = DockerContainerTask.builder().name("ml").image("pytorch/pytorch").allGpus(true).build();

    // Then the device request asks for all NVIDIA GPUs, and it reads back
    assertThat(t.toAnsibleTasks()).contains("""
            device_requests:
            - driver: nvidia
              count: -1
              capabilities:
              - [gpu]
        """);
    assertThat(DockerContainerTask.fromAnsibleTasks(t.toAnsibleTasks())).containsExactly(t);
  }

  @Test
  void badValuesAreAllReportedWithTheirPaths() {
    // Given a one-letter name, no image, bad ports, a bad env name and a multi-line command
    DockerContainerTask.Builder b = DockerContainerTask.builder().name("a").port(0).portSpec("80:99999")
        .portSpec("http").env("1BAD", "x").command("a\nb");

    // Then build lists every problem
    assertThatThrownBy(b::build).isInstanceOf(ToscaValidationException.class)
        .satisfies(e -> assertThat(((ToscaValidationException) e).problems()).extracting(ToscaProblem::path)
            .containsExactly("docker_container.name", "docker_container.image", "docker_container.ports[0]",
                "docker_container.ports[1]", "docker_container.ports[2]", "docker_container.env.1BAD",
                "docker_container.command"));
  }

  @Test
  void otherTasksAreSkippedAndUnmodelledKeysRefused() {
    // Given tasks of other modules, and a container with a key the class does not model
    String mixed = "- name: Install Docker\n  package:\n    name: docker.io\n"
        + "- docker_container:\n    name: app\n    image: nginx\n";
    String unknown = "- docker_container:\n    name: app\n    image: nginx\n    network_mode: host\n";

    // Then the container is read, other tasks skipped, the unmodelled key refused with its path
    assertThat(DockerContainerTask.fromAnsibleTasks(mixed)).extracting(DockerContainerTask::name)
        .containsExactly("app");
    assertThatThrownBy(() -> DockerContainerTask.fromAnsibleTasks(unknown))
        .isInstanceOf(ToscaParseException.class).hasMessageContaining("[0].docker_container.network_mode");
  }

  @Test
  void toStringDoesNotShowEnvironmentValues() {
    DockerContainerTask t = DockerContainerTask.builder().name("app").image("nginx").env("TOKEN", "s3cr3t").build();
    assertThat(t.toString()).contains("TOKEN").doesNotContain("s3cr3t");
  }
}
