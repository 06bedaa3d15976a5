package io.github.imsdk.testing.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.representer.Representer;

/**
 * Re-serialises a TOSCA document as IM stores it: Python's {@code yaml.safe_dump} (block style, keys sorted,
 * sequences in mappings not indented, text folded at 80 columns). SnakeYAML's emitter is a port of PyYAML's, so
 * with the same options it writes the same text.
 */
final class PyYamlDump {

  private PyYamlDump() {}

  /** Returns {@code text} re-serialised, or {@code text} itself when it is not a YAML mapping. */
  static String of(String text) {
    Object data;
    try {
      data = new Yaml(new SafeConstructor(new LoaderOptions())).load(text);
    } catch (RuntimeException e) {
      return text;
    }
    if (!(data instanceof Map<?, ?>)) {
      return text;
    }
    DumperOptions o = new DumperOptions();
    o.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
    o.setIndent(2);
    o.setWidth(80);
    o.setSplitLines(true);
    o.setPrettyFlow(false);
    return new Yaml(new SafeConstructor(new LoaderOptions()), new PyRepresenter(o), o).dump(sorted(data));
  }

  /** SnakeYAML writes multi-line text as a literal block; PyYAML lets the emitter pick (a quoted, folded scalar). */
  private static final class PyRepresenter extends Representer {
    PyRepresenter(DumperOptions o) {
      super(o);
      this.representers.put(String.class,
          data -> representScalar(Tag.STR, data.toString(), DumperOptions.ScalarStyle.PLAIN));
    }
  }

  private static Object sorted(Object v) {
    if (v instanceof Map<?, ?> m) {
      Map<String, Object> out = new TreeMap<>();
      m.forEach((k, val) -> out.put(String.valueOf(k), sorted(val)));
      return out;
    }
    if (v instanceof List<?> l) {
      List<Object> out = new ArrayList<>();
      l.forEach(i -> out.add(sorted(i)));
      return out;
    }
    return v;
  }
}
