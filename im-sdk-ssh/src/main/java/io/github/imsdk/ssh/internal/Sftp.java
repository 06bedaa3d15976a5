package io.github.imsdk.ssh.internal;

import io.github.imsdk.ssh.SshException;
import io.github.imsdk.ssh.SshTarget;
import io.github.imsdk.ssh.SshTimeoutException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.sftp.client.SftpClient;
import org.apache.sshd.sftp.client.SftpClientFactory;

/**
 * SFTP uploads and downloads, each on its own SFTP channel and each bounded: a watchdog thread closes the channel
 * when the transfer outlives its timeout, which makes the blocked read or write fail.
 */
final class Sftp {

  private Sftp() {}

  static void upload(ClientSession session, SshTarget target, Path local, String remote, Duration timeout) {
    Objects.requireNonNull(local, "local");
    Objects.requireNonNull(remote, "remotePath");
    if (!Files.isRegularFile(local)) {
      throw new SshException("cannot upload " + local + ": not a readable regular file");
    }
    String what = "upload of " + local + " to " + target.host() + ":" + remote;
    transfer(session, what, timeout, sftp -> {
      try (InputStream in = Files.newInputStream(local); OutputStream out = sftp.write(remote)) {
        in.transferTo(out);
      }
    });
  }

  static void download(ClientSession session, SshTarget target, String remote, Path local, Duration timeout) {
    Objects.requireNonNull(local, "local");
    Objects.requireNonNull(remote, "remotePath");
    String what = "download of " + target.host() + ":" + remote + " to " + local;
    Path dir = local.toAbsolutePath().getParent();
    transfer(session, what, timeout, sftp -> {
      // Into a temporary file beside the target, then moved: a failed transfer leaves the local file as it was.
      Path tmp = Files.createTempFile(dir, ".imsdk-download-", ".part");
      try {
        try (InputStream in = sftp.read(remote); OutputStream out = Files.newOutputStream(tmp)) {
          in.transferTo(out);
        }
        Files.move(tmp, local, StandardCopyOption.REPLACE_EXISTING);
      } finally {
        Files.deleteIfExists(tmp);
      }
    });
  }

  private interface Transfer {
    void run(SftpClient sftp) throws IOException;
  }

  private static void transfer(ClientSession session, String what, Duration timeout, Transfer transfer) {
    AtomicBoolean timedOut = new AtomicBoolean();
    SftpClient sftp;
    try {
      sftp = SftpClientFactory.instance().createSftpClient(session);
    } catch (IOException e) {
      throw new SshException(what + " failed: no SFTP channel (" + e.getMessage() + ")", e);
    }
    Thread watchdog = new Thread(() -> {
      try {
        Thread.sleep(timeout.toMillis());
        timedOut.set(true);
        sftp.close();
      } catch (InterruptedException e) {
        // the transfer finished first
      } catch (IOException e) {
        // closing is all the watchdog can do
      }
    }, "imsdk-sftp-watchdog");
    watchdog.setDaemon(true);
    watchdog.start();
    try (sftp) {
      transfer.run(sftp);
    } catch (IOException e) {
      if (timedOut.get()) {
        throw new SshTimeoutException(what + " did not finish within " + timeout + "; it was abandoned", e);
      }
      throw new SshException(what + " failed: " + e.getMessage(), e);
    } finally {
      watchdog.interrupt();
    }
  }
}
