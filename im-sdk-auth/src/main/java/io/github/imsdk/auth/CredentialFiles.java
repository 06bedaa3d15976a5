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
 * following symbolic links. On a file system without POSIX attributes (Windows NTFS, some network mounts) nothing
 * is checked: their ACLs have no owner/group/other split this check could judge, so the policy is skipped there.
 */
public final class CredentialFiles {

  private CredentialFiles() {}

  /**
   * Checks that {@code file}, described by {@code what} (e.g. "auth file") in messages, is safe to trust.
   *
   * @throws ImCredentialsException if the file is group- or world-writable, owned by another user, or its
   *     attributes cannot be read; the message names the file and the command that fixes it
   */
  public static void checkSafe(Path file, String what) {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(what, "what");
    if (!file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
      return; // no owner/group/other model to judge: documented above
    }
    PosixFileAttributes attrs;
    try {
      attrs = Files.readAttributes(file, PosixFileAttributes.class);
    } catch (IOException e) {
      throw new ImCredentialsException("cannot check the permissions of " + what + " " + file + ": " + e, e);
    }
    Set<PosixFilePermission> perms = attrs.permissions();
    if (perms.contains(PosixFilePermission.GROUP_WRITE) || perms.contains(PosixFilePermission.OTHERS_WRITE)) {
      throw new ImCredentialsException("refusing " + what + " " + file + ": it is "
          + (perms.contains(PosixFilePermission.OTHERS_WRITE) ? "world" : "group")
          + "-writable, so someone else may have written it; fix it with: chmod go-w " + file);
    }
    Integer ownerUid = uidOf(file);
    Long me = currentUid();
    if (ownerUid != null && me != null) {
      if (ownerUid != 0 && ownerUid.longValue() != me) {
        throw new ImCredentialsException("refusing " + what + " " + file + ": it is owned by uid " + ownerUid
            + ", not by the current user (uid " + me + "); if you trust it, take it over with: chown "
            + System.getProperty("user.name") + " " + file);
      }
    } else {
      String owner = attrs.owner().getName();
      String user = System.getProperty("user.name");
      if (!owner.equals(user) && !owner.equals("root")) {
        throw new ImCredentialsException("refusing " + what + " " + file + ": it is owned by " + owner
            + ", not by the current user " + user + "; if you trust it, take it over with: chown " + user + " "
            + file);
      }
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
