package io.github.imsdk.core.internal;

import io.github.imsdk.core.Deployment;
import io.github.imsdk.core.ImNotFoundException;
import io.github.imsdk.core.Infrastructure;
import io.github.imsdk.core.InfrastructureId;
import java.util.concurrent.atomic.AtomicBoolean;

/** A {@link Deployment} that destroys its infrastructure once, on the first {@link #close()}, unless kept. */
final class DefaultDeployment implements Deployment {

  private final Infrastructure infrastructure;
  private final AtomicBoolean kept = new AtomicBoolean();
  private final AtomicBoolean closed = new AtomicBoolean();

  DefaultDeployment(Infrastructure infrastructure) {
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

  // The one cleanup call: kept separate so that a shared destroy helper (e.g. one that rides out IM's 409 while
  // a VM is still being created) can take its place without touching close().
  private void destroyOwned() {
    try {
      infrastructure.destroy();
    } catch (ImNotFoundException gone) {
      // already destroyed (by IM, another client or the caller): nothing is left to pay for
    }
  }

  @Override
  public String toString() {
    return "Deployment[" + infrastructure.id() + (kept.get() ? ", kept" : "") + "]";
  }
}
