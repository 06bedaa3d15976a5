package io.github.imsdk.core.hostile;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * A loopback HTTP/1.1 server that misbehaves on purpose: each connection's request head is read, recorded, and
 * handed to a {@link Behaviour} that writes whatever it likes (or nothing). {@link #close()} stops everything.
 */
final class RawServer implements AutoCloseable {

  /** What the server does with one request once its head (and declared body) was read. */
  interface Behaviour {
    void answer(String requestHead, OutputStream out) throws IOException, InterruptedException;
  }

  private final ServerSocket server;
  private final ExecutorService pool = Executors.newCachedThreadPool(r -> {
    Thread t = new Thread(r, "hostile-server");
    t.setDaemon(true);
    return t;
  });
  private final List<Socket> sockets = new CopyOnWriteArrayList<>();
  /** The request heads received, in order. */
  final List<String> requests = new CopyOnWriteArrayList<>();

  RawServer(Behaviour behaviour) throws IOException {
    server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    pool.execute(() -> {
      while (!server.isClosed()) {
        try {
          Socket s = server.accept();
          sockets.add(s);
          pool.execute(() -> serve(s, behaviour));
        } catch (IOException e) {
          return;
        }
      }
    });
  }

  private void serve(Socket s, Behaviour behaviour) {
    try (s) {
      InputStream in = s.getInputStream();
      String head = readHead(in);
      if (head == null) {
        return;
      }
      requests.add(head);
      int length = contentLength(head);
      in.readNBytes(length);
      behaviour.answer(head, s.getOutputStream());
    } catch (IOException e) {
      // the client went away: expected for most behaviours
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static String readHead(InputStream in) throws IOException {
    ByteArrayOutputStream head = new ByteArrayOutputStream();
    int matched = 0;
    byte[] end = {'\r', '\n', '\r', '\n'};
    while (matched < 4) {
      int b = in.read();
      if (b < 0) {
        return null;
      }
      head.write(b);
      matched = b == end[matched] ? matched + 1 : (b == '\r' ? 1 : 0);
    }
    return head.toString(StandardCharsets.ISO_8859_1);
  }

  private static int contentLength(String head) {
    for (String line : head.split("\r\n")) {
      if (line.regionMatches(true, 0, "content-length:", 0, 15)) {
        return Integer.parseInt(line.substring(15).trim());
      }
    }
    return 0;
  }

  /** Returns the server's base URL. */
  String endpoint() {
    return "http://127.0.0.1:" + server.getLocalPort();
  }

  @Override
  public void close() throws IOException {
    server.close();
    for (Socket s : sockets) {
      s.close();
    }
    pool.shutdownNow();
    try {
      pool.awaitTermination(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
