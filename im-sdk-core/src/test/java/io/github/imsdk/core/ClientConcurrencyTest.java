package io.github.imsdk.core;

import static io.github.imsdk.core.internal.StubClients.ID;
import static io.github.imsdk.core.internal.StubClients.INF;
import static io.github.imsdk.core.internal.StubClients.json;
import static io.github.imsdk.core.internal.StubClients.state;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockserver.model.HttpRequest.request;
import static org.mockserver.model.HttpResponse.response;

import io.github.imsdk.auth.Tls;
import io.github.imsdk.core.internal.StubClients;
import io.github.imsdk.core.internal.StubServer;
import io.github.imsdk.core.internal.wait.WaitSupport;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.mockserver.integration.ClientAndServer;

/**
 * 200 threads share one client built by the public builder; closing it leaves no thread of its own alive. 32
 * threads do the same over TLS.
 */
class ClientConcurrencyTest {
  private static final int THREADS = 200;
  private static final int CALLS_PER_THREAD = 6;

  @RegisterExtension
  static final StubServer SERVER = new StubServer();
  private static final ClientAndServer mock = SERVER.mock();

  private static void stubIm() {
    mock.when(request().withMethod("GET").withPath(INF + "/state")).respond(state("configured", "configured"));
    mock.when(request().withMethod("GET").withPath("/infrastructures"))
        .respond(json("{\"uri-list\": [{\"uri\": \"http://h/infrastructures/" + ID + "\"}]}"));
    mock.when(request().withMethod("GET").withPath(INF + "/contmsg")).respond(json("{\"contmsg\": \"ok\"}"));
    mock.when(request().withMethod("GET").withPath(INF + "/outputs"))
        .respond(json("{\"outputs\": {\"endpoint\": \"http://127.0.0.5:8080\"}}"));
    mock.when(request().withMethod("GET").withPath(INF + "/vms/0")).respond(json("{\"radl\": [{\"class\": "
        + "\"network\", \"id\": \"public\", \"outbound\": \"yes\"}, {\"class\": \"system\", \"id\": \"front\", "
        + "\"state\": \"configured\", \"net_interface.0.connection\": \"public\", \"net_interface.0.ip\": "
        + "\"127.0.0.7\"}]}"));
    mock.when(request().withMethod("GET").withPath("/version"))
        .respond(response().withHeader("Content-Type", "text/plain").withBody("2.0.0"));
  }

  private static List<String> clientThreads() {
    List<String> names = new ArrayList<>();
    for (Thread t : Thread.getAllStackTraces().keySet()) {
      if (t.isAlive() && t.getName().startsWith(WaitSupport.THREAD_PREFIX)) {
        names.add(t.getName());
      }
    }
    return names;
  }

  @Test
  void twoHundredThreadsShareOneClientWithoutErrorsAndCloseLeavesNoThreadOfIts() throws InterruptedException {
    // Given
    stubIm();
    InfrastructureManager im = InfrastructureManager.builder().endpoint("http://127.0.0.1:" + mock.getPort())
        .credentials(StubClients.userPassword()).build();
    Queue<Throwable> errors = new ConcurrentLinkedQueue<>();
    AtomicInteger calls = new AtomicInteger();
    Queue<CompletableFuture<Void>> asyncWaits = new ConcurrentLinkedQueue<>();
    CountDownLatch start = new CountDownLatch(1);
    List<Thread> threads = new ArrayList<>();
    for (int i = 0; i < THREADS; i++) {
      int n = i;
      Thread t = new Thread(() -> {
        try {
          start.await();
          Infrastructure inf = im.infrastructure(ID);
          for (int c = 0; c < CALLS_PER_THREAD; c++) {
            switch ((n + c) % 6) {
              case 0 -> assertThat(inf.state().isConfigured()).isTrue();
              case 1 -> assertThat(im.infrastructures().list()).containsExactly(InfrastructureId.of(ID));
              case 2 -> assertThat(inf.contmsg()).isEqualTo("ok");
              case 3 -> assertThat(inf.outputs().string("endpoint")).isEqualTo("http://127.0.0.5:8080");
              case 4 -> assertThat(inf.vm("0").info()).isNotNull();
              default -> {
                if (n % 10 == 0) {
                  asyncWaits.add(inf.waitUntilAsync(Wait.configured(), null));
                } else {
                  assertThat(im.server().version()).isEqualTo("2.0.0");
                }
              }
            }
            calls.incrementAndGet();
          }
        } catch (Throwable e) {
          errors.add(e);
        }
      }, "caller-" + i);
      threads.add(t);
      t.start();
    }

    // When
    start.countDown();
    for (Thread t : threads) {
      t.join(120_000);
      assertThat(t.isAlive()).as("%s finished", t.getName()).isFalse();
    }
    for (CompletableFuture<Void> f : asyncWaits) {
      f.join();
    }
    List<String> whileOpen = clientThreads();
    im.close();

    // Then
    assertThat(errors).isEmpty();
    assertThat(calls).hasValue(THREADS * CALLS_PER_THREAD);
    assertThat(asyncWaits).hasSize(20);
    assertThat(whileOpen).as("the async waits ran on the client's threads").isNotEmpty();
    assertThat(clientThreads()).as("client threads alive after close()").isEmpty();
    assertThat(mock.retrieveRecordedRequests(request()).length).isEqualTo(THREADS * CALLS_PER_THREAD);
  }

  @Test
  void manyCallersOverTlsShareOneClient(@TempDir Path tmp) throws Exception {
    // Given MockServer answering over TLS (its own CA) and a client trusting that CA: the pinned connector runs
    // the JDK client's work, TLS included, on its selector thread, so this is the case that would hang if any of
    // it blocked
    stubIm();
    Path pem = tmp.resolve("ca.pem");
    try (InputStream in = getClass().getClassLoader()
        .getResourceAsStream("org/mockserver/socket/CertificateAuthorityCertificate.pem")) {
      Files.copy(in, pem);
    }
    int threads = 32;
    int perThread = 20;
    Queue<Throwable> errors = new ConcurrentLinkedQueue<>();
    AtomicInteger calls = new AtomicInteger();
    try (InfrastructureManager im = InfrastructureManager.builder().endpoint("https://localhost:" + mock.getPort())
        .tls(Tls.caBundle(pem)).credentials(StubClients.userPassword()).build()) {
      ExecutorService pool = Executors.newFixedThreadPool(threads);
      try {
        // When every caller makes its calls at once (fresh TLS connections first, then kept-alive ones)
        CountDownLatch start = new CountDownLatch(1);
        List<Future<?>> done = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
          done.add(pool.submit(() -> {
            try {
              start.await();
              Infrastructure inf = im.infrastructure(ID);
              for (int c = 0; c < perThread; c++) {
                if (c % 2 == 0) {
                  assertThat(inf.state().isConfigured()).isTrue();
                } else {
                  assertThat(inf.outputs().string("endpoint")).isEqualTo("http://127.0.0.5:8080");
                }
                calls.incrementAndGet();
              }
            } catch (Throwable e) {
              errors.add(e);
            }
            return null;
          }));
        }
        start.countDown();
        for (Future<?> f : done) {
          f.get(120, TimeUnit.SECONDS); // a safety net far above the few seconds this takes; it measures nothing
        }
      } finally {
        pool.shutdownNow();
      }
    }

    // Then every call succeeded
    assertThat(errors).isEmpty();
    assertThat(calls).hasValue(threads * perThread);
  }
}
