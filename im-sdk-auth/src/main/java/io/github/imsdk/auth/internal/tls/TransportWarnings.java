package io.github.imsdk.auth.internal.tls;

import java.net.URI;
import java.util.Locale;
import org.slf4j.Logger;

/**
 * Security warnings of the IM and Vault transports, which the user must see even without an SLF4J binding: each
 * goes to SLF4J and, once per client, to standard error.
 */
public final class TransportWarnings {

  private TransportWarnings() {}

  /** Logs {@code message} as a warning to {@code log} and prints it on standard error. */
  public static void warn(Logger log, String message) {
    log.warn(message);
    System.err.println("im-sdk WARNING: " + message);
  }

  /**
   * Tells whether {@code endpoint} is plain {@code http://} to a host that is not this machine (a name other
   * than {@code localhost} or an address outside 127.0.0.0/8 and ::1). No name is resolved.
   */
  public static boolean plainHttpToRemote(URI endpoint) {
    if (!"http".equalsIgnoreCase(endpoint.getScheme())) {
      return false;
    }
    String host = endpoint.getHost() == null ? "" : endpoint.getHost().toLowerCase(Locale.ROOT);
    if (host.startsWith("[") && host.endsWith("]")) {
      host = host.substring(1, host.length() - 1);
    }
    return !(host.equals("localhost") || host.endsWith(".localhost") || host.matches("127(\\.\\d{1,3}){3}")
        || host.equals("::1") || host.equals("0:0:0:0:0:0:0:1"));
  }
}
