package io.github.imsdk.tosca;

/**
 * Tells that a text is not a readable TOSCA template: malformed YAML, a duplicate key, or a section of the wrong
 * shape (for example {@code node_templates} given as a list).
 *
 * <p>{@link #line()} and {@link #column()} point at the first problem, counted from 1; they are 0 when the position
 * is unknown.
 */
public final class ToscaParseException extends ToscaException {
  private static final long serialVersionUID = 1L;

  /** The 1-based line, or 0. */
  private final int line;
  /** The 1-based column, or 0. */
  private final int column;
  /** The dotted path, or "". */
  private final String path;

  /**
   * Creates the exception.
   *
   * @param message what is wrong, without the position (it is appended)
   * @param line the 1-based line, or 0 if unknown
   * @param column the 1-based column, or 0 if unknown
   * @param path the dotted path in the template where the problem is, or an empty string
   * @param cause the YAML parser's error, or null
   */
  public ToscaParseException(String message, int line, int column, String path, Throwable cause) {
    super(format(message, line, column, path), cause);
    this.line = line;
    this.column = column;
    this.path = path == null ? "" : path;
  }

  private static String format(String message, int line, int column, String path) {
    StringBuilder sb = new StringBuilder("malformed TOSCA template");
    if (line > 0) {
      sb.append(" at line ").append(line).append(", column ").append(column);
    }
    if (path != null && !path.isEmpty()) {
      sb.append(" (").append(path).append(')');
    }
    return sb.append(": ").append(message).toString();
  }

  /** Returns the 1-based line of the problem, or 0 if unknown. */
  public int line() {
    return line;
  }

  /** Returns the 1-based column of the problem, or 0 if unknown. */
  public int column() {
    return column;
  }

  /** Returns the dotted path of the problem in the template (e.g. {@code topology_template.inputs}), or "". */
  public String path() {
    return path;
  }
}
