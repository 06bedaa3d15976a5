package io.github.imsdk.ssh.internal;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/** Keeps the first {@code max} bytes written to it and counts the rest, so a chatty command cannot exhaust memory. */
final class BoundedBuffer extends OutputStream {

  private final int max;
  private final ByteArrayOutputStream kept = new ByteArrayOutputStream();
  private long dropped;

  BoundedBuffer(int max) {
    this.max = max;
  }

  @Override
  public synchronized void write(int b) {
    if (kept.size() < max) {
      kept.write(b);
    } else {
      dropped++;
    }
  }

  @Override
  public synchronized void write(byte[] b, int off, int len) {
    int room = Math.max(0, max - kept.size());
    int take = Math.min(room, len);
    kept.write(b, off, take);
    dropped += len - take;
  }

  synchronized boolean truncated() {
    return dropped > 0;
  }

  synchronized String text() {
    return kept.toString(StandardCharsets.UTF_8);
  }
}
