package io.github.imsdk.tosca;

import io.github.imsdk.tosca.internal.Values;
import java.util.Map;

/**
 * An artifact of a node template, e.g. the Ansible Galaxy role {@code grycap.docker} of type
 * {@code tosca.artifacts.AnsibleGalaxy.role}, which the IM installs before running the node's playbooks.
 *
 * @param file the artifact file, URL or role name; null when given by a function (e.g.
 *     {@code file: { get_input: image }}), which is then kept in {@code extras} under {@code file}
 * @param type the artifact type, or null
 * @param extras other keys (e.g. {@code repository}, {@code deploy_path}), in template order
 */
public record Artifact(String file, String type, Map<String, Object> extras) {

  /** The artifact type of an Ansible Galaxy role. */
  public static final String ANSIBLE_GALAXY_ROLE = "tosca.artifacts.AnsibleGalaxy.role";

  /** The artifact type of an Ansible Galaxy collection. */
  public static final String ANSIBLE_GALAXY_COLLECTION = "tosca.artifacts.AnsibleGalaxy.collection";

  /** Freezes the extras. */
  public Artifact {
    extras = Values.freezeMap(extras);
  }

  /** Returns an Ansible Galaxy role artifact, e.g. {@code galaxyRole("grycap.docker")}. */
  public static Artifact galaxyRole(String role) {
    return new Artifact(role, ANSIBLE_GALAXY_ROLE, Map.of());
  }

  /** Tells whether this artifact can be written as just its file. */
  public boolean isShortForm() {
    return file != null && type == null && extras.isEmpty();
  }

  /** Shows the file, type and key names only: extras such as {@code repository} may carry credentials. */
  @Override
  public String toString() {
    return "Artifact{" + file + ", type=" + type + ", extras=" + extras.keySet() + "}";
  }
}
