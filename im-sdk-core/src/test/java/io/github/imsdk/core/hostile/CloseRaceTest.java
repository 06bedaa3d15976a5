package io.github.imsdk.core.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.imsdk.auth.AuthLine;
import io.github.imsdk.auth.Credentials;
import io.github.imsdk.core.ImTransportException;
import io.github.imsdk.core.InfrastructureManager;
import io.github.imsdk.core.RetryPolicy;
import io.github.imsdk.core.Template;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** {@code close()} racing 30 callers whose answers never come (issue 14, row 3). */
class CloseRaceTest {

  private static final String TOSCA = "tosca_definitions_version: tosca_simple_yaml_1_0\n"
      + "metadata:\n  infra_name: race-infra\ntopology_template:\n  node_templates: {}\n";

  @Test
  void closeEndsEveryCallInFlightWithATransportErrorAndRefusesLaterOnes() throws Exception {
    // Given a server that holds every request without answering, and 20 of 30 callers waiting on it
    CountDownLatch received = new CountDownLatch(20);
    ExecutorService callers = Executors.newFixedThreadPool(30);
    try (RawServer server = new RawServer((req, out) -> {
      received.countDown();
      Thread.sleep(120_000);
    })) {
      InfrastructureManager im = InfrastructureManager.builder().endpoint(server.endpoint())
          .credentials(Credentials.of(AuthLine.builder("InfrastructureManager").id("im").set("username", "u")
              .set("password", "race-pass").build()))
          .retryPolicy(RetryPolicy.defaults()).build();
      List<Future<Throwable>> results = new ArrayList<>();
      for (int i = 0; i < 20; i++) {
        boolean create = i % 4 == 0;
        results.add(callers.submit(() -> outcome(() -> {
          if (create) {
            im.infrastructures().create(Template.tosca(TOSCA));
          } else {
            im.infrastructures().list();
          }
        })));
      }
      assertThat(received.await(60, TimeUnit.SECONDS)).as("20 calls reached the server").isTrue();

      // When close() runs while 10 more callers start
      CountDownLatch go = new CountDownLatch(1);
      for (int i = 0; i < 10; i++) {
        results.add(callers.submit(() -> {
          go.await();
          return outcome(() -> im.server().version());
        }));
      }
      go.countDown();
      im.close();

      // Then every caller ends, each with ImTransportException (in flight) or IllegalStateException (after
      // close), never a Jersey or HK2 type; a create in flight names its infra_name
      int transport = 0;
      for (Future<Throwable> f : results) {
        Throwable t = f.get(30, TimeUnit.SECONDS);
        assertThat(t).as("outcome").isNotNull();
        assertThat(t).isInstanceOfAny(ImTransportException.class, IllegalStateException.class);
        assertThat(t.getClass().getName()).doesNotContain("glassfish").doesNotContain("jersey");
        for (Throwable c = t.getCause(); c != null; c = c.getCause()) {
          assertThat(c.getClass().getName()).doesNotContain("glassfish").doesNotContain("hk2");
        }
        if (t instanceof ImTransportException e) {
          transport++;
          if (e.method().equals("POST")) {
            assertThat(e).hasMessageContaining("closed while the call was in flight")
                .hasMessageContaining("infra_name 'race-infra'");
          }
        }
      }
      assertThat(transport).as("calls in flight at close()").isGreaterThanOrEqualTo(20);
    } finally {
      callers.shutdownNow();
    }
  }

  @Test
  void aCallersOwnInterruptEndsItsCallAndStaysSet() throws Exception {
    // Given a server that holds every request without answering
    CountDownLatch received = new CountDownLatch(1);
    try (RawServer server = new RawServer((req, out) -> {
      received.countDown();
      Thread.sleep(120_000);
    }); InfrastructureManager im = InfrastructureManager.builder().endpoint(server.endpoint())
        .credentials(Credentials.of(AuthLine.builder("InfrastructureManager").id("im").set("username", "u")
            .set("password", "race-pass").build())).build()) {
      ExecutorService caller = Executors.newSingleThreadExecutor();
      try {
        Future<Object[]> result = caller.submit(() -> {
          Throwable t = null;
          try {
            im.infrastructures().list();
          } catch (RuntimeException e) {
            t = e;
          }
          return new Object[] {t, Thread.currentThread().isInterrupted()};
        });
        assertThat(received.await(60, TimeUnit.SECONDS)).isTrue();

        // When the calling thread is interrupted by its owner
        caller.shutdownNow(); // interrupts the pool's running thread

        // Then the call ends as interrupted, and the thread's flag is still set for its owner to see
        Object[] r = result.get(30, TimeUnit.SECONDS);
        assertThat((Throwable) r[0]).isInstanceOf(ImTransportException.class).hasMessageContaining("interrupted");
        assertThat((Boolean) r[1]).as("interrupt flag kept").isTrue();
      } finally {
        caller.shutdownNow();
      }
    }
  }

  /** The call's failure; an AssertionError if the call left its thread interrupted (close() must not). */
  private static Throwable outcome(Runnable call) {
    Throwable thrown = null;
    try {
      call.run();
    } catch (Throwable t) {
      thrown = t;
    }
    if (Thread.interrupted()) {
      return new AssertionError("the call left its thread interrupted", thrown);
    }
    return thrown;
  }
}
