package io.github.imsdk.testing;

/** Which IM release the emulator imitates where their REST layers differ (status codes, error bodies). */
public enum ImVersion {
  /** IM 1.19.2 (Flask): 400 for bad parameters, IM-formatted 405 for unknown routes; the default. */
  V1_19_2,
  /** IM 2.0.0 (FastAPI): 422 with {@code {"detail": [...]}} for bad parameters, {@code {"detail": "Not Found"}}. */
  V2_0_0
}
