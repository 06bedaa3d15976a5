package io.github.imsdk.auth.internal.tls;

import io.github.imsdk.auth.Tls;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Collection;
import java.util.Locale;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;

/** Builds the {@link SSLContext} for a {@link Tls} setting. */
public final class TlsContexts {

  private TlsContexts() {}

  /**
   * Returns the SSL context for {@code tls}, or {@code null} for {@link Tls.Mode#SYSTEM} (the transport's default).
   *
   * @throws IllegalArgumentException if the PEM bundle or trust store cannot be read or holds no certificate
   */
  public static SSLContext sslContext(Tls tls) {
    return switch (tls.mode()) {
      case SYSTEM -> null;
      case CA_BUNDLE -> fromKeyStore(readPemBundle(tls.file().orElseThrow()));
      case TRUST_STORE -> fromKeyStore(readTrustStore(tls.file().orElseThrow(), tls.password().orElse(null)));
      case INSECURE -> trustAll();
    };
  }

  /** Reads every X.509 certificate of a PEM file into an in-memory trust store. */
  public static KeyStore readPemBundle(Path pem) {
    Collection<? extends Certificate> certs;
    try (InputStream in = Files.newInputStream(pem)) {
      certs = CertificateFactory.getInstance("X.509").generateCertificates(in);
    } catch (IOException | GeneralSecurityException e) {
      throw new IllegalArgumentException("cannot read the CA bundle " + pem + ": " + e.getMessage(), e);
    }
    if (certs.isEmpty()) {
      throw new IllegalArgumentException("the CA bundle " + pem + " holds no certificate");
    }
    try {
      KeyStore ks = KeyStore.getInstance("PKCS12");
      ks.load(null, null);
      int i = 0;
      for (Certificate c : certs) {
        String alias = c instanceof X509Certificate x ? x.getSubjectX500Principal().getName() : "cert";
        ks.setCertificateEntry("ca-" + (i++) + "-" + alias, c);
      }
      return ks;
    } catch (IOException | GeneralSecurityException e) {
      throw new IllegalArgumentException("cannot load the CA bundle " + pem + ": " + e.getMessage(), e);
    }
  }

  private static KeyStore readTrustStore(Path file, char[] password) {
    String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
    String type = name.endsWith(".p12") || name.endsWith(".pfx") ? "PKCS12"
        : name.endsWith(".jks") ? "JKS" : KeyStore.getDefaultType();
    try (InputStream in = Files.newInputStream(file)) {
      KeyStore ks = KeyStore.getInstance(type);
      ks.load(in, password);
      if (ks.size() == 0) {
        throw new IllegalArgumentException("the trust store " + file + " holds no certificate");
      }
      return ks;
    } catch (IOException | GeneralSecurityException e) {
      throw new IllegalArgumentException(
          "cannot read the " + type + " trust store " + file + ": " + e.getMessage(), e);
    }
  }

  private static SSLContext fromKeyStore(KeyStore ks) {
    try {
      TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      tmf.init(ks);
      SSLContext ctx = SSLContext.getInstance("TLS");
      ctx.init(null, tmf.getTrustManagers(), new SecureRandom());
      return ctx;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot initialise TLS: " + e.getMessage(), e);
    }
  }

  private static SSLContext trustAll() {
    // An X509ExtendedTrustManager: JSSE wraps a plain X509TrustManager and still checks the host name, which
    // java.net.http cannot turn off per client.
    TrustManager trustAll = new javax.net.ssl.X509ExtendedTrustManager() {
      @Override
      public void checkClientTrusted(X509Certificate[] chain, String authType) {
        // insecure mode: explicitly requested by the caller
      }

      @Override
      public void checkServerTrusted(X509Certificate[] chain, String authType) {
        // insecure mode: explicitly requested by the caller
      }

      @Override
      public void checkClientTrusted(X509Certificate[] chain, String authType, java.net.Socket socket) {
        // insecure mode: explicitly requested by the caller
      }

      @Override
      public void checkServerTrusted(X509Certificate[] chain, String authType, java.net.Socket socket) {
        // insecure mode: explicitly requested by the caller
      }

      @Override
      public void checkClientTrusted(X509Certificate[] chain, String authType, javax.net.ssl.SSLEngine engine) {
        // insecure mode: explicitly requested by the caller
      }

      @Override
      public void checkServerTrusted(X509Certificate[] chain, String authType, javax.net.ssl.SSLEngine engine) {
        // insecure mode: explicitly requested by the caller
      }

      @Override
      public X509Certificate[] getAcceptedIssuers() {
        return new X509Certificate[0];
      }
    };
    try {
      SSLContext ctx = SSLContext.getInstance("TLS");
      ctx.init(null, new TrustManager[] {trustAll}, new SecureRandom());
      return ctx;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot initialise TLS: " + e.getMessage(), e);
    }
  }
}
