package io.github.imsdk.tosca.internal;

import io.github.imsdk.tosca.ToscaProblem;
import java.util.Map;
import org.yaml.snakeyaml.error.Mark;

/**
 * Where each entry of a parsed template starts in its source text, by dotted path, so validation problems of a
 * parsed (and not yet edited) template can name a line.
 */
public final class SourcePositions {

  /** No positions: a template built in code or edited after parsing. */
  public static final SourcePositions NONE = new SourcePositions(Map.of());

  private final Map<String, Object> sources;

  SourcePositions(Map<String, Object> sources) {
    this.sources = sources;
  }

  /**
   * Returns the problem with the line and column of its path, or of the nearest enclosing entry that exists in the
   * source (for a missing key, the mapping that lacks it).
   */
  public ToscaProblem locate(ToscaProblem p) {
    if (sources.isEmpty() || p.line() > 0) {
      return p;
    }
    String path = p.path();
    while (!path.isEmpty()) {
      Mark m = YamlTree.markOf(sources.get(path));
      if (m != null) {
        return p.at(m.getLine() + 1, m.getColumn() + 1);
      }
      path = parent(path);
    }
    return p;
  }

  private static String parent(String path) {
    int dot = path.lastIndexOf('.');
    int bracket = path.lastIndexOf('[');
    int cut = Math.max(dot, bracket);
    return cut < 0 ? "" : path.substring(0, cut);
  }
}
