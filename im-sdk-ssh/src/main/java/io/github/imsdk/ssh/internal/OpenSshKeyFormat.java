package io.github.imsdk.ssh.internal;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.AlgorithmParameters;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.security.spec.ECPoint;
import java.security.spec.ECPrivateKeySpec;
import java.security.spec.ECPublicKeySpec;
import java.security.spec.RSAPrivateCrtKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.util.Arrays;
import java.util.Map;

/**
 * Reads an unencrypted key in OpenSSH's own format ({@code openssh-key-v1}, PROTOCOL.key): RSA and ECDSA (NIST
 * P-256/384/521), without logging anything.
 */
final class OpenSshKeyFormat {

  private static final byte[] MAGIC = "openssh-key-v1\0".getBytes(StandardCharsets.US_ASCII);
  private static final Map<String, String> CURVES = Map.of(
      "nistp256", "secp256r1", "nistp384", "secp384r1", "nistp521", "secp521r1");

  private OpenSshKeyFormat() {}

  static KeyPair decode(byte[] data) throws IOException, GeneralSecurityException {
    ByteBuffer b = ByteBuffer.wrap(data);
    if (data.length < MAGIC.length || !Arrays.equals(Arrays.copyOf(data, MAGIC.length), MAGIC)) {
      throw new IOException("not an openssh-key-v1 key");
    }
    b.position(MAGIC.length);
    String cipher = string(b);
    String kdf = string(b);
    bytes(b); // kdf options
    if (!"none".equals(cipher) || !"none".equals(kdf)) {
      throw new IOException("the key is encrypted (" + cipher + "); no passphrase can be given");
    }
    if (b.getInt() != 1) {
      throw new IOException("expected exactly one key");
    }
    bytes(b); // public key blob; the private section repeats what is needed
    ByteBuffer p = ByteBuffer.wrap(bytes(b));
    if (p.getInt() != p.getInt()) {
      throw new IOException("check integers differ (corrupt or encrypted key)");
    }
    String type = string(p);
    if (type.equals("ssh-rsa")) {
      BigInteger n = mpint(p);
      BigInteger e = mpint(p);
      BigInteger d = mpint(p);
      BigInteger iqmp = mpint(p);
      BigInteger q1 = mpint(p);
      BigInteger q2 = mpint(p);
      KeyFactory rsa = KeyFactory.getInstance("RSA");
      return new KeyPair(rsa.generatePublic(new RSAPublicKeySpec(n, e)),
          rsa.generatePrivate(new RSAPrivateCrtKeySpec(n, e, d, q1, q2, d.mod(q1.subtract(BigInteger.ONE)),
              d.mod(q2.subtract(BigInteger.ONE)), iqmp)));
    }
    if (type.startsWith("ecdsa-sha2-")) {
      String curve = string(p);
      String jdkCurve = CURVES.get(curve);
      if (jdkCurve == null) {
        throw new IOException("unsupported ECDSA curve " + curve);
      }
      byte[] q = bytes(p);
      BigInteger d = mpint(p);
      AlgorithmParameters params = AlgorithmParameters.getInstance("EC");
      params.init(new ECGenParameterSpec(jdkCurve));
      ECParameterSpec spec = params.getParameterSpec(ECParameterSpec.class);
      int size = (spec.getCurve().getField().getFieldSize() + 7) / 8;
      if (q.length != 1 + 2 * size || q[0] != 4) {
        throw new IOException("the ECDSA public point is not uncompressed");
      }
      ECPoint w = new ECPoint(new BigInteger(1, Arrays.copyOfRange(q, 1, 1 + size)),
          new BigInteger(1, Arrays.copyOfRange(q, 1 + size, q.length)));
      KeyFactory ec = KeyFactory.getInstance("EC");
      return new KeyPair(ec.generatePublic(new ECPublicKeySpec(w, spec)),
          ec.generatePrivate(new ECPrivateKeySpec(d, spec)));
    }
    throw new IOException("unsupported key type " + type + " (RSA or ECDSA keys are)");
  }

  private static byte[] bytes(ByteBuffer b) throws IOException {
    if (b.remaining() < 4) {
      throw new IOException("truncated key");
    }
    int len = b.getInt();
    if (len < 0 || len > b.remaining()) {
      throw new IOException("truncated key");
    }
    byte[] out = new byte[len];
    b.get(out);
    return out;
  }

  private static String string(ByteBuffer b) throws IOException {
    return new String(bytes(b), StandardCharsets.UTF_8);
  }

  private static BigInteger mpint(ByteBuffer b) throws IOException {
    return new BigInteger(bytes(b));
  }
}
