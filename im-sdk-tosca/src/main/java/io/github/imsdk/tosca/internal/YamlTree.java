package io.github.imsdk.tosca.internal;

import io.github.imsdk.tosca.ToscaFunction;
import io.github.imsdk.tosca.ToscaParseException;
import java.io.StringReader;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Reads YAML text into ordered plain values (maps, lists, scalars, {@link ToscaFunction}s), remembering where each
 * entry starts so later shape errors can name a line. Duplicate keys are collected and reported together.
 *
 * <p>SnakeYAML composes the node graph (so its error marks give line and column); values are then built here
 * rather than by SnakeYAML's constructor, which would silently keep the last of two duplicate keys.
 */
public final class YamlTree {

  /** Deeper than any sensible template; stops recursive aliases ({@code &a [*a]}). */
  private static final int MAX_DEPTH = 200;

  /**
   * Values built here are trees, so every alias is expanded; this caps the values produced by expansions, which
   * stops documents whose few aliases expand exponentially ("billion laughs") below SnakeYAML's own alias limit.
   * Templates that reuse an anchor a few times stay far below it.
   */
  private static final int MAX_EXPANDED = 100_000;

  private final Set<Node> anchored = Collections.newSetFromMap(new IdentityHashMap<>());
  private int aliasDepth;
  private int expanded;

  private final ScalarConstructor scalars;
  private final Map<String, Mark> marks = new HashMap<>();
  private final List<String> duplicates = new ArrayList<>();
  private Mark firstDuplicate;
  private String firstDuplicatePath;

  private YamlTree(LoaderOptions options) {
    this.scalars = new ScalarConstructor(options);
  }

  /** The values of a document and the start marks of its entries by dotted path. */
  public record Parsed(Object root, Map<String, Mark> marks) {}

  /**
   * Parses one YAML document.
   *
   * @throws ToscaParseException on malformed YAML, an empty document or duplicate keys
   */
  public static Parsed parse(String text) {
    if (text == null) {
      throw new ToscaParseException("no template text (null)", 0, 0, "", null);
    }
    LoaderOptions options = new LoaderOptions();
    options.setAllowDuplicateKeys(false);
    options.setProcessComments(false);
    Node root;
    try {
      root = new Yaml(options).compose(new StringReader(text));
    } catch (MarkedYAMLException e) {
      Mark m = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
      String what = e.getProblem() != null ? e.getProblem() : e.getMessage();
      if (e.getContext() != null) {
        what = e.getContext() + ": " + what;
      }
      throw new ToscaParseException(what, m == null ? 0 : m.getLine() + 1, m == null ? 0 : m.getColumn() + 1, "", e);
    } catch (YAMLException e) {
      throw new ToscaParseException(e.getMessage(), 0, 0, "", e);
    }
    if (root == null) {
      throw new ToscaParseException("the document is empty", 1, 1, "", null);
    }
    YamlTree tree = new YamlTree(options);
    Object value = tree.convert(root, "", 0);
    if (!tree.duplicates.isEmpty()) {
      throw new ToscaParseException("duplicate keys: " + String.join(", ", tree.duplicates),
          tree.firstDuplicate.getLine() + 1, tree.firstDuplicate.getColumn() + 1, tree.firstDuplicatePath, null);
    }
    return new Parsed(value, Collections.unmodifiableMap(tree.marks));
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
      return scalar(s, path);
    }
    if (node instanceof SequenceNode seq) {
      List<Node> items = seq.getValue();
      List<Object> out = new ArrayList<>(items.size());
      for (int i = 0; i < items.size(); i++) {
        String p = path + "[" + i + "]";
        marks.put(p, items.get(i).getStartMark());
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
        throw error("mapping keys must be plain strings", keyNode.getStartMark(), path);
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
      marks.put(p, keyNode.getStartMark());
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

  private Object scalar(ScalarNode s, String path) {
    Tag tag = s.getTag();
    if (tag.equals(Tag.STR) || tag.equals(Tag.TIMESTAMP)) {
      // Timestamps stay text: TOSCA has no use for java.util.Date and the text round-trips exactly.
      return s.getValue();
    }
    Object v;
    try {
      v = scalars.construct(s);
    } catch (YAMLException e) {
      throw error(e.getMessage(), s.getStartMark(), path);
    }
    if (v instanceof Long l && l >= Integer.MIN_VALUE && l <= Integer.MAX_VALUE) {
      return l.intValue();
    }
    if (v instanceof BigInteger b && b.bitLength() < 64) {
      long l = b.longValue();
      return l >= Integer.MIN_VALUE && l <= Integer.MAX_VALUE ? (Object) (int) l : (Object) l;
    }
    if (v == null || v instanceof String || v instanceof Boolean || v instanceof Integer || v instanceof Long
        || v instanceof BigInteger || v instanceof Double) {
      return v;
    }
    // Anything else (e.g. !!binary) is kept as its text.
    return s.getValue();
  }

  private static ToscaParseException error(String message, Mark m, String path) {
    return new ToscaParseException(message, m.getLine() + 1, m.getColumn() + 1, path, null);
  }

  /** Exposes SafeConstructor's YAML 1.1 scalar rules (ints in any base, floats, booleans, nulls). */
  private static final class ScalarConstructor extends SafeConstructor {
    ScalarConstructor(LoaderOptions options) {
      super(options);
    }

    Object construct(ScalarNode node) {
      return constructObject(node);
    }
  }
}
