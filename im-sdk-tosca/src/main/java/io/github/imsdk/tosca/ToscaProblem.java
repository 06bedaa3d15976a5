package io.github.imsdk.tosca;

import io.github.imsdk.tosca.internal.Values;

/**
 * One rule a template breaks, with the dotted path of the offending value, for example
 * {@code topology_template.node_templates.simple_node.capabilities.host.properties.mem_size}.
 *
 * <p>List items appear as {@code [index]}, e.g. {@code ...simple_node.requirements[0].local_storage}. For a
 * template read by {@link ToscaTemplate#parse(String)} and not edited since, {@code line} and {@code column} point
 * at the value in the text (or, for a missing key, at the entry that lacks it); otherwise they are 0.
 *
 * @param path where in the template the problem is
 * @param message what is wrong, in plain words
 * @param line the 1-based line in the parsed text, or 0
 * @param column the 1-based column in the parsed text, or 0
 */
public record ToscaProblem(String path, String message, int line, int column) {

  /** Checks that path and message are present. */
  public ToscaProblem {
    Values.require(path, "path");
    Values.require(message, "message");
  }

  /** Creates a problem without a position in a text. */
  public ToscaProblem(String path, String message) {
    this(path, message, 0, 0);
  }

  /** Returns {@code path: message}, or {@code path (line L, column C): message} when the position is known. */
  @Override
  public String toString() {
    return line > 0 ? path + " (line " + line + ", column " + column + "): " + message : path + ": " + message;
  }
}
