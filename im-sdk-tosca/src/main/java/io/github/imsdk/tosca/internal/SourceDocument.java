package io.github.imsdk.tosca.internal;

import io.github.imsdk.tosca.ToscaTemplate;
import java.util.Map;
import java.util.Objects;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;

/**
 * The text a template was parsed from, as SnakeYAML nodes, with the template it gave. The writer writes any part
 * of a template that still equals the parsed one from these nodes, so long and short forms, quoting, flow style,
 * anchors and comments stay as authored; edited parts are written from the model.
 *
 * @param template the template as parsed
 * @param root the document's root node
 * @param sources for each dotted path, the {@link NodeTuple} of a mapping entry or the {@link Node} of a list item
 */
public record SourceDocument(ToscaTemplate template, Node root, Map<String, Object> sources) {

  SourceDocument(ToscaTemplate template, YamlTree.Parsed parsed) {
    this(template, parsed.rootNode(), parsed.sources());
  }

  /** Returns the mapping entry at {@code path} if {@code now} equals {@code then} (what was parsed there). */
  NodeTuple entry(String path, Object now, Object then) {
    if (then == null || !Objects.equals(now, then)) {
      return null;
    }
    return sources.get(path) instanceof NodeTuple t ? t : null;
  }

  /** Returns the list item node at {@code path} if {@code now} equals {@code then}. */
  Node item(String path, Object now, Object then) {
    if (then == null || !Objects.equals(now, then)) {
      return null;
    }
    return sources.get(path) instanceof Node n ? n : null;
  }
}
