package io.github.imsdk.core;

import java.util.List;
import java.util.Map;

/**
 * One cloud of the caller's credentials, named by the {@code id} of its auth line. A cheap handle from
 * {@link InfrastructureManager#cloud(String)}.
 */
public interface Cloud {

  /** Returns the cloud id. */
  String id();

  /** Lists the images the cloud offers ({@code GET /clouds/{cloudId}/images}). */
  List<CloudImage> images();

  /**
   * Lists the images matching provider-specific filters, e.g. {@code region=eu-west-1}
   * ({@code GET /clouds/{cloudId}/images?filters=k1=v1,k2=v2}).
   *
   * @throws IllegalArgumentException if a key or value contains {@code ,} or {@code =}, which IM cannot carry
   */
  List<CloudImage> images(Map<String, String> filters);

  /**
   * Returns the quotas of the caller's project, by resource name (keys differ between providers)
   * ({@code GET /clouds/{cloudId}/quotas}). Every shape IM's connectors send is read: flat
   * {@code {"used", "limit"}} entries, per-family groups (Azure) as {@link Quota#parts()}, and Kubernetes
   * quantities sent as text ({@code "500m"}, {@code "4Gi"}) as plain numbers.
   *
   * @throws ImResponseException if an entry has none of these shapes (the message names the entry)
   */
  Map<String, Quota> quotas();
}
