package io.github.imsdk.auth;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Checks that a credential-bearing file (an auth file, an {@code im_client.cfg}) can only have been written by the
 * current user, in the spirit of OpenSSH's {@code StrictModes}.
 *
 * <p>A file is refused when it is group- or world-writable, or when it is owned by a user other than the current
 * one or root (root can rewrite any file anyway, as OpenSSH also accepts). The file itself is checked after
 * following symbolic links. So is the directory that holds it, since whoever can write a directory can replace
 * the files in it: it is refused when owned by another user (than the current one or root), or when group- or
 * world-writable without the sticky bit ({@code /tmp} keeps others from replacing your files; a plain shared
 * directory does not). On a file system without POSIX attributes (Windows NTFS, some network mounts) nothing
 * is checked: their ACLs have no owner/group/other split this check could judge, so the policy is skipped there.
 */
public final class CredentialFiles {

  private CredentialFiles() {}

  /**
   * Checks that {@code file}, described by {@code what} (e.g. "auth file") in messages, is safe to trust.
   *
   * @throws ImCredentialsException if the file or its directory is group- or world-writable (the directory
   *     without the sticky bit), owned by another user, or their attributes cannot be read; the message names the
   *     file or directory and the command that fixes it
   */
  public static void checkSafe(Path file, String what) {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(what, "what");
    if (!file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
      return; // no owner/group/other model to judge: documented above
    }
    check(file, what, what + " " + file, false);
    Path dir;
    try {
      dir = file.toRealPath().getParent();
    } catch (IOException e) {
      throw new ImCredentialsException("cannot check the permissions of " + what + " " + file + ": " + e, e);
    }
    if (dir != null) {
      check(dir, what, "the directory " + dir + " holding " + what + " " + file, true);
    }
  }

  private static void check(Path file, String what, String subject, boolean directory) {
    PosixFileAttributes attrs;
    try {
      attrs = Files.readAttributes(file, PosixFileAttributes.class);
    } catch (IOException e) {
      throw new ImCredentialsException("cannot check the permissions of " + what + " " + file + ": " + e, e);
    }
    Set<PosixFilePermission> perms = attrs.permissions();
    if ((perms.contains(PosixFilePermission.GROUP_WRITE) || perms.contains(PosixFilePermission.OTHERS_WRITE))
        && !(directory && sticky(file))) {
      throw new ImCredentialsException("refusing " + subject + ": " + (directory ? "the directory" : "it")
          + " is " + (perms.contains(PosixFilePermission.OTHERS_WRITE) ? "world" : "group")
          + "-writable, so someone else may have " + (directory ? "replaced" : "written") + " it; fix it with:"
          + " chmod go-w " + file);
    }
    Integer ownerUid = uidOf(file);
    Long me = currentUid();
    if (ownerUid != null && me != null) {
      if (ownerUid != 0 && ownerUid.longValue() != me) {
        throw new ImCredentialsException("refusing " + subject + ": " + (directory ? "the directory" : "it")
            + " is owned by uid " + ownerUid
            + ", not by the current user (uid " + me + "); if you trust it, take it over with: chown "
            + System.getProperty("user.name") + " " + file);
      }
    } else {
      String owner = attrs.owner().getName();
      String user = System.getProperty("user.name");
      if (!owner.equals(user) && !owner.equals("root")) {
        throw new ImCredentialsException("refusing " + subject + ": " + (directory ? "the directory" : "it")
            + " is owned by " + owner
            + ", not by the current user " + user + "; if you trust it, take it over with: chown " + user + " "
            + file);
      }
    }
  }

  /** Tells whether {@code dir} has the sticky bit; false where the JDK cannot say (no "unix" view). */
  private static boolean sticky(Path dir) {
    try {
      Object mode = Files.getAttribute(dir, "unix:mode");
      return mode instanceof Integer m && (m & 01000) != 0;
    } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
      return false;
    }
  }

  private static Integer uidOf(Path file) {
    try {
      Map<String, Object> m = Files.readAttributes(file, "unix:uid", new LinkOption[0]);
      Object uid = m.get("uid");
      return uid instanceof Integer i ? i : null;
    } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
      return null; // no "unix" view: the owner's name is compared instead
    }
  }

  /** The process's uid, or null where the JDK's Unix module is not available (names are compared then). */
  private static Long currentUid() {
    try {
      return new com.sun.security.auth.module.UnixSystem().getUid();
    } catch (LinkageError | RuntimeException e) {
      return null;
    }
  }
}
