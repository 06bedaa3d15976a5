package io.github.imsdk.auth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/**
 * A scripted oidc-agent on a UNIX socket, speaking the plain-JSON IPC mode: it reads one JSON request, records it,
 * writes the scripted reply and closes the connection (a null reply keeps the connection open without answering).
 */
final class FakeAgent implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();

  final Path socket;
  final List<JsonNode> requests = new CopyOnWriteArrayList<>();
  private final ServerSocketChannel server;
  private final Thread thread;
  private final List<SocketChannel> held = new CopyOnWriteArrayList<>();
  volatile Function<JsonNode, String> replies;

  FakeAgent(Path dir, Function<JsonNode, String> replies) throws IOException {
    this.socket = dir.resolve("agent.sock");
    this.replies = replies;
    this.server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
    server.bind(UnixDomainSocketAddress.of(socket));
    this.thread = new Thread(this::serve, "fake-oidc-agent");
    thread.setDaemon(true);
    thread.start();
  }

  static String success(String token, long expiresAt) {
    return "{\"status\":\"success\",\"access_token\":\"" + token + "\",\"issuer\":\"https://issuer.example/\","
        + "\"expires_at\":" + expiresAt + "}";
  }

  private void serve() {
    while (server.isOpen()) {
      try {
        SocketChannel ch = server.accept();
        JsonNode request = readRequest(ch);
        requests.add(request);
        String reply = replies.apply(request);
        if (reply == null) {
          held.add(ch);
          continue;
        }
        ByteBuffer out = ByteBuffer.wrap(reply.getBytes(StandardCharsets.UTF_8));
        while (out.hasRemaining()) {
          ch.write(out);
        }
        ch.close();
      } catch (IOException e) {
        return; // closed
      }
    }
  }

  private static JsonNode readRequest(SocketChannel ch) throws IOException {
    ByteArrayOutputStream buf = new ByteArrayOutputStream();
    ByteBuffer in = ByteBuffer.allocate(4096);
    while (true) {
      int n = ch.read(in);
      if (n < 0) {
        throw new IOException("client closed before sending a request");
      }
      in.flip();
      buf.write(in.array(), 0, in.limit());
      in.clear();
      try {
        return JSON.readTree(buf.toByteArray());
      } catch (IOException incomplete) {
        // keep reading
      }
    }
  }

  @Override
  public void close() throws IOException {
    server.close();
    thread.interrupt();
    for (SocketChannel ch : held) {
      ch.close();
    }
    Files.deleteIfExists(socket);
  }
}
