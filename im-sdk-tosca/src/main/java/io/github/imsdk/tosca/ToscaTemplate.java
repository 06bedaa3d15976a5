package io.github.imsdk.tosca;

import io.github.imsdk.tosca.internal.Evaluator;
import io.github.imsdk.tosca.internal.SourceDocument;
import io.github.imsdk.tosca.internal.SourcePositions;
import io.github.imsdk.tosca.internal.TemplateReader;
import io.github.imsdk.tosca.internal.TemplateWriter;
import io.github.imsdk.tosca.internal.Validator;
import io.github.imsdk.tosca.internal.Values;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * A TOSCA template as the IM reads it ({@code POST /infrastructures} with {@code Content-Type: text/yaml}):
 * definitions version, imports, description, metadata, and a topology of inputs, node templates, policies and
 * outputs. Instances are immutable and thread-safe.
 *
 * <p>Read one with {@link #parse(String)}, build one with {@link #builder()} (or a recipe such as
 * {@link ContainerRecipe}), edit one with the {@code with*} methods or {@link #toBuilder()}, check it with
 * {@link #validated()} and write it with {@link #toYaml()}. Keys the model does not name are kept and written back.
 *
 * <pre>{@code
 * ToscaTemplate t = ToscaTemplate.parse(Files.readString(Path.of("tosca_docker.yml")))
 *     .withInputDefault("num_cpus", 4)
 *     .validated();
 * String yaml = t.toYaml();
 * }</pre>
 */
public final class ToscaTemplate {

  /** The definitions version the IM's examples use. */
  public static final String TOSCA_SIMPLE_YAML_1_0 = "tosca_simple_yaml_1_0";

  private final String definitionsVersion;
  private final List<Object> imports;
  private final String description;
  private final Map<String, Object> metadata;
  private final Map<String, ToscaInput> inputs;
  private final Map<String, NodeTemplate> nodeTemplates;
  private final List<ToscaPolicy> policies;
  private final Map<String, ToscaOutput> outputs;
  private final Map<String, Object> topologyExtras;
  private final Map<String, Object> extras;
  /** Where entries were in the parsed text; not part of the value (equals ignores it), dropped by any edit. */
  private final SourcePositions positions;
  /** The text it was parsed from, kept through edits so unedited parts are written back as authored. */
  private final SourceDocument source;

  private ToscaTemplate(Builder b) {
    this(b, SourcePositions.NONE);
  }

  private ToscaTemplate(Builder b, SourcePositions positions) {
    this.positions = positions;
    this.source = b.source;
    this.definitionsVersion = b.definitionsVersion;
    this.imports = b.imports.isEmpty() ? List.of() : castList(Values.freeze(b.imports));
    this.description = b.description;
    this.metadata = Values.copyOrdered(b.metadata);
    this.inputs = Values.copyOrdered(b.inputs);
    this.nodeTemplates = Values.copyOrdered(b.nodeTemplates);
    this.policies = List.copyOf(b.policies);
    this.outputs = Values.copyOrdered(b.outputs);
    this.topologyExtras = Values.copyOrdered(b.topologyExtras);
    this.extras = Values.copyOrdered(b.extras);
  }

  @SuppressWarnings("unchecked")
  private static List<Object> castList(Object o) {
    return (List<Object>) o;
  }

  /**
   * Reads a TOSCA template from YAML text, keeping everything the model does not name.
   *
   * <p>Reads scalars as the IM does (YAML 1.1, as PyYAML): {@code yes} is a boolean, {@code 2020-09-08} a
   * {@link java.time.LocalDate}, {@code 1e7} a string. Accepts the forms the IM accepts, including one-entry
   * mappings inside flow sequences such as {@code concat: [ 'http://', get_attribute: [ vm, public_address, 0 ] ]},
   * inputs given as bare values ({@code num_cpus: 16}) and artifacts whose {@code file} is a function. Does not
   * validate: call {@link #validate()} or {@link #validated()}.
   *
   * @throws ToscaParseException if the text is not YAML, has a duplicate key, a plain {@code =} (which PyYAML cannot
   *     read), a section of the wrong shape, or passes a limit (3 MiB of text, checked before parsing; 200 levels
   *     of nesting; aliases expanding to 100,000 values); the exception gives line and column, and the path
   */
  public static ToscaTemplate parse(String yaml) {
    TemplateReader.Result r = TemplateReader.read(yaml);
    Builder b = r.template().toBuilder();
    b.source = r.source();
    return new ToscaTemplate(b, r.positions());
  }

  /** Starts an empty template with {@code tosca_definitions_version: tosca_simple_yaml_1_0}. */
  public static Builder builder() {
    return new Builder();
  }

  /** Returns a builder holding everything in this template. */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.definitionsVersion = definitionsVersion;
    b.imports.addAll(imports);
    b.description = description;
    b.metadata.putAll(metadata);
    b.inputs.putAll(inputs);
    b.nodeTemplates.putAll(nodeTemplates);
    b.policies.addAll(policies);
    b.outputs.putAll(outputs);
    b.topologyExtras.putAll(topologyExtras);
    b.extras.putAll(extras);
    b.source = source;
    return b;
  }

  /**
   * Writes the template as YAML the IM reads. Every part still equal to what {@link #parse(String)} read is written
   * as authored (long or short forms, quoting, comments; the YAML 1.1 tree is the same); other parts are written
   * from the model: keys in the order people write TOSCA, multi-line strings as block literals, function calls in
   * flow form ({@code { get_input: x }}), and every scalar so that YAML 1.1 readers such as the IM's read it back as
   * the same value. No empty section is added. The same template always gives the same text.
   */
  public String toYaml() {
    return TemplateWriter.write(this, source);
  }

  /**
   * Checks the template as the IM would judge it, assuming a cloud of the auth data can choose an OS image (see
   * {@link #validate(ValidationContext)}).
   *
   * @return every problem found, errors and warnings, with its path (and, for a parsed template not edited since,
   *     its line); empty if there is nothing to say
   */
  public List<ToscaProblem> validate() {
    return validate(ValidationContext.defaults());
  }

  /**
   * Checks the template as the IM would judge it. Errors are what the IM or its TOSCA parser would reject (or never
   * finish with): undefined inputs, unknown nodes, node types or property names, defaults that do not fit their
   * type, unknown or malformed functions, requirement cycles, ports out of range. Warnings are legal but probably
   * unintended: a default outside its own constraints, a Compute without an image when no cloud can choose one, an
   * {@code appdb://} image (IM 2.0 does not resolve it). Types from imports the SDK cannot read are not judged.
   *
   * @param context what the validation may assume about the deployment
   * @return every problem found, errors and warnings, in template order
   */
  public List<ToscaProblem> validate(ValidationContext context) {
    Values.require(context, "context");
    return Validator.validate(this, context).stream().map(positions::locate).toList();
  }

  /**
   * Returns this template if {@link #validate()} finds no error (warnings do not count).
   *
   * @throws ToscaValidationException listing every error with its path
   */
  public ToscaTemplate validated() {
    return validated(ValidationContext.defaults());
  }

  /**
   * Returns this template if {@link #validate(ValidationContext)} finds no error (warnings do not count).
   *
   * @throws ToscaValidationException listing every error with its path
   */
  public ToscaTemplate validated(ValidationContext context) {
    List<ToscaProblem> errors = validate(context).stream().filter(ToscaProblem::isError).toList();
    if (!errors.isEmpty()) {
      throw new ToscaValidationException(errors);
    }
    return this;
  }

  /** Returns {@code tosca_definitions_version}, or null if absent. */
  public String definitionsVersion() {
    return definitionsVersion;
  }

  /**
   * Returns the imports as written: each a string or a one-entry map such as
   * {@code {ec3_custom_types: https://.../custom_types.yaml}}.
   */
  public List<Object> imports() {
    return imports;
  }

  /** Returns the template description, if any. */
  public Optional<String> description() {
    return Optional.ofNullable(description);
  }

  /** Returns the metadata (e.g. {@code infra_name}, the name the IM shows), in template order. */
  public Map<String, Object> metadata() {
    return metadata;
  }

  /** Returns the inputs by name, in template order. */
  public Map<String, ToscaInput> inputs() {
    return inputs;
  }

  /** Returns one input, if defined. */
  public Optional<ToscaInput> input(String name) {
    return Optional.ofNullable(inputs.get(name));
  }

  /** Returns the node templates by name, in template order. */
  public Map<String, NodeTemplate> nodeTemplates() {
    return nodeTemplates;
  }

  /** Returns one node template, if defined. */
  public Optional<NodeTemplate> nodeTemplate(String name) {
    return Optional.ofNullable(nodeTemplates.get(name));
  }

  /** Returns the node templates the IM turns into VMs (Compute types), in template order. */
  public List<NodeTemplate> computeNodes() {
    return nodeTemplates.values().stream().filter(NodeTemplate::isCompute).toList();
  }

  /** Returns the policies in template order. */
  public List<ToscaPolicy> policies() {
    return policies;
  }

  /** Returns the outputs by name, in template order. */
  public Map<String, ToscaOutput> outputs() {
    return outputs;
  }

  /** Returns {@code topology_template} keys the model does not name (e.g. {@code groups}), in template order. */
  public Map<String, Object> topologyExtras() {
    return topologyExtras;
  }

  /** Returns top-level keys the model does not name (e.g. {@code node_types}), in template order. */
  public Map<String, Object> extras() {
    return extras;
  }

  /**
   * Returns a copy whose input {@code name} has another default value.
   *
   * @throws ToscaValidationException if the template has no such input
   */
  public ToscaTemplate withInputDefault(String name, Object value) {
    ToscaInput in = inputs.get(name);
    if (in == null) {
      throw new ToscaValidationException(List.of(new ToscaProblem(Validator.inputPath(name),
          "no such input; inputs are " + inputs.keySet())));
    }
    return toBuilder().replaceInput(name, in.withDefault(value)).build();
  }

  /**
   * Returns a copy with several input defaults changed at once, e.g. the values a user gave for a deployment (the
   * IM takes input values only as defaults inside the template).
   *
   * @throws ToscaValidationException naming every input the template does not define
   */
  public ToscaTemplate withInputDefaults(Map<String, ?> values) {
    List<ToscaProblem> unknown = new ArrayList<>();
    values.keySet().stream().filter(k -> !inputs.containsKey(k)).forEach(k -> unknown.add(
        new ToscaProblem(Validator.inputPath(k), "no such input; inputs are " + inputs.keySet())));
    if (!unknown.isEmpty()) {
      throw new ToscaValidationException(unknown);
    }
    Builder b = toBuilder();
    values.forEach((k, v) -> b.replaceInput(k, inputs.get(k).withDefault(v)));
    return b.build();
  }

  /** Returns a copy with this input added or replaced (in place). */
  public ToscaTemplate withInput(String name, ToscaInput input) {
    return toBuilder().replaceInput(name, input).build();
  }

  /** Returns a copy with this node template added or replaced (in place), matched by name. */
  public ToscaTemplate withNodeTemplate(NodeTemplate node) {
    return toBuilder().replaceNodeTemplate(node).build();
  }

  /** Returns a copy without the named node template (references to it are left for validation to report). */
  public ToscaTemplate withoutNodeTemplate(String name) {
    return toBuilder().removeNodeTemplate(name).build();
  }

  /** Returns a copy with this output added or replaced (in place). */
  public ToscaTemplate withOutput(String name, ToscaOutput output) {
    return toBuilder().replaceOutput(name, output).build();
  }

  /** Returns a copy with another description. */
  public ToscaTemplate withDescription(String description) {
    return toBuilder().description(description).build();
  }

  /** Returns a copy with a metadata key set, e.g. {@code withMetadata("infra_name", "my-vm")}. */
  public ToscaTemplate withMetadata(String key, Object value) {
    return toBuilder().metadata(key, value).build();
  }

  /**
   * Returns the value input {@code name} takes when the template is deployed with {@code givenInputs}: the given
   * value if present, otherwise the default.
   *
   * @throws ToscaValidationException if the input is not defined, or has neither a given value nor a default
   */
  public Object resolveInput(String name, Map<String, ?> givenInputs) {
    return Evaluator.resolveInput(this, name, givenInputs);
  }

  /**
   * Evaluates a value as the IM would: {@code get_input} from {@code givenInputs} or defaults, {@code get_property}
   * from the node templates, {@code concat} and {@code token} on the results, and {@code get_attribute} through
   * {@code attributes} (run-time values such as a VM's public address). Lists and maps are evaluated item by item.
   *
   * @param value a literal, a function, or a list/map holding functions
   * @param givenInputs input values given at deployment (may be empty)
   * @param attributes returns the value of a {@code get_attribute} call (its node already resolved to a template
   *     name, e.g. {@code HOST} to the Compute), or null if unknown; may itself be null when no attribute is known
   *     yet, and then every {@code get_attribute} (and a {@code concat} or {@code token} using one) gives null
   * @param self the node template the value belongs to, for {@code SELF}/{@code HOST}; may be null
   * @throws ToscaValidationException if an input or property cannot be resolved
   */
  public Object evaluate(Object value, Map<String, ?> givenInputs,
      Function<ToscaFunction.GetAttribute, Object> attributes, String self) {
    return new Evaluator(this, givenInputs, attributes).evaluate(value, self);
  }

  /** Evaluates an output's value (see {@link #evaluate(Object, Map, Function, String)}). */
  public Object evaluateOutput(String output, Map<String, ?> givenInputs,
      Function<ToscaFunction.GetAttribute, Object> attributes) {
    ToscaOutput o = outputs.get(output);
    if (o == null) {
      throw new ToscaValidationException(List.of(new ToscaProblem("topology_template.outputs." + output,
          "no such output; outputs are " + outputs.keySet())));
    }
    return evaluate(o.value(), givenInputs, attributes, null);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ToscaTemplate t && Objects.equals(definitionsVersion, t.definitionsVersion)
        && imports.equals(t.imports) && Objects.equals(description, t.description) && metadata.equals(t.metadata)
        && inputs.equals(t.inputs) && nodeTemplates.equals(t.nodeTemplates) && policies.equals(t.policies)
        && outputs.equals(t.outputs) && topologyExtras.equals(t.topologyExtras) && extras.equals(t.extras);
  }

  @Override
  public int hashCode() {
    return Objects.hash(definitionsVersion, imports, description, metadata, inputs, nodeTemplates, policies,
        outputs, topologyExtras, extras);
  }

  @Override
  public String toString() {
    return "ToscaTemplate{inputs=" + inputs.keySet() + ", nodes=" + nodeTemplates.keySet() + ", outputs="
        + outputs.keySet() + "}";
  }

  /**
   * Builds a {@link ToscaTemplate}. Adding a second input, node template or output with a name already used throws
   * {@link ToscaValidationException}; the {@code replace*} methods replace on purpose.
   */
  public static final class Builder {
    private String definitionsVersion = TOSCA_SIMPLE_YAML_1_0;
    private final List<Object> imports = new ArrayList<>();
    private String description;
    private final Map<String, Object> metadata = new LinkedHashMap<>();
    private final Map<String, ToscaInput> inputs = new LinkedHashMap<>();
    private final Map<String, NodeTemplate> nodeTemplates = new LinkedHashMap<>();
    private final List<ToscaPolicy> policies = new ArrayList<>();
    private final Map<String, ToscaOutput> outputs = new LinkedHashMap<>();
    private final Map<String, Object> topologyExtras = new LinkedHashMap<>();
    private final Map<String, Object> extras = new LinkedHashMap<>();
    private SourceDocument source;

    private Builder() {}

    /** Sets {@code tosca_definitions_version} (default {@code tosca_simple_yaml_1_0}). */
    public Builder definitionsVersion(String version) {
      this.definitionsVersion = version;
      return this;
    }

    /** Adds a named import, e.g. {@code ec3_custom_types: https://.../custom_types.yaml}. */
    public Builder importDefinitions(String name, String url) {
      imports.add(Map.of(Values.require(name, "name"), Values.require(url, "url")));
      return this;
    }

    /** Adds an import as written in YAML: a string or a one-entry map. */
    public Builder importEntry(Object entry) {
      imports.add(Values.freeze(Values.require(entry, "entry")));
      return this;
    }

    /** Sets the description. */
    public Builder description(String description) {
      this.description = description;
      return this;
    }

    /** Sets a metadata key, e.g. {@code metadata("infra_name", "my-vm")}. */
    public Builder metadata(String key, Object value) {
      metadata.put(Values.require(key, "key"), Values.freeze(value));
      return this;
    }

    /** Adds an input; the name must be new. */
    public Builder input(String name, ToscaInput input) {
      requireNew(inputs, name, Validator.inputPath(name), "input");
      inputs.put(name, Values.require(input, "input"));
      return this;
    }

    /** Adds or replaces (in place) an input. */
    public Builder replaceInput(String name, ToscaInput input) {
      inputs.put(Values.require(name, "name"), Values.require(input, "input"));
      return this;
    }

    /** Removes an input. */
    public Builder removeInput(String name) {
      inputs.remove(name);
      return this;
    }

    /** Adds a node template; its name must be new. */
    public Builder nodeTemplate(NodeTemplate node) {
      Values.require(node, "node");
      requireNew(nodeTemplates, node.name(), Validator.nodePath(node.name()), "node template");
      nodeTemplates.put(node.name(), node);
      return this;
    }

    /** Adds or replaces (in place) a node template, matched by name. */
    public Builder replaceNodeTemplate(NodeTemplate node) {
      nodeTemplates.put(node.name(), node);
      return this;
    }

    /** Removes a node template. */
    public Builder removeNodeTemplate(String name) {
      nodeTemplates.remove(name);
      return this;
    }

    /** Adds a policy; its name must be new. */
    public Builder policy(ToscaPolicy policy) {
      Values.require(policy, "policy");
      for (ToscaPolicy p : policies) {
        if (p.name().equals(policy.name())) {
          throw duplicate("topology_template.policies." + policy.name(), "policy", policy.name());
        }
      }
      policies.add(policy);
      return this;
    }

    /** Removes the policies of type {@code type} (none is fine), e.g. to replace a placement. */
    public Builder removePolicies(String type) {
      Values.require(type, "policy type");
      policies.removeIf(p -> type.equals(p.type()));
      return this;
    }

    /** Adds an output; the name must be new. */
    public Builder output(String name, ToscaOutput output) {
      requireNew(outputs, name, "topology_template.outputs." + name, "output");
      outputs.put(name, Values.require(output, "output"));
      return this;
    }

    /** Adds an output with just a value; the name must be new. */
    public Builder output(String name, Object value) {
      return output(name, ToscaOutput.of(value));
    }

    /** Adds or replaces (in place) an output. */
    public Builder replaceOutput(String name, ToscaOutput output) {
      outputs.put(Values.require(name, "name"), Values.require(output, "output"));
      return this;
    }

    /** Sets a {@code topology_template} key the model does not name, e.g. {@code groups}. */
    public Builder topologyExtra(String key, Object value) {
      topologyExtras.put(Values.require(key, "key"), Values.freeze(value));
      return this;
    }

    /** Sets a top-level key the model does not name, e.g. {@code node_types}. */
    public Builder extra(String key, Object value) {
      extras.put(Values.require(key, "key"), Values.freeze(value));
      return this;
    }

    /** Returns the template (not validated: call {@link ToscaTemplate#validated()}). */
    public ToscaTemplate build() {
      return new ToscaTemplate(this);
    }

    private static void requireNew(Map<String, ?> map, String name, String path, String what) {
      Values.require(name, what + " name");
      if (map.containsKey(name)) {
        throw duplicate(path, what, name);
      }
    }

    private static ToscaValidationException duplicate(String path, String what, String name) {
      return new ToscaValidationException(List.of(new ToscaProblem(path,
          "duplicate " + what + " name '" + name + "'")));
    }
  }
}
