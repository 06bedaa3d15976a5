package io.github.imsdk.core.internal;

import io.github.imsdk.core.Cloud;
import io.github.imsdk.core.Infrastructure;
import io.github.imsdk.core.InfrastructureId;
import io.github.imsdk.core.InfrastructureManager;
import io.github.imsdk.core.Infrastructures;
import io.github.imsdk.core.Server;
import io.github.imsdk.core.internal.http.ImHttp;
import io.github.imsdk.core.internal.wait.WaitSupport;
import io.github.imsdk.auth.AuthLine;
import io.github.imsdk.core.Placement;
import io.github.imsdk.core.internal.placement.PlacementEngine;
import java.net.URI;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;

/** The {@link InfrastructureManager} over one {@link ImHttp}; handles share it and are created without I/O. */
public final class DefaultInfrastructureManager implements InfrastructureManager {

  private final URI endpoint;
  private final ImHttp http;
  private final Runnable onClose;
  private final WaitSupport waits;
  private final AtomicBoolean closed = new AtomicBoolean();
  private final List<AuthLine> lines;

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
    this(endpoint, http, onClose, waits, List.of());
  }

  /**
   * Creates the client that knows the auth lines it sends, so that a placement can take its candidate clouds
   * from them.
   *
   * @param endpoint the IM endpoint, for display
   * @param http the execution point every call goes through
   * @param onClose releases the transport; run once, after {@code waits} is closed
   * @param waits the clock and executor of waits and asynchronous operations; closed by {@link #close()}
   * @param lines the credentials' auth lines
   */
  public DefaultInfrastructureManager(URI endpoint, ImHttp http, Runnable onClose, WaitSupport waits,
      List<AuthLine> lines) {
    this.lines = List.copyOf(lines);
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
  public Placement placement() {
    return new PlacementEngine(infrastructures(), this::cloud, this::infrastructure, this::discard, lines);
  }

  /**
   * Destroys an infrastructure a placement attempt created and gave up on; the one destroy path of placement, so
   * that it follows the client's cleanup (a failure is logged and added to {@code reason} as suppressed).
   */
  void discard(InfrastructureId id, RuntimeException reason) {
    new DefaultInfrastructure(http, id, waits).cleanUp(reason);
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
