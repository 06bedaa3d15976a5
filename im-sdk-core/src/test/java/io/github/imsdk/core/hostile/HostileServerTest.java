package io.github.imsdk.core.hostile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.github.imsdk.auth.AuthLine;
import io.github.imsdk.auth.Credentials;
import io.github.imsdk.core.ImResponseException;
import io.github.imsdk.core.ImTransportException;
import io.github.imsdk.core.InfrastructureManager;
import io.github.imsdk.core.RetryPolicy;
import io.github.imsdk.core.Template;
import io.github.imsdk.core.Timeouts;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Servers on loopback that answer badly on purpose (issue 14, rows 1-3). Each call must end within its bound with
 * a typed exception, and the heap must stay bounded: this class runs in its own surefire execution with
 * {@code -Xmx128m}, so an answer buffered without a cap would end in {@link OutOfMemoryError}.
 *
 * <p>The {@code assertTimeoutPreemptively} bounds are safety nets far above the configured deadlines (a hung call
 * fails the test instead of hanging the build); they measure nothing.
 */
class HostileServerTest {

  private static final Duration NET = Duration.ofSeconds(60);
  private static final String TOSCA = "tosca_definitions_version: tosca_simple_yaml_1_0\n"
      + "metadata:\n  infra_name: hostile-test-infra\ntopology_template:\n  node_templates: {}\n";

  private static InfrastructureManager client(RawServer server, Timeouts timeouts) {
    return InfrastructureManager.builder().endpoint(server.endpoint())
        .credentials(Credentials.of(AuthLine.builder("InfrastructureManager").id("im").set("username", "u")
            .set("password", "hostile-pass").build()))
        .retryPolicy(RetryPolicy.none()).timeouts(timeouts).build();
  }

  private static Timeouts shortCalls() {
    return new Timeouts(Duration.ofSeconds(2), Duration.ofSeconds(2), Duration.ofSeconds(2), Duration.ofSeconds(2));
  }

