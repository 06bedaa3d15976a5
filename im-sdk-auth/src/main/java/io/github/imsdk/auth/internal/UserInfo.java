package io.github.imsdk.auth.internal;

import java.util.regex.Pattern;

/**
 * Masks the user-info part ({@code user:password@}) of every URL in a text, because a password written into an
 * endpoint or host URL must not reach a log line, a message or a {@code toString()}.
 */
public final class UserInfo {

  /** What replaces the user info. */
  public static final String MASK = "***";

  // scheme://userinfo@ where userinfo holds no '/', '?', '#', '@' or whitespace.
  private static final Pattern USER_INFO = Pattern.compile("(?i)\\b([a-z][a-z0-9+.-]*://)[^/?#@\\s]+@");

  private UserInfo() {}

  /** Returns {@code text} with the user info of every {@code scheme://user:password@} replaced by the mask. */
  public static String mask(String text) {
    return text == null ? null : USER_INFO.matcher(text).replaceAll("$1" + MASK + "@");
  }
}
