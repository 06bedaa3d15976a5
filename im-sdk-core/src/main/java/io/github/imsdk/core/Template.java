package io.github.imsdk.core;

import io.github.imsdk.tosca.ToscaTemplate;

import java.util.Objects;

/**
 * An infrastructure description sent to IM: TOSCA YAML, RADL text or RADL-JSON. The kind decides the
 * {@code Content-Type} of the request ({@code text/yaml}, {@code text/plain}, {@code application/json}).
 *
 * @param kind the description language
 * @param content the document text
 */
public record Template(Kind kind, String content) {

  /** The description languages IM accepts. */
  public enum Kind {
    /** TOSCA YAML, sent as {@code text/yaml}. */
    TOSCA("text/yaml"),
    /** RADL text, sent as {@code text/plain}. */
    RADL("text/plain"),
    /** RADL-JSON (a list of aspect objects), sent as {@code application/json}. */
    RADL_JSON("application/json");

    private final String mediaType;

    Kind(String mediaType) {
      this.mediaType = mediaType;
    }

    /** Returns the {@code Content-Type} this kind is sent with. */
    public String mediaType() {
      return mediaType;
    }
  }

  /** Checks that neither component is null. */
  public Template {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(content, "content");
  }

  /** Returns a TOSCA YAML template. */
  public static Template tosca(String yaml) {
    return new Template(Kind.TOSCA, yaml);
  }

  /**
   * Returns the TOSCA template {@code template} as YAML ({@link ToscaTemplate#toYaml()}), without validating it:
   * partial templates (added resources, an altered VM, a reconfiguration) need not stand on their own. Whole
   * templates go through {@link #validated(ToscaTemplate)}.
   */
  public static Template of(ToscaTemplate template) {
    Objects.requireNonNull(template, "template");
    return tosca(template.toYaml());
  }

  /**
   * Validates {@code template} as a whole deployment and returns it as YAML, so that a typo is reported before a
   * VM is paid for.
   *
   * @throws io.github.imsdk.tosca.ToscaValidationException listing every problem with its path in the template
   */
  public static Template validated(ToscaTemplate template) {
    Objects.requireNonNull(template, "template");
    return tosca(template.validated().toYaml());
  }

  /** Returns a RADL text description. */
  public static Template radl(String radl) {
    return new Template(Kind.RADL, radl);
  }

  /** Returns a RADL-JSON description. */
  public static Template radlJson(String json) {
    return new Template(Kind.RADL_JSON, json);
  }

  /** Shows the kind and size only: templates may embed passwords. */
  @Override
  public String toString() {
    return "Template[" + kind + ", " + content.length() + " chars]";
  }
}
