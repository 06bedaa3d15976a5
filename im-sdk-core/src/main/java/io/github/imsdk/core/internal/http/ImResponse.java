package io.github.imsdk.core.internal.http;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * An HTTP answer from IM: status, the media type without parameters, the body decoded as text, and the headers.
 *
 * @param status the HTTP status
 * @param contentType the media type in lower case without parameters (e.g. {@code text/uri-list}); empty if absent
 * @param body the body text (empty when there was none)
 * @param headers the response headers, names case-insensitive, first value of each
 */
public record ImResponse(int status, String contentType, String body, Map<String, String> headers) {

  /** Normalises the content type and copies the headers into a case-insensitive map. */
  public ImResponse {
    contentType = contentType == null ? "" : mediaType(contentType);
    body = body == null ? "" : body;
    Map<String, String> h = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    if (headers != null) {
      h.putAll(headers);
    }
    headers = java.util.Collections.unmodifiableMap(h);
  }

  /** Returns the media type of a {@code Content-Type} value: lower case, parameters cut off. */
  public static String mediaType(String contentType) {
    int semi = contentType.indexOf(';');
    return (semi >= 0 ? contentType.substring(0, semi) : contentType).trim().toLowerCase(Locale.ROOT);
  }

  /** Returns a response header by case-insensitive name. */
  public Optional<String> header(String name) {
    return Optional.ofNullable(headers.get(name));
  }

  /**
   * Tells whether the body is JSON: by its content type ({@code application/json}, {@code +json}), or, when the
   * server sent no content type, by its first character.
   */
  public boolean isJson() {
    if (contentType.equals("application/json") || contentType.endsWith("+json")) {
      return true;
    }
    if (contentType.isEmpty()) {
      String t = body.stripLeading();
      return t.startsWith("{") || t.startsWith("[");
    }
    return false;
  }

  /**
   * Returns the status, content type and body length: never the body, which may hold VM passwords and keys
   * (outputs, VM info).
   */
  @Override
  public String toString() {
    return "ImResponse[status=" + status + ", contentType=" + contentType + ", body=" + body.length() + " chars]";
  }

  /** Tells whether the status is 2xx. */
  public boolean isSuccess() {
    return status >= 200 && status < 300;
  }
}
