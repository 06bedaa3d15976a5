package io.github.imsdk.ssh.internal;

import io.github.imsdk.ssh.SshAuthenticationException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.sshd.common.NamedResource;
import org.apache.sshd.common.config.keys.loader.pem.ECDSAPEMResourceKeyPairParser;
import org.apache.sshd.common.config.keys.loader.pem.RSAPEMResourceKeyPairParser;
import org.apache.sshd.common.session.SessionContext;

/**
 * Reads the private keys IM hands out (PEM: PKCS#1 RSA, EC, PKCS#8, DSA; or OpenSSH's own format).
 *
 * <p>MINA's key-file parsers dump the decoded key, in hex, to their TRACE log, and a private key must not reach
 * any log line: so the armour and Base64 are removed here, PEM keys go to MINA's static decoders (which do not
 * log) or the JDK, and OpenSSH's format is read by {@link OpenSshKeyFormat}. Ed25519 is not offered: MINA needs
 * an EdDSA provider for it that this module does not ship.
 */
final class PrivateKeys {

  private PrivateKeys() {}

  /**
   * Returns the key pairs in {@code text}.
   *
   * @throws SshAuthenticationException naming {@code name} and the format problem, never the key
   */
  static List<KeyPair> read(SessionContext session, NamedResource name, String text) {
    List<String> lines = text.strip().lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
    if (lines.size() < 3 || !lines.get(0).startsWith("-----BEGIN ") || !lines.get(lines.size() - 1)
        .startsWith("-----END ")) {
      throw unreadable(name, "no -----BEGIN ... PRIVATE KEY----- / -----END ...----- armour");
    }
    String begin = lines.get(0);
    String end = lines.get(lines.size() - 1);
    Map<String, String> headers = new LinkedHashMap<>();
    StringBuilder body = new StringBuilder();
    for (String line : lines.subList(1, lines.size() - 1)) {
      int colon = line.indexOf(':');
      if (body.length() == 0 && colon > 0) {
        headers.put(line.substring(0, colon).strip(), line.substring(colon + 1).strip());
      } else {
        body.append(line);
      }
    }
    if (String.valueOf(headers.get("Proc-Type")).contains("ENCRYPTED") || begin.contains("ENCRYPTED")) {
      throw unreadable(name, "it is encrypted; IM's keys are not, and no passphrase can be given");
    }
    byte[] bytes;
    try {
      bytes = Base64.getMimeDecoder().decode(body.toString());
    } catch (IllegalArgumentException e) {
      throw unreadable(name, "its body is not Base64");
    }
    String kind = marker(begin);
    try {
      KeyPair pair = switch (kind) {
        case "BEGIN RSA PRIVATE KEY" -> RSAPEMResourceKeyPairParser.decodeRSAKeyPair(KeyFactory.getInstance("RSA"),
            new ByteArrayInputStream(bytes), true);
        case "BEGIN EC PRIVATE KEY" -> ECDSAPEMResourceKeyPairParser.parseECKeyPair(
            new ByteArrayInputStream(bytes), true);
        case "BEGIN PRIVATE KEY" -> rsaFromPkcs8(bytes);
        case "BEGIN OPENSSH PRIVATE KEY" -> OpenSshKeyFormat.decode(bytes);
        default -> throw unreadable(name, "unsupported key type '" + begin + "'");
      };
      return List.of(pair);
    } catch (IOException | GeneralSecurityException | RuntimeException e) {
      if (e instanceof SshAuthenticationException a) {
        throw a;
      }
      // The decoder's message names the format problem, never the key material.
      throw new SshAuthenticationException("cannot read " + name.getName() + ": " + e.getClass().getSimpleName()
          + " " + e.getMessage(), e);
    } finally {
      Arrays.fill(bytes, (byte) 0);
    }
  }

  private static KeyPair rsaFromPkcs8(byte[] der) throws GeneralSecurityException {
    KeyFactory rsa = KeyFactory.getInstance("RSA");
    PrivateKey key = rsa.generatePrivate(new PKCS8EncodedKeySpec(der));
    if (!(key instanceof RSAPrivateCrtKey crt)) {
      throw new GeneralSecurityException("a PKCS#8 key other than RSA (use the PEM or OpenSSH format)");
    }
    return new KeyPair(rsa.generatePublic(new RSAPublicKeySpec(crt.getModulus(), crt.getPublicExponent())), key);
  }

  /** Returns an armour line without its dashes and spaces at either end: {@code BEGIN RSA PRIVATE KEY}. */
  private static String marker(String line) {
    return line.replaceAll("^[-\\s]+|[-\\s]+$", "");
  }

  private static SshAuthenticationException unreadable(NamedResource name, String why) {
    return new SshAuthenticationException("cannot read " + name.getName() + " (expected an unencrypted PEM or "
        + "OpenSSH private key): " + why);
  }
}
