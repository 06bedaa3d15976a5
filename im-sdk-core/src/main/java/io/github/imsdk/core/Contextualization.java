package io.github.imsdk.core;

/**
 * Whether IM re-runs contextualization after VMs are added or removed (its {@code context} query flag).
 */
public enum Contextualization {
  /** Re-run contextualization on the infrastructure (IM's default, {@code context=true}). */
  RUN,
  /** Skip it ({@code context=false}); added VMs stay {@code running}. */
  SKIP
}
