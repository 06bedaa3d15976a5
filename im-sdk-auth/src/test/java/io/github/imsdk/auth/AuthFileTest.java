package io.github.imsdk.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.imsdk.auth.internal.CommandValue;
import io.github.imsdk.auth.internal.FileValue;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AuthFileTest {

  @TempDir
  Path dir;

  private static Path seedAuthDat() throws URISyntaxException {
    return Path.of(AuthFileTest.class.getResource("/seed/auth.dat").toURI());
  }

  private Path file(String text) throws Exception {
    Path f = dir.resolve("auth.dat");
    Files.writeString(f, text);
    return f;
  }

  private static Map<String, String> literals(AuthLine line) {
    return line.resolve();
  }

  @Test
  void readsTheSeedAuthFileWithoutRunningItsCommands() throws Exception {
    // Given the EGI guide's auth.dat (oidc-token is not installed here: reading must not run it)
    Path seed = seedAuthDat();

    // When
    Credentials credentials = AuthFile.read(seed);

    // Then four lines: the EGI line is commented out
    assertThat(credentials.lines()).hasSize(4);
    assertThat(credentials.bearerToken()).isEmpty();
    AuthLine im = credentials.lines().get(0);
    assertThat(im.type()).isEqualTo("InfrastructureManager");
    assertThat(im.id()).contains("im");
    assertThat(im.values()).containsOnlyKeys("token");
    assertThat(im.value("token")).get()
        .isEqualTo(CredentialValue.command("oidc-token egi", AuthFile.DEFAULT_COMMAND_TIMEOUT));

    // and three OpenStack sites with their keys in file order
    assertThat(credentials.lines().subList(1, 4)).extracting(l -> l.id().orElseThrow())
        .containsExactly("gsi", "cesga", "iisas");
    assertThat(credentials.lines().subList(1, 4)).allSatisfy(l -> {
      assertThat(l.type()).isEqualTo("OpenStack");
      assertThat(l.values().keySet())
          .containsExactly("host", "username", "tenant", "password", "auth_version", "domain");
      assertThat(l.value("username").orElseThrow().resolve()).isEqualTo("egi.eu");
      assertThat(l.value("tenant").orElseThrow().resolve()).isEqualTo("openid");
      assertThat(l.value("auth_version").orElseThrow().resolve()).isEqualTo("3.x_oidc_access_token");
      assertThat(l.value("password")).get().isInstanceOf(CommandValue.class);
      assertThat(l.value("password").orElseThrow().authFileForm()).isEqualTo("command(oidc-token egi)");
    });
    // and the four lines share one value: one run of oidc-token per request
    assertThat(credentials.lines()).extracting(l -> l.values().get(l.isInfrastructureManager() ? "token" : "password"))
        .allSatisfy(v -> assertThat(v).isSameAs(im.value("token").orElseThrow()));
    AuthLine gsi = credentials.byId("gsi").orElseThrow();
    assertThat(gsi.value("host").orElseThrow().resolve()).isEqualTo("https://egiosc.gsi.de:5000/v3");
    assertThat(gsi.value("domain").orElseThrow().resolve()).isEqualTo("VO:vo.access.egi.eu");
    assertThat(credentials.byId("cesga").orElseThrow().value("host").orElseThrow().resolve())
        .isEqualTo("https://fedcloud-osservices.egi.cesga.es:5000/v3");
    AuthLine iisas = credentials.byId("iisas").orElseThrow();
    assertThat(iisas.value("host").orElseThrow().resolve()).isEqualTo("https://cloud.ui.savba.sk:5000/v3/");
    assertThat(iisas.value("domain").orElseThrow().resolve()).isEqualTo("vo.access.egi.eu");
    assertThat(credentials.byId("in2p3")).isEmpty();
  }

  @Test
  void commandValuesAreEvaluatedAtRequestTime() throws Exception {
    // Given an auth file whose token comes from a command
    Path auth = file("id = im; type = InfrastructureManager; token = command(echo tok-1)\n");

    // When
    Credentials credentials = AuthFile.read(auth);

    // Then the command runs when the header is built
    assertThat(credentials.toAuthorizationHeader())
        .isEqualTo("id = im; type = InfrastructureManager; token = tok-1");
  }

  @Test
  void fileValuesAreEvaluatedAtRequestTime() throws Exception {
    // Given a token file written after the auth file was read
    Path token = dir.resolve("token.txt");
    Path auth = file("type = InfrastructureManager; token = file(" + token + ")\n");
    Credentials credentials = AuthFile.read(auth);
    Files.writeString(token, "tok-from-file\n");

    // When
    String header = credentials.toAuthorizationHeader();

    // Then
    assertThat(header).isEqualTo("type = InfrastructureManager; token = tok-from-file");
    assertThat(credentials.lines().get(0).value("token")).get().isEqualTo(CredentialValue.file(token));
  }

  @Test
  void commandValuesCanBeMappedByTheCaller() throws Exception {
    // Given a mapping that takes oidc-token values from a provider
    Path auth = file("type = InfrastructureManager; token = command(oidc-token egi)\n"
        + "id = ost; type = OpenStack; password = command(other --flag)\n"
        + "id = ost2; type = OpenStack; password = command( oidc-token egi )\n");
    List<String> seen = new ArrayList<>();
    AuthFile.Reader reader = AuthFile.reader().commandValues(cmd -> {
      seen.add(cmd);
      return cmd.startsWith("oidc-token ")
          ? CredentialValue.from(() -> AccessToken.of("from-agent"))
          : CredentialValue.command(cmd, Duration.ofSeconds(5));
    });

    // When
    Credentials credentials = reader.read(auth);

    // Then
    assertThat(seen).containsExactly("oidc-token egi", "other --flag");
    assertThat(credentials.byId("ost2").orElseThrow().value("password").orElseThrow())
        .isSameAs(credentials.lines().get(0).value("token").orElseThrow());
    assertThat(credentials.lines().get(0).value("token").orElseThrow().resolve()).isEqualTo("from-agent");
    assertThat(credentials.lines().get(1).value("password")).get()
        .isEqualTo(CredentialValue.command("other --flag", Duration.ofSeconds(5)));
  }

  @Test
  void commandTimeoutIsAppliedToCommandValues() throws Exception {
    // Given
    Path auth = file("type = InfrastructureManager; token = command(sleep 30)\n");

    // When
    Credentials credentials = AuthFile.reader().commandTimeout(Duration.ofMillis(300)).read(auth);

    // Then
    assertThat(credentials.lines().get(0).value("token")).get()
        .isEqualTo(CredentialValue.command("sleep 30", Duration.ofMillis(300)));
    assertThatThrownBy(credentials::toAuthorizationHeader)
        .isInstanceOf(ImCredentialsException.class)
        .hasMessageContaining("cannot obtain 'token' of the InfrastructureManager credential")
        .hasMessageContaining("did not finish within 300 ms");
  }

  @Test
  void aCommandSharedByLinesRunsOncePerHeader() throws Exception {
    // Given a seed-like file whose four lines take the same command's output, and a command that counts its runs
    Path runs = dir.resolve("runs.log");
    Path script = dir.resolve("fake-oidc-token");
    Files.writeString(script, "#!/bin/sh\necho run >> \"$1\"\necho tok-shared\n");
    assertThat(script.toFile().setExecutable(true)).isTrue();
    String token = "command(" + script + " " + runs + ")";
    Path auth = file("id = im; type = InfrastructureManager; token = " + token + "\n"
        + "id = a; type = OpenStack; host = https://a; username = egi.eu; tenant = openid; password = " + token + "\n"
        + "id = b; type = OpenStack; host = https://b; username = egi.eu; tenant = openid; password = " + token + "\n"
        + "id = c; type = OpenStack; host = https://c; username = egi.eu; tenant = openid; password = " + token + "\n");
    Credentials credentials = AuthFile.read(auth);

    // When two requests build their header
    String first = credentials.toAuthorizationHeader();
    credentials.toAuthorizationHeader();

    // Then the command ran once per header, and every line got the same token
    assertThat(Files.readAllLines(runs)).hasSize(2);
    assertThat(first.split("tok-shared", -1)).hasSize(5);
  }

  @Test
  void aByteOrderMarkIsIgnored() throws Exception {
    // Given a file saved by an editor that writes a UTF-8 byte-order mark
    Path auth = file("\uFEFFid = im; type = InfrastructureManager; token = t\n");

    // When / Then
    assertThat(AuthFile.read(auth).lines().get(0).id()).contains("im");
  }

  @Test
  void secretsReadFromAFileNeverPrint() throws Exception {
    // Given literal secrets of several kinds
    Path auth = file("id = im; type = InfrastructureManager; username = alice; password = S3CRET-1\n"
        + "id = ec2; type = EC2; username = S3CRET-2; password = S3CRET-3; token = S3CRET-4; region = eu-west-1\n"
        + "id = az; type = Azure; subscription_id = sub; client_id = S3CRET-5; secret = S3CRET-6; tenant = t\n"
        + "id = d; type = Docker; host = https://h; private_key = 'S3CRET-7\\nmore'; public_key = cert\n"
        + "id = x; type = Custom; api_key = S3CRET-8; host = https://x\n");

    // When
    Credentials credentials = AuthFile.read(auth);

    // Then
    assertThat(credentials.toString()).doesNotContain("S3CRET")
        .contains("username = alice", "region = eu-west-1", "host = https://x", "password = ***");
    credentials.lines().forEach(l -> assertThat(l.toString()).doesNotContain("S3CRET"));
    credentials.lines().forEach(l -> l.values().values().forEach(v -> assertThat(v.toString()).isEqualTo("***")));
  }

  @Test
  void commentsBlankLinesAndWindowsLineEndingsAreIgnored() throws Exception {
    // Given
    Path auth = file("# my credentials\r\n\r\n   \r\n  # indented comment\r\n"
        + "  type = InfrastructureManager ; username = u ; password = p  \r\n#type = Dummy\r\n");

    // When
    Credentials credentials = AuthFile.read(auth);

    // Then
    assertThat(credentials.lines()).hasSize(1);
    assertThat(literals(credentials.lines().get(0)))
        .containsExactly(Map.entry("type", "InfrastructureManager"), Map.entry("username", "u"),
            Map.entry("password", "p"));
  }

  @Test
  void quotedValuesKeepSeparatorsAndTheOtherQuote() throws Exception {
    // Given every quoting case of the format
    Path auth = file("type = InfrastructureManager; username = 'a;b'; password = \"c=d\"\n"
        + "id = q; type = Dummy; single = \"it's\"; double = 'say \"hi\"'; spaced = '  padded  '; "
        + "glued='x'y'z'; empty = ''; keep = '#not a comment'\n");

    // When
    Credentials credentials = AuthFile.read(auth);

    // Then quotes are removed, separators inside them kept; values are trimmed even inside quotes (as in IM)
    assertThat(literals(credentials.lines().get(0))).containsEntry("username", "a;b").containsEntry("password", "c=d");
    assertThat(literals(credentials.lines().get(1)))
        .containsEntry("single", "it's")
        .containsEntry("double", "say \"hi\"")
        .containsEntry("spaced", "padded")
        .containsEntry("glued", "xyz")
        .containsEntry("empty", "")
        .containsEntry("keep", "#not a comment");
  }

  @Test
  void backslashNInAValueIsANewline() throws Exception {
    // Given a certificate written on one line with \n escapes
    Path auth = file("id = d; type = Docker; host = https://h:2376; "
        + "public_key = '-----BEGIN CERTIFICATE-----\\nMIIB\\n-----END CERTIFICATE-----'\n");

    // When
    AuthLine docker = AuthFile.read(auth).lines().get(0);

    // Then
    assertThat(docker.value("public_key").orElseThrow().resolve())
        .isEqualTo("-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----");
  }

  @Test
  void unknownKeysAndTypesArePassedThrough() throws Exception {
    // Given
    Path auth = file("id = x; type = FutureCloud; bearer_token_command = oidc-token egi; zone = z1;\n");

    // When
    AuthLine line = AuthFile.read(auth).lines().get(0);

    // Then
    assertThat(line.type()).isEqualTo("FutureCloud");
    assertThat(literals(line)).containsExactly(Map.entry("id", "x"), Map.entry("type", "FutureCloud"),
        Map.entry("bearer_token_command", "oidc-token egi"), Map.entry("zone", "z1"));
  }

  @Test
  void aSingleBearerLineGivesBearerCredentials() throws Exception {
    // Given
    Path literal = file("# Vault-enabled IM\nBearer eyJabc.def.ghi\n");

    // When
    Credentials credentials = AuthFile.read(literal);

    // Then
    assertThat(credentials.bearerToken()).isPresent();
    assertThat(credentials.lines()).isEmpty();
    assertThat(credentials.toAuthorizationHeader()).isEqualTo("Bearer eyJabc.def.ghi");
  }

  @Test
  void aBearerTokenMayComeFromACommandOrAFile() throws Exception {
    // Given (the Python client wraps these in quotes and so breaks them; this SDK does not)
    Path tokenFile = dir.resolve("tok");
    Files.writeString(tokenFile, "tok-in-file\n");
    Path viaCommand = dir.resolve("a.dat");
    Files.writeString(viaCommand, "Bearer command(echo tok-from-cmd)\n");
    Path viaFile = dir.resolve("b.dat");
    Files.writeString(viaFile, "Bearer 'file(" + tokenFile + ")'\n");

    // When / Then
    assertThat(AuthFile.read(viaCommand).toAuthorizationHeader()).isEqualTo("Bearer tok-from-cmd");
    assertThat(AuthFile.read(viaFile).bearerToken()).contains(CredentialValue.file(tokenFile));
    assertThat(AuthFile.read(viaFile).toAuthorizationHeader()).isEqualTo("Bearer tok-in-file");
  }

  @Test
  void aBearerLineAmongOtherLinesIsAnError() throws Exception {
    // Given
    Path auth = file("type = InfrastructureManager; token = t\nBearer secret-token\n");

    // When / Then
    assertThatThrownBy(() -> AuthFile.read(auth))
        .isInstanceOf(ImCredentialsException.class)
        .hasMessageStartingWith("auth file " + auth + ", line 2: ")
        .hasMessageContaining("must be the only credential line")
        .hasMessageNotContaining("secret-token");
  }

  @Test
  void garbledLinesAreReportedWithFileAndLineNumberAndNoSecret() throws Exception {
    assertError("type = InfrastructureManager; token = t\n\nid = x; username = u; password = hunter2\n",
        3, "has no 'type'");
    assertError("type = InfrastructureManager; username = u; hunter2\n",
        1, "item 3 (after 'type', 'username') has no '='");
    assertError("type = InfrastructureManager; username = u; password = hunter2=x\n",
        1, "the value of 'password' contains '=' outside quotes");
    assertError("type = InfrastructureManager; = hunter2\n", 1, "item 2 (after 'type') has no key");
    assertError("type = InfrastructureManager;; password = hunter2\n", 1, "item 2 is empty");
    assertError("# c\ntype = InfrastructureManager; password = 'hunter2\n", 2,
        "unterminated ' quote opened at column 42");
    assertError("id = 9bad; type = Dummy; password = hunter2\n", 1, "the auth line id is invalid");
    assertError("type = Dummy; password = hunter2; password = hunter2\n", 1, "key 'password' is given twice");
    assertError("type = ; password = hunter2\n", 1, "the value of 'type' is empty");
    assertError("type = ''; password = hunter2\n", 1, "has no 'type'");
    assertError("type = Dummy; token = command( )\n", 1, "the command(...) of 'token' is empty");
    assertError("type = Dummy; token = file()\n", 1, "the file(...) of 'token' names no file");
    assertError("Bearer\n", 1, "the 'Bearer' line has no token");
    assertError("type = Dummy; password = ; token = hunter2\n", 1,
        "the value of 'password' is empty; write key = '' for an empty value");
    assertError("type = Dummy; password = hunter2=\n", 1, "the value of 'password' contains '=' outside quotes");
    assertError("type = Dummy; =\n", 1, "item 2 (after 'type') has no key before '='");
    assertError("type = Dummy; password: hunter2 = x=y\n", 1,
        "the value of the key of item 2 contains '=' outside quotes");
  }

  @Test
  void aMistypedKeyOrAnInvalidIdIsNeverQuotedInAnError() throws Exception {
    // A secret pasted where an id or key belongs is named by its position, never echoed
    assertError("id = hunter2!; type = Dummy; password = x\n", 1, "the auth line id is invalid");
    assertError("type = Dummy; hunter2 = a; hunter2 = b\n", 1, "the key of item 3 is given twice");
    assertError("type = Dummy; hunter2 = ; token = t\n", 1, "the value of the key of item 2 is empty");
    assertError("type = Dummy; hunter2 = a; b\n", 1, "item 3 (after 'type', the key of item 2) has no '='");
    assertError("type = Dummy; hunter2pw = 'a'='b'\n", 1, "the value of the key of item 2 contains '='");
  }

  private void assertError(String text, int line, String message) throws Exception {
    Path auth = file(text);
    assertThatThrownBy(() -> AuthFile.read(auth))
        .isInstanceOf(ImCredentialsException.class)
        .hasMessageStartingWith("auth file " + auth + ", line " + line + ": ")
        .hasMessageContaining(message)
        .hasMessageNotContaining("hunter2");
  }

  @Test
  void aFailingCommandMappingIsReportedWithTheLine() throws Exception {
    // Given
    Path auth = file("type = InfrastructureManager; token = command(oidc-token egi)\n");
    AuthFile.Reader reader = AuthFile.reader().commandValues(cmd -> {
      throw new IllegalArgumentException("no agent account 'egi'");
    });

    // When / Then
    assertThatThrownBy(() -> reader.read(auth))
        .isInstanceOf(ImCredentialsException.class)
        .hasMessage("auth file " + auth + ", line 1: the command(...) of 'token' is not usable: "
            + "no agent account 'egi'");
  }

  @Test
  void unreadableFilesAreTypedErrors() throws Exception {
    // Given
    Path missing = dir.resolve("missing.dat");
    Path notUtf8 = dir.resolve("latin1.dat");
    Files.write(notUtf8, new byte[] {'t', 'y', 'p', 'e', '=', (byte) 0xE9, (byte) 0xFF, '\n'});

    // When / Then
    assertThatThrownBy(() -> AuthFile.read(missing))
        .isInstanceOf(ImCredentialsException.class)
        .hasMessageContaining("cannot read auth file " + missing);
    assertThatThrownBy(() -> AuthFile.read(notUtf8))
        .isInstanceOf(ImCredentialsException.class)
        .hasMessageContaining("cannot read auth file " + notUtf8 + ": it is not UTF-8 text");
  }

  @Test
  void readValuesRoundTripThroughTheHeaderAndTheServerParser() throws Exception {
    // Given an auth file with every quoting case
    Path auth = file("type = InfrastructureManager; username = user; password = 'p;a=ss'\n"
        + "id = q; type = Dummy; single = \"it's\"; double = 'say \"hi\"'; multi = 'l1\\nl2'\n");
    Credentials credentials = AuthFile.read(auth);

    // When the header is built and parsed as the server does
    Credentials parsed = Credentials.parseHeader(credentials.toAuthorizationHeader());

    // Then
    assertThat(parsed.lines()).extracting(AuthLine::resolve)
        .isEqualTo(credentials.lines().stream().map(AuthLine::resolve).toList());
  }

  @Test
  void writtenFilesReadBackToTheSameCredentials() throws Exception {
    // Given credentials with every kind of value the format can carry
    Path tokenFile = dir.resolve("token");
    Credentials credentials = Credentials.of(
        AuthLine.builder("InfrastructureManager").id("im")
            .set("token", CredentialValue.command("oidc-token egi", AuthFile.DEFAULT_COMMAND_TIMEOUT)).build(),
        AuthLine.builder("OpenStack").id("ost")
            .set("host", "https://keystone.example.org:5000/v3")
            .set("username", "u")
            .set("password", "p;a=ss")
            .set("tenant", "it's")
            .set("domain", "say \"hi\"")
            .set("public_key", "-----BEGIN-----\nabc\n-----END-----")
            .set("empty", "")
            .set("unicode", "señal ✓")
            .set("hash", "#x")
            .set("backslash", "C:\\dir\\")
            .set("api_key", CredentialValue.file(tokenFile))
            .set("cmd_with_semicolon", CredentialValue.command("tool a;b", AuthFile.DEFAULT_COMMAND_TIMEOUT))
            .build());
    Path out = dir.resolve("written.dat");

    // When
    AuthFile.write(credentials, out);
    Credentials back = AuthFile.read(out);

    // Then
    assertThat(back).isEqualTo(credentials);
    assertThat(Files.readString(out)).startsWith("id = im; type = InfrastructureManager; "
        + "token = command(oidc-token egi)\nid = ost; type = OpenStack; host = https://keystone.example.org:5000/v3");
    assertThat(Files.readString(out)).contains("password = 'p;a=ss'; tenant = \"it's\"; domain = 'say \"hi\"'; "
        + "public_key = -----BEGIN-----\\nabc\\n-----END-----; empty = ''; ");
    if (out.getFileSystem().supportedFileAttributeViews().contains("posix")) {
      assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(out))).isEqualTo("rw-------");
    }
  }

  @Test
  void bearerCredentialsAreWrittenAsASingleLine() throws Exception {
    // Given
    Credentials bearer = Credentials.bearer(CredentialValue.command("oidc-token egi", Duration.ofSeconds(30)));

    // When
    String text = AuthFile.toText(bearer);

    // Then
    assertThat(text).isEqualTo("Bearer command(oidc-token egi)\n");
    assertThat(AuthFile.reader().parse(text, "text")).isEqualTo(bearer);
  }

  @Test
  void valuesTheFormatCannotCarryAreRefusedWithoutEchoingThem() {
    assertUnwritable(CredentialValue.of("it's \"hunter2\""), "both ' and \"");
    assertUnwritable(CredentialValue.of(" hunter2"), "leading or trailing blanks");
    assertUnwritable(CredentialValue.of("hunter2\\n"), "backslash followed by 'n'");
    assertUnwritable(CredentialValue.of("command(hunter2)"), "would be evaluated by readers");
    assertUnwritable(CredentialValue.of("hunter2\r"), "leading or trailing blanks");
    assertUnwritable(CredentialValue.of("hun\rter2"), "control character at index 3");
    assertUnwritable(CredentialValue.from(() -> AccessToken.of("hunter2")), "cannot be written to an auth file");
    assertUnwritable(CredentialValue.file(Path.of(" hunter2")), "leading or trailing blanks");
    assertUnwritable(CredentialValue.file(Path.of("hunter2\nx")), "contains a line break");
    assertUnwritable(CredentialValue.file(Path.of("hunter2\\nx")), "backslash followed by 'n'");
  }

  private static void assertUnwritable(CredentialValue value, String message) {
    Credentials credentials = Credentials.of(AuthLine.builder("InfrastructureManager").set("token", value).build());
    assertThatThrownBy(() -> AuthFile.toText(credentials))
        .isInstanceOf(ImCredentialsException.class)
        .hasMessageContaining("'token' of line 1 (InfrastructureManager)")
        .hasMessageContaining(message)
        .hasMessageNotContaining("hunter2");
  }

  @Test
  void aLiteralBearerTokenWithABlankCannotBeWritten() {
    assertThatThrownBy(() -> AuthFile.toText(Credentials.bearer(CredentialValue.of("hunter2 x"))))
        .isInstanceOf(ImCredentialsException.class)
        .hasMessageContaining("blank or control character at index 7")
        .hasMessageNotContaining("hunter2");
  }

  @Test
  void aProviderBearerTokenCannotBeWritten() {
    // Given
    Credentials bearer = Credentials.bearer(() -> AccessToken.of("hunter2"));

    // When / Then
    assertThatThrownBy(() -> AuthFile.toText(bearer))
        .isInstanceOf(ImCredentialsException.class)
        .hasMessageContaining("cannot write the bearer token to an auth file")
        .hasMessageNotContaining("hunter2");
  }

  @Test
  void fileValueClassIsUsedForFileForms() throws Exception {
    // Given
    Path auth = file("type = InfrastructureManager; token = 'file(relative/token.txt)'\n");

    // When
    CredentialValue token = AuthFile.read(auth).lines().get(0).value("token").orElseThrow();

    // Then a relative path stays relative (resolved against the working directory, as the Python client does)
    assertThat(token).isInstanceOf(FileValue.class).hasToString("file(relative/token.txt)");
  }
}
