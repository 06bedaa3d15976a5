package io.github.imsdk.core;

import io.github.imsdk.tosca.ToscaTemplate;

import io.github.imsdk.auth.AuthLine;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * One infrastructure: a cheap, immutable handle from {@link InfrastructureManager#infrastructure(InfrastructureId)}
 * that does no I/O until a method is called. Every method maps to one IM call under
 * {@code /infrastructures/{id}}.
 */
public interface Infrastructure {

  /** Returns the id. */
  InfrastructureId id();

  /** Returns the aggregated state and each VM's state ({@code GET /infrastructures/{id}/state}). */
  InfrastructureState state();

  /**
   * Returns the evaluated TOSCA outputs ({@code GET /infrastructures/{id}/outputs}).
   *
   * @throws ImForbiddenException on IM 2.0 for an infrastructure not created from TOSCA (IM 1.19 answers
   *     {@link ImBadRequestException})
   */
  Outputs outputs();

  /** Returns the full contextualization log ({@code GET /infrastructures/{id}/contmsg}). */
  String contmsg();

  /**
   * Returns only the infrastructure-level part of the contextualization log
   * ({@code GET /infrastructures/{id}/contmsg?headeronly=true}).
   */
  String contmsgHeaderOnly();

  /** Returns the infrastructure's RADL text ({@code GET /infrastructures/{id}/radl}). */
  String radl();

  /** Returns the stored TOSCA template as YAML ({@code GET /infrastructures/{id}/tosca}). */
  String tosca();

  /**
   * Exports the infrastructure ({@code GET /infrastructures/{id}/data}); the result can be given to
   * {@link Infrastructures#importData(String)}. It contains the owners' IM credentials: store it as a secret.
   */
  String export();

  /**
   * Exports the infrastructure and removes it from IM, leaving its cloud resources running
   * ({@code GET /infrastructures/{id}/data?delete=true}).
   */
  String exportAndRemove();

  /** Returns the owners' IM user names ({@code GET /infrastructures/{id}/authorization}). */
  List<String> owners();

  /**
   * Adds an owner ({@code POST /infrastructures/{id}/authorization}). {@code imCredentials} is an
   * {@code InfrastructureManager} line with {@code username}/{@code password} or {@code token}; IM validates it
   * like a login.
   *
   * @throws IllegalArgumentException if the line is not an {@code InfrastructureManager} line
   */
  void addOwner(AuthLine imCredentials);

  /**
   * Makes {@code imCredentials} the only owner ({@code POST /infrastructures/{id}/authorization?overwrite=true}).
   *
   * @throws IllegalArgumentException if the line is not an {@code InfrastructureManager} line
   */
  void replaceOwners(AuthLine imCredentials);

  /** Starts every VM ({@code PUT /infrastructures/{id}/start}). */
  void start();

  /** Stops every VM ({@code PUT /infrastructures/{id}/stop}). */
  void stop();

  /** Re-runs contextualization on every VM ({@code PUT /infrastructures/{id}/reconfigure}). */
  void reconfigure();

  /**
   * Re-runs contextualization with new {@code configure} blocks, credentials or applications from
   * {@code template} ({@code PUT /infrastructures/{id}/reconfigure}).
   */
  void reconfigure(Template template);

  /** Re-runs contextualization with a TOSCA template object ({@code PUT /infrastructures/{id}/reconfigure}). */
  default void reconfigure(ToscaTemplate template) {
    reconfigure(Template.of(template));
  }

  /**
   * Re-runs contextualization on the given VMs only, optionally with a template
   * ({@code PUT /infrastructures/{id}/reconfigure?vm_list=0,2}).
   *
   * @param template the new configuration, or {@code null} for none
   * @param vmIds the VM ids, at least one
   * @throws IllegalArgumentException if {@code vmIds} is empty or holds a non-numeric id
   */
  void reconfigure(Template template, Collection<String> vmIds);

  /**
   * Adds the resources described by {@code template} and re-runs contextualization; returns the new VMs' ids
   * ({@code POST /infrastructures/{id}}). For TOSCA the template is merged with the stored one.
   */
  List<String> addResources(Template template);

  /** Adds resources, choosing whether contextualization is re-run ({@code POST /infrastructures/{id}?context=}). */
  List<String> addResources(Template template, Contextualization contextualization);

  /**
   * Merges a TOSCA template object with the stored one (more {@code count}, a {@code removal_list}) and returns
   * the new VMs' ids ({@code POST /infrastructures/{id}}).
   */
  default List<String> addResources(ToscaTemplate template) {
    return addResources(Template.of(template));
  }

  /** Merges a TOSCA template object, choosing whether contextualization is re-run. */
  default List<String> addResources(ToscaTemplate template, Contextualization contextualization) {
    return addResources(Template.of(template), contextualization);
  }

  /** Removes the given VMs and re-runs contextualization ({@code DELETE /infrastructures/{id}/vms/{ids}}). */
  void removeVms(Collection<String> vmIds);

  /**
   * Removes the given VMs, choosing whether contextualization is re-run
   * ({@code DELETE /infrastructures/{id}/vms/{ids}?context=}).
   *
   * @throws IllegalArgumentException if {@code vmIds} is empty or holds a non-numeric id
   */
  void removeVms(Collection<String> vmIds, Contextualization contextualization);

  /** Destroys the infrastructure and its cloud resources ({@code DELETE /infrastructures/{id}}). */
  void destroy();

  /** Destroys the infrastructure with options ({@code DELETE /infrastructures/{id}?force=&async=}). */
  void destroy(DestroyOptions options);

  /**
   * Blocks until the condition of {@code wait} holds, polling {@code GET /infrastructures/{id}/state} with
   * backoff; see {@link Wait} for how each reading is judged.
   * <pre>{@code
   * inf.waitUntil(Wait.configured().withTimeout(Duration.ofMinutes(45)));
   * }</pre>
   *
   * @throws ImWaitException on a failure state, the timeout, an error that waiting will not heal, or interruption
   *     (the interrupt flag is then set again); it carries the last state and the head of the contextualization
   *     log ({@code GET /infrastructures/{id}/contmsg})
   */
  default void waitUntil(Wait wait) {
    waitUntil(wait, null);
  }

  /**
   * Blocks until the condition of {@code wait} holds, like {@link #waitUntil(Wait)}, telling {@code progress}
   * about each state change of the infrastructure and of each VM. The listener runs on the waiting thread; an
   * exception it throws is logged and ignored.
   *
   * @param progress receives state changes; may be null
   * @throws ImWaitException on a failure state, the timeout, an error that waiting will not heal, or interruption
   */
  void waitUntil(Wait wait, Consumer<WaitProgress> progress);

  /**
   * Waits like {@link #waitUntil(Wait, Consumer)} without blocking: the polls run on the
   * client's executor and no thread is held between them. The future completes exceptionally with an
   * {@link ImWaitException} on failure; cancelling it stops the polling.
   *
   * @param progress receives state changes, on the executor's threads; may be null
   */
  CompletableFuture<Void> waitUntilAsync(Wait wait,
      Consumer<WaitProgress> progress);

  /**
   * Destroys the infrastructure without blocking: sends {@code DELETE /infrastructures/{id}?async=true}, then
   * polls until IM answers 404 ({@link Wait#deleted()}). Cancelling the future stops the polling (IM goes on
   * deleting).
   */
  default CompletableFuture<Void> destroyAsync() {
    return destroyAsync(Wait.deleted());
  }

  /**
   * Destroys the infrastructure without blocking, like {@link #destroyAsync()}, waiting per {@code deleted}.
   *
   * @param deleted a {@link Wait#deleted()} condition, e.g. with another timeout
   * @throws IllegalArgumentException if {@code deleted} does not wait for deletion
   */
  CompletableFuture<Void> destroyAsync(Wait deleted);

  /** Lists the infrastructure's VMs ({@code GET /infrastructures/{id}}). */
  List<Vm> vms();

  /**
   * Returns a handle on VM {@code vmId} (no I/O).
   *
   * <p>VM ids stay plain strings, unlike {@link InfrastructureId}: IM numbers the VMs of each infrastructure
   * {@code "0"}, {@code "1"}, ... so an id means nothing without its infrastructure, which this handle already
   * carries; a type would add no safety, only wrapping at every call. The id is checked here instead.
   *
   * @throws IllegalArgumentException if {@code vmId} is not a non-negative integer
   */
  Vm vm(String vmId);

  /**
   * Reads the state like {@link #state()} without blocking the caller: the call runs on the client's executor
   * ({@code GET /infrastructures/{id}/state}).
   */
  CompletableFuture<InfrastructureState> stateAsync();

  /**
   * Reads the outputs like {@link #outputs()} on the client's executor
   * ({@code GET /infrastructures/{id}/outputs}).
   */
  CompletableFuture<Outputs> outputsAsync();

  /**
   * Adds resources like {@link #addResources(Template)} on the client's executor; completes with the new VMs' ids
   * ({@code POST /infrastructures/{id}}), which IM answers once the VMs are launched.
   */
  CompletableFuture<List<String>> addResourcesAsync(Template template);

  /**
   * Removes VMs like {@link #removeVms(Collection)} on the client's executor
   * ({@code DELETE /infrastructures/{id}/vms/{ids}}).
   */
  CompletableFuture<Void> removeVmsAsync(Collection<String> vmIds);

  /**
   * Re-runs contextualization like {@link #reconfigure()} on the client's executor
   * ({@code PUT /infrastructures/{id}/reconfigure}).
   */
  CompletableFuture<Void> reconfigureAsync();

  /**
   * Reconfigures with a new template like {@link #reconfigure(Template)} on the client's executor
   * ({@code PUT /infrastructures/{id}/reconfigure}).
   */
  CompletableFuture<Void> reconfigureAsync(Template template);
}
