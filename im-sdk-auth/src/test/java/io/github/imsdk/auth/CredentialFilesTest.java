package io.github.imsdk.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The StrictModes-like policy on credential files, on the real file system of the test machine. */
class CredentialFilesTest {

  private static final String SECRET = "pw-Zq81-secret";

  @TempDir
  Path dir;

  private Path auth;

  @BeforeEach
  void posixOnly() throws IOException {
    assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"),
        "no POSIX attributes on this file system: the policy is skipped there by design");
    auth = dir.resolve("auth.dat");
    Files.writeString(auth, "id = im; type = InfrastructureManager; username = u; password = " + SECRET + "\n");
    Files.setPosixFilePermissions(auth, PosixFilePermissions.fromString("rw-------"));
  }

  @Test
  void anOwnerOnlyAuthFileIsRead() {
    assertThatCode(() -> AuthFile.read(auth)).doesNotThrowAnyException();
  }

  @Test
  void aGroupWritableAuthFileIsRefusedWithTheFix() throws IOException {
    Files.setPosixFilePermissions(auth, PosixFilePermissions.fromString("rw-rw----"));

    assertThatThrownBy(() -> AuthFile.read(auth)).isInstanceOf(ImCredentialsException.class)
        .hasMessageContaining(auth.toString()).hasMessageContaining("group-writable")
        .hasMessageContaining("chmod go-w " + auth).message().doesNotContain(SECRET);
  }

  @Test
  void aWorldWritableAuthFileIsRefused() throws IOException {
    Files.setPosixFilePermissions(auth, PosixFilePermissions.fromString("rw-r--rw-"));

    assertThatThrownBy(() -> AuthFile.read(auth)).isInstanceOf(ImCredentialsException.class)
        .hasMessageContaining("world-writable").hasMessageContaining("chmod go-w");
  }

  @Test
  void anAuthFileOwnedByAnotherUserIsRefused() throws IOException {
    // Only root can give a file away; other users skip this case.
    assumeTrue(Integer.valueOf(0).equals(Files.getAttribute(dir, "unix:uid")), "needs root to chown");
    Files.setAttribute(auth, "unix:uid", 54321);
    try {
      assertThat(Files.getAttribute(auth, "unix:uid")).isEqualTo(54321);
      assertThatThrownBy(() -> AuthFile.read(auth)).isInstanceOf(ImCredentialsException.class)
          .hasMessageContaining(auth.toString()).hasMessageContaining("owned by uid 54321")
          .hasMessageContaining("chown").message().doesNotContain(SECRET);
    } finally {
      Files.setAttribute(auth, "unix:uid", 0);
    }
  }

  @Test
  void anAuthFileInAWorldWritableDirectoryIsRefused() throws IOException {
    // Given the file is fine but anyone may replace it: its directory is rwxrwxrwx without the sticky bit
    Path shared = Files.createDirectory(dir.resolve("shared"));
    Path file = Files.move(auth, shared.resolve("auth.dat"));
    Files.setAttribute(shared, "unix:mode", 0777);
    try {
      assertThatThrownBy(() -> AuthFile.read(file)).isInstanceOf(ImCredentialsException.class)
          .hasMessageContaining("the directory " + shared.toRealPath()).hasMessageContaining("world-writable")
          .hasMessageContaining("chmod go-w " + shared.toRealPath()).message().doesNotContain(SECRET);

      // When the directory gets the sticky bit, as /tmp has, nobody else can replace the file: it is read
      Files.setAttribute(shared, "unix:mode", 01777);
      assertThatCode(() -> AuthFile.read(file)).doesNotThrowAnyException();
    } finally {
      Files.setAttribute(shared, "unix:mode", 0700);
    }
  }

  @Test
  void anAuthFileInADirectoryOwnedByAnotherUserIsRefused() throws IOException {
    assumeTrue(Integer.valueOf(0).equals(Files.getAttribute(dir, "unix:uid")), "needs root to chown");
    Path theirs = Files.createDirectory(dir.resolve("theirs"));
    Path file = Files.move(auth, theirs.resolve("auth.dat"));
    Files.setAttribute(theirs, "unix:uid", 54321);
    try {
      assertThatThrownBy(() -> AuthFile.read(file)).isInstanceOf(ImCredentialsException.class)
          .hasMessageContaining("the directory " + theirs.toRealPath())
          .hasMessageContaining("owned by uid 54321");
    } finally {
      Files.setAttribute(theirs, "unix:uid", 0);
    }
  }

  @Test
  void commandAndFileValuesAreRefusedWithTheHintWhenAsked() throws IOException {
    Files.writeString(auth, "type = InfrastructureManager; username = u; password = command(echo " + SECRET + ")\n"
        + "type = OpenStack; host = h; username = u; password = file(/etc/" + SECRET + ")\n");
    AuthFile.Reader strict = AuthFile.reader().withCommandsAndFilesRefused("set ALLOW=1 to allow it");

    assertThatThrownBy(() -> strict.read(auth)).isInstanceOf(ImCredentialsException.class)
        .hasMessageContaining("line 1").hasMessageContaining("command(...) of 'password' is refused")
        .hasMessageContaining("set ALLOW=1").message().doesNotContain(SECRET);
    Files.writeString(auth, "type = OpenStack; host = h; username = u; password = file(/etc/" + SECRET + ")\n");
    assertThatThrownBy(() -> strict.read(auth)).isInstanceOf(ImCredentialsException.class)
        .hasMessageContaining("file(...) of 'password' is refused").message().doesNotContain(SECRET);
    assertThatCode(() -> AuthFile.read(auth)).doesNotThrowAnyException();
  }
}
