package io.github.imsdk.tosca;

import java.util.Objects;

/**
 * One rule a template breaks, with the dotted path of the offending value, for example
 * {@code topology_template.node_templates.simple_node.capabilities.host.properties.mem_size}.
 *
 * <p>List items appear as {@code [index]}, e.g. {@code ...simple_node.requirements[0].local_storage}.
 *
 * @param path where in the template the problem is
 * @param message what is wrong, in plain words
 */
public record ToscaProblem(String path, String message) {

  /** Checks that both parts are present. */
  public ToscaProblem {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(message, "message");
  }

  /** Returns {@code path: message}. */
  @Override
  public String toString() {
    return path + ": " + message;
  }
}
