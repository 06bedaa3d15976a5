package io.github.imsdk.core.internal.retry;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Says, for a call that must not be repeated blindly, how a caller finds out whether it took effect: which read
 * call shows the infrastructure or VMs it may have created.
 */
public final class AmbiguityHints {

  // TOSCA: metadata: { infra_name: demo } or a block "infra_name: demo"; quotes optional.
  private static final Pattern INFRA_NAME =
      Pattern.compile("(?m)^[ \\t]*infra_name[ \\t]*:[ \\t]*['\"]?([^'\"\\r\\n#]{1,200}?)['\"]?[ \\t]*(?:#.*)?$");
  private static final Pattern INFRA_PATH = Pattern.compile("^/infrastructures/([^/]+)$");

  private AmbiguityHints() {}

  /**
   * Returns the hint for {@code method path} with request {@code body}; empty when the generic hint of
   * {@link RetryCall#ambiguityNote()} fits.
   */
  public static Optional<String> forCall(String method, String path, String body) {
    if ("POST".equals(method) && "/infrastructures".equals(path)) {
      Optional<String> name = infraName(body);
      return Optional.of("The infrastructure may exist: list your infrastructures (GET /infrastructures)"
          + name.map(n -> " and look for the one whose TOSCA metadata has infra_name '" + n + "'"
              + " (GET /infrastructures/{id}/tosca)")
              .orElse(" and compare them with the list before this call; setting metadata.infra_name in the"
                  + " template makes it easy to recognise")
          + " before creating it again, or you may pay for two.");
    }
    if ("PUT".equals(method) && "/infrastructures".equals(path)) {
      return Optional.of("The infrastructure may have been imported: list your infrastructures"
          + " (GET /infrastructures) before importing it again.");
    }
    Matcher m = INFRA_PATH.matcher(path);
    if ("POST".equals(method) && m.matches()) {
      return Optional.of("VMs may have been added: list the infrastructure's VMs (GET " + path
          + ") before adding them again.");
    }
    return Optional.empty();
  }

  /** Returns the {@code infra_name} of a TOSCA template's metadata, if it has one. */
  static Optional<String> infraName(String body) {
    if (body == null) {
      return Optional.empty();
    }
    Matcher m = INFRA_NAME.matcher(body);
    return m.find() ? Optional.of(m.group(1).strip()).filter(s -> !s.isEmpty()) : Optional.empty();
  }
}
