package io.github.imsdk.auth.internal.oidc;

import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.imsdk.auth.ImCredentialsException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * One request/response exchange with oidc-agent over its UNIX socket, in the agent's plain-JSON IPC mode.
 *
 * <p>Protocol (oidc-agent IPC API, accepted since 3.0): the client writes one JSON object in a single write; the
 * agent answers with one JSON object and closes the connection. There is no framing, so the reply is read until
 * EOF, or until the bytes read so far parse as a complete JSON object. The agent's encrypted mode is not used.
 */
public final class AgentIpc {

  // oidc-agent 4.2.6 writes raw line breaks inside JSON strings (e.g. the status text, an error's "info").
  private static final ObjectMapper JSON = JsonMapper.builder()
      .enable(JsonReadFeature.ALLOW_UNESCAPED_CONTROL_CHARS)
      .build();
  private static final int MAX_REPLY_BYTES = 1 << 20;

  private AgentIpc() {}

  /** Returns a new empty request object. */
  public static ObjectNode newRequest(String type) {
    return JSON.createObjectNode().put("request", type);
  }

  /**
   * Sends {@code request} to the agent listening on {@code socket} and returns its reply.
   *
   * @throws AgentUnreachableException if the socket does not exist or refuses connections
   * @throws ImCredentialsException if the agent does not answer within {@code timeout} or answers garbage
   */
  public static JsonNode exchange(Path socket, ObjectNode request, Duration timeout) {
    byte[] body;
    try {
      body = JSON.writeValueAsBytes(request);
    } catch (IOException e) {
      throw new ImCredentialsException("cannot encode the oidc-agent request", e);
    }
    long deadline = System.nanoTime() + timeout.toNanos();
    try (SocketChannel ch = SocketChannel.open(StandardProtocolFamily.UNIX)) {
      connect(ch, socket);
      ByteBuffer out = ByteBuffer.wrap(body);
      while (out.hasRemaining()) {
        ch.write(out);
      }
      return readReply(ch, deadline, timeout);
    } catch (IOException e) {
      throw new ImCredentialsException("talking to oidc-agent at " + socket + " failed: " + e.getMessage(), e);
    }
  }

  private static void connect(SocketChannel ch, Path socket) throws IOException {
    if (!Files.exists(socket)) {
      throw new AgentUnreachableException("oidc-agent is not running: its socket " + socket
          + " (from OIDC_SOCK) does not exist; start it with 'eval $(oidc-agent)'", null);
    }
    try {
      ch.connect(UnixDomainSocketAddress.of(socket));
    } catch (ConnectException e) {
      throw new AgentUnreachableException("oidc-agent is not running: connecting to " + socket
          + " was refused (a stale OIDC_SOCK?); start it with 'eval $(oidc-agent)'", e);
    } catch (SocketException e) {
      throw new AgentUnreachableException("oidc-agent is not reachable at " + socket + ": " + e.getMessage(), e);
    }
  }

  private static JsonNode readReply(SocketChannel ch, long deadline, Duration timeout) throws IOException {
    ch.configureBlocking(false);
    ByteArrayOutputStream reply = new ByteArrayOutputStream();
    ByteBuffer in = ByteBuffer.allocate(8192);
    try (Selector selector = Selector.open()) {
      ch.register(selector, SelectionKey.OP_READ);
      while (true) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          throw new ImCredentialsException("oidc-agent did not answer within " + timeout.toMillis()
              + " ms (it may be waiting for a password prompt, a confirmation or a re-authentication)");
        }
        selector.select(Math.max(1, left / 1_000_000));
        selector.selectedKeys().clear();
        int n = ch.read(in);
        if (n < 0) {
          return parse(reply.toByteArray(), true);
        }
        if (n > 0) {
          in.flip();
          reply.write(in.array(), 0, in.limit());
          in.clear();
          if (reply.size() > MAX_REPLY_BYTES) {
            throw new ImCredentialsException("oidc-agent sent an oversized reply");
          }
          JsonNode complete = parse(reply.toByteArray(), false);
          if (complete != null) {
            return complete;
          }
        }
      }
    }
  }

  /** Parses a reply; with {@code atEof} false an incomplete object yields null (more bytes may follow). */
  private static JsonNode parse(byte[] bytes, boolean atEof) {
    String text = new String(bytes, StandardCharsets.UTF_8).strip();
    if (text.isEmpty() || !text.endsWith("}")) {
      if (atEof) {
        throw new ImCredentialsException(text.isEmpty()
            ? "oidc-agent closed the connection without answering"
            : "oidc-agent sent a reply that is not a JSON object (an agent in encrypted-only mode?)");
      }
      return null;
    }
    try {
      JsonNode node = JSON.readTree(text);
      if (node == null || !node.isObject()) {
        throw new ImCredentialsException("oidc-agent sent a reply that is not a JSON object");
      }
      return node;
    } catch (IOException e) {
      if (atEof) {
        // Never quote the reply: a success reply holds the token.
        throw new ImCredentialsException("oidc-agent sent a reply that is not valid JSON", e);
      }
      return null;
    }
  }
}
