/**
 * IM credentials: auth lines ({@link io.github.imsdk.auth.AuthLine}, typed builders in
 * {@link io.github.imsdk.auth.AuthLines}), the {@code Authorization} header they make
 * ({@link io.github.imsdk.auth.Credentials}), auth files ({@link io.github.imsdk.auth.AuthFile}) and the
 * {@link io.github.imsdk.auth.TokenProvider} interface for values that must stay fresh.
 *
 * <pre>{@code
 * // From the Python client's auth.dat; command(...) and file(...) values run at request time.
 * Credentials fromFile = AuthFile.read(Path.of("auth.dat"));
 *
 * // Or in code: the IM line and an OpenStack site, both using an OIDC token.
 * CredentialValue token = CredentialValue.command("oidc-token egi", Duration.ofSeconds(30));
 * Credentials credentials = Credentials.of(
 *     AuthLines.infrastructureManager().id("im").token(token).build(),
 *     AuthLines.openStack("gsi")
 *         .host("https://egiosc.gsi.de:5000/v3").username("egi.eu").tenant("openid").password(token)
 *         .authVersion("3.x_oidc_access_token").domain("VO:vo.access.egi.eu")
 *         .build());
 * String header = credentials.toAuthorizationHeader();   // resolved now; never logged
 * System.out.println(credentials);                      // secrets print as ***
 * }</pre>
 */
package io.github.imsdk.auth;
