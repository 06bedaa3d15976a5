package io.github.imsdk.tosca;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** No toString() of the model shows a value: passwords, tokens and keys sit in properties, inputs and extras. */
class SecretsInToStringTest {

  private static final String SECRET = "s3cr3t-Pa55";

  /** A template with the secret in every place a value can sit. */
  private static final String YAML = """
      tosca_definitions_version: tosca_simple_yaml_1_0
      topology_template:
        inputs:
          db_password:
            type: string
            default: s3cr3t-Pa55
        node_templates:
          db:
            type: tosca.nodes.indigo.Compute
            properties:
              password: s3cr3t-Pa55
            capabilities:
              os:
                properties:
                  credential: { user: root, token: s3cr3t-Pa55 }
            requirements:
              - link:
                  node: net
                  relationship:
                    type: tosca.relationships.ConnectsTo
                    properties:
                      credential: { token_type: password, token: s3cr3t-Pa55 }
                  node_filter: { properties: [ { password: s3cr3t-Pa55 } ] }
            artifacts:
              role:
                file: grycap.docker
                type: tosca.artifacts.AnsibleGalaxy.role
                repository: https://user:s3cr3t-Pa55@git.example.org/roles
            interfaces:
              Standard:
                inputs:
                  admin_password: s3cr3t-Pa55
                configure:
                  implementation: https://example.org/db.yml
                  inputs:
                    db_password: s3cr3t-Pa55
          net:
            type: tosca.nodes.network.Network
        policies:
          - pin:
              type: tosca.policies.Placement
              targets: [ db ]
              properties: { cloud_id: s3cr3t-Pa55 }
        outputs:
          password:
            value: s3cr3t-Pa55
            extra: s3cr3t-Pa55
      """;

  @Test
  void noPartOfATemplateShowsAValueInItsToString() {
    // Given a template whose every kind of part holds the secret
    ToscaTemplate t = ToscaTemplate.parse(YAML);

    // When every part is turned into text
    List<Object> parts = new ArrayList<>();
    parts.add(t);
    parts.addAll(t.inputs().values());
    parts.addAll(t.outputs().values());
    parts.addAll(t.policies());
    for (NodeTemplate n : t.nodeTemplates().values()) {
      parts.add(n);
      parts.addAll(n.capabilities().values());
      parts.addAll(n.artifacts().values());
      parts.addAll(n.interfaces().values());
      n.interfaces().values().forEach(i -> parts.addAll(i.operations().values()));
      for (Requirement r : n.requirements()) {
        parts.add(r);
        r.relationshipIfAny().ifPresent(parts::add);
      }
    }

    // Then none shows the secret, though each part is there to show
    assertThat(parts).hasSize(12);
    assertThat(parts).allSatisfy(p -> assertThat(p.toString()).doesNotContain(SECRET));
  }

  @Test
  void aRelationshipShowsItsTypeAndPropertyNames() {
    // Given a ConnectsTo relationship carrying a credential, in a requirement
    Relationship rel = Relationship.of("tosca.relationships.ConnectsTo",
        java.util.Map.of("credential", java.util.Map.of("token", SECRET)));
    Requirement req = new Requirement("link", "net", null, rel, java.util.Map.of());

    // Then both show the type and key names, never the value
    assertThat(rel.toString()).contains("tosca.relationships.ConnectsTo", "credential").doesNotContain(SECRET);
    assertThat(req.toString()).contains("link", "net", "credential").doesNotContain(SECRET);
  }
}
