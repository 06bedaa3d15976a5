package io.github.imsdk.tosca;

import io.github.imsdk.tosca.internal.Values;

/**
 * One rule a template breaks, with the dotted path of the offending value, for example
 * {@code topology_template.node_templates.simple_node.capabilities.host.properties.mem_size}, and whether the IM
 * would reject the template for it ({@link Severity#ERROR}) or accept something likely to be a mistake
 * ({@link Severity#WARNING}).
 *
 * <p>List items appear as {@code [index]}, e.g. {@code ...simple_node.requirements[0].local_storage}. For a
 * template read by {@link ToscaTemplate#parse(String)} and not edited since, {@code line} and {@code column} point
 * at the value in the text (or, for a missing key, at the entry that lacks it); otherwise they are 0.
 *
 * @param path where in the template the problem is
 * @param message what is wrong, in plain words
 * @param line the 1-based line in the parsed text, or 0
 * @param column the 1-based column in the parsed text, or 0
 * @param severity whether the IM (or its TOSCA parser) would reject the template for it
 */
public record ToscaProblem(String path, String message, int line, int column, Severity severity) {

  /** How serious a problem is. */
  public enum Severity {
    /** The IM or its TOSCA parser would reject the template, or would never finish with it. */
    ERROR,
    /** The IM accepts the template, but it is probably not what the author meant. */
    WARNING
  }

  /** Checks that path, message and severity are present. */
  public ToscaProblem {
    Values.require(path, "path");
    Values.require(message, "message");
    Values.require(severity, "severity");
  }

  /** Creates an error without a position in a text. */
  public ToscaProblem(String path, String message) {
    this(path, message, 0, 0, Severity.ERROR);
  }

  /** Creates an error at a position in a text. */
  public ToscaProblem(String path, String message, int line, int column) {
    this(path, message, line, column, Severity.ERROR);
  }

  /** Creates a warning without a position in a text. */
  public static ToscaProblem warning(String path, String message) {
    return new ToscaProblem(path, message, 0, 0, Severity.WARNING);
  }

  /** Tells whether this is an {@link Severity#ERROR}. */
  public boolean isError() {
    return severity == Severity.ERROR;
  }

  /** Returns this problem placed at a line and column. */
  public ToscaProblem at(int line, int column) {
    return new ToscaProblem(path, message, line, column, severity);
  }

  /**
   * Returns {@code path: message}, or {@code path (line L, column C): message} when the position is known;
   * warnings start with {@code warning: }.
   */
  @Override
  public String toString() {
    String where = line > 0 ? path + " (line " + line + ", column " + column + ")" : path;
    return (severity == Severity.WARNING ? "warning: " : "") + where + ": " + message;
  }
}
