package io.github.imsdk.benchmarks;

import io.github.imsdk.core.Infrastructure;
import io.github.imsdk.core.InfrastructureManager;
import java.net.URI;
import java.util.function.Function;
import java.util.function.Supplier;

/** The clients compared outside JMH, each reduced to "read the state once" and "release". */
enum ClientKind {
  /** im-sdk as users build it (its pinned java.net.http connector). */
  SDK("im-sdk (pinned connector)", uri -> sdk(SdkClients.standard(uri))),
  /** java.net.http.HttpClient + Jackson: the baseline of every ratio. */
  RAW_JDK("raw java.net.http + Jackson", uri -> {
    RawJdkClient raw = new RawJdkClient(uri);
    return new Handle(() -> raw.state(ImStub.INFRASTRUCTURE_ID).state(), () -> {});
  }),
  /** Plain Jersey + Jackson on the default connector. */
  RAW_JERSEY("raw Jersey (default connector)", uri -> jersey(uri, RawJerseyClient.Connector.HTTP_URL_CONNECTION)),
  /** Plain Jersey + Jackson on jersey-jnh-connector. */
  RAW_JERSEY_JNH("raw Jersey (jnh connector)", uri -> jersey(uri, RawJerseyClient.Connector.JAVA_NET_HTTP));

  /** A live client: one state call, and how to release it. */
  record Handle(Supplier<String> state, AutoCloseable release) implements AutoCloseable {

    /** Reads the state and checks it is the recorded one. */
    void call() {
      String s = state.get();
      if (!"configured".equals(s)) {
        throw new IllegalStateException("read state '" + s + "' instead of the recorded 'configured'");
      }
    }

    @Override
    public void close() throws Exception {
      release.close();
    }
  }

  private final String label;
  private final Function<URI, Handle> factory;

  ClientKind(String label, Function<URI, Handle> factory) {
    this.label = label;
    this.factory = factory;
  }

  /** Returns the name shown in reports. */
  String label() {
    return label;
  }

  /** Builds a client of {@code endpoint}. */
  Handle open(URI endpoint) {
    return factory.apply(endpoint);
  }

  private static Handle sdk(InfrastructureManager im) {
    Infrastructure inf = im.infrastructure(ImStub.INFRASTRUCTURE_ID);
    return new Handle(() -> inf.state().rawState(), im);
  }

  private static Handle jersey(URI uri, RawJerseyClient.Connector connector) {
    RawJerseyClient c = new RawJerseyClient(uri, connector);
    return new Handle(() -> c.state(ImStub.INFRASTRUCTURE_ID).state(), c);
  }
}
