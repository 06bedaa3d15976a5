package io.github.imsdk.core.internal.http;

import io.github.imsdk.core.internal.http.JdkHttpConnector.Reason;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The calls one connector has in flight, and the bounds it keeps on them: each call's deadline, its wait for the
 * response headers, and {@link #abortAll()}.
 *
 * <p>One timer thread sweeps the calls every {@link #TICK_MILLIS} ms while any is in flight, and sleeps when none
 * is, so a call costs no timer registration of its own (a per-call timer or {@code HttpRequest.timeout} wakes a
 * thread per call, which showed in the benchmarks on 2 cores). A bound is therefore kept to within one tick.
 */
final class InFlightCalls {

  /** How often the calls in flight are checked against their bounds. */
  static final long TICK_MILLIS = 50;

  private final Set<Call> calls = ConcurrentHashMap.newKeySet();
  private final ScheduledThreadPoolExecutor timer;
  private final AtomicBoolean sweeping = new AtomicBoolean();
  private volatile boolean closed;

  InFlightCalls() {
    timer = new ScheduledThreadPoolExecutor(1, r -> {
      Thread t = new Thread(r, "im-sdk-call-bounds");
      t.setDaemon(true);
      return t;
    });
    timer.setRemoveOnCancelPolicy(true);
  }

  /**
   * Registers a call of the current thread that must have its headers by {@code headersBy} and end by
   * {@code deadline} ({@link System#nanoTime()} values). If {@link #abortAll()} already ran, the call is born
   * aborted: its {@link Call#reason()} is {@link Reason#CLOSED}.
   */
  Call start(long headersBy, long deadline) {
    Call call = new Call(Thread.currentThread(), headersBy, deadline);
    calls.add(call);
    if (closed) {
      call.abort(Reason.CLOSED);
    }
    ensureSweeping();
    return call;
  }

  /** Unregisters {@code call}; its thread calls this when the call is over, whatever its outcome. */
  void end(Call call) {
    calls.remove(call);
    call.finish();
  }

  /** Ends every call in flight now, and every later one at once, with {@link Reason#CLOSED}. */
  void abortAll() {
    closed = true;
    for (Call call : calls) {
      call.abort(Reason.CLOSED);
    }
  }

  /** Aborts every call and stops the timer thread. */
  void close() {
    abortAll();
    timer.shutdownNow();
  }

  private void ensureSweeping() {
    if (sweeping.compareAndSet(false, true)) {
      try {
        timer.schedule(this::sweep, TICK_MILLIS, TimeUnit.MILLISECONDS);
      } catch (RejectedExecutionException e) {
        sweeping.set(false); // closed: every call is aborted already
      }
    }
  }

  private void sweep() {
    long now = System.nanoTime();
    for (Call call : calls) {
      call.expire(now);
    }
    if (!calls.isEmpty()) {
      try {
        timer.schedule(this::sweep, TICK_MILLIS, TimeUnit.MILLISECONDS);
      } catch (RejectedExecutionException e) {
        sweeping.set(false);
      }
      return;
    }
    sweeping.set(false);
    if (!calls.isEmpty()) { // a call started between the check and the reset: it found the sweep still on
      ensureSweeping();
    }
  }

  /**
   * One call in flight: its thread, blocked in {@code HttpClient.send}, and its body once the headers arrived.
   * Aborting it records why, cuts the body and, while the thread is still in {@code send}, interrupts it; an
   * interrupt delivered this way is taken back before the thread returns to its caller.
   */
  static final class Call {
    private final Thread thread;
    private final long headersBy;
    private final long deadline;
    private BoundedBody body;
    private Reason reason;
    private boolean sending = true;
    private boolean interruptedByUs;

    private Call(Thread thread, long headersBy, long deadline) {
      this.thread = thread;
      this.headersBy = headersBy;
      this.deadline = deadline;
    }

    /** Records the body subscriber once the headers arrived; cuts it at once if the call was already aborted. */
    synchronized void body(BoundedBody b) {
      body = b;
      if (reason != null) {
        b.abort();
      }
    }

    /** Why the call was aborted, or null. */
    synchronized Reason reason() {
      return reason;
    }

    /** Aborts the call for {@code why}; the first reason stays. */
    synchronized void abort(Reason why) {
      if (reason == null) {
        reason = why;
      }
      if (body != null) {
        body.abort();
      }
      if (sending && why != Reason.INTERRUPTED && thread != Thread.currentThread()) {
        interruptedByUs = true;
        thread.interrupt();
      }
    }

    private synchronized void expire(long now) {
      if (now - deadline >= 0) {
        abort(Reason.DEADLINE);
      } else if (body == null && now - headersBy >= 0) {
        abort(Reason.READ_TIMEOUT);
      }
    }

    private synchronized void finish() {
      sending = false;
      if (interruptedByUs) {
        Thread.interrupted();
      }
    }
  }
}
