package io.github.imsdk.benchmarks;

import io.github.imsdk.auth.AuthLine;
import io.github.imsdk.auth.Credentials;
import io.github.imsdk.core.InfrastructureManager;
import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.util.Collections;
import java.util.Enumeration;

/**
 * Builds the im-sdk clients under test, with the credentials of the recorded exchanges.
 *
 * <p>im-sdk-core builds its Jersey client with Jersey's default connector, and Jersey picks that default through
 * {@code META-INF/services/org.glassfish.jersey.client.spi.ConnectorProvider} on the thread's context class
 * loader. {@link #withJavaNetHttpConnector(URI)} uses that hook to measure the SDK over another connector without
 * changing the core module.
 */
public final class SdkClients {

  private static final String CONNECTOR_SERVICE = "META-INF/services/org.glassfish.jersey.client.spi.ConnectorProvider";
  private static final String JNH_SERVICE_FILE = "io/github/imsdk/benchmarks/connectors/jnh/" + CONNECTOR_SERVICE;

  private SdkClients() {}

  /** Returns the credentials of the recorded exchanges: an IM user/password line and a Dummy line. */
  public static Credentials credentials() {
    return Credentials.of(
        AuthLine.builder("InfrastructureManager").id("im").set("username", "user").set("password", "pass").build(),
        AuthLine.builder("Dummy").id("dummy").build());
  }

  /** Returns an SDK client of {@code endpoint} as users build it (default connector). */
  public static InfrastructureManager standard(URI endpoint) {
    return InfrastructureManager.builder().endpoint(endpoint).credentials(credentials()).build();
  }

  /** Returns an SDK client of {@code endpoint} whose Jersey client runs over {@code jersey-jnh-connector}. */
  public static InfrastructureManager withJavaNetHttpConnector(URI endpoint) {
    Thread thread = Thread.currentThread();
    ClassLoader previous = thread.getContextClassLoader();
    ClassLoader parent = previous != null ? previous : SdkClients.class.getClassLoader();
    thread.setContextClassLoader(new ConnectorChoosingLoader(parent));
    try {
      return standard(endpoint);
    } finally {
      thread.setContextClassLoader(previous);
    }
  }

  /** Answers Jersey's connector-provider service lookup with one file and delegates everything else. */
  private static final class ConnectorChoosingLoader extends ClassLoader {

    ConnectorChoosingLoader(ClassLoader parent) {
      super(parent);
    }

    @Override
    public Enumeration<URL> getResources(String name) throws IOException {
      if (CONNECTOR_SERVICE.equals(name)) {
        URL url = getParent().getResource(JNH_SERVICE_FILE);
        if (url == null) {
          throw new IOException(JNH_SERVICE_FILE + " is missing from the classpath");
        }
        return Collections.enumeration(Collections.singletonList(url));
      }
      return super.getResources(name);
    }
  }
}
