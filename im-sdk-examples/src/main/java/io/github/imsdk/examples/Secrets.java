package io.github.imsdk.examples;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Masks passwords, keys and tokens in what the commands print, unless {@code --show-secrets} is given. im_client
 * prints them; this jar does not by default, so that a terminal, a CI log or a screen share does not leak them.
 */
final class Secrets {

  static final String MASK = "********";
  private static final List<String> SECRET_KEYS = List.of("password", "private_key", "token", "secret",
      "proxy_key");
  // A RADL feature holding a secret: key = 'value' (values may span lines, as private keys do).
  private static final Pattern RADL_SECRET = Pattern.compile(
      "(?m)^(\\s*[\\w.]*(?:password|private_key|token|secret|proxy_key)[\\w.]*\\s*=\\s*)'[^']*'",
      Pattern.CASE_INSENSITIVE);

  private static final Pattern PROXY_PASSWORD = Pattern.compile("(proxy_host\\s*=\\s*'[^:@']*:)[^@']*@");

  private final boolean show;

  Secrets(boolean show) {
    this.show = show;
  }

  static boolean isSecret(String key) {
    String k = key.toLowerCase(Locale.ROOT);
    return !k.endsWith("token_type") && SECRET_KEYS.stream().anyMatch(k::contains);
  }

  /** Returns the value of {@code key}, masked if the key names a secret. */
  Object value(String key, Object v) {
    if (show) {
      return v;
    }
    if (v instanceof Map<?, ?> m) {
      Map<String, Object> out = new LinkedHashMap<>();
      m.forEach((k, x) -> out.put(String.valueOf(k), value(String.valueOf(k), x)));
      return out;
    }
    if (v instanceof List<?> l) {
      // e.g. get_attribute [node, endpoint, credential] over several VMs: a list of {user, token} maps
      return l.stream().map(item -> value(key, item)).toList();
    }
    return isSecret(key) && v != null ? MASK : v;
  }

  /** Returns {@code values} with the secrets masked, keys in order. */
  Map<String, Object> map(Map<String, ?> values) {
    Map<String, Object> out = new LinkedHashMap<>();
    values.forEach((k, v) -> out.put(k, value(k, v)));
    return out;
  }

  /** Returns RADL text with the values of secret features masked. */
  String radl(String radl) {
    if (show) {
      return radl;
    }
    String masked = RADL_SECRET.matcher(radl).replaceAll(m -> Matcher.quoteReplacement(m.group(1) + "'" + MASK + "'"));
    // proxy_host = 'user:password@host:port'
    return PROXY_PASSWORD.matcher(masked).replaceAll(m -> Matcher.quoteReplacement(m.group(1) + MASK + "@"));
  }
}
