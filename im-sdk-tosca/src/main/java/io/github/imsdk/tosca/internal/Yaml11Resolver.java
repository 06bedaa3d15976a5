package io.github.imsdk.tosca.internal;

import java.util.regex.Pattern;
import org.yaml.snakeyaml.nodes.NodeId;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * Resolves plain scalars exactly as a YAML 1.1 reader such as PyYAML (the IM's reader) does.
 *
 * <p>SnakeYAML 2.x's own {@link Resolver} is close but not the same: it reads {@code 1e7}, {@code 2240e12},
 * {@code 1.0e7} and {@code +.5} as floats where PyYAML reads strings, and it has no resolver for the YAML 1.1
 * value key {@code =}, which PyYAML cannot construct (it fails on the whole file). Reading and writing with these
 * rules keeps a template's types as the IM will see them.
 */
public final class Yaml11Resolver extends Resolver {

  /** PyYAML's {@code tag:yaml.org,2002:value}, given to a plain {@code =}. */
  public static final Tag VALUE = new Tag(Tag.PREFIX + "value");

  static final Pattern BOOL = Pattern.compile(
      "^(?:yes|Yes|YES|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF)$");
  static final Pattern FLOAT = Pattern.compile("^(?:[-+]?(?:[0-9][0-9_]*)\\.[0-9_]*(?:[eE][-+][0-9]+)?"
      + "|\\.[0-9_]+(?:[eE][-+][0-9]+)?|[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\\.[0-9_]*"
      + "|[-+]?\\.(?:inf|Inf|INF)|\\.(?:nan|NaN|NAN))$");
  static final Pattern INT = Pattern.compile("^(?:[-+]?0b[0-1_]+|[-+]?0[0-7_]+|[-+]?(?:0|[1-9][0-9_]*)"
      + "|[-+]?0x[0-9a-fA-F_]+|[-+]?[1-9][0-9_]*(?::[0-5]?[0-9])+)$");
  static final Pattern MERGE = Pattern.compile("^(?:<<)$");
  static final Pattern NULL = Pattern.compile("^(?:~|null|Null|NULL|)$");
  static final Pattern TIMESTAMP = Pattern.compile("^(?:[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]"
      + "|[0-9][0-9][0-9][0-9]-[0-9][0-9]?-[0-9][0-9]?(?:[Tt]|[ \\t]+)[0-9][0-9]?:[0-9][0-9]:[0-9][0-9]"
      + "(?:\\.[0-9]*)?(?:[ \\t]*(?:Z|[-+][0-9][0-9]?(?::[0-9][0-9])?))?)$");
  static final Pattern VALUE_KEY = Pattern.compile("^(?:=)$");
  static final Pattern YAML = Pattern.compile("^(?:!|&|\\*)$");

  private static final Resolver SNAKEYAML = new Resolver();

  /** Creates the resolver with PyYAML's implicit resolvers, in PyYAML's order. */
  public Yaml11Resolver() {
    super();
  }

  @Override
  protected void addImplicitResolvers() {
    addImplicitResolver(Tag.BOOL, BOOL, "yYnNtTfFoO");
    addImplicitResolver(Tag.FLOAT, FLOAT, "-+0123456789.");
    addImplicitResolver(Tag.INT, INT, "-+0123456789");
    addImplicitResolver(Tag.MERGE, MERGE, "<");
    addImplicitResolver(Tag.NULL, NULL, "~nN\0");
    addImplicitResolver(Tag.TIMESTAMP, TIMESTAMP, "0123456789");
    addImplicitResolver(VALUE, VALUE_KEY, "=");
    addImplicitResolver(Tag.YAML, YAML, "!&*");
  }

  /** Returns the tag a YAML 1.1 reader gives the plain scalar {@code text}. */
  public Tag resolvePlain(String text) {
    return resolve(NodeId.scalar, text, true);
  }

  /**
   * Tells whether {@code text} written as a plain scalar reads back as the string {@code text} under both YAML 1.1
   * (PyYAML) and SnakeYAML's default rules, so the writer quotes anything either would read otherwise.
   */
  public boolean plainReadsAsString(String text) {
    return resolvePlain(text).equals(Tag.STR)
        && SNAKEYAML.resolve(NodeId.scalar, text, true).equals(Tag.STR);
  }
}
