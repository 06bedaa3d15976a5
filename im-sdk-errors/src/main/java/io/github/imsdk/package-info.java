/**
 * The root of the im-sdk exception hierarchy, {@link io.github.imsdk.ImException}, shared by every module:
 * IM calls, credentials, waits and TOSCA parsing and validation.
 *
 * <pre>{@code
 * try {
 *   im.infrastructures().create(template);
 * } catch (ImException e) {        // a rejected template, a refused call, an expired token...
 *   log.error("could not deploy: {}", e.getMessage());
 * }
 * }</pre>
 */
package io.github.imsdk;
