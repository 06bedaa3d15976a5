package io.github.imsdk.auth.internal.vault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.github.imsdk.auth.ImVaultException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Vault answers that never end or never stop growing (issue 14, rows 1-2 for VaultHttp): the client's timeout
 * bounds the whole call, and the answer's size is capped. The assertTimeoutPreemptively bounds are safety nets.
 */
class VaultHostileServerTest {

  /** Serves one connection with {@code answer}, on a daemon thread; closing it stops the server. */
  private static ServerSocket serve(ThrowingAnswer answer) throws IOException {
    ServerSocket server = new ServerSocket(0, 5, InetAddress.getLoopbackAddress());
    Thread t = new Thread(() -> {
      try (Socket s = server.accept()) {
        s.getInputStream().read(new byte[8192]);
        answer.write(s.getOutputStream());
      } catch (IOException | InterruptedException e) {
        // the client went away
      }
    }, "hostile-vault");
    t.setDaemon(true);
    t.start();
    return server;
  }

  interface ThrowingAnswer {
    void write(OutputStream out) throws IOException, InterruptedException;
  }

  @Test
  void aDripFedAnswerEndsAtTheTimeout() throws Exception {
    // Given a Vault that sends one byte every 100 ms
    try (ServerSocket server = serve(out -> {
      out.write("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 100000\r\n\r\n"
          .getBytes(StandardCharsets.ISO_8859_1));
      for (int i = 0; i < 100_000; i++) {
        out.write(' ');
        out.flush();
        Thread.sleep(100);
      }
    })) {
      VaultHttp http = new VaultHttp(URI.create("http://127.0.0.1:" + server.getLocalPort()), null,
          Duration.ofSeconds(2));

      // When a read is made with a 2 s timeout
      Throwable thrown = assertTimeoutPreemptively(Duration.ofSeconds(60),
          () -> catchThrowable(() -> http.send("GET", "secret/data/x", null, "hvs.token", true)));

      // Then the timeout bounded the whole call
      assertThat(thrown).isInstanceOf(ImVaultException.class).hasMessageContaining("within 2000 ms")
          .hasMessageNotContaining("hvs.token");
    }
  }

  @Test
  void anEndlessAnswerHitsTheCap() throws Exception {
    // Given a Vault whose chunked answer never ends
    try (ServerSocket server = serve(out -> {
      out.write("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n"
          .getBytes(StandardCharsets.ISO_8859_1));
      byte[] chunk = new byte[65536];
      while (true) {
        out.write((Integer.toHexString(chunk.length) + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
        out.write(chunk);
        out.write("\r\n".getBytes(StandardCharsets.ISO_8859_1));
      }
    })) {
      VaultHttp http = new VaultHttp(URI.create("http://127.0.0.1:" + server.getLocalPort()), null,
          Duration.ofSeconds(30));

      // When a read is made
      Throwable thrown = assertTimeoutPreemptively(Duration.ofSeconds(60),
          () -> catchThrowable(() -> http.send("GET", "secret/data/x", null, "hvs.token", true)));

      // Then the size cap ended it
      assertThat(thrown).isInstanceOf(ImVaultException.class).hasMessageContaining("more than 4194304 bytes");
    }
  }
}
