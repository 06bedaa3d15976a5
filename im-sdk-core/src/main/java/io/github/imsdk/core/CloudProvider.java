package io.github.imsdk.core;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The cloud that hosts a VM ({@code provider.*} of its RADL).
 *
 * @param type the cloud type, e.g. {@code OpenStack} or {@code Dummy}
 * @param host the cloud's host, if given
 * @param port the cloud's port, if given
 */
public record CloudProvider(String type, Optional<String> host, OptionalInt port) {

  /** Checks the components. */
  public CloudProvider {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(host, "host");
    Objects.requireNonNull(port, "port");
  }
}
