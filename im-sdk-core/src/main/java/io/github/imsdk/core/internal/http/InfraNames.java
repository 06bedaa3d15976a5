package io.github.imsdk.core.internal.http;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Finds the {@code infra_name} a create's template gives, so that a lost create can be found again. */
final class InfraNames {

  private static final Pattern INFRA_NAME =
      Pattern.compile("(?m)^[ \\t]*infra_name[ \\t]*:[ \\t]*[\"']?([^\"'\\r\\n#]{1,200}?)[\"']?[ \\t]*(#.*)?$");

  private InfraNames() {}

  /**
   * Returns {@code " named 'NAME' (the template's infra_name)"}, or {@code " (its template has no infra_name)"}
   * when the body does not name it.
   */
  static String describe(String body) {
    Matcher m = INFRA_NAME.matcher(body.length() > 1_000_000 ? body.substring(0, 1_000_000) : body);
    if (m.find() && !m.group(1).isBlank()) {
      return " named '" + m.group(1).strip() + "' (the template's infra_name)";
    }
    return " (its template has no infra_name)";
  }
}
