package io.github.imsdk.core.internal.placement;

import io.github.imsdk.tosca.NodeTemplate;
import io.github.imsdk.tosca.ToscaPolicy;
import io.github.imsdk.tosca.ToscaTemplate;
import java.util.ArrayList;
import java.util.List;

/**
 * Pins a TOSCA template to one site and image: every compute node gets {@code os.image} and a
 * {@code tosca.policies.Placement} policy with {@code cloud_id}, which IM reads to choose the auth line; placement
 * policies the template had are replaced, since they would send the nodes elsewhere.
 */
final class Pinning {

  static final String POLICY_NAME = "im_sdk_placement";
  private static final String INDIGO_PLACEMENT = "tosca.policies.indigo.Placement";

  private Pinning() {}

  /**
   * Returns {@code template} pinned to {@code site}; {@code imageUrl} empty keeps the template's images.
   *
   * @throws IllegalArgumentException if the template has no compute node
   */
  static ToscaTemplate pin(ToscaTemplate template, String site, String imageUrl) {
    List<NodeTemplate> computes = template.computeNodes();
    if (computes.isEmpty()) {
      throw new IllegalArgumentException("the template has no compute node: there is nothing to place");
    }
    ToscaTemplate.Builder b = template.toBuilder()
        .removePolicies(ToscaPolicy.PLACEMENT).removePolicies(INDIGO_PLACEMENT);
    List<String> names = new ArrayList<>();
    for (NodeTemplate n : computes) {
      names.add(n.name());
      if (!imageUrl.isEmpty()) {
        b.replaceNodeTemplate(n.toBuilder().capabilityProperty("os", "image", imageUrl).build());
      }
    }
    return b.policy(ToscaPolicy.placement(POLICY_NAME, site, names)).build();
  }
}
