package io.github.imsdk.core.internal;

import io.github.imsdk.core.Deployment;
import io.github.imsdk.ImException;
import io.github.imsdk.core.Infrastructure;
import io.github.imsdk.core.InfrastructureId;
import java.util.concurrent.atomic.AtomicBoolean;

/** A {@link Deployment} that destroys its infrastructure once, on the first {@link #close()}, unless kept. */
final class DefaultDeployment implements Deployment {

  private final DefaultInfrastructure infrastructure;
  private final AtomicBoolean kept = new AtomicBoolean();
  private final AtomicBoolean closed = new AtomicBoolean();

  DefaultDeployment(DefaultInfrastructure infrastructure) {
    this.infrastructure = infrastructure;
  }

  @Override
  public InfrastructureId id() {
    return infrastructure.id();
  }

  @Override
  public Infrastructure infrastructure() {
    return infrastructure;
  }

  @Override
  public InfrastructureId keep() {
    kept.set(true);
    return infrastructure.id();
  }

  @Override
  public boolean kept() {
    return kept.get();
  }

  @Override
  public void close() {
    if (kept.get() || !closed.compareAndSet(false, true)) {
      return;
    }
    destroyOwned();
  }

  // Through Cleanup, as every other cleanup path: a close() right after the create meets IM's 409 while it is still
  // adding VMs, and one DELETE would then leave a billable infrastructure behind. 404 counts as gone.
  private void destroyOwned() {
    Cleanup.Outcome outcome = infrastructure.destroyThroughConflicts();
    if (!outcome.gone()) {
      throw new ImException("infrastructure " + infrastructure.id() + " was NOT destroyed when its deployment closed"
          + " and may still cost money; destroy it yourself (DELETE /infrastructures/" + infrastructure.id() + "): "
          + outcome.detail());
    }
  }

  @Override
  public String toString() {
    return "Deployment[" + infrastructure.id() + (kept.get() ? ", kept" : "") + "]";
  }
}
