package io.github.imsdk.auth.internal.vault;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import io.github.imsdk.auth.ImVaultException;
import io.github.imsdk.auth.Tls;
import io.github.imsdk.auth.internal.tls.TlsContexts;
import io.github.imsdk.auth.internal.tls.TransportWarnings;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import javax.net.ssl.SSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Vault's HTTP API: {@code /v1/...} paths, JSON bodies, {@code X-Vault-Token}, {@code X-Vault-Namespace}, and
 * {@code {"errors":[...]}} on any status of 400 and above.
 *
 * <p>It uses {@code java.net.http.HttpClient}: about ten endpoints do not justify a Vault driver dependency, and
 * this client accepts any method name should one be needed. Paths are percent-encoded segment by segment.
 */
public final class VaultHttp {

  static final ObjectMapper JSON = new ObjectMapper();
  private static final int MAX_ERROR_CHARS = 300;
  private static final char[] HEX = "0123456789ABCDEF".toCharArray();

  /** A response: status and parsed body ({@link MissingNode} when there was none). */
  public record Response(int status, JsonNode body) {
    /** Shows the status and the body's top-level field names only: the body holds secrets and tokens. */
    @Override
    public String toString() {
      List<String> fields = new ArrayList<>();
      body.fieldNames().forEachRemaining(fields::add);
      return "Response[status=" + status + ", body fields=" + fields + "]";
    }
  }

  private static final Logger LOG = LoggerFactory.getLogger(VaultHttp.class);

  private final URI address;
  private final String shownAddress;
  private final String namespace;
  private final Duration timeout;
  private final HttpClient http;

  /** Creates a client for the Vault at {@code address} with the JVM's trust; {@code namespace} may be null. */
  public VaultHttp(URI address, String namespace, Duration timeout) {
    this(address, namespace, timeout, Tls.system());
  }

  /**
   * Creates a client for the Vault at {@code address} checking its certificate as {@code tls} says;
   * {@code namespace} may be null. {@link Tls#insecure()}, and plain {@code http://} to a host that is not this
   * machine, are announced on SLF4J and standard error.
   *
   * @throws IllegalArgumentException if the CA bundle or trust store of {@code tls} cannot be read
   */
  public VaultHttp(URI address, String namespace, Duration timeout, Tls tls) {
    this.address = address;
    this.shownAddress = withoutUserInfo(address);
    this.namespace = namespace;
    this.timeout = timeout;
    HttpClient.Builder builder = HttpClient.newBuilder().connectTimeout(timeout)
        .followRedirects(HttpClient.Redirect.NEVER);
    SSLContext ssl = TlsContexts.sslContext(tls);
    if (ssl != null) {
      builder.sslContext(ssl);
    }
    if (tls.mode() == Tls.Mode.INSECURE) {
      TransportWarnings.warn(LOG, "TLS certificate and host name checks are DISABLED for Vault at " + shownAddress
          + " (Tls.insecure()); use only against test servers");
    }
    if (TransportWarnings.plainHttpToRemote(address)) {
      TransportWarnings.warn(LOG, "the Vault token and the secrets it reads will travel unencrypted over http:// to "
          + shownAddress + "; use https:// for any Vault that is not on this machine");
    }
    this.http = builder.build();
  }

  /** Returns Vault's address, as configured. */
  public URI address() {
    return address;
  }

