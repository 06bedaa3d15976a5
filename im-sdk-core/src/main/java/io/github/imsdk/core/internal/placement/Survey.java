package io.github.imsdk.core.internal.placement;

import io.github.imsdk.core.Cloud;
import io.github.imsdk.core.CloudImage;
import io.github.imsdk.core.Quota;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The images and quotas of one site, asked for on the placement's pool so that every site's calls run at once;
 * {@link #collect(long)} waits for them until a shared deadline, so ten slow sites cost one site's time.
 */
final class Survey {

  /** What a site answered, or why it did not. */
  record Answer(List<CloudImage> images, Map<String, Quota> quotas, String failure) {
    boolean failed() {
      return failure != null;
    }
  }

  private final Future<List<CloudImage>> images;
  private final Future<Map<String, Quota>> quotas;
  private final Duration bound;

  private Survey(Future<List<CloudImage>> images, Future<Map<String, Quota>> quotas, Duration bound) {
    this.images = images;
    this.quotas = quotas;
    this.bound = bound;
  }

  /** Starts the calls; the image list is asked for only when {@code wantImages}. */
  static Survey start(ExecutorService pool, Cloud cloud, boolean wantImages, Duration bound) {
    Future<List<CloudImage>> images = wantImages ? pool.submit(() -> cloud.images()) : null;
    return new Survey(images, pool.submit(() -> cloud.quotas()), bound);
  }

  /** Waits for the answers until {@code deadlineNanos} ({@link System#nanoTime()}), cancelling what is late. */
  Answer collect(long deadlineNanos) throws InterruptedException {
    try {
      List<CloudImage> imgs = images == null ? List.of() : get(images, deadlineNanos);
      return new Answer(imgs, get(quotas, deadlineNanos), null);
    } catch (TimeoutException e) {
      cancel();
      return new Answer(List.of(), Map.of(), "no answer within " + words(bound));
    } catch (ExecutionException e) {
      cancel();
      Throwable c = e.getCause() == null ? e : e.getCause();
      return new Answer(List.of(), Map.of(), "no usable answer: " + c.getMessage());
    } catch (CancellationException e) {
      return new Answer(List.of(), Map.of(), "the query was cancelled");
    }
  }

  private void cancel() {
    if (images != null) {
      images.cancel(true);
    }
    quotas.cancel(true);
  }

  private static <T> T get(Future<T> f, long deadlineNanos) throws InterruptedException, ExecutionException,
      TimeoutException {
    return f.get(Math.max(0, deadlineNanos - System.nanoTime()), TimeUnit.NANOSECONDS);
  }

  static String words(Duration d) {
    return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : d.toMillis() + " ms";
  }
}
