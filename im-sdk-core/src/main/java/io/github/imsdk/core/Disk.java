package io.github.imsdk.core;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * One disk of a VM ({@code disk.N.*} of its RADL).
 *
 * @param index the disk number N (0 is the root disk)
 * @param sizeBytes the size in bytes, if given
 * @param device the device name (e.g. {@code hdb}), if given
 * @param mountPath where it is mounted, if given
 * @param imageUrl the image it was created from (usually only disk 0), if given
 */
public record Disk(
    int index, OptionalLong sizeBytes, Optional<String> device, Optional<String> mountPath,
    Optional<String> imageUrl) {

  /** Checks the components. */
  public Disk {
    Objects.requireNonNull(sizeBytes, "sizeBytes");
    Objects.requireNonNull(device, "device");
    Objects.requireNonNull(mountPath, "mountPath");
    Objects.requireNonNull(imageUrl, "imageUrl");
  }
}