  /**
   * Sends {@code method /v1/path} and returns any 2xx response, or the 404 of a read when {@code allow404}. Each
   * {@code /}-separated segment of {@code path} is percent-encoded, so a secret's name may hold any character.
   *
   * @throws ImVaultException for every other status (with Vault's error text), and when Vault cannot be reached
   */
  public Response send(String method, String path, JsonNode body, String token, boolean allow404) {
    URI uri = URI.create(stripSlash(address.toString()) + "/v1/" + encodePath(path));
    HttpRequest.Builder req = HttpRequest.newBuilder(uri).timeout(timeout)
        .header("Accept", "application/json")
        .header("X-Vault-Request", "true");
    if (token != null) {
      req.header("X-Vault-Token", token);
    }
    if (namespace != null) {
      req.header("X-Vault-Namespace", namespace);
    }
    String what = method + " /v1/" + path;
    try {
      if (body != null) {
        req.header("Content-Type", "application/json");
        req.method(method, HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body)));
      } else {
        req.method(method, HttpRequest.BodyPublishers.noBody());
      }
      // One bound for the whole call (connect, send, headers and body: a drip-fed answer is cut) and a size cap.
      java.util.concurrent.CompletableFuture<HttpResponse<byte[]>> future =
          http.sendAsync(req.build(), info -> new CappedBody(MAX_BODY_BYTES));
      HttpResponse<byte[]> resp;
      try {
        resp = future.get(timeout.toNanos(), java.util.concurrent.TimeUnit.NANOSECONDS);
      } catch (java.util.concurrent.TimeoutException e) {
        future.cancel(true);
        throw new HttpTimeoutException("whole call");
      } catch (java.util.concurrent.ExecutionException e) {
        if (e.getCause() instanceof CappedBody.TooLarge) {
          throw new ImVaultException("Vault at " + shownAddress + " answered " + what + " with more than "
              + MAX_BODY_BYTES + " bytes; refused", 0, null);
        }
        throw e.getCause() instanceof IOException io ? io : new IOException(e.getCause());
      }
      JsonNode parsed = parse(resp.body());
      int status = resp.statusCode();
      if (status / 100 == 2 || (allow404 && status == 404)) {
        return new Response(status, parsed);
      }
      throw new ImVaultException(scrub(describe(what, status, parsed), token, body), status, null);
    } catch (HttpTimeoutException e) {
      throw new ImVaultException("Vault at " + shownAddress + " did not answer " + what + " within "
          + timeout.toMillis() + " ms (the whole call, answer included)", 0, null);
    } catch (IOException e) {
      throw new ImVaultException("cannot reach Vault at " + shownAddress + " for " + what + ": "
          + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : " " + e.getMessage()), 0, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ImVaultException("interrupted while calling Vault " + what, 0, e);
    }
  }

  private static JsonNode parse(byte[] body) {
    if (body == null || body.length == 0) {
      return MissingNode.getInstance();
    }
    try {
      JsonNode n = JSON.readTree(body);
      return n == null ? MissingNode.getInstance() : n;
    } catch (IOException e) {
      // Not JSON (e.g. a proxy's HTML page): treated as an empty body; the status tells the story.
      return MissingNode.getInstance();
    }
  }

  // Vault token formats: hvs./hvb./hvr. (1.10+) and the legacy s./b./r. with 24 characters.
  private static final java.util.regex.Pattern VAULT_TOKEN =
      java.util.regex.Pattern.compile("\\b(?:hv[sbr]|[sbr])\\.[A-Za-z0-9_-]{8,}");
  private static final java.util.regex.Pattern JWT =
      java.util.regex.Pattern.compile("eyJ[A-Za-z0-9_-]{4,}\\.[A-Za-z0-9_-]{4,}\\.[A-Za-z0-9_-]*");
  private static final int SUBSTRING_SECRET_LENGTH = 6;

  /**
   * Removes from Vault's error text the token sent, every string value of the request body (a secret being
   * written or a login's JWT or secret id), and any token-shaped string. Values of {@value #SUBSTRING_SECRET_LENGTH}
   * or more characters are masked wherever they occur, shorter ones where they stand as a whole token.
   */
  static String scrub(String text, String token, JsonNode body) {
    List<String> secrets = new ArrayList<>();
    if (token != null) {
      secrets.add(token);
    }
    if (body != null) {
      collectText(body, secrets);
    }
    secrets.sort((a, b) -> b.length() - a.length());
    String out = text;
    for (String s : secrets) {
      if (s.isBlank()) {
        continue;
      }
      out = s.length() >= SUBSTRING_SECRET_LENGTH ? out.replace(s, "***")
          : out.replaceAll("(?<![A-Za-z0-9])" + java.util.regex.Pattern.quote(s) + "(?![A-Za-z0-9])", "***");
    }
    out = JWT.matcher(out).replaceAll("***");
    return VAULT_TOKEN.matcher(out).replaceAll("***");
  }

  private static void collectText(JsonNode n, List<String> into) {
    if (n.isTextual()) {
      into.add(n.asText());
    } else {
      n.forEach(child -> collectText(child, into));
    }
  }

  private String describe(String what, int status, JsonNode body) {
    List<String> errors = new ArrayList<>();
    body.path("errors").forEach(e -> errors.add(e.asText()));
    String text = errors.isEmpty() ? "" : String.join("; ", errors);
    if (text.length() > MAX_ERROR_CHARS) {
      text = text.substring(0, MAX_ERROR_CHARS) + "...";
    }
    String hint;
    switch (status) {
      case 400:
        hint = "Vault rejected the request";
        break;
      case 403:
        hint = "permission denied: the Vault token is invalid or expired, or its policies do not allow this path";
        break;
      case 404:
        hint = "not found";
        break;
      case 429:
      case 503:
        hint = "Vault is sealed, in standby or rate limiting";
        break;
      default:
        hint = "Vault failed";
    }
    return "Vault at " + shownAddress + " answered " + what + " with HTTP " + status + " (" + hint + ")"
        + (text.isEmpty() ? "" : ": " + text);
  }

  private static String stripSlash(String s) {
    return s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
  }

  /** Percent-encodes every {@code /}-separated segment as an RFC 3986 {@code pchar} sequence (UTF-8). */
  static String encodePath(String path) {
    StringBuilder sb = new StringBuilder(path.length() + 16);
    for (byte b : path.getBytes(StandardCharsets.UTF_8)) {
      int c = b & 0xff;
      if (c < 0x80 && (Character.isLetterOrDigit(c) || "/-._~!$&'()*+,;=:@".indexOf(c) >= 0)) {
        sb.append((char) c);
      } else {
        sb.append('%').append(HEX[c >> 4]).append(HEX[c & 0xf]);
      }
    }
    return sb.toString();
  }

  /** Returns {@code address} for messages: its user info, which may hold a password, is never shown. */
  private static String withoutUserInfo(URI address) {
    String authority = address.getRawAuthority();
    if (address.isOpaque() || authority == null || !authority.contains("@")) {
      return address.isOpaque() ? address.getScheme() + ":***" : address.toString();
    }
    String s = address.toString();
    int at = s.indexOf(authority);
    return s.substring(0, at) + "***@" + authority.substring(authority.lastIndexOf('@') + 1)
        + s.substring(at + authority.length());
  }

  /** Returns {@code s} as a JSON string body. */
  static String text(JsonNode n) {
    return n.isTextual() ? n.asText() : n.toString();
  }

  static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  /** The largest Vault answer read: secrets and token replies are a few KiB. */
  static final int MAX_BODY_BYTES = 4 * 1024 * 1024;

  /** Collects at most {@code cap} bytes, then cancels the subscription (closing the connection). */
  private static final class CappedBody implements HttpResponse.BodySubscriber<byte[]> {
    static final class TooLarge extends IOException {
      private static final long serialVersionUID = 1L;
    }

    private final int cap;
    private final java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    private final java.util.concurrent.CompletableFuture<byte[]> result = new java.util.concurrent.CompletableFuture<>();
    private java.util.concurrent.Flow.Subscription subscription;

    CappedBody(int cap) {
      this.cap = cap;
    }

    @Override
    public void onSubscribe(java.util.concurrent.Flow.Subscription s) {
      subscription = s;
      s.request(Long.MAX_VALUE);
    }

    @Override
    public void onNext(List<java.nio.ByteBuffer> items) {
      for (java.nio.ByteBuffer b : items) {
        if (result.isDone()) {
          return;
        }
        if (out.size() + b.remaining() > cap) {
          result.completeExceptionally(new TooLarge());
          subscription.cancel();
          return;
        }
        byte[] chunk = new byte[b.remaining()];
        b.get(chunk);
        out.write(chunk, 0, chunk.length);
      }
    }

    @Override
    public void onError(Throwable t) {
      result.completeExceptionally(t);
    }

    @Override
    public void onComplete() {
      result.complete(out.toByteArray());
    }

    @Override
    public java.util.concurrent.CompletionStage<byte[]> getBody() {
      return result;
    }
  }
}