  private static void head(OutputStream out, String headers) throws IOException {
    out.write(("HTTP/1.1 200 OK\r\n" + headers + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
    out.flush();
  }

  @Test
  void aHugeBodyHitsTheDefaultCapNotTheHeap() throws Exception {
    // Given a server answering 200 MB, with its length declared only after the fact (chunked)
    try (RawServer server = new RawServer((req, out) -> {
      head(out, "Content-Type: text/plain\r\nTransfer-Encoding: chunked\r\n");
      byte[] chunk = new byte[1 << 20];
      String size = Integer.toHexString(chunk.length) + "\r\n";
      for (int i = 0; i < 200; i++) {
        out.write(size.getBytes(StandardCharsets.ISO_8859_1));
        out.write(chunk);
        out.write("\r\n".getBytes(StandardCharsets.ISO_8859_1));
      }
      out.write("0\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
    }); InfrastructureManager im = client(server, Timeouts.DEFAULT)) {

      // When a call reads it (default cap, -Xmx128m)
      Throwable thrown = assertTimeoutPreemptively(NET, () -> catchThrowable(() -> im.server().version()));

      // Then it is an ImResponseException naming the call and the cap
      assertThat(thrown).isInstanceOf(ImResponseException.class)
          .hasMessageContaining("GET /version").hasMessageContaining("33554432-byte limit");
    }
  }

  @Test
  void aDeclaredHugeBodyIsRefusedBeforeReadingIt() throws Exception {
    // Given a server declaring 2 GiB
    try (RawServer server = new RawServer((req, out) -> {
      head(out, "Content-Type: text/plain\r\nContent-Length: 2147483648\r\n");
      out.write(new byte[1024]);
      Thread.sleep(30_000);
    }); InfrastructureManager im = InfrastructureManager.builder().endpoint(server.endpoint())
        .maxResponseSize(1024 * 1024).build()) {

      // When a call reads it with a 1 MiB cap
      Throwable thrown = assertTimeoutPreemptively(NET, () -> catchThrowable(() -> im.server().version()));

      // Then it is refused from its Content-Length
      assertThat(thrown).isInstanceOf(ImResponseException.class).hasMessageContaining("GET /version")
          .hasMessageContaining("1048576-byte limit").hasMessageContaining("Content-Length 2147483648");
    }
  }

  @Test
  void anEndlessChunkedBodyHitsTheCap() throws Exception {
    // Given a server whose chunked answer never ends
    try (RawServer server = new RawServer((req, out) -> {
      head(out, "Content-Type: application/json\r\nTransfer-Encoding: chunked\r\n");
      byte[] chunk = "[1,2,3,4,5,6,7,8,9,0]".repeat(400).getBytes(StandardCharsets.US_ASCII);
      String size = Integer.toHexString(chunk.length) + "\r\n";
      while (true) {
        out.write(size.getBytes(StandardCharsets.ISO_8859_1));
        out.write(chunk);
        out.write("\r\n".getBytes(StandardCharsets.ISO_8859_1));
      }
    }); InfrastructureManager im = InfrastructureManager.builder().endpoint(server.endpoint())
        .maxResponseSize(4 * 1024 * 1024).timeouts(shortCalls().withCall(Duration.ofSeconds(30))).build()) {

      // When a call reads it
      Throwable thrown = assertTimeoutPreemptively(NET, () -> catchThrowable(() -> im.server().version()));

      // Then the cap ends it, not the deadline
      assertThat(thrown).isInstanceOf(ImResponseException.class).hasMessageContaining("4194304-byte limit");
    }
  }

  @Test
  void aDripFedBodyEndsAtTheCallDeadline() throws Exception {
    // Given a server sending one byte every 100 ms of a 10,000-byte answer (each read is quick: a per-read
    // timeout would never fire)
    try (RawServer server = new RawServer((req, out) -> {
      head(out, "Content-Type: text/plain\r\nContent-Length: 10000\r\n");
      for (int i = 0; i < 10_000; i++) {
        out.write('1');
        out.flush();
        Thread.sleep(100);
      }
    }); InfrastructureManager im = client(server, shortCalls())) {

      // When a call with a 2 s deadline reads it
      Throwable thrown = assertTimeoutPreemptively(NET, () -> catchThrowable(() -> im.server().version()));

      // Then the deadline ends it
      assertThat(thrown).isInstanceOf(ImTransportException.class)
          .hasMessageContaining("GET /version").hasMessageContaining("did not complete within its 2 s bound");
    }
  }

  @Test
  void slowHeadersEndAtTheReadTimeout() throws Exception {
    // Given a server that reads the request and never answers
    try (RawServer server = new RawServer((req, out) -> Thread.sleep(60_000));
        InfrastructureManager im = client(server, shortCalls().withCall(Duration.ofSeconds(30)))) {

      // When a call waits for it
      Throwable thrown = assertTimeoutPreemptively(NET, () -> catchThrowable(() -> im.server().version()));

      // Then the 2 s read timeout (to the start of the answer) ends it
      assertThat(thrown).isInstanceOf(ImTransportException.class).hasMessageContaining("GET /version: timed out");
    }
  }

  @Test
  void aSynchronousCreateMayAnswerAfterTheReadTimeoutWithinItsLongBound() throws Exception {
    // Given a server that answers every request after 1.5 s, as IM answers a synchronous create when it is done
    String id = "5a9b7c1e-0000-11ee-8000-0242ac120002";
    try (RawServer server = new RawServer((req, out) -> {
      Thread.sleep(1_500);
      String body = "http://127.0.0.1:8800/infrastructures/" + id;
      head(out, "Content-Type: text/uri-list\r\nInfID: " + id + "\r\nContent-Length: " + body.length() + "\r\n");
      out.write(body.getBytes(StandardCharsets.US_ASCII));
      out.flush();
    }); InfrastructureManager im = client(server, new Timeouts(Duration.ofSeconds(2), Duration.ofMillis(500),
        Duration.ofSeconds(30), Duration.ofSeconds(30)))) {

      // When a synchronous create and a GET are sent, each waiting past the 500 ms read timeout
      String created = assertTimeoutPreemptively(NET, () -> im.infrastructures().create(Template.tosca(TOSCA)).value());
      Throwable get = assertTimeoutPreemptively(NET, () -> catchThrowable(() -> im.server().version()));

      // Then the create gets its answer (longCall bounds it), and the GET times out at the read timeout
      assertThat(created).isEqualTo(id);
      assertThat(get).isInstanceOf(ImTransportException.class).hasMessageContaining("GET /version: timed out")
          .hasMessageContaining("500 ms read timeout");
    }
  }

  @Test
  void aReplyThatNeverEndsEndsAtTheCallDeadline() throws Exception {
    // Given a server that sends its headers and part of the body, then stalls with the connection open
    try (RawServer server = new RawServer((req, out) -> {
      head(out, "Content-Type: text/plain\r\nContent-Length: 1000\r\n");
      out.write("1.19".getBytes(StandardCharsets.US_ASCII));
      out.flush();
      Thread.sleep(60_000);
    }); InfrastructureManager im = client(server, shortCalls())) {

      // When a call reads it
      Throwable thrown = assertTimeoutPreemptively(NET, () -> catchThrowable(() -> im.server().version()));

      // Then the deadline ends it
      assertThat(thrown).isInstanceOf(ImTransportException.class)
          .hasMessageContaining("did not complete within its 2 s bound");
    }
  }

  @Test
  void aCreateWhoseAnswerIsCutIsATransportErrorAndIsSentOnce() throws Exception {
    // Given a server that closes the connection in the middle of a create's answer
    try (RawServer server = new RawServer((req, out) -> {
      head(out, "Content-Type: text/plain\r\nContent-Length: 100\r\n");
      out.write("http://127.0.0.1/infrastr".getBytes(StandardCharsets.US_ASCII));
      out.flush();
    }); InfrastructureManager im = InfrastructureManager.builder().endpoint(server.endpoint())
        .credentials(Credentials.of(AuthLine.builder("InfrastructureManager").id("im").set("username", "u")
            .set("password", "hostile-pass").build()))
        .timeouts(shortCalls().withCall(Duration.ofSeconds(30)).withLongCall(Duration.ofSeconds(30))).build()) {
      // (default retry policy: a create must still not be repeated

      // When a create is sent
      Throwable thrown = assertTimeoutPreemptively(NET,
          () -> catchThrowable(() -> im.infrastructures().create(Template.tosca(TOSCA))));

      // Then it is a transport error naming the template's infra_name, and IM saw the create exactly once
      assertThat(thrown).isInstanceOf(ImTransportException.class).hasMessageContaining("POST /infrastructures")
          .hasMessageContaining("infra_name 'hostile-test-infra'").hasMessageContaining("not repeated");
      assertThat(server.requests).as("requests after %s", thrown).hasSize(1);
      assertThat(server.requests.get(0)).startsWith("POST /infrastructures");
    }
  }

  @Test
  void aCreateThatTimesOutNamesTheInfrastructure() throws Exception {
    // Given a server that never answers a create
    try (RawServer server = new RawServer((req, out) -> Thread.sleep(60_000));
        InfrastructureManager im = client(server, new Timeouts(Duration.ofSeconds(2), Duration.ofSeconds(30),
            Duration.ofSeconds(30), Duration.ofSeconds(5)))) {

      // When a synchronous create is sent (its bound is longCall, 5 s here)
      Throwable thrown = assertTimeoutPreemptively(NET,
          () -> catchThrowable(() -> im.infrastructures().create(Template.tosca(TOSCA))));

      // Then the error names the template's infra_name so the infrastructure can be found
      assertThat(thrown).isInstanceOf(ImTransportException.class)
          .hasMessageContaining("did not complete within its 5 s bound")
          .hasMessageContaining("infra_name 'hostile-test-infra'");
      assertThat(server.requests).hasSize(1);
    }
  }
}
