package io.github.imsdk.auth.internal;

import io.github.imsdk.auth.CredentialValue;

/** A fixed string. Its {@code toString()} is masked because the key it belongs to may be a secret. */
public record LiteralValue(String value) implements CredentialValue {

  @Override
  public String resolve() {
    return value;
  }

  @Override
  public String authFileForm() {
    return value;
  }

  @Override
  public String toString() {
    return "***";
  }
}
