/**
 * The root of the im-sdk exception hierarchy, {@link io.github.imsdk.ImException}, shared by every module that
 * talks to an IM server or obtains credentials for it.
 */
package io.github.imsdk;
