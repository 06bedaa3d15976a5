package io.github.imsdk.core.logging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.github.imsdk.auth.AuthFile;
import io.github.imsdk.auth.Credentials;
import io.github.imsdk.auth.VaultAuth;
import io.github.imsdk.auth.VaultClient;
import io.github.imsdk.auth.VaultPath;
import io.github.imsdk.core.InfrastructureManager;
import io.github.imsdk.core.RetryPolicy;
import io.github.imsdk.core.Template;
import io.github.imsdk.core.hostile.RawServer;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * With SLF4J at TRACE (this class runs in its own surefire execution with slf4j-simple at trace, writing to
 * standard error) AND the JUL root logger at ALL (the usual "turn on debug logging" step, which made the JDK's
 * HttpURLConnection logger print every Authorization header, issue 14 row 4), calls carrying an IM password, an
 * OpenStack password, a bearer token, a {@code file()} value and a Vault token leave none of them in anything
 * captured: standard error, standard output and every JUL record (message, parameters, exception).
 */
class NoSecretInAnyLogTest {

  private static final String IM_PASSWORD = "imPw-7f3kq9Zx";
  private static final String OST_PASSWORD = "ostPw-Qm28vLt4";
  private static final String FILE_SECRET = "fileSecret-Hx93pW1";
  private static final String VAULT_TOKEN = "hvs.VaultTok3nZz81";
  private static final String BEARER = "eyBearerTok-8s7d6f5g";
  private static final List<String> SECRETS = List.of(IM_PASSWORD, OST_PASSWORD, FILE_SECRET, VAULT_TOKEN, BEARER);

  @Test
  void noSecretReachesSlf4jAtTraceOrJulAtAll(@TempDir Path dir) throws Exception {
    assertThat(LoggerFactory.getLogger("io.github.imsdk").isTraceEnabled()).as("SLF4J at TRACE").isTrue();
    Path secretFile = dir.resolve("ost-password");
    Files.writeString(secretFile, FILE_SECRET);
    Credentials creds = AuthFile.reader().parse(
        "id = im; type = InfrastructureManager; username = alice; password = " + IM_PASSWORD + "\n"
            + "id = ost; type = OpenStack; host = https://127.0.0.1:5000; username = u; password = " + OST_PASSWORD
            + "; tenant = t\n"
            + "id = ost2; type = OpenStack; host = https://127.0.0.1:5000; username = u; password = file("
            + secretFile + "); tenant = t\n", "test-auth");

    List<String> captured = new ArrayList<>();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    PrintStream oldErr = System.err;
    PrintStream oldOut = System.out;
    Logger root = Logger.getLogger("");
    Level oldLevel = root.getLevel();
    Handler capture = new Handler() {
      @Override
      public void publish(LogRecord r) {
        StringBuilder sb = new StringBuilder(r.getLoggerName() + " " + r.getMessage());
        if (r.getParameters() != null) {
          for (Object p : r.getParameters()) {
            sb.append(' ').append(p);
          }
        }
        for (Throwable t = r.getThrown(); t != null; t = t.getCause()) {
          sb.append(' ').append(t);
        }
        synchronized (captured) {
          captured.add(sb.toString());
        }
      }

      @Override
      public void flush() {}

      @Override
      public void close() {}
    };
    capture.setLevel(Level.ALL);
    root.setLevel(Level.ALL);
    root.addHandler(capture);
    System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
    try (RawServer server = new RawServer((head, os) -> {
      String first = head.substring(0, head.indexOf('\r'));
      if (first.startsWith("GET /version")) {
        answer(os, 200, "text/plain", "1.19.2");
      } else if (first.startsWith("GET /infrastructures")) {
        // IM echoes what it was sent: the Authorization value, quoted in its error
        String auth = head.lines().filter(l -> l.regionMatches(true, 0, "Authorization:", 0, 14))
            .map(l -> l.substring(14).trim()).findFirst().orElse("");
        answer(os, 400, "application/json", "{\"message\": \"Error: bad auth data: "
            + auth.replace("\\", "\\\\").replace("\"", "\\\"") + "\", \"code\": 400}");
      } else if (first.startsWith("POST /infrastructures")) {
        answer(os, 401, "text/plain", "No authentication data provided");
      } else {
        answer(os, 200, "application/json", "{\"data\": {\"data\": {\"password\": \"" + OST_PASSWORD
            + "\"}, \"metadata\": {}, \"entity_id\": \"ent-1\", \"ttl\": 0, \"renewable\": false}}");
      }
    })) {
      int julBefore = captured.size();
      String endpoint = server.endpoint();

      // When calls succeed and fail with IM credentials, a bearer token, and a Vault token
      try (InfrastructureManager im = InfrastructureManager.builder().endpoint(endpoint).credentials(creds)
          .retryPolicy(RetryPolicy.none()).build()) {
        im.server().version();
        catchThrowable(() -> im.infrastructures().list());
        catchThrowable(() -> im.infrastructures().create(Template.tosca(
            "tosca_definitions_version: tosca_simple_yaml_1_0\n")));
      }
      try (InfrastructureManager im = InfrastructureManager.builder().endpoint(endpoint)
          .credentials(Credentials.bearer(io.github.imsdk.auth.CredentialValue.of(BEARER)))
          .retryPolicy(RetryPolicy.none()).build()) {
        catchThrowable(() -> im.infrastructures().list());
      }
      try (VaultClient vault = VaultClient.builder(URI.create(endpoint)).auth(VaultAuth.token(VAULT_TOKEN))
          .build()) {
        catchThrowable(() -> vault.read(VaultPath.kv2("credentials", "alice/ost")));
      }

      // Then something was logged at all (the capture works) ...
      assertThat(captured.size() + err.size()).as("something was captured").isGreaterThan(julBefore);
    } finally {
      System.setErr(oldErr);
      System.setOut(oldOut);
      root.removeHandler(capture);
      root.setLevel(oldLevel);
    }

    // ... and no secret is in any of it
    String all = String.join("\n", captured) + "\n" + err.toString(StandardCharsets.UTF_8) + "\n"
        + out.toString(StandardCharsets.UTF_8);
    assertThat(all).contains("GET /infrastructures"); // SLF4J trace/debug of the calls was captured
    for (String secret : SECRETS) {
      assertThat(all).as("captured logs").doesNotContain(secret);
    }
  }

  private static void answer(java.io.OutputStream os, int status, String type, String body)
      throws java.io.IOException {
    byte[] b = body.getBytes(StandardCharsets.UTF_8);
    os.write(("HTTP/1.1 " + status + " X\r\nContent-Type: " + type + "\r\nContent-Length: " + b.length
        + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
    os.write(b);
    os.flush();
  }
}
