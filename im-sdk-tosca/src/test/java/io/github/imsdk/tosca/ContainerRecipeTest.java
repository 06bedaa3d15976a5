package io.github.imsdk.tosca;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ContainerRecipeTest {

  static final String SEED_DESCRIPTION = "Launch a compute node getting the IP and SSH credentials to access via ssh"
      + " with an extra HD disk. Galaxy, Docker, Add Users and Add SSH Keys addons available.\n";

  /** The guide's image, in the appdb:// form IM 2.0 no longer resolves (the recipe's default is egi://). */
  static final String SEED_OS_IMAGE = "appdb://IISAS-FedCloud/egi.ubuntu.18.04?vo.access.egi.eu";

  static ContainerRecipe.Builder seedRecipe() {
    return ContainerRecipe.builder()
        .osImage(SEED_OS_IMAGE)
        .image("ghcr.io/ivoa/oligia-webtop:ubuntu-2022.01.13")
        .port(3000)
        .name("oligia")
        .taskName("Launch im container")
        .description(SEED_DESCRIPTION);
  }

  @Test
  void recipeWithTheSeedValuesIsTheSeedTemplate() {
    // Given the guide's image, port, container name, task name and description
    ContainerRecipe recipe = seedRecipe().build();

    // When the template is written
    String yaml = recipe.template().toYaml();

    // Then it is the guide's tosca_docker.yml, as a tree
    assertThat(Fixtures.tree(yaml)).isEqualTo(Fixtures.tree(Fixtures.seed()));
  }

  @Test
  void recipeTemplateEqualsTheParsedSeedAsAModel() {
    // Given the recipe and the parsed seed
    ToscaTemplate fromRecipe = seedRecipe().build().template();
    ToscaTemplate parsed = ToscaTemplate.parse(Fixtures.seed());

    // Then node by node they are the same (node order aside)
    assertThat(fromRecipe.nodeTemplates()).containsExactlyInAnyOrderEntriesOf(parsed.nodeTemplates());
    assertThat(fromRecipe.inputs()).containsExactlyEntriesOf(parsed.inputs());
    assertThat(fromRecipe.outputs()).containsExactlyEntriesOf(parsed.outputs());
  }

  @Test
  @SuppressWarnings("unchecked")
  void optionsBecomeInputDefaultsAndStayWithinValidValues() {
    // Given a bigger VM than the guide offers
    ToscaTemplate t = ContainerRecipe.builder()
        .image("nginx:1.27").port(8080, 80)
        .cpus(3).memory("3 GB").disk("50 GB").instances(2)
        .osImage("ost://cloud.example.org/1234")
        .build().template();

    // Then the values are the defaults and were added to the choices, in order
    assertThat(t.input("num_cpus").orElseThrow().defaultValue()).contains(3);
    assertThat(t.input("num_cpus").orElseThrow().constraints().get(0).argument())
        .isEqualTo(List.of(1, 2, 3, 4, 8, 16, 32, 64));
    assertThat((List<Object>) t.input("mem_size").orElseThrow().constraints().get(0).argument())
        .startsWith("2 GB", "3 GB", "4 GB");
    assertThat(t.resolveInput("storage_size", Map.of())).isEqualTo("50 GB");
    assertThat(t.resolveInput("num_instances", Map.of())).isEqualTo(2);
    assertThat(t.resolveInput("os_image", Map.of())).isEqualTo("ost://cloud.example.org/1234");
    assertThat(t.validate()).isEmpty();
    // And the name comes from the image, the port mapping from host to container port
    assertThat(t.outputs()).containsKey("nginx_endpoint");
    assertThat((String) t.resolveInput("ansible_tasks", Map.of())).contains("name: nginx\n")
        .contains("- '8080:80'\n");
    assertThat(t.nodeTemplate("ansible").orElseThrow().capabilityProperty("endpoint", "port")).contains(8080);
  }

  @Test
  void gpusInstallNvidiaSupportAndGiveTheContainerTheGpus() {
    // Given a recipe with one NVIDIA GPU
    ToscaTemplate t = seedRecipe().gpus(1, "NVIDIA", "Tesla T4").build().template();

    // Then the VM asks for it, Docker gets NVIDIA support and the container the GPUs
    assertThat(t.resolveInput("num_gpus", Map.of())).isEqualTo(1);
    assertThat(t.resolveInput("gpu_vendor", Map.of())).isEqualTo("NVIDIA");
    assertThat(t.resolveInput("gpu_model", Map.of())).isEqualTo("Tesla T4");
    assertThat(t.nodeTemplate("docker").orElseThrow().operation("Standard", "configure").orElseThrow().inputs())
        .containsEntry("docker_nvidia_support", true);
    assertThat((String) t.resolveInput("ansible_tasks", Map.of())).contains("device_requests:\n");
  }

  @Test
  void theDefaultImageIsAnEgiImageAndTheGuidesAppdbImageOnlyWarns() {
    // Given the recipe's default image and the guide's appdb:// one
    ToscaTemplate egi = ContainerRecipe.builder().image("nginx:1.27").port(80).build().template();
    ToscaTemplate appdb = seedRecipe().build().template();

    // Then the default is an egi:// image IM 2.0 resolves, valid without a word
    assertThat(egi.resolveInput("os_image", Map.of())).isEqualTo("egi://IISAS-FedCloud/egi.ubuntu.18.04?vo.access.egi.eu");
    assertThat(egi.validate()).isEmpty();
    // And the appdb:// one is still read and written, with one warning and no error
    assertThat(appdb.validate()).singleElement().satisfies(p -> {
      assertThat(p.severity()).isEqualTo(ToscaProblem.Severity.WARNING);
      assertThat(p.message()).contains("IM 2.0 no longer resolves");
    });
    assertThat(appdb.validated()).isSameAs(appdb);
  }

  @Test
  void withoutExtraDiskLeavesOutTheStorage() {
    // Given a recipe without the extra disk
    ToscaTemplate t = seedRecipe().osImage(ContainerRecipe.DEFAULT_OS_IMAGE).withoutExtraDisk().build().template();

    // Then there is no BlockStorage, no local_storage requirement and no disk inputs
    assertThat(t.nodeTemplates()).doesNotContainKey("my_block_storage");
    assertThat(t.nodeTemplate("simple_node").orElseThrow().requirements()).isEmpty();
    assertThat(t.inputs()).doesNotContainKeys("storage_size", "mount_path");
    assertThat(t.validate()).isEmpty();
  }

  @Test
  void envVolumesAndCommandGoIntoTheContainerTask() {
    // Given extra container settings
    ContainerRecipe r = seedRecipe().env("PASSWORD_FILE", "/run/secret").volume("/mnt/disk:/data")
        .command("serve --port 3000").restartPolicy(DockerContainerTask.RestartPolicy.UNLESS_STOPPED).build();

    // Then the rendered tasks hold them
    assertThat(r.container().toAnsibleTasks()).isEqualTo("""
        - name: Launch im container
          docker_container:
            name: oligia
            image: 'ghcr.io/ivoa/oligia-webtop:ubuntu-2022.01.13'
            state: started
            restart_policy: unless-stopped
            command: serve --port 3000
            env:
              PASSWORD_FILE: /run/secret
            volumes:
            - '/mnt/disk:/data'
            ports:
            - '3000:3000'
        """);
  }

  @Test
  void badOptionsAreAllReportedAtOnce() {
    // Given a recipe without image, with a bad port, memory and cpu count
    ContainerRecipe.Builder b = ContainerRecipe.builder().port(70000).memory("2 GX").cpus(0);

    // Then building lists every problem with its path
    assertThatThrownBy(b::build).isInstanceOf(ToscaValidationException.class)
        .satisfies(e -> assertThat(((ToscaValidationException) e).problems()).extracting(ToscaProblem::path)
            .containsExactly("recipe.image", "recipe.port", "recipe.cpus", "recipe.memory"));
  }

  @Test
  void aBuiltRecipeDoesNotChangeWhenTheBuilderDoes() {
    // Given a built recipe
    ContainerRecipe.Builder b = seedRecipe();
    ContainerRecipe r = b.build();
    String before = r.template().toYaml();

    // When the builder changes
    b.cpus(8).image("other:1");

    // Then the recipe does not
    assertThat(r.template().toYaml()).isEqualTo(before);
  }
}
