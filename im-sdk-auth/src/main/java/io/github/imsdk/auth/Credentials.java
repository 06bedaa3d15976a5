package io.github.imsdk.auth;

import io.github.imsdk.auth.internal.AuthHeaderCodec;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The credentials sent to IM with every request: an ordered list of {@link AuthLine}s, encoded into the
 * {@code Authorization} header exactly as the IM server parses it.
 *
 * <p>Encoding (see the IM REST API): lines are joined by the two characters backslash and {@code n}; pairs are
 * {@code key = value} joined by {@code ;}; a newline inside a value is sent as backslash, backslash, {@code n};
 * values containing {@code ;}, {@code =} or a quote are quoted; a value the line syntax cannot carry (both quote
 * kinds, a literal backslash-n, leading or trailing blanks, non-ASCII or control characters) switches the whole
 * header to IM's single-line JSON form. Values are resolved each time {@link #toAuthorizationHeader()} is called.
 *
 * <p>Instances are immutable and thread-safe; {@link #toString()} masks every secret.
 */
public final class Credentials {

  private final List<AuthLine> lines;

  private Credentials(List<AuthLine> lines) {
    this.lines = List.copyOf(lines);
  }

  /** Returns credentials made of the given lines, in order. */
  public static Credentials of(AuthLine... lines) {
    return of(Arrays.asList(lines));
  }

  /** Returns credentials made of the given lines, in order. */
  public static Credentials of(List<AuthLine> lines) {
    Objects.requireNonNull(lines, "lines");
    lines.forEach(l -> Objects.requireNonNull(l, "an auth line is null"));
    return new Credentials(lines);
  }

  /**
   * Parses an {@code Authorization} header value the way the IM server does: auth lines separated by the two
   * characters backslash-{@code n}, or a single-line JSON array of credential objects. Values are literals.
   *
   * <p>Like the server, a malformed pair ends its line (the pairs before it are kept), and lines that are
   * blank, start with {@code #} or have no {@code type} are skipped.
   */
  public static Credentials parseHeader(String headerValue) {
    Objects.requireNonNull(headerValue, "headerValue");
    return new Credentials(AuthHeaderCodec.decode(headerValue));
  }

  /** Returns the lines, in order. */
  public List<AuthLine> lines() {
    return lines;
  }

  /** Returns the first line of the given type. */
  public Optional<AuthLine> first(String type) {
    return lines.stream().filter(l -> l.type().equals(type)).findFirst();
  }

  /** Returns the line with the given id. */
  public Optional<AuthLine> byId(String id) {
    return lines.stream().filter(l -> l.id().filter(id::equals).isPresent()).findFirst();
  }

  /** Returns these credentials with {@code line} appended. */
  public Credentials with(AuthLine line) {
    Objects.requireNonNull(line, "line");
    var copy = new java.util.ArrayList<>(lines);
    copy.add(line);
    return new Credentials(copy);
  }

  /**
   * Resolves every value now and returns the {@code Authorization} header value IM expects.
   *
   * @throws ImCredentialsException if a value cannot be obtained, or there is no line at all
   */
  public String toAuthorizationHeader() {
    if (lines.isEmpty()) {
      throw new ImCredentialsException("no credentials: at least an InfrastructureManager auth line is needed");
    }
    return AuthHeaderCodec.encode(lines.stream().map(AuthLine::resolve).toList());
  }

  /** Asks every provider-backed value to forget its cached token (after the server rejected it). */
  public void invalidate() {
    lines.forEach(AuthLine::invalidate);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Credentials other && lines.equals(other.lines);
  }

  @Override
  public int hashCode() {
    return lines.hashCode();
  }

  @Override
  public String toString() {
    return "Credentials" + lines;
  }
}
