package io.github.imsdk.core.internal.http;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Builds request URIs by hand, so that user values (regexes, image names) are percent-encoded and never taken
 * for URI templates.
 */
public final class UriBuilder {

  private UriBuilder() {}

  /** Returns {@code base + path + ?query}. */
  static URI build(String base, String path, Map<String, String> query) {
    return URI.create(base + path + queryString(query));
  }

  /** Returns {@code ?k=v&...} with encoded names and values, or an empty string for no parameters. */
  static String queryString(Map<String, String> query) {
    if (query.isEmpty()) {
      return "";
    }
    StringBuilder sb = new StringBuilder("?");
    query.forEach((k, v) -> {
      if (sb.length() > 1) {
        sb.append('&');
      }
      sb.append(encode(k)).append('=').append(encode(v));
    });
    return sb.toString();
  }

  private static String encode(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
  }

  /**
   * Returns a path made of {@code segments}, each percent-encoded (so a VM property such as
   * {@code net_interface.0.ip} or a VM list {@code 1,3} passes through unchanged).
   */
  public static String path(String... segments) {
    StringBuilder sb = new StringBuilder();
    for (String s : segments) {
      sb.append('/').append(encodeSegment(s));
    }
    return sb.toString();
  }

  private static String encodeSegment(String s) {
    StringBuilder sb = new StringBuilder();
    for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
      int c = b & 0xff;
      if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
          || "-._~,:@!$&'()*+=".indexOf(c) >= 0) {
        sb.append((char) c);
      } else {
        sb.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
            .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
      }
    }
    return sb.toString();
  }
}
