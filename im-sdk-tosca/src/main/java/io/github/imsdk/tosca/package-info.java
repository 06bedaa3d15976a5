/**
 * Typed TOSCA templates as the Infrastructure Manager reads them: a model with builders, a YAML reader and writer
 * that keep what they do not model, validation that reports every problem with its path, evaluation of intrinsic
 * functions, and the container recipe.
 *
 * <p>Build the EGI guide's container template, change it, check it and write it:
 * <pre>{@code
 * ToscaTemplate template = ContainerRecipe.builder()
 *     .image("ghcr.io/ivoa/oligia-webtop:ubuntu-2022.01.13")
 *     .port(3000)
 *     .name("oligia")
 *     .cpus(4)
 *     .memory("8 GB")
 *     .build()
 *     .template();
 * String yaml = template.withInputDefault("num_instances", 2).validated().toYaml();
 * }</pre>
 *
 * <p>Read an existing template and see what is wrong with it:
 * <pre>{@code
 * ToscaTemplate t = ToscaTemplate.parse(Files.readString(Path.of("tosca_docker.yml")));
 * for (ToscaProblem p : t.validate()) {
 *   System.out.println(p);   // topology_template.inputs.mem_size.default: '2 GX' is not a scalar-unit.size ...
 * }
 * }</pre>
 *
 * <p>Malformed YAML throws {@link io.github.imsdk.tosca.ToscaParseException} with line and column; a template
 * breaking rules throws {@link io.github.imsdk.tosca.ToscaValidationException} from {@code validated()}.
 */
package io.github.imsdk.tosca;
