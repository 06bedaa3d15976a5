package io.github.imsdk.auth.internal;

import io.github.imsdk.auth.AuthLine;
import io.github.imsdk.auth.CredentialValue;
import io.github.imsdk.auth.Credentials;
import io.github.imsdk.auth.ImCredentialsException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Writes credentials as the text of an IM auth file that {@link AuthFileParser} and the Python client read back to
 * the same values. Values that the file syntax cannot carry, and values that exist only in Java (token
 * providers), are refused with a message naming the line and key, never the value.
 */
public final class AuthFileWriter {

  private AuthFileWriter() {}

  /** Returns the auth-file text of {@code credentials}, one line per auth line, ending with a newline. */
  public static String toText(Credentials credentials) {
    if (credentials.bearerToken().isPresent()) {
      return "Bearer " + bearerForm(credentials.bearerToken().get()) + "\n";
    }
    StringBuilder sb = new StringBuilder();
    int n = 0;
    for (AuthLine line : credentials.lines()) {
      n++;
      String where = "line " + n + " (" + line.type() + line.id().map(id -> " '" + id + "'").orElse("") + ")";
      Map<String, String> forms = new LinkedHashMap<>();
      line.id().ifPresent(id -> forms.put("id", id));
      forms.put("type", line.type());
      StringBuilder out = new StringBuilder();
      forms.forEach((k, v) -> append(out, k, encodeLiteral(where, k, v)));
      line.values().forEach((k, v) -> append(out, k, encode(where, k, v)));
      sb.append(out).append('\n');
    }
    return sb.toString();
  }

  private static void append(StringBuilder out, String key, String encodedValue) {
    if (out.length() > 0) {
      out.append("; ");
    }
    out.append(key).append(" = ").append(encodedValue);
  }

  private static String bearerForm(CredentialValue token) {
    String form = authFileForm("the bearer token", token);
    // command(...) forms have blanks between their words; a literal token must be one word.
    char lowest = token instanceof LiteralValue ? (char) 0x21 : (char) 0x20;
    if (form.isEmpty() || !form.equals(form.strip())) {
      throw new ImCredentialsException("cannot write the bearer token to an auth file: it is empty or has"
          + " leading or trailing blanks");
    }
    for (int i = 0; i < form.length(); i++) {
      char c = form.charAt(i);
      if (c < lowest || c == 0x7f) {
        throw new ImCredentialsException("cannot write the bearer token to an auth file: it contains a blank or"
            + " control character at index " + i);
      }
    }
    return form;
  }

  private static String encode(String where, String key, CredentialValue value) {
    checkKey(where, key);
    String form = authFileForm("'" + key + "' of " + where, value);
    return encodeForm(where, key, form, value instanceof LiteralValue);
  }

  private static String authFileForm(String what, CredentialValue value) {
    try {
      return value.authFileForm();
    } catch (ImCredentialsException e) {
      throw new ImCredentialsException("cannot write " + what + " to an auth file: " + e.getMessage(), e);
    }
  }

  private static void checkKey(String where, String key) {
    for (int i = 0; i < key.length(); i++) {
      char c = key.charAt(i);
      if (c <= 0x20 || c == 0x7f || ";='\"#\\".indexOf(c) >= 0) {
        throw new ImCredentialsException("cannot write key '" + key.strip() + "' of " + where
            + " to an auth file: keys cannot contain blanks, control characters or any of ; = ' \" # \\");
      }
    }
  }

  private static String encodeLiteral(String where, String key, String value) {
    return encodeForm(where, key, value, true);
  }

  /** Encodes a literal, or the {@code file(...)}/{@code command(...)} form of an evaluated value. */
  private static String encodeForm(String where, String key, String value, boolean literal) {
    boolean evaluatedForm = value.startsWith("command(") && value.endsWith(")")
        || value.startsWith("file(") && value.endsWith(")");
    String inner = evaluatedForm ? value.substring(value.indexOf('(') + 1, value.length() - 1) : value;
    String problem = null;
    if (!inner.equals(inner.strip())) {
      problem = "it has leading or trailing blanks, which readers trim";
    } else if (value.contains(AuthHeaderCodec.LINE_SEPARATOR)) {
      problem = "it contains a backslash followed by 'n', which readers turn into a newline";
    } else if (literal && evaluatedForm) {
      problem = "a literal of the form command(...) or file(...) would be evaluated by readers";
    } else if (!literal && value.indexOf('\n') >= 0) {
      problem = "the path or command contains a line break";
    }
    if (problem == null) {
      for (int i = 0; i < value.length(); i++) {
        char c = value.charAt(i);
        if (c != '\n' && c != '\t' && (c < 0x20 || c == 0x7f)) {
          problem = "it contains a control character at index " + i;
          break;
        }
      }
    }
    if (problem != null) {
      throw new ImCredentialsException("cannot write the value of '" + key + "' of " + where
          + " to an auth file: " + problem);
    }
    return quote(where, key, value.replace("\n", AuthHeaderCodec.LINE_SEPARATOR));
  }

  private static String quote(String where, String key, String text) {
    if (text.isEmpty()) {
      return "''"; // readers drop an unquoted empty value together with the rest of its line
    }
    boolean single = text.indexOf('\'') >= 0;
    boolean dbl = text.indexOf('"') >= 0;
    if (single && dbl) {
      throw new ImCredentialsException("cannot write the value of '" + key + "' of " + where
          + " to an auth file: it contains both ' and \", which no quoting can carry");
    }
    if (single) {
      return '"' + text + '"';
    }
    if (dbl || text.indexOf(';') >= 0 || text.indexOf('=') >= 0) {
      return '\'' + text + '\'';
    }
    return text;
  }
}
