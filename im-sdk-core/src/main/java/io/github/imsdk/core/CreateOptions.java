package io.github.imsdk.core;

/**
 * Options of {@code POST /infrastructures}.
 *
 * @param async IM's {@code async} flag: when true IM answers as soon as the infrastructure exists and launches
 *     the VMs in the background (failures then show in its state and contmsg); when false (the default) it
 *     answers once the VMs are launched. Either way contextualization continues after the answer.
 */
public record CreateOptions(boolean async) {

  /** Returns the defaults: synchronous launch. */
  public static CreateOptions defaults() {
    return new CreateOptions(false);
  }

  /** Returns options with IM's {@code async=true}. */
  public static CreateOptions asyncLaunch() {
    return new CreateOptions(true);
  }
}
