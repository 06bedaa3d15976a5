package io.github.imsdk.core;

import java.util.List;
import java.util.Objects;

/**
 * The resources one cloud would provide for a template (part of an {@link Estimate}).
 *
 * @param cloudType the cloud type, e.g. {@code OpenStack}
 * @param cloudEndpoint the cloud's endpoint as IM knows it
 * @param compute one entry per VM
 * @param storage one entry per extra volume
 */
public record CloudEstimate(
    String cloudType, String cloudEndpoint, List<CloudEstimate.ComputeEstimate> compute,
    List<CloudEstimate.StorageEstimate> storage) {

  /** Checks and copies the components. */
  public CloudEstimate {
    Objects.requireNonNull(cloudType, "cloudType");
    Objects.requireNonNull(cloudEndpoint, "cloudEndpoint");
    compute = List.copyOf(compute);
    storage = List.copyOf(storage);
  }

  /**
   * The estimate of one VM.
   *
   * @param cpuCores the number of cores, 0 if IM did not give it
   * @param memoryInMegabytes the memory in MB, 0 if IM did not give it
   * @param diskSizeInGigabytes the root disk size in GB, 0 if not given
   * @param publicIps the number of public IPs, 0 if not given (IM sends it only when there are some)
   * @param gpus the number of GPUs, 0 if not given
   */
  public record ComputeEstimate(
      int cpuCores, long memoryInMegabytes, long diskSizeInGigabytes, int publicIps, int gpus) {}

  /**
   * The estimate of one extra volume.
   *
   * @param sizeInGigabytes the size in GB, 0 if IM did not give it
   * @param type the volume type, empty if not given
   */
  public record StorageEstimate(long sizeInGigabytes, String type) {}
}
