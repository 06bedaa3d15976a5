package io.github.imsdk.benchmarks;

import io.github.imsdk.auth.AuthLine;
import io.github.imsdk.auth.Credentials;
import io.github.imsdk.core.InfrastructureManager;
import java.net.URI;

/**
 * Builds the im-sdk clients under test, with the credentials of the recorded exchanges.

 */
public final class SdkClients {

  private SdkClients() {}

  /** Returns the credentials of the recorded exchanges: an IM user/password line and a Dummy line. */
  public static Credentials credentials() {
    return Credentials.of(
        AuthLine.builder("InfrastructureManager").id("im").set("username", "user").set("password", "pass").build(),
        AuthLine.builder("Dummy").id("dummy").build());
  }

  /** Returns an SDK client of {@code endpoint} as users build it (its pinned connector). */
  public static InfrastructureManager standard(URI endpoint) {
    return InfrastructureManager.builder().endpoint(endpoint).credentials(credentials()).build();
  }
}
