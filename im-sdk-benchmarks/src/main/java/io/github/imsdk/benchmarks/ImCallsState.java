package io.github.imsdk.benchmarks;

import io.github.imsdk.core.Infrastructure;
import io.github.imsdk.core.InfrastructureManager;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * One stub and one client of each kind, shared by every benchmark thread of a trial: the SDK over its default
 * connector, the SDK over {@code jersey-jnh-connector}, plain Jersey over the default connector, and java.net.http +
 * Jackson. Each client made one call in {@link #setUp()}, so connection set-up and lazy initialisation are not
 * measured.
 */
@State(Scope.Benchmark)
public class ImCallsState {

  /** Stub worker threads: more than 2 cores need, so that a slow handler does not queue the others. */
  static final int STUB_WORKERS = 16;

  ImStub stub;
  InfrastructureManager sdk;
  InfrastructureManager sdkJnh;
  Infrastructure sdkInf;
  Infrastructure sdkJnhInf;
  RawJdkClient rawJdk;
  RawJerseyClient rawJersey;

  /** Starts the stub and the clients and checks that each one gets the recorded answer. */
  @Setup(Level.Trial)
  public void setUp() {
    stub = ImStub.start(STUB_WORKERS);
    sdk = SdkClients.standard(stub.endpoint());
    sdkJnh = SdkClients.withJavaNetHttpConnector(stub.endpoint());
    sdkInf = sdk.infrastructure(ImStub.INFRASTRUCTURE_ID);
    sdkJnhInf = sdkJnh.infrastructure(ImStub.INFRASTRUCTURE_ID);
    rawJdk = new RawJdkClient(stub.endpoint());
    rawJersey = new RawJerseyClient(stub.endpoint(), RawJerseyClient.Connector.HTTP_URL_CONNECTION);
    check(sdkInf.state().rawState(), "sdk");
    check(sdkJnhInf.state().rawState(), "sdk over jnh");
    check(rawJdk.state(ImStub.INFRASTRUCTURE_ID).state(), "raw jdk");
    check(rawJersey.state(ImStub.INFRASTRUCTURE_ID).state(), "raw jersey");
  }

  private static void check(String state, String who) {
    if (!"configured".equals(state)) {
      throw new IllegalStateException(who + " read state '" + state + "' instead of the recorded 'configured'");
    }
  }

  /** Closes the clients and stops the stub. */
  @TearDown(Level.Trial)
  public void tearDown() {
    sdk.close();
    sdkJnh.close();
    rawJersey.close();
    stub.close();
  }
}
