package io.github.imsdk.tosca.internal;

import io.github.imsdk.tosca.ToscaFunction;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.emitter.Emitter;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.serializer.Serializer;

/**
 * Turns plain values into SnakeYAML nodes and nodes into text, choosing every scalar's style so that a YAML 1.1
 * reader (PyYAML, the IM's) and SnakeYAML both read it back as the same value: strings that would read as
 * something else are quoted ({@code "yes"}, {@code "="}, {@code "1e7"}, {@code "010"}), strings holding YAML 1.1
 * line breaks or control characters are double-quoted with escapes, floats carry a dot and a signed exponent.
 */
public final class YamlEmitter {

  /** A mapping entry written as it was read (see {@link SourceDocument}). */
  record Reused(NodeTuple tuple) {}

  private YamlEmitter() {}

  /** Returns the text of a node graph. */
  public static String serialize(Node root) {
    DumperOptions o = new DumperOptions();
    o.setIndent(2);
    o.setIndicatorIndent(2);
    o.setIndentWithIndicator(true);
    o.setWidth(Integer.MAX_VALUE);
    o.setSplitLines(false);
    o.setLineBreak(DumperOptions.LineBreak.UNIX);
    o.setProcessComments(true);
    StringWriter out = new StringWriter();
    // Serializer and Emitter directly: a Yaml instance would also build a constructor and a representer per call.
    Serializer serializer = new Serializer(new Emitter(out, o), YamlTree.resolver(), o, null);
    try {
      serializer.open();
      serializer.serialize(root);
      serializer.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }

  /**
   * Converts a plain value into a node: maps, lists, scalars, functions (in flow form), nodes kept from the parsed
   * text, and {@link Reused} mapping entries.
   */
  public static Node toNode(Object v, boolean flow) {
    if (v instanceof Node n) {
      return n;
    }
    if (v instanceof ToscaFunction f) {
      List<NodeTuple> one = List.of(new NodeTuple(scalar(f.keyword(), true), toNode(f.arguments(), true)));
      return new MappingNode(Tag.MAP, one, DumperOptions.FlowStyle.FLOW);
    }
    if (v instanceof Map<?, ?> m) {
      List<NodeTuple> tuples = new ArrayList<>(m.size());
      for (Map.Entry<?, ?> e : m.entrySet()) {
        if (e.getValue() instanceof Reused r) {
          tuples.add(r.tuple());
        } else {
          tuples.add(new NodeTuple(scalar(String.valueOf(e.getKey()), flow), toNode(e.getValue(), flow)));
        }
      }
      boolean asFlow = flow || m.isEmpty();
      return new MappingNode(Tag.MAP, tuples, asFlow ? DumperOptions.FlowStyle.FLOW : DumperOptions.FlowStyle.BLOCK);
    }
    if (v instanceof List<?> l) {
      boolean asFlow = flow || l.isEmpty() || allShortScalars(l);
      List<Node> items = new ArrayList<>(l.size());
      for (Object o : l) {
        items.add(toNode(o, asFlow));
      }
      return new SequenceNode(Tag.SEQ, items, asFlow ? DumperOptions.FlowStyle.FLOW : DumperOptions.FlowStyle.BLOCK);
    }
    if (v instanceof String s) {
      return scalar(s, flow);
    }
    if (v == null) {
      return plain(Tag.NULL, "null");
    }
    if (v instanceof Boolean b) {
      return plain(Tag.BOOL, b.toString());
    }
    if (v instanceof Integer || v instanceof Long || v instanceof BigInteger) {
      return plain(Tag.INT, v.toString());
    }
    if (v instanceof Double d) {
      return plain(Tag.FLOAT, Yaml11Scalars.floatText(d));
    }
    if (Yaml11Scalars.isTimestamp(v)) {
      return plain(Tag.TIMESTAMP, Yaml11Scalars.timestampText(v));
    }
    return scalar(String.valueOf(v), flow);
  }

  private static ScalarNode plain(Tag tag, String text) {
    return new ScalarNode(tag, text, null, null, DumperOptions.ScalarStyle.PLAIN);
  }

  /** Returns a string scalar in a style that reads back as exactly {@code s}. */
  static ScalarNode scalar(String s, boolean flow) {
    DumperOptions.ScalarStyle style;
    if (needsEscapes(s)) {
      style = DumperOptions.ScalarStyle.DOUBLE_QUOTED;
    } else if (s.indexOf('\n') >= 0) {
      style = flow ? DumperOptions.ScalarStyle.DOUBLE_QUOTED : DumperOptions.ScalarStyle.LITERAL;
    } else if (!YamlTree.resolver().plainReadsAsString(s)) {
      style = DumperOptions.ScalarStyle.SINGLE_QUOTED;
    } else {
      style = DumperOptions.ScalarStyle.PLAIN;
    }
    return new ScalarNode(Tag.STR, s, null, null, style);
  }

  /**
   * Tells whether a string holds characters that only a double-quoted scalar keeps: YAML 1.1 line breaks other than
   * LF (NEL U+0085, LS U+2028, PS U+2029, CR), a byte order mark, or control characters other than tab and LF.
   */
  static boolean needsEscapes(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '\u0085' || c == '\u2028' || c == '\u2029' || c == '\r' || c == '\uFEFF'
          || (c < 0x20 && c != '\n' && c != '\t') || c == 0x7F || (c >= 0x80 && c < 0xA0)
          || Character.isSurrogate(c) && !validSurrogate(s, i) || c == '\uFFFE' || c == '\uFFFF') {
        return true;
      }
    }
    return false;
  }

  private static boolean validSurrogate(String s, int i) {
    char c = s.charAt(i);
    if (Character.isHighSurrogate(c)) {
      return i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1));
    }
    return i > 0 && Character.isHighSurrogate(s.charAt(i - 1));
  }

  private static boolean allShortScalars(List<?> l) {
    for (Object o : l) {
      if (o instanceof String s) {
        if (s.indexOf('\n') >= 0 || s.length() > 60 || needsEscapes(s)) {
          return false;
        }
      } else if (o instanceof Map<?, ?> || o instanceof List<?> || o instanceof ToscaFunction || o instanceof Node
          || (Yaml11Scalars.isTimestamp(o) && !(o instanceof java.time.LocalDate))) {
        // A date-time holds ':', which a flow collection cannot have in a plain scalar: it would need a tag.
        return false;
      }
    }
    return true;
  }
}
