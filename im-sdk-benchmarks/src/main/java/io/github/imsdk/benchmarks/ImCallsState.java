package io.github.imsdk.benchmarks;

import io.github.imsdk.core.Infrastructure;
import io.github.imsdk.core.InfrastructureManager;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * The JMH states of {@link CallOverheadBenchmark}: a stub per trial and one client, so that a fork builds only the
 * client it measures. Each client made one call in its set-up, so connection set-up and lazy initialisation are not
 * measured.
 */
public final class ImCallsState {

  /** Stub worker threads: more than 2 cores need, so that a slow handler does not queue the others. */
  static final int STUB_WORKERS = 16;

  private ImCallsState() {}

  static void check(String state, String who) {
    if (!"configured".equals(state)) {
      throw new IllegalStateException(who + " read state '" + state + "' instead of the recorded 'configured'");
    }
  }

  /** im-sdk as users build it. */
  @State(Scope.Benchmark)
  public static class Sdk {
    ImStub stub;
    InfrastructureManager im;
    Infrastructure inf;

    /** Starts the stub and the client. */
    @Setup(Level.Trial)
    public void setUp() {
      stub = ImStub.start(STUB_WORKERS);
      im = SdkClients.standard(stub.endpoint());
      inf = im.infrastructure(ImStub.INFRASTRUCTURE_ID);
      check(inf.state().rawState(), "im-sdk");
    }

    /** Closes the client and the stub. */
    @TearDown(Level.Trial)
    public void tearDown() {
      im.close();
      stub.close();
    }
  }

  /** java.net.http + Jackson. */
  @State(Scope.Benchmark)
  public static class RawJdk {
    ImStub stub;
    RawJdkClient client;

    /** Starts the stub and the client. */
    @Setup(Level.Trial)
    public void setUp() {
      stub = ImStub.start(STUB_WORKERS);
      client = new RawJdkClient(stub.endpoint());
      check(client.state(ImStub.INFRASTRUCTURE_ID).state(), "raw java.net.http");
    }

    /** Stops the stub (java.net.http on Java 17 has no close). */
    @TearDown(Level.Trial)
    public void tearDown() {
      stub.close();
    }
  }

  /** Plain Jersey (default connector) + Jackson. */
  @State(Scope.Benchmark)
  public static class RawJersey {
    ImStub stub;
    RawJerseyClient client;

    /** Starts the stub and the client. */
    @Setup(Level.Trial)
    public void setUp() {
      stub = ImStub.start(STUB_WORKERS);
      client = new RawJerseyClient(stub.endpoint(), RawJerseyClient.Connector.HTTP_URL_CONNECTION);
      check(client.state(ImStub.INFRASTRUCTURE_ID).state(), "raw Jersey");
    }

    /** Closes the client and the stub. */
    @TearDown(Level.Trial)
    public void tearDown() {
      client.close();
      stub.close();
    }
  }
}
