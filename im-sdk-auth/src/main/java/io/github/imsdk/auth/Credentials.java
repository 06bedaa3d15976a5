package io.github.imsdk.auth;

import io.github.imsdk.auth.internal.AuthHeaderCodec;
import io.github.imsdk.auth.internal.LiteralValue;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The credentials sent to IM with every request: either an ordered list of {@link AuthLine}s, encoded into the
 * {@code Authorization} header exactly as the IM server parses it, or a single bearer token ({@code Bearer
 * <token>}, for IM servers that load the cloud credentials from Vault).
 *
 * <p>Encoding of auth lines (see the IM REST API): lines are joined by the two characters backslash and
 * {@code n}; pairs are {@code key = value} joined by {@code ;}; a newline inside a value is sent as backslash,
 * backslash, {@code n}; values containing {@code ;}, {@code =} or a quote are quoted; a value the line syntax
 * cannot carry (both quote kinds, a backslash, leading or trailing blanks, non-ASCII or control characters)
 * switches the whole header to IM's single-line JSON form. Values are resolved each time
 * {@link #toAuthorizationHeader()} is called, so tokens from providers, commands and files stay fresh; a value
 * shared by several lines (equal {@link CredentialValue}s, such as the same {@code command(...)}) is resolved once
 * per header.
 *
 * <p>Instances are immutable and thread-safe; {@link #toString()} masks every secret.
 */
public final class Credentials {

  private static final String BEARER_PREFIX = "Bearer ";

  private final List<AuthLine> lines;
  private final CredentialValue bearer;
  /** Whether every value is a literal, so that the header never changes. */
  private final boolean constant;
  /** The header, once built, when {@link #constant}: the transport asks for it on every request. */
  private volatile String constantHeader;

  private Credentials(List<AuthLine> lines, CredentialValue bearer) {
    this.lines = List.copyOf(lines);
    this.bearer = bearer;
    this.constant = bearer == null && this.lines.stream()
        .allMatch(l -> l.values().values().stream().allMatch(v -> v instanceof LiteralValue));
  }

  /** Returns credentials made of the given lines, in order. */
  public static Credentials of(AuthLine... lines) {
    Objects.requireNonNull(lines, "lines");
    return of(Arrays.asList(lines));
  }

  /** Returns credentials made of the given lines, in order. */
  public static Credentials of(List<AuthLine> lines) {
    Objects.requireNonNull(lines, "lines");
    lines.forEach(l -> Objects.requireNonNull(l, "an auth line is null"));
    return new Credentials(lines, null);
  }

  /**
   * Returns credentials sent as {@code Authorization: Bearer <token>}, the token being resolved for each request.
   *
   * <p>IM accepts this form only when the server is configured with {@code VAULT_URL}: it then validates the
   * token as the IM identity and loads the cloud credentials stored for that user in Vault. Such credentials
   * cannot carry extra auth lines; to combine Vault with explicit lines, use an {@code InfrastructureManager} line
   * and a {@code Vault} line ({@link AuthLines#vault()}) instead.
   */
  public static Credentials bearer(CredentialValue token) {
    return new Credentials(List.of(), Objects.requireNonNull(token, "token"));
  }

  /** Returns bearer credentials whose token is taken from {@code provider} for each request. */
  public static Credentials bearer(TokenProvider provider) {
    return bearer(CredentialValue.from(provider));
  }

  /**
   * Parses an {@code Authorization} header value the way the IM server does: auth lines separated by the two
   * characters backslash-{@code n}, a single-line JSON array of credential objects, or {@code Bearer <token>}
   * (which the server accepts only when it is configured with Vault). Values are literals.
   *
   * <p>Like the server, a malformed pair ends its line (the pairs before it are kept), and lines that are
   * blank, start with {@code #} or have no {@code type} are skipped.
   *
   * @throws ImCredentialsException if a line has an {@code id} IM rejects
   */
  public static Credentials parseHeader(String headerValue) {
    Objects.requireNonNull(headerValue, "headerValue");
    String trimmed = headerValue.strip();
    if (trimmed.startsWith(BEARER_PREFIX) && trimmed.length() > BEARER_PREFIX.length()) {
      return bearer(CredentialValue.of(trimmed.substring(BEARER_PREFIX.length()).strip()));
    }
    try {
      return new Credentials(AuthHeaderCodec.decode(headerValue), null);
    } catch (IllegalArgumentException e) {
      throw new ImCredentialsException("invalid Authorization header: " + e.getMessage(), e);
    }
  }

  /** Returns the auth lines, in order; empty for {@linkplain #bearer(CredentialValue) bearer} credentials. */
  public List<AuthLine> lines() {
    return lines;
  }

  /** Returns the token of {@linkplain #bearer(CredentialValue) bearer} credentials; empty for auth lines. */
  public Optional<CredentialValue> bearerToken() {
    return Optional.ofNullable(bearer);
  }

  /** Returns the first line of the given type. */
  public Optional<AuthLine> first(String type) {
    return lines.stream().filter(l -> l.type().equals(type)).findFirst();
  }

  /** Returns the line with the given id. */
  public Optional<AuthLine> byId(String id) {
    return lines.stream().filter(l -> l.id().filter(id::equals).isPresent()).findFirst();
  }

  /**
   * Returns these credentials with {@code line} appended.
   *
   * @throws IllegalStateException for bearer credentials, which cannot carry auth lines
   */
  public Credentials with(AuthLine line) {
    Objects.requireNonNull(line, "line");
    if (bearer != null) {
      throw new IllegalStateException("bearer credentials cannot carry auth lines; use an InfrastructureManager"
          + " line and a Vault line instead of Credentials.bearer(...)");
    }
    var copy = new ArrayList<>(lines);
    copy.add(line);
    return new Credentials(copy, null);
  }

  /**
   * Resolves every value now and returns the {@code Authorization} header value IM expects.
   *
   * @throws ImCredentialsException if a value cannot be obtained, a bearer token is not a single header-safe
   *     word, or there is no line at all
   */
  public String toAuthorizationHeader() {
    if (bearer != null) {
      return BEARER_PREFIX + resolveBearer();
    }
    if (lines.isEmpty()) {
      throw new ImCredentialsException("no credentials: at least an InfrastructureManager auth line is needed");
    }
    String known = constantHeader;
    if (known != null) {
      return known;
    }
    String header = buildHeader();
    if (constant) {
      constantHeader = header;
    }
    return header;
  }

  private String buildHeader() {
    // A value used by several lines (the seed auth.dat uses command(oidc-token egi) four times) is resolved once
    // per header: one command run or provider call per request, and the same token in every line.
    Map<CredentialValue, String> resolved = new HashMap<>();
    List<Map<String, String>> pairs = new ArrayList<>(lines.size());
    for (AuthLine line : lines) {
      pairs.add(line.resolve(value -> {
        String known = resolved.get(value);
        if (known == null) {
          known = value.resolve();
          resolved.put(value, known);
        }
        return known;
      }));
    }
    return AuthHeaderCodec.encode(pairs);
  }

  private String resolveBearer() {
    String token;
    try {
      token = bearer.resolve().strip();
    } catch (ImCredentialsException e) {
      throw new ImCredentialsException("cannot obtain the bearer token: " + e.getMessage(), e);
    }
    if (token.isEmpty()) {
      throw new ImCredentialsException("the bearer token from " + bearer + " is empty");
    }
    for (int i = 0; i < token.length(); i++) {
      char c = token.charAt(i);
      if (c <= 0x20 || c >= 0x7f) {
        throw new ImCredentialsException("the bearer token from " + bearer
            + " contains a blank, control or non-ASCII character at index " + i + "; it cannot be sent");
      }
    }
    return token;
  }

  /** Asks every provider-backed value to forget its cached token (after the server rejected it). */
  public void invalidate() {
    if (bearer != null) {
      bearer.invalidate();
    }
    lines.forEach(AuthLine::invalidate);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Credentials other && lines.equals(other.lines) && Objects.equals(bearer, other.bearer);
  }

  @Override
  public int hashCode() {
    return Objects.hash(lines, bearer);
  }

  @Override
  public String toString() {
    return bearer != null ? "Credentials[Bearer " + bearer + "]" : "Credentials" + lines;
  }
}
