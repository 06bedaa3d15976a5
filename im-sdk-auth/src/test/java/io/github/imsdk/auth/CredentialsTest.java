package io.github.imsdk.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CredentialsTest {

  /** The two-character line separator of the header: backslash, n. */
  private static final String SEP = "\\n";

  private static String recordedHeader(String fixture) throws IOException {
    try (InputStream in = CredentialsTest.class.getResourceAsStream("/im-contract/recorded/" + fixture + ".json")) {
      JsonNode node = new ObjectMapper().readTree(in);
      return node.path("request").path("headers").path("Authorization").asText();
    }
  }

  private static AuthLine line(String type, String id, String... keyValues) {
    AuthLine.Builder b = AuthLine.builder(type).id(id);
    for (int i = 0; i < keyValues.length; i += 2) {
      b.set(keyValues[i], keyValues[i + 1]);
    }
    return b.build();
  }

  private static List<Map<String, String>> resolved(Credentials c) {
    return c.lines().stream().map(AuthLine::resolve).toList();
  }

  /** Encodes, parses as the server does, and checks that every value came back unchanged. */
  private static String assertRoundTrip(Credentials credentials) {
    String header = credentials.toAuthorizationHeader();
    assertThat(resolved(Credentials.parseHeader(header))).isEqualTo(resolved(credentials));
    return header;
  }

  private static String oneValueHeader(String value) {
    return assertRoundTrip(Credentials.of(line("InfrastructureManager", "im", "token", value)));
  }

  @Test
  void encodesExactlyTheRecordedHeader() throws IOException {
    // Given the credentials used for the recorded exchanges
    Credentials credentials = Credentials.of(
        line("InfrastructureManager", "im", "username", "user", "password", "pass"),
        AuthLine.builder("Dummy").id("dummy").build());

    // When
    String header = credentials.toAuthorizationHeader();

    // Then it is byte for byte what the real IM accepted (010-list-empty-uri-list)
    assertThat(header).isEqualTo(recordedHeader("010-list-empty-uri-list"))
        .isEqualTo("id = im; type = InfrastructureManager; username = user; password = pass" + SEP
            + "id = dummy; type = Dummy");
  }

  @Test
  void parsesTheRecordedHeadersAsTheServerDid() throws IOException {
    // Given / When
    Credentials lines = Credentials.parseHeader(recordedHeader("010-list-empty-uri-list"));
    Credentials json = Credentials.parseHeader(recordedHeader("012-list-auth-json-format"));
    Credentials noIm = Credentials.parseHeader(recordedHeader("006-list-auth-without-im-line"));
    Credentials garbage = Credentials.parseHeader(recordedHeader("007-list-auth-garbage"));
    Credentials token = Credentials.parseHeader(recordedHeader("009-list-auth-im-token-untrusted-issuer"));
    Credentials bearer = Credentials.parseHeader(recordedHeader("008-list-auth-bearer-untrusted-issuer"));

    // Then the line form and the JSON form carry the same credentials
    assertThat(resolved(lines)).containsExactly(
        Map.of("id", "im", "type", "InfrastructureManager", "username", "user", "password", "pass"),
        Map.of("id", "dummy", "type", "Dummy"));
    assertThat(json).isEqualTo(lines);
    // and the rejected headers have no InfrastructureManager line, as the server answered 401
    assertThat(noIm.first(AuthLine.INFRASTRUCTURE_MANAGER)).isEmpty();
    assertThat(noIm.lines()).hasSize(1);
    assertThat(garbage.lines()).isEmpty();
    assertThat(token.first(AuthLine.INFRASTRUCTURE_MANAGER).orElseThrow().value("token").orElseThrow().resolve())
        .startsWith("eyJ");
    assertThat(bearer.lines()).isEmpty();
    assertThat(bearer.bearerToken().orElseThrow().resolve()).startsWith("eyJhbGciOiJSUzI1NiIs");
    assertThat(bearer.toAuthorizationHeader()).isEqualTo(recordedHeader("008-list-auth-bearer-untrusted-issuer"));
  }

  @Test
  void parsesThePythonClientsHeaderWithTrailingSeparators() {
    // Given the Python client's form: "key = value;" and a separator after every line
    String header = "id = im; type = InfrastructureManager; username = user; password = pass;" + SEP
        + "id = dummy; type = Dummy;" + SEP;

    // When / Then
    assertThat(resolved(Credentials.parseHeader(header))).containsExactly(
        Map.of("id", "im", "type", "InfrastructureManager", "username", "user", "password", "pass"),
        Map.of("id", "dummy", "type", "Dummy"));
  }

  @Test
  void newlineInsideAValueIsSentAsBackslashBackslashN() {
    // Given / When
    String header = oneValueHeader("-----BEGIN-----\nMIIB\n-----END-----");

    // Then
    assertThat(header).isEqualTo("id = im; type = InfrastructureManager; token = -----BEGIN-----\\\\nMIIB\\\\n-----END-----");
  }

  @Test
  void newlinesInSeveralLinesKeepTheLinesApart() {
    // Given a multi-line value followed by another line
    Credentials credentials = Credentials.of(
        line("InfrastructureManager", "im", "username", "u", "password", "p"),
        line("Docker", "d", "host", "https://h:2376", "public_key", "a\nb", "private_key", "c\nd"),
        line("Dummy", "x"));

    // When
    String header = assertRoundTrip(credentials);

    // Then
    assertThat(header).isEqualTo("id = im; type = InfrastructureManager; username = u; password = p" + SEP
        + "id = d; type = Docker; host = https://h:2376; public_key = a\\\\nb; private_key = c\\\\nd" + SEP
        + "id = x; type = Dummy");
  }

  @ParameterizedTest
  @ValueSource(strings = {"a;b", "a=b", "base64==", "x;y=z", ";", "="})
  void semicolonsAndEqualsSignsAreSingleQuoted(String value) {
    assertThat(oneValueHeader(value)).endsWith("token = '" + value + "'");
  }

  @ParameterizedTest
  @ValueSource(strings = {"it's", "'", "a'b;c=d", "'quoted'"})
  void singleQuotesAreDoubleQuoted(String value) {
    assertThat(oneValueHeader(value)).endsWith("token = \"" + value + "\"");
  }

  @ParameterizedTest
  @ValueSource(strings = {"say \"hi\"", "\"", "a\"b;c"})
  void doubleQuotesAreSingleQuoted(String value) {
    assertThat(oneValueHeader(value)).endsWith("token = '" + value + "'");
  }

  @ParameterizedTest
  @ValueSource(strings = {"it's \"both\"", "C:\\dir", "literal \\n pair", "\\", " leading", "trailing ",
      "\ttab", "señal", "✓ check", "ctl\u0001char", "cr\rlf", "both ' \" and\nnewline"})
  void valuesTheLineSyntaxCannotCarryUseTheJsonForm(String value) {
    // Given / When
    String header = oneValueHeader(value);

    // Then a single ASCII line of JSON without the pairs the server rewrites or splits on
    assertThat(header).startsWith("[{").endsWith("}]");
    assertThat(header).doesNotContain(SEP);
    assertThat(header.chars()).allMatch(c -> c >= 0x20 && c < 0x7f);
  }

  @Test
  void theJsonFormEscapesNewlineBackslashAndNonAscii() {
    // Given / When
    String header = oneValueHeader("ñ\\\n'\"");

    // Then
    assertThat(header).isEqualTo("[{\"id\":\"im\",\"type\":\"InfrastructureManager\","
        + "\"token\":\"\\u00F1\\u005c\\u000a'\\u0022\"}]");
  }

  @Test
  void oneLineNeedingJsonSwitchesTheWholeHeader() {
    // Given
    Credentials credentials = Credentials.of(
        line("InfrastructureManager", "im", "username", "u", "password", "p"),
        line("OpenStack", "ost", "host", "https://k:5000", "username", "ü", "password", "p;w", "tenant", "t"));

    // When
    String header = assertRoundTrip(credentials);

    // Then
    assertThat(header).startsWith("[{\"id\":\"im\"");
  }

  @Test
  void anEmptyValueIsQuotedBecauseIMDropsAnUnquotedOne() {
    // Given / When
    String header = oneValueHeader("");

    // Then
    assertThat(header).isEqualTo("id = im; type = InfrastructureManager; token = ''");
  }

  @Test
  void theParserDropsTheRestOfALineAtAnUnquotedEmptyValueAsIMDoes() {
    // Given IM's split_line: a blank last part counts only when the item has quotes
    String header = "type = InfrastructureManager; username = u; password = ; token = t" + SEP
        + "type = Dummy; host = ''; x = 'a=b'; y = c=d; z = z";

    // When
    List<Map<String, String>> lines = resolved(Credentials.parseHeader(header));

    // Then
    assertThat(lines).containsExactly(
        Map.of("type", "InfrastructureManager", "username", "u"),
        Map.of("type", "Dummy", "host", "", "x", "a=b"));
  }

  @Test
  void spacesAroundSeparatorsAreIgnoredByTheParser() {
    // Given
    String header = "  type=InfrastructureManager ;username =  u;password= 'p;w'  " + SEP + " # comment" + SEP;

    // When / Then
    assertThat(resolved(Credentials.parseHeader(header)))
        .containsExactly(Map.of("type", "InfrastructureManager", "username", "u", "password", "p;w"));
  }

  @Test
  void randomValuesAlwaysRoundTrip() {
    // Given values drawn from the characters that matter to the syntax (fixed seed: reproducible)
    String alphabet = "ab ;='\"\\n\n#\t\u00e9\u2713[]{}:,";
    Random random = new Random(20261121L);
    AtomicInteger jsonHeaders = new AtomicInteger();

    for (int i = 0; i < 2000; i++) {
      Map<String, String> values = new LinkedHashMap<>();
      for (int k = 0; k < 3; k++) {
        StringBuilder v = new StringBuilder();
        int len = random.nextInt(8);
        for (int j = 0; j < len; j++) {
          v.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        values.put("k" + k, v.toString());
      }
      AuthLine.Builder b = AuthLine.builder("InfrastructureManager").id("im");
      values.forEach(b::set);
      Credentials credentials = Credentials.of(b.build(), line("Dummy", "d"));

      // When / Then
      String header = assertRoundTrip(credentials);
      if (header.startsWith("[")) {
        jsonHeaders.incrementAndGet();
      }
    }
    // both forms were exercised
    assertThat(jsonHeaders.get()).isBetween(1, 1999);
  }

  @Test
  void bearerCredentialsSendOnlyTheToken() {
    // Given a provider whose token changes
    AtomicInteger calls = new AtomicInteger();
    AtomicInteger invalidations = new AtomicInteger();
    TokenProvider provider = new TokenProvider() {
      @Override
      public AccessToken token() {
        return AccessToken.of("tok-" + calls.incrementAndGet());
      }

      @Override
      public void invalidate() {
        invalidations.incrementAndGet();
      }
    };
    Credentials credentials = Credentials.bearer(provider);

    // When / Then the header is rebuilt from the provider for each request
    assertThat(credentials.toAuthorizationHeader()).isEqualTo("Bearer tok-1");
    assertThat(credentials.toAuthorizationHeader()).isEqualTo("Bearer tok-2");
    credentials.invalidate();
    assertThat(invalidations).hasValue(1);
    assertThat(credentials.lines()).isEmpty();
    assertThat(credentials.toString()).isEqualTo("Credentials[Bearer provider(" + provider.getClass().getSimpleName()
        + ")]");
  }

  @Test
  void aHeaderOfLiteralValuesIsBuiltOnceAndAHeaderWithAProviderForEveryRequest() {
    // Given credentials made only of literals, and the same with one value from a provider
    Credentials literal = Credentials.of(line("InfrastructureManager", "im", "username", "u", "password", "p"));
    AtomicInteger calls = new AtomicInteger();
    Credentials fresh = Credentials.of(AuthLines.infrastructureManager()
        .token(() -> AccessToken.of("tok-" + calls.incrementAndGet())).build());

    // Then the literal header is the very same string each time (the transport asks for it on every request),
    // while the provider is still asked each time
    assertThat(literal.toAuthorizationHeader()).isSameAs(literal.toAuthorizationHeader())
        .isEqualTo("id = im; type = InfrastructureManager; username = u; password = p");
    assertThat(fresh.toAuthorizationHeader()).isNotEqualTo(fresh.toAuthorizationHeader());
    assertThat(calls).hasValue(2);
  }

  @Test
  void aProviderSharedByLinesIsAskedOncePerHeader() {
    // Given the same provider in the IM line and a site line
    AtomicInteger calls = new AtomicInteger();
    TokenProvider provider = () -> AccessToken.of("tok-" + calls.incrementAndGet());
    Credentials credentials = Credentials.of(
        AuthLines.infrastructureManager().token(provider).build(),
        AuthLines.openStack("ost").host("https://k").username("egi.eu").tenant("openid").password(provider)
            .build());

    // When / Then both lines carry the same token, fetched once per request
    assertThat(credentials.toAuthorizationHeader()).isEqualTo("type = InfrastructureManager; token = tok-1" + SEP
        + "id = ost; type = OpenStack; host = https://k; username = egi.eu; tenant = openid; password = tok-1");
    assertThat(credentials.toAuthorizationHeader()).contains("token = tok-2").contains("password = tok-2");
    assertThat(calls).hasValue(2);
  }

  @Test
  void bearerCredentialsRoundTripThroughTheParser() {
    // Given
    Credentials credentials = Credentials.bearer(CredentialValue.of("eyJ.abc.def"));

    // When
    Credentials parsed = Credentials.parseHeader(credentials.toAuthorizationHeader());

    // Then
    assertThat(parsed).isEqualTo(credentials);
    assertThat(parsed.toString()).isEqualTo("Credentials[Bearer ***]");
  }

  @Test
  void aBearerTokenThatCannotBeAHeaderIsRefusedWithoutEchoingIt() {
    assertThatThrownBy(() -> Credentials.bearer(CredentialValue.of("hunter2 more")).toAuthorizationHeader())
        .isInstanceOf(ImCredentialsException.class)
        .hasMessageContaining("blank, control or non-ASCII character at index 7")
        .hasMessageNotContaining("hunter2");
    assertThatThrownBy(() -> Credentials.bearer(CredentialValue.of("  ")).toAuthorizationHeader())
        .isInstanceOf(ImCredentialsException.class)
        .hasMessageContaining("is empty");
    assertThatThrownBy(() -> Credentials.bearer(() -> {
      throw new ImCredentialsException("agent not running");
    }).toAuthorizationHeader())
        .isInstanceOf(ImCredentialsException.class)
        .hasMessage("cannot obtain the bearer token: agent not running");
  }

  @Test
  void bearerCredentialsCannotCarryLines() {
    // Given
    Credentials bearer = Credentials.bearer(CredentialValue.of("t"));

    // When / Then
    assertThatThrownBy(() -> bearer.with(line("Dummy", "d")))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("Vault line");
  }

  @Test
  void emptyCredentialsAreATypedError() {
    assertThatThrownBy(() -> Credentials.of().toAuthorizationHeader())
        .isInstanceOf(ImCredentialsException.class)
        .hasMessageContaining("at least an InfrastructureManager auth line");
  }

  @Test
  void anInvalidIdInAHeaderIsATypedError() {
    assertThatThrownBy(() -> Credentials.parseHeader("id = 1x; type = Dummy"))
        .isInstanceOf(ImCredentialsException.class)
        .hasMessageContaining("the auth line id is invalid").hasMessageNotContaining("1x");
  }

  @Test
  void aFailingValueNamesTheLineAndKeyButNotTheOtherValues() {
    // Given
    Credentials credentials = Credentials.of(
        line("InfrastructureManager", "im", "username", "u", "password", "hunter2"),
        AuthLine.builder("OpenStack").id("ost").set("password", () -> {
          throw new ImCredentialsException("oidc-agent: account 'egi' not loaded");
        }).build());

    // When / Then
    assertThatThrownBy(credentials::toAuthorizationHeader)
        .isInstanceOf(ImCredentialsException.class)
        .hasMessage("cannot obtain 'password' of the OpenStack 'ost' credential: "
            + "oidc-agent: account 'egi' not loaded");
  }
}
