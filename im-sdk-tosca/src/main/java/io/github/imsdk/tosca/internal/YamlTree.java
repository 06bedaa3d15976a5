package io.github.imsdk.tosca.internal;

import io.github.imsdk.tosca.ToscaFunction;
import io.github.imsdk.tosca.ToscaParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.composer.Composer;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.parser.ParserImpl;
import org.yaml.snakeyaml.reader.StreamReader;

/**
 * Reads YAML text into ordered plain values (maps, lists, scalars, {@link ToscaFunction}s) with YAML 1.1 (PyYAML)
 * scalar rules, remembering for each entry its place in the text and its SnakeYAML node (so the writer can write
 * an unedited part back exactly as authored, comments included). Duplicate keys are collected and reported
 * together.
 *
 * <p>SnakeYAML composes the node graph (so its error marks give line and column); values are then built here
 * rather than by SnakeYAML's constructor, which would silently keep the last of two duplicate keys. SnakeYAML's own
 * limits are replaced by ones checked here with a position: the size before anything is read, the nesting depth
 * as events arrive, and alias expansion while values are built.
 */
public final class YamlTree {

  /** Largest template text read, in chars (SnakeYAML's default code point limit); checked before parsing. */
  public static final int MAX_CHARS = 3 * 1024 * 1024;

  /** Deeper than any sensible template; stops recursive aliases ({@code &a [*a]}) and stack exhaustion. */
  private static final int MAX_DEPTH = 200;

  /**
   * Values built here are trees, so every alias is expanded; this caps the values produced by expansions, which
   * stops documents whose few aliases expand exponentially ("billion laughs"). Templates that reuse an anchor a
   * few times stay far below it.
   */
  private static final int MAX_EXPANDED = 100_000;

  private static final Yaml11Resolver RESOLVER = new Yaml11Resolver();

  private final Set<Node> anchored = Collections.newSetFromMap(new IdentityHashMap<>());
  private int aliasDepth;
  private int expanded;

  private final Yaml11Scalars scalars = new Yaml11Scalars();
  private final Map<String, Object> sources = new HashMap<>();
  private final List<String> duplicates = new ArrayList<>();
  private Mark firstDuplicate;
  private String firstDuplicatePath;

  private YamlTree() {}

  /**
   * The values of a document, its node graph, and for each dotted path the {@link NodeTuple} of a mapping entry
   * or the {@link Node} of a list item.
   */
  public record Parsed(Object root, Node rootNode, Map<String, Object> sources) {

    /** Returns where the entry at {@code path} starts, or null. */
    public Mark mark(String path) {
      return markOf(sources.get(path));
    }
  }

  /** Returns the start of a mapping entry's key or a list item's node, or null. */
  static Mark markOf(Object source) {
    if (source instanceof NodeTuple t) {
      return t.getKeyNode().getStartMark();
    }
    return source instanceof Node n ? n.getStartMark() : null;
  }

  /** Returns the resolver the reader and writer share. */
  static Yaml11Resolver resolver() {
    return RESOLVER;
  }

  /**
   * Parses one YAML document.
   *
   * @throws ToscaParseException on malformed YAML, an empty document, duplicate keys or a limit exceeded
   */
  public static Parsed parse(String text) {
    if (text == null) {
      throw new ToscaParseException("no template text (null)", 0, 0, "", null);
    }
    checkSize(text);
    Node root = compose(text, true);
    if (root == null || root.getTag().equals(Tag.COMMENT)) {
      // With comments kept, SnakeYAML gives a comment-only document a mapping tagged as a comment.
      throw new ToscaParseException("the document is empty", 1, 1, "", null);
    }
    YamlTree tree = new YamlTree();
    Object value = tree.convert(root, "", 0);
    if (!tree.duplicates.isEmpty()) {
      throw new ToscaParseException("duplicate keys: " + String.join(", ", tree.duplicates),
          tree.firstDuplicate.getLine() + 1, tree.firstDuplicate.getColumn() + 1, tree.firstDuplicatePath, null);
    }
    return new Parsed(value, root, Collections.unmodifiableMap(tree.sources));
  }

  private static void checkSize(String text) {
    if (text.length() <= MAX_CHARS) {
      return;
    }
    int line = 1;
    int col = 1;
    for (int i = 0; i < MAX_CHARS; i++) {
      if (text.charAt(i) == '\n') {
        line++;
        col = 1;
      } else {
        col++;
      }
    }
    throw new ToscaParseException("the text has " + text.length() + " characters; templates are read up to "
        + MAX_CHARS + " (the limit is reached here)", line, col, "", null);
  }

