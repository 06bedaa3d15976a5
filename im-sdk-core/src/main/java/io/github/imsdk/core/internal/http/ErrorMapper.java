package io.github.imsdk.core.internal.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.imsdk.core.ImBadRequestException;
import io.github.imsdk.core.ImConflictException;
import io.github.imsdk.core.ImForbiddenException;
import io.github.imsdk.core.ImNotFoundException;
import io.github.imsdk.core.ImServiceException;
import io.github.imsdk.core.ImUnauthorizedException;
import io.github.imsdk.core.internal.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Turns an IM error response into the matching {@link ImServiceException}, with a capped, scrubbed message. */
public final class ErrorMapper {

  /** The longest server message kept, in characters. */
  public static final int MAX_MESSAGE_LENGTH = 2048;

  /** The phrase IM puts in a 400 when the IM credentials are wrong on an infrastructure endpoint. */
  public static final String INVALID_CREDENTIALS = "Invalid InfrastructureManager credentials";

  /**
   * Every text IM 1.19.2 and 2.0 put in a 400 (or 401) when the IM credentials are missing or not accepted
   * ({@code InfrastructureManager.check_auth_data} and {@code check_oidc_token}; recorded per endpoint in
   * recorded-2 group 6: the same problem is 401 on list and create but 400 on state, outputs and DELETE).
   */
  public static final java.util.List<String> CREDENTIAL_PHRASES = java.util.List.of(
      INVALID_CREDENTIALS,
      "No credentials provided for the InfrastructureManager",
      "No token provided for the InfrastructureManager",
      "No username nor token for the InfrastructureManager",
      "Invalid username used for the InfrastructureManager",
      "Error trying to decode OIDC auth token",
      "Error trying to validate OIDC auth token",
      "No authentication data provided");

  private static final Pattern HTML_MESSAGE = Pattern.compile("(?is)<h1>\\s*Message:\\s*(.*?)</h1>");
  private static final Pattern HTML_TITLE = Pattern.compile("(?is)<title>(.*?)</title>");
  private static final Pattern TAG = Pattern.compile("(?s)<[^>]*>");

  private ErrorMapper() {}

  /** Tells whether the response says the credentials were rejected (401, or IM's invalid-credentials 400). */
  public static boolean isCredentialRejection(ImResponse response) {
    return response.status() == 401 || (response.status() == 400 && isCredentialText(response.body()));
  }

  /** Tells whether {@code text} holds one of IM's {@link #CREDENTIAL_PHRASES}. */
  public static boolean isCredentialText(String text) {
    for (String phrase : CREDENTIAL_PHRASES) {
      if (text.contains(phrase)) {
        return true;
      }
    }
    return false;
  }

  /** Returns the exception for a non-2xx {@code response} to {@code call}. */
  public static ImServiceException toException(ImCall call, ImResponse response, Redactor redactor) {
    return toException(call, response, redactor, "");
  }

  /**
   * Returns the exception for a non-2xx {@code response} to {@code call}, with {@code note} (e.g. "the request
   * may have reached IM ...") after the server's message; an empty note adds nothing.
   */
  public static ImServiceException toException(ImCall call, ImResponse response, Redactor redactor, String note) {
    String serverText = cap(redactor.scrub(message(response)));
    String message = note == null || note.isEmpty() ? serverText
        : serverText.isEmpty() ? note : serverText + " -- " + note;
    int status = response.status();
    String m = call.method();
    String p = call.path();
    return switch (status) {
      case 400 -> isCredentialText(message) || isCredentialText(response.body())
          ? new ImUnauthorizedException(status, m, p, message)
          : new ImBadRequestException(status, m, p, message);
      case 401 -> new ImUnauthorizedException(status, m, p, message);
      case 403 -> new ImForbiddenException(status, m, p, message);
      case 404 -> new ImNotFoundException(status, m, p, message);
      case 409 -> new ImConflictException(status, m, p, message);
      default -> new ImServiceException(status, m, p, message);
    };
  }

  /**
   * Extracts the server's message from an error body: IM's {@code {"message","code"}}, FastAPI's
   * {@code {"detail": "..."}} or {@code {"detail": [...]}}, an HTML error page, or plain text.
   */
  static String message(ImResponse response) {
    String body = response.body().strip();
    if (body.isEmpty()) {
      return "";
    }
    if (response.isJson() || (body.startsWith("{") && body.endsWith("}"))) {
      String fromJson = fromJson(body);
      if (fromJson != null) {
        return fromJson;
      }
    }
    if (response.contentType().contains("html") || body.regionMatches(true, 0, "<!DOCTYPE", 0, 9)
        || body.regionMatches(true, 0, "<html", 0, 5)) {
      return fromHtml(body);
    }
    return body;
  }

  private static String fromJson(String body) {
    JsonNode node;
    try {
      node = Json.MAPPER.readTree(body);
    } catch (Exception e) {
      return null;
    }
    if (node == null || !node.isObject()) {
      return null;
    }
    JsonNode message = node.get("message");
    if (message != null && !message.isNull()) {
      return message.isTextual() ? message.asText() : message.toString();
    }
    JsonNode detail = node.get("detail");
    if (detail == null || detail.isNull()) {
      return null;
    }
    if (detail.isTextual()) {
      return detail.asText();
    }
    if (detail.isArray()) {
      List<String> parts = new ArrayList<>();
      for (JsonNode item : detail) {
        parts.add(describeValidationError(item));
      }
      return String.join("; ", parts);
    }
    return detail.toString();
  }

  // FastAPI: {"type":..., "loc":["query","async"], "msg":"...", "input":...}. The input is user data, so it is
  // not repeated; loc and msg say what was wrong and where.
  private static String describeValidationError(JsonNode item) {
    if (!item.isObject()) {
      return item.asText();
    }
    StringBuilder sb = new StringBuilder();
    JsonNode loc = item.get("loc");
    if (loc != null && loc.isArray()) {
      List<String> segs = new ArrayList<>();
      loc.forEach(s -> segs.add(s.asText()));
      sb.append(String.join(".", segs)).append(": ");
    }
    JsonNode msg = item.get("msg");
    if (msg != null && msg.isValueNode() && !msg.isNull()) {
      sb.append(msg.asText());
    } else {
      // Never the item itself: it holds the input.
      JsonNode type = item.get("type");
      sb.append(type != null && type.isTextual() ? type.asText() : "invalid value");
    }
    return sb.toString();
  }

  private static String fromHtml(String body) {
    Matcher m = HTML_MESSAGE.matcher(body);
    if (m.find()) {
      return unescapeHtml(m.group(1).strip());
    }
    m = HTML_TITLE.matcher(body);
    String title = m.find() ? m.group(1).strip() : "";
    String text = TAG.matcher(body).replaceAll(" ").replaceAll("\\s+", " ").strip();
    return unescapeHtml(text.isEmpty() ? title : text);
  }

  private static String unescapeHtml(String s) {
    return s.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&#39;", "'")
        .replace("&#x27;", "'").replace("&amp;", "&");
  }

  static String cap(String message) {
    if (message.length() <= MAX_MESSAGE_LENGTH) {
      return message;
    }
    return message.substring(0, MAX_MESSAGE_LENGTH) + "... [" + (message.length() - MAX_MESSAGE_LENGTH)
        + " more characters]";
  }
}
