package io.github.imsdk.core;

import java.util.Locale;

/**
 * The state of an infrastructure or of one of its VMs, as IM reports it.
 *
 * <p>{@code running} means the VM runs but contextualization has not finished; {@code configured} is the success
 * state; {@code unconfigured} means contextualization failed. See {@link #fromWire(String)} for unknown values.
 */
public enum State {
  /** Launched; the provider is still initialising it. */
  PENDING,
  /** Running; contextualization not finished. */
  RUNNING,
  /** Running and contextualized successfully. */
  CONFIGURED,
  /** Running, but contextualization failed. */
  UNCONFIGURED,
  /** Stopped or suspended. */
  STOPPED,
  /** Shut down or removed. */
  OFF,
  /** The launch failed. */
  FAILED,
  /** IM could not obtain the state (often transient); also any state this SDK does not know. */
  UNKNOWN,
  /** Deletion in progress. */
  DELETING;

  /**
   * Returns the state for IM's wire value (case-insensitive); a value this SDK does not know gives
   * {@link #UNKNOWN}, never an exception.
   */
  public static State fromWire(String value) {
    if (value == null) {
      return UNKNOWN;
    }
    try {
      return valueOf(value.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      return UNKNOWN;
    }
  }

  /** Returns IM's wire value, e.g. {@code "configured"}. */
  public String wire() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Tells whether IM leaves this state by itself ({@code pending}, {@code running}, {@code unknown}). */
  public boolean isTransient() {
    return this == PENDING || this == RUNNING || this == UNKNOWN;
  }
}