  private static Node compose(String text, boolean comments) {
    LoaderOptions options = new LoaderOptions();
    options.setProcessComments(comments);
    // Limits are enforced by this class with a position (see the class comment).
    options.setMaxAliasesForCollections(Integer.MAX_VALUE);
    options.setNestingDepthLimit(MAX_DEPTH + 10);
    options.setCodePointLimit(Integer.MAX_VALUE);
    TrackingParser parser = new TrackingParser(new ParserImpl(new StreamReader(text), options), MAX_DEPTH);
    try {
      return new Composer(parser, RESOLVER, options).getSingleNode();
    } catch (TrackingParser.TooDeep e) {
      throw new ToscaParseException("collections nest deeper than " + MAX_DEPTH + " levels", e.mark.getLine() + 1,
          e.mark.getColumn() + 1, "", null);
    } catch (MarkedYAMLException e) {
      if (comments) {
        // SnakeYAML's comment support is younger than its parser: never let it reject a document it can read.
        try {
          return compose(text, false);
        } catch (ToscaParseException ignored) {
          // report the first error
        }
      }
      Mark m = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
      String what = e.getProblem() != null ? e.getProblem() : e.getMessage();
      if (e.getContext() != null) {
        what = e.getContext() + ": " + what;
      }
      throw new ToscaParseException(what, m == null ? 0 : m.getLine() + 1, m == null ? 0 : m.getColumn() + 1, "", e);
    } catch (YAMLException e) {
      Mark m = parser.lastMark();
      throw new ToscaParseException(e.getMessage(), m == null ? 1 : m.getLine() + 1, m == null ? 1
          : m.getColumn() + 1, "", e);
    }
  }

  private Object convert(Node node, String path, int depth) {
    if (depth > MAX_DEPTH) {
      throw error("nesting deeper than " + MAX_DEPTH + " levels (a recursive alias?)", node.getStartMark(), path);
    }
    boolean alias = node.getAnchor() != null && !anchored.add(node);
    if (alias) {
      aliasDepth++;
    }
    try {
      if (aliasDepth > 0 && ++expanded > MAX_EXPANDED) {
        throw error("aliases expand to more than " + MAX_EXPANDED + " values (a document built to exhaust memory?)",
            node.getStartMark(), path);
      }
      return convertNode(node, path, depth);
    } finally {
      if (alias) {
        aliasDepth--;
      }
    }
  }

  private Object convertNode(Node node, String path, int depth) {
    if (node instanceof ScalarNode s) {
      try {
        return scalars.value(s);
      } catch (YAMLException e) {
        throw error(e.getMessage(), s.getStartMark(), path);
      }
    }
    if (node instanceof SequenceNode seq) {
      List<Node> items = seq.getValue();
      List<Object> out = new ArrayList<>(items.size());
      for (int i = 0; i < items.size(); i++) {
        String p = path + "[" + i + "]";
        sources.putIfAbsent(p, items.get(i));
        out.add(convert(items.get(i), p, depth + 1));
      }
      return Collections.unmodifiableList(out);
    }
    MappingNode map = (MappingNode) node;
    Map<String, Object> out = new LinkedHashMap<>();
    Map<String, Object> merged = new LinkedHashMap<>();
    for (NodeTuple t : map.getValue()) {
      Node keyNode = t.getKeyNode();
      if (keyNode.getTag().equals(Tag.MERGE)) {
        merge(t.getValueNode(), path, depth, merged);
        continue;
      }
      if (!(keyNode instanceof ScalarNode ks)) {
        throw error("mapping keys must be scalars", keyNode.getStartMark(), path);
      }
      if (ks.getTag().equals(Yaml11Resolver.VALUE)) {
        throw error("a plain '=' key is the YAML 1.1 value key, which PyYAML (the IM's reader) cannot read;"
            + " quote it as '='", keyNode.getStartMark(), path);
      }
      String key = ks.getValue();
      String p = path.isEmpty() ? key : path + "." + key;
      if (out.containsKey(key)) {
        duplicates.add(p + " (line " + (keyNode.getStartMark().getLine() + 1) + ")");
        if (firstDuplicate == null) {
          firstDuplicate = keyNode.getStartMark();
          firstDuplicatePath = p;
        }
        continue;
      }
      sources.put(p, t);
      out.put(key, convert(t.getValueNode(), p, depth + 1));
    }
    merged.forEach(out::putIfAbsent);
    Map<String, Object> frozen = Collections.unmodifiableMap(out);
    ToscaFunction f = FunctionCodec.decode(frozen);
    return f != null ? f : frozen;
  }

  private void merge(Node value, String path, int depth, Map<String, Object> into) {
    if (value instanceof SequenceNode seq) {
      for (Node n : seq.getValue()) {
        merge(n, path, depth, into);
      }
      return;
    }
    Object v = convert(value, path, depth + 1);
    if (!(v instanceof Map<?, ?> m)) {
      throw error("a merge key (<<) needs a mapping", value.getStartMark(), path);
    }
    m.forEach((k, x) -> into.putIfAbsent((String) k, x));
  }

  private static ToscaParseException error(String message, Mark m, String path) {
    return new ToscaParseException(message, m.getLine() + 1, m.getColumn() + 1, path, null);
  }
}
