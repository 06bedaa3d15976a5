package io.github.imsdk.benchmarks;

import io.github.imsdk.tosca.ContainerRecipe;
import io.github.imsdk.tosca.ToscaTemplate;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.Yaml;

/**
 * Issue 7 §4: building and writing the EGI guide's container template through {@link ContainerRecipe}, and
 * parsing a generated template of {@value LargeTemplate#GROUPS} x 4 node templates with
 * {@link ToscaTemplate#parse(String)}, each against raw SnakeYAML doing the YAML half of the same work.
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@State(Scope.Benchmark)
public class ToscaBenchmark {

  String large;
  String seedYaml;
  Map<String, Object> seedTree;

  /** Generates the large template and the seed's YAML tree, and checks both parse to what was generated. */
  @Setup
  public void setUp() {
    large = LargeTemplate.yaml();
    ToscaTemplate parsed = ToscaTemplate.parse(large);
    if (parsed.nodeTemplates().size() != LargeTemplate.GROUPS * 4) {
      throw new IllegalStateException("the large template parsed to " + parsed.nodeTemplates().size() + " nodes");
    }
    seedYaml = recipeToYaml();
    seedTree = new Yaml().load(seedYaml);
  }

  /** Builds the seed template with the recipe and writes it as YAML. */
  @Benchmark
  public String recipeToYaml() {
    return ContainerRecipe.builder()
        .image("ghcr.io/ivoa/oligia-webtop:ubuntu-2022.01.13")
        .port(3000)
        .name("oligia")
        .cpus(4)
        .memory("8 GB")
        .build()
        .template()
        .toYaml();
  }

  /** Raw SnakeYAML writing the same document from a map tree (block style). */
  @Benchmark
  public String rawDumpSeed() {
    DumperOptions o = new DumperOptions();
    o.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
    return new Yaml(o).dump(seedTree);
  }

  /** Parses the large template into the typed model. */
  @Benchmark
  public ToscaTemplate parseLarge() {
    return ToscaTemplate.parse(large);
  }

  /** Raw SnakeYAML loading the same text into maps and lists. */
  @Benchmark
  public Object rawLoadLarge() {
    return new Yaml().load(large);
  }
}
