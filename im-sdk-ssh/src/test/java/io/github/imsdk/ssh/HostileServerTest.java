package io.github.imsdk.ssh;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Servers on loopback that are not well-behaved SSH servers: one that accepts and never speaks, one that answers
 * with something that is not SSH. The client must give up within its bounds with a typed error, not hang.
 */
class HostileServerTest {

  private ServerSocket server;
  private final List<Socket> accepted = new ArrayList<>();

  private int serve(Consumer<Socket> behaviour) throws IOException {
    server = new ServerSocket(0, 10, InetAddress.getByName("127.0.0.1"));
    Thread t = new Thread(() -> {
      while (!server.isClosed()) {
        try {
          Socket s = server.accept();
          synchronized (accepted) {
            accepted.add(s);
          }
          behaviour.accept(s);
        } catch (IOException e) {
          // closed
        }
      }
    }, "hostile-ssh");
    t.setDaemon(true);
    t.start();
    return server.getLocalPort();
  }

  @AfterEach
  void stop() throws IOException {
    server.close();
    synchronized (accepted) {
      for (Socket s : accepted) {
        s.close();
      }
    }
  }

  private static SshSession.Builder builder(int port) {
    return SshSession.builder().target(SshTarget.of("127.0.0.1", port, "u").withPassword("pw-secret"))
        .hostKeys(HostKeyPolicy.acceptAny())
        .options(SshOptions.defaults().withConnectTimeout(Duration.ofSeconds(2)).withAuthTimeout(Duration.ofSeconds(2)));
  }

  @Test
  void aServerThatAcceptsAndNeverSpeaksTimesOut() throws IOException {
    int port = serve(s -> { });
    assertThatThrownBy(() -> builder(port).connect())
        .isInstanceOf(SshTimeoutException.class)
        .hasMessageContaining("127.0.0.1:" + port).hasMessageNotContaining("pw-secret");
  }

  @Test
  void aServerThatIsNotSshIsAnSshError() throws IOException {
    int port = serve(s -> {
      try {
        s.getOutputStream().write("HTTP/1.1 400 Bad Request\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        s.getOutputStream().flush();
        s.close();
      } catch (IOException e) {
        // the client went away
      }
    });
    assertThatThrownBy(() -> builder(port).connect())
        .isInstanceOf(SshException.class).isNotInstanceOf(SshHostKeyException.class)
        .hasMessageContaining("127.0.0.1:" + port).hasMessageNotContaining("pw-secret");
  }

  @Test
  void nothingListeningIsAConnectError() throws IOException {
    int port;
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
      port = s.getLocalPort();
    }
    server = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"));
    assertThatThrownBy(() -> builder(port).connect())
        .isInstanceOf(SshException.class).hasMessageContaining("cannot connect to 127.0.0.1:" + port);
    assertThat(accepted).isEmpty();
  }
}
