package io.github.imsdk.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.imsdk.core.InfrastructureManager;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class SdkClientsTest {

  private static ImStub stub;

  @BeforeAll
  static void start() {
    stub = ImStub.start(2);
  }

  @AfterAll
  static void stop() {
    stub.close();
  }

  @Test
  void standardClientReadsTheRecordedStateAndOutputs() {
    // Given the SDK client as users build it
    try (InfrastructureManager im = SdkClients.standard(stub.endpoint())) {
      // When it reads the state and the outputs
      var inf = im.infrastructure(ImStub.INFRASTRUCTURE_ID);

      // Then it gets the recorded answers
      assertThat(inf.state().rawState()).isEqualTo("configured");
      assertThat(inf.outputs().string("endpoint")).isEqualTo("http://10.0.0.1:8080/");
      assertThat(im.server().version()).isEqualTo("1.19.2");
    }
  }

  @Test
  void theStandardClientRunsOverItsPinnedJavaNetHttpConnector() {
    // Given the JDK HttpClient threads alive before
    Set<Long> before = selectorThreads();

    // When the SDK client as users build it makes a call
    try (InfrastructureManager im = SdkClients.standard(stub.endpoint())) {
      String state = im.infrastructure(ImStub.INFRASTRUCTURE_ID).state().rawState();

      // Then the call succeeded through a new java.net.http client
      assertThat(state).isEqualTo("configured");
      assertThat(selectorThreads()).isNotEmpty().isNotEqualTo(before);
    }
  }

  private static Set<Long> selectorThreads() {
    return Thread.getAllStackTraces().keySet().stream()
        .filter(t -> t.getName().startsWith("HttpClient-") && t.getName().endsWith("-SelectorManager"))
        .map(Thread::getId)
        .collect(Collectors.toSet());
  }
}
