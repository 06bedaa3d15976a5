package io.github.imsdk.core.internal;

import io.github.imsdk.core.Cloud;
import io.github.imsdk.core.Infrastructure;
import io.github.imsdk.core.InfrastructureId;
import io.github.imsdk.core.InfrastructureManager;
import io.github.imsdk.core.Infrastructures;
import io.github.imsdk.core.Server;
import io.github.imsdk.core.internal.http.ImHttp;
import io.github.imsdk.core.internal.wait.WaitSupport;
import java.net.URI;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;

/** The {@link InfrastructureManager} over one {@link ImHttp}; handles share it and are created without I/O. */
public final class DefaultInfrastructureManager implements InfrastructureManager {

  private final URI endpoint;
  private final ImHttp http;
  private final Runnable onClose;
  private final WaitSupport waits;
  private final AtomicBoolean closed = new AtomicBoolean();

  /**
   * Creates the client with waits on the JVM clock and an owned daemon executor for asynchronous operations.
   *
   * @param endpoint the IM endpoint, for display
   * @param http the execution point every call goes through
   * @param onClose releases the transport; run once
   */
  public DefaultInfrastructureManager(URI endpoint, ImHttp http, Runnable onClose) {
    this(endpoint, http, onClose, WaitSupport.system(null));
  }

  /**
   * Creates the client.
   *
   * @param endpoint the IM endpoint, for display
   * @param http the execution point every call goes through
   * @param onClose releases the transport; run once, after {@code waits} is closed
   * @param waits the clock and executor of waits and asynchronous operations; closed by {@link #close()}
   */
  public DefaultInfrastructureManager(URI endpoint, ImHttp http, Runnable onClose, WaitSupport waits) {
    this.endpoint = Objects.requireNonNull(endpoint, "endpoint");
    this.http = Objects.requireNonNull(http, "http");
    this.onClose = Objects.requireNonNull(onClose, "onClose");
    this.waits = Objects.requireNonNull(waits, "waits");
  }

  /** Returns the execution point, for decorators and tests in this module. */
  public ImHttp http() {
    return http;
  }

  @Override
  public Infrastructures infrastructures() {
    return new DefaultInfrastructures(http, waits);
  }

  @Override
  public Infrastructure infrastructure(InfrastructureId id) {
    return new DefaultInfrastructure(http, Objects.requireNonNull(id, "id"), waits);
  }

  @Override
  public Cloud cloud(String cloudId) {
    return new DefaultCloud(http, cloudId);
  }

  @Override
  public Server server() {
    return new DefaultServer(http);
  }

  @Override
  public URI endpoint() {
    return endpoint;
  }

  @Override
  public void close() {
    if (closed.compareAndSet(false, true)) {
      try {
        waits.close(); // first: cancelled create-and-waits still need HTTP to destroy what they created
      } finally {
        onClose.run();
      }
    }
  }

  @Override
  public String toString() {
    return "InfrastructureManager[" + endpoint + "]";
  }
}
