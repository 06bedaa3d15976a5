package io.github.imsdk.core.internal;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.mockserver.integration.ClientAndServer;

/**
 * The stub IM a test class shares: a MockServer on loopback and a free port, started with the class, emptied of
 * expectations and recorded requests before each test, and stopped after the class.
 *
 * <pre>{@code
 * @RegisterExtension
 * static final StubServer SERVER = new StubServer();
 * private static final ClientAndServer mock = SERVER.mock();
 * }</pre>
 */
public final class StubServer implements BeforeEachCallback, AfterAllCallback {

  private final ClientAndServer mock = ClientAndServer.startClientAndServer(0);

  /** Returns the running server. */
  public ClientAndServer mock() {
    return mock;
  }

  @Override
  public void beforeEach(ExtensionContext context) {
    mock.reset();
  }

  @Override
  public void afterAll(ExtensionContext context) {
    mock.stop();
  }
}
