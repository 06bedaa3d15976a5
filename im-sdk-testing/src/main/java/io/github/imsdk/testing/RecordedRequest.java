package io.github.imsdk.testing;

import io.github.imsdk.ImException;
import io.github.imsdk.auth.AuthLine;
import io.github.imsdk.auth.Credentials;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One request the {@link ImEmulator} received, as it arrived: method, path (decoded, without the query), query
 * parameters (decoded), headers, body, and the {@code Authorization} header decoded into IM auth lines.
 *
 * <p>{@link #toString()} never shows a secret: the Authorization header appears as its decoded lines, whose
 * {@link AuthLine#toString()} masks passwords, tokens and keys, and {@code password}/{@code token} values in a
 * body are masked. The accessors return the values as received, for assertions.
 */
public final class RecordedRequest {

  private static final Pattern SECRET_IN_BODY =
      Pattern.compile("(\"?(?:password|token|private_key|secret\\w*)\"?\\s*[:=]\\s*)(\"[^\"]*\"|'[^']*'|[^\\s,;}]+)",
          Pattern.CASE_INSENSITIVE);

  private final int sequence;
  private final Instant receivedAt;
  private final String method;
  private final String path;
  private final Map<String, String> query;
  private final Map<String, String> headers;
  private final String body;

  RecordedRequest(int sequence, Instant receivedAt, String method, String path, Map<String, String> query,
      Map<String, String> headers, String body) {
    this.sequence = sequence;
    this.receivedAt = Objects.requireNonNull(receivedAt, "receivedAt");
    this.method = Objects.requireNonNull(method, "method");
    this.path = Objects.requireNonNull(path, "path");
    this.query = Map.copyOf(query);
    Map<String, String> h = new LinkedHashMap<>();
    headers.forEach((k, v) -> h.put(k.toLowerCase(Locale.ROOT), v));
    this.headers = java.util.Collections.unmodifiableMap(h);
    this.body = body == null ? "" : body;
  }

  /** Returns the request's position in the journal, from 1. */
  public int sequence() {
    return sequence;
  }

  /** Returns when the emulator received it, on the emulator's clock. */
  public Instant receivedAt() {
    return receivedAt;
  }

  /** Returns the HTTP method, upper case. */
  public String method() {
    return method;
  }

  /** Returns the decoded path, without the query, e.g. {@code /infrastructures/1234/state}. */
  public String path() {
    return path;
  }

  /** Returns the decoded query parameters (the first value of each). */
  public Map<String, String> query() {
    return query;
  }

  /** Returns the headers, names in lower case. */
  public Map<String, String> headers() {
    return headers;
  }

  /** Returns a header's value; the name is matched case-insensitively. */
  public Optional<String> header(String name) {
    return Optional.ofNullable(headers.get(name.toLowerCase(Locale.ROOT)));
  }

  /** Returns the body as text; empty when there was none. */
  public String body() {
    return body;
  }

  /**
   * Returns the {@code Authorization} header decoded into auth lines as IM reads it; empty when the header is
   * missing, is a Bearer token, or cannot be decoded (then {@link #header(String)} still has it).
   */
  public List<AuthLine> authorizationLines() {
    Optional<String> auth = header("Authorization");
    if (auth.isEmpty() || auth.get().isBlank()) {
      return List.of();
    }
    try {
      return Credentials.parseHeader(auth.get()).lines();
    } catch (ImException e) {
      return List.of();
    }
  }

  /** Tells whether this is {@code method} on a path matching {@code pathRegex} (the whole path). */
  public boolean is(String method, String pathRegex) {
    return this.method.equalsIgnoreCase(method) && path.matches(pathRegex);
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder("#").append(sequence).append(' ').append(method).append(' ').append(path);
    if (!query.isEmpty()) {
      sb.append(' ').append(query);
    }
    headers.forEach((k, v) -> {
      if (!k.equals("authorization")) {
        sb.append("\n  ").append(k).append(": ").append(v);
      }
    });
    if (header("Authorization").isPresent()) {
      List<AuthLine> lines = authorizationLines();
      sb.append("\n  authorization: ").append(lines.isEmpty() ? "(not IM auth lines; value hidden)" : "");
      lines.forEach(l -> sb.append("\n    ").append(l));
    }
    if (!body.isEmpty()) {
      String shown = SECRET_IN_BODY.matcher(body).replaceAll("$1****");
      sb.append("\n  body: ").append(shown.length() > 2000 ? shown.substring(0, 2000) + "..." : shown);
    }
    return sb.toString();
  }
}
