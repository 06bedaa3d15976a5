package io.github.imsdk.core;

import io.github.imsdk.tosca.ToscaTemplate;

import java.util.List;

/**
 * The caller's infrastructures: list, create, estimate and import. Obtained from
 * {@link InfrastructureManager#infrastructures()}; a cheap handle that does no I/O until a method is called.
 */
public interface Infrastructures {

  /**
   * Lists the ids of the caller's infrastructures ({@code GET /infrastructures}).
   */
  List<InfrastructureId> list();

  /**
   * Lists the infrastructures whose RADL or TOSCA contains a match of the regular expression {@code radlRegex}
   * ({@code GET /infrastructures?filter=...}). IM 2.0.0 ignores {@code filter}, so the SDK also applies it on the
   * client: it reads each listed infrastructure's RADL ({@code GET /infrastructures/{id}/radl}) and, when that
   * does not match, its TOSCA ({@code GET /infrastructures/{id}/tosca}), and keeps those that match. This costs
   * one or two calls per listed infrastructure. An infrastructure deleted meanwhile is left out.
   *
   * @throws java.util.regex.PatternSyntaxException if {@code radlRegex} is not a valid Java regular expression
   */
  List<InfrastructureId> list(String radlRegex);

  /**
   * Creates an infrastructure and returns its id once its VMs are launched ({@code POST /infrastructures}).
   * Contextualization continues afterwards: wait for {@link State#CONFIGURED}.
   */
  InfrastructureId create(Template template);

  /** Creates an infrastructure with options such as IM's {@code async} ({@code POST /infrastructures}). */
  InfrastructureId create(Template template, CreateOptions options);

  /** Creates an infrastructure from a TOSCA template object ({@code POST /infrastructures}, {@code text/yaml}). */
  default InfrastructureId create(ToscaTemplate template) {
    return create(Template.of(template));
  }

  /** Creates an infrastructure from a TOSCA template object with options ({@code POST /infrastructures}). */
  default InfrastructureId create(ToscaTemplate template, CreateOptions options) {
    return create(Template.of(template), options);
  }

  /**
   * Estimates the resources a template would use without creating anything
   * ({@code POST /infrastructures?dry_run=true}).
   */
  Estimate estimate(Template template);

  /** Estimates the resources of a TOSCA template object ({@code POST /infrastructures?dry_run=true}). */
  default Estimate estimate(ToscaTemplate template) {
    return estimate(Template.of(template));
  }

  /**
   * Imports an infrastructure exported with {@link Infrastructure#export()} ({@code PUT /infrastructures}). The
   * infrastructure keeps its id; the caller becomes its only owner.
   *
   * @param exportedData the exported JSON document, as {@code export()} returned it
   */
  InfrastructureId importData(String exportedData);
}
