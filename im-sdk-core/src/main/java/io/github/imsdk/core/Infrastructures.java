package io.github.imsdk.core;

import io.github.imsdk.tosca.ToscaTemplate;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

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

  /**
   * Creates an infrastructure from a TOSCA template object ({@code POST /infrastructures}, {@code text/yaml}),
   * after validating it locally.
   *
   * @throws io.github.imsdk.tosca.ToscaValidationException if the template has problems; nothing is sent
   */
  default InfrastructureId create(ToscaTemplate template) {
    return create(Template.validated(template));
  }

  /**
   * Creates an infrastructure from a TOSCA template object with options ({@code POST /infrastructures}), after
   * validating it locally.
   *
   * @throws io.github.imsdk.tosca.ToscaValidationException if the template has problems; nothing is sent
   */
  default InfrastructureId create(ToscaTemplate template, CreateOptions options) {
    return create(Template.validated(template), options);
  }

  /**
   * Creates an infrastructure and waits for it, destroying it again if the wait does not succeed, so that a failed
   * deployment leaves nothing that costs money: {@code POST /infrastructures?async=true}, then polling
   * {@code GET /infrastructures/{id}/state} per {@code wait}, then on failure, timeout or interruption
   * {@code DELETE /infrastructures/{id}}. To keep a failed infrastructure for inspection, call
   * {@link #create(Template, CreateOptions)} and {@link Infrastructure#waitUntil(Wait, Consumer)}
   * instead.
   * <pre>{@code
   * InfrastructureId id = im.infrastructures().createAndWait(template, Wait.configured(), p -> log.info("{}", p));
   * }</pre>
   *
   * @param progress receives state changes; may be null
   * @throws ImWaitException if the wait did not succeed (the infrastructure was then destroyed; a failure to
   *     destroy it is attached as a suppressed exception and logged with its id)
   */
  InfrastructureId createAndWait(Template template, Wait wait, Consumer<WaitProgress> progress);

  /**
   * Creates an infrastructure and waits for it without a progress listener; see
   * {@link #createAndWait(Template, Wait, Consumer)}.
   *
   * @throws ImWaitException if the wait did not succeed (the infrastructure was then destroyed)
   */
  default InfrastructureId createAndWait(Template template, Wait wait) {
    return createAndWait(template, wait, null);
  }

  /**
   * Creates an infrastructure and waits for it without blocking, with the cleanup of
   * {@link #createAndWait(Template, Wait, Consumer)}. Cancelling the future (the caller gives
   * up) stops the polling and destroys the infrastructure, also when the create call was still running; so does
   * closing the client.
   *
   * @param progress receives state changes, on the client's executor threads; may be null
   */
  CompletableFuture<InfrastructureId> createAndWaitAsync(Template template, Wait wait,
      Consumer<WaitProgress> progress);

  /**
   * Creates an infrastructure from a TOSCA template object and waits for it, destroying it again if the wait
   * does not succeed; see {@link #createAndWait(Template, Wait, Consumer)}.
   *
   * @throws ImWaitException if the wait did not succeed (the infrastructure was then destroyed)
   */
  default InfrastructureId createAndWait(ToscaTemplate template, Wait wait, Consumer<WaitProgress> progress) {
    return createAndWait(Template.validated(template), wait, progress);
  }

  /**
   * Creates an infrastructure from a TOSCA template object and waits for it without a progress listener; see
   * {@link #createAndWait(Template, Wait, Consumer)}.
   *
   * @throws io.github.imsdk.tosca.ToscaValidationException if the template has problems; nothing is sent
   * @throws ImWaitException if the wait did not succeed (the infrastructure was then destroyed)
   */
  default InfrastructureId createAndWait(ToscaTemplate template, Wait wait) {
    return createAndWait(Template.validated(template), wait, null);
  }

  /**
   * Creates an infrastructure from a TOSCA template object and waits for it without blocking; see
   * {@link #createAndWaitAsync(Template, Wait, Consumer)}.
   */
  default CompletableFuture<InfrastructureId> createAndWaitAsync(ToscaTemplate template, Wait wait,
      Consumer<WaitProgress> progress) {
    return createAndWaitAsync(Template.validated(template), wait, progress);
  }

  /**
   * Deploys an infrastructure and hands it over as a {@link Deployment} whose {@code close()} destroys it, the safe
   * way to use one from a try-with-resources block: {@code POST /infrastructures?async=true}, polling
   * {@code GET /infrastructures/{id}/state} per {@code wait}, and {@code DELETE /infrastructures/{id}} on close
   * (or at once, as {@link #createAndWait(Template, Wait, Consumer)} does, if the wait fails).
   * <pre>{@code
   * try (Deployment d = im.infrastructures().deploy(template, Wait.configured())) {
   *   use(d.infrastructure().outputs().string("web_endpoint"));
   * }
   * }</pre>
   *
   * @param progress receives state changes; may be null
   * @throws ImWaitException if the wait did not succeed (the infrastructure was then destroyed)
   */
  Deployment deploy(Template template, Wait wait, Consumer<WaitProgress> progress);

  /** Deploys like {@link #deploy(Template, Wait, Consumer)}, without a progress listener. */
  default Deployment deploy(Template template, Wait wait) {
    return deploy(template, wait, null);
  }

  /**
   * Deploys a TOSCA template object, validated locally first; see {@link #deploy(Template, Wait, Consumer)}.
   *
   * @throws io.github.imsdk.tosca.ToscaValidationException if the template has problems; nothing is sent
   */
  default Deployment deploy(ToscaTemplate template, Wait wait, Consumer<WaitProgress> progress) {
    return deploy(Template.validated(template), wait, progress);
  }

  /**
   * Deploys a TOSCA template object without a progress listener; see {@link #deploy(Template, Wait, Consumer)}.
   *
   * @throws io.github.imsdk.tosca.ToscaValidationException if the template has problems; nothing is sent
   */
  default Deployment deploy(ToscaTemplate template, Wait wait) {
    return deploy(Template.validated(template), wait, null);
  }

  /**
   * Estimates the resources a template would use without creating anything
   * ({@code POST /infrastructures?dry_run=true}).
   */
  Estimate estimate(Template template);

  /** Estimates the resources of a TOSCA template object ({@code POST /infrastructures?dry_run=true}). */
  default Estimate estimate(ToscaTemplate template) {
    return estimate(Template.validated(template));
  }

  /**
   * Imports an infrastructure exported with {@link Infrastructure#export()} ({@code PUT /infrastructures}). The
   * infrastructure keeps its id; the caller becomes its only owner.
   *
   * @param exportedData the exported JSON document, as {@code export()} returned it
   */
  InfrastructureId importData(String exportedData);
}
