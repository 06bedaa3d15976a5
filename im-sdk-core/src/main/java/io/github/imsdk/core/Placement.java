package io.github.imsdk.core;

import io.github.imsdk.tosca.ToscaTemplate;
import java.util.function.Consumer;

/**
 * Deploys a template where it fits, across the clouds of the caller's credentials. Obtained from
 * {@link InfrastructureManager#placement()}; a cheap handle.
 *
 * <pre>{@code
 * PlacementResult r = im.placement().deploy(template,
 *     PlacementOptions.defaults().withImage(ImageWish.like("ubuntu 22.04")),
 *     event -> System.out.println(event));           // "site B: 2 cores free, needs 4"
 * System.out.println("landed on " + r.site() + " as " + r.id());
 * }</pre>
 */
public interface Placement {

  /**
   * Deploys {@code template} on the best fitting site, falling back to the next one when a deployment fails.
   *
   * <p>Steps: estimates what the template needs ({@code POST /infrastructures?dry_run=true}); asks every candidate
   * in parallel, each bounded by {@link PlacementOptions#siteTimeout()}, for its images
   * ({@code GET /clouds/{id}/images}, only when the wish needs a list) and quotas ({@code GET /clouds/{id}/quotas});
   * passes over sites without a matching image or with less free {@code cores}, {@code ram} (GB),
   * {@code instances}, {@code floating_ips} or {@code volumes} than needed; ranks the rest
   * ({@link PlacementOptions#ranking()}); pins the template to the best site and image (a
   * {@code tosca.policies.Placement} policy with {@code cloud_id} on every compute node, and {@code os.image});
   * creates it ({@code POST /infrastructures?async=true}) and waits ({@code GET /infrastructures/{id}/state}). When
   * the create is refused, a VM ends failed or the wait times out, it destroys what was created
   * ({@code DELETE /infrastructures/{id}}) and tries the next site. Every decision goes to {@code progress}.
   *
   * @param progress receives each decision, on the calling thread; may be null
   * @throws PlacementException if no site could host it (listing each site's reason); nothing is left running
   * @throws IllegalArgumentException if there is no candidate cloud (no cloud line in the credentials and no sites
   *     given)
   * @throws io.github.imsdk.tosca.ToscaValidationException if the template has problems; nothing is sent
   */
  PlacementResult deploy(ToscaTemplate template, PlacementOptions options, Consumer<PlacementEvent> progress);
}
