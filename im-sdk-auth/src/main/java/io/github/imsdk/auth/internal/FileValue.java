package io.github.imsdk.auth.internal;

import io.github.imsdk.auth.CredentialValue;
import io.github.imsdk.auth.ImCredentialsException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The content of a local file, read every time the value is resolved and trimmed, as the Python client does for
 * {@code file(path)} in an auth file. Its {@code toString()} shows the path, never the content.
 *
 * @param path the file to read; a relative path is resolved against the working directory, as the Python client
 *     does
 */
public record FileValue(Path path) implements CredentialValue {

  /** Credential files are small (a token, a key, a certificate); a bigger file is a mistake. */
  static final int MAX_BYTES = 1 << 20;

  @Override
  public String resolve() {
    byte[] bytes;
    try (InputStream in = Files.newInputStream(path)) {
      bytes = in.readNBytes(MAX_BYTES + 1);
    } catch (IOException e) {
      throw new ImCredentialsException(
          "cannot read credential file " + path + ": " + e.getClass().getSimpleName(), e);
    }
    if (bytes.length > MAX_BYTES) {
      throw new ImCredentialsException(
          "credential file " + path + " is larger than " + MAX_BYTES + " bytes; is it the right file?");
    }
    String value = new String(bytes, StandardCharsets.UTF_8).strip();
    if (value.isEmpty()) {
      throw new ImCredentialsException("credential file " + path + " is empty");
    }
    return value;
  }

  @Override
  public String authFileForm() {
    return "file(" + path + ")";
  }

  @Override
  public String toString() {
    return "file(" + path + ")";
  }
}
