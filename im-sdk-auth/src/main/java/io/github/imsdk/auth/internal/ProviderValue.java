package io.github.imsdk.auth.internal;

import io.github.imsdk.auth.CredentialValue;
import io.github.imsdk.auth.ImCredentialsException;
import io.github.imsdk.auth.TokenProvider;

/** A value taken from a {@link TokenProvider} every time the header is built. */
public record ProviderValue(TokenProvider provider) implements CredentialValue {

  @Override
  public String resolve() {
    return provider.token().value();
  }

  @Override
  public void invalidate() {
    provider.invalidate();
  }

  @Override
  public String authFileForm() {
    throw new ImCredentialsException(
        "a value taken from " + provider.getClass().getSimpleName() + " cannot be written to an auth file");
  }

  @Override
  public String toString() {
    return "provider(" + provider.getClass().getSimpleName() + ")";
  }
}
