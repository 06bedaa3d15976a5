package io.github.imsdk.testing.internal;

import io.github.imsdk.testing.VmSshAccess;
import java.time.Clock;
import java.time.Duration;
import io.github.imsdk.testing.EmulatedCloud;
import java.util.Map;
import java.util.Set;

/**
 * What an emulator was built with.
 *
 * @param pending how long a new VM stays {@code pending}
 * @param configure how long contextualization keeps a running VM in {@code running}
 * @param adding how long after an asynchronous create a destroy answers 409
 * @param deleting how long after an asynchronous destroy the infrastructure is still {@code deleting}
 * @param clock the time source for every state transition
 * @param remoteImports whether TOSCA imports by URL are accepted (never fetched)
 * @param oidcIssuers issuers whose tokens are accepted; {@code null} accepts any issuer
 * @param imV2 whether to answer like IM 2.0 instead of 1.19.2
 * @param extraNodeTypes TOSCA node types accepted besides the built-in list
 * @param clouds the configured clouds by id; a Dummy line without an entry behaves as {@link EmulatedCloud#dummy()}
 * @param vmSshAccess the SSH server VMs stand for, or {@code null} for made-up addresses and passwords
 */
public record Settings(
    Duration pending,
    Duration configure,
    Duration adding,
    Duration deleting,
    Clock clock,
    boolean remoteImports,
    Set<String> oidcIssuers,
    boolean imV2,
    Set<String> extraNodeTypes,
    Map<String, EmulatedCloud> clouds,
    VmSshAccess vmSshAccess) {

  /** Returns how the cloud {@code id} behaves. */
  public EmulatedCloud cloud(String id) {
    return clouds.getOrDefault(id, DEFAULT_CLOUD);
  }

  private static final EmulatedCloud DEFAULT_CLOUD = EmulatedCloud.dummy();
}
