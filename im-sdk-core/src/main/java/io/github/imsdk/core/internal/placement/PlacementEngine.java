package io.github.imsdk.core.internal.placement;

import io.github.imsdk.auth.AuthLine;
import io.github.imsdk.core.Cloud;
import io.github.imsdk.core.CloudImage;
import io.github.imsdk.core.CreateOptions;
import io.github.imsdk.core.Estimate;
import io.github.imsdk.core.Infrastructure;
import io.github.imsdk.core.InfrastructureId;
import io.github.imsdk.core.Infrastructures;
import io.github.imsdk.core.Placement;
import io.github.imsdk.core.PlacementEvent;
import io.github.imsdk.core.PlacementEvent.Kind;
import io.github.imsdk.core.PlacementException;
import io.github.imsdk.core.PlacementOptions;
import io.github.imsdk.core.PlacementResult;
import io.github.imsdk.core.SiteFit;
import io.github.imsdk.core.Template;
import io.github.imsdk.tosca.ToscaTemplate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Function;
import io.github.imsdk.ImException;

/** {@link Placement} over the client's own handles: survey in parallel, rank, then create-and-wait with fall-back. */
public final class PlacementEngine implements Placement {

  private static final AtomicInteger THREADS = new AtomicInteger();

  private final Infrastructures infrastructures;
  private final Function<String, Cloud> clouds;
  private final Function<InfrastructureId, Infrastructure> infrastructure;
  private final BiConsumer<InfrastructureId, RuntimeException> discard;
  private final List<AuthLine> lines;

  /**
   * Creates the engine.
   *
   * @param infrastructures estimates and creates
   * @param clouds a handle per cloud id
   * @param infrastructure a handle per infrastructure, to wait for it
   * @param discard destroys what a failed attempt created; the one way this class destroys anything, so that the
   *     client's destroy policy (retries through 409) applies. A failure to destroy is added to the reason as a
   *     suppressed exception
   * @param lines the credentials' auth lines (empty when unknown)
   */
  public PlacementEngine(Infrastructures infrastructures, Function<String, Cloud> clouds,
      Function<InfrastructureId, Infrastructure> infrastructure, BiConsumer<InfrastructureId, RuntimeException> discard,
      List<AuthLine> lines) {
    this.infrastructures = Objects.requireNonNull(infrastructures, "infrastructures");
    this.clouds = Objects.requireNonNull(clouds, "clouds");
    this.infrastructure = Objects.requireNonNull(infrastructure, "infrastructure");
    this.discard = Objects.requireNonNull(discard, "discard");
    this.lines = List.copyOf(lines);
  }

  @Override
  public PlacementResult deploy(ToscaTemplate template, PlacementOptions options, Consumer<PlacementEvent> progress) {
    Objects.requireNonNull(template, "template");
    Objects.requireNonNull(options, "options");
    Consumer<PlacementEvent> events = progress == null ? e -> { } : progress;
    ToscaTemplate valid = template.validated();
    List<Candidates.Site> sites = Candidates.of(options, lines);
    long start = System.nanoTime();
    Map<String, String> passed = new LinkedHashMap<>();
    List<SiteFit> fitting = new ArrayList<>();
    ExecutorService pool = Executors.newCachedThreadPool(r -> {
      Thread t = new Thread(r, "im-sdk-placement-" + THREADS.incrementAndGet());
      t.setDaemon(true);
      return t;
    });
    try {
      Future<Estimate> estimate = pool.submit(() -> infrastructures.estimate(Template.of(valid)));
      Map<String, Survey> surveys = new LinkedHashMap<>();
      for (Candidates.Site s : sites) {
        surveys.put(s.id(), Survey.start(pool, clouds.apply(s.id()), options.image().needsImageList(),
            options.siteTimeout()));
      }
      long deadline = start + options.siteTimeout().toNanos();
      Needs needs = Needs.of(awaitEstimate(estimate, deadline, options.siteTimeout()));
      for (int i = 0; i < sites.size(); i++) {
        Candidates.Site s = sites.get(i);
        decide(s, i, surveys.get(s.id()).collect(deadline), options, needs, events, passed)
            .ifPresent(fitting::add);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ImException("the placement was interrupted while asking the sites", e);
    } finally {
      pool.shutdownNow();
    }
    Duration surveyTime = Duration.ofNanos(System.nanoTime() - start);
    Map<String, String> endpoints = new LinkedHashMap<>();
    sites.forEach(s -> s.value("host").ifPresent(h -> endpoints.put(s.id(), h)));
    for (SiteFit fit : options.ranking().rank(fitting)) {
      Optional<PlacementResult> landed = attempt(valid, fit, options, events, passed, surveyTime, endpoints);
      if (landed.isPresent()) {
        return landed.get();
      }
    }
    throw new PlacementException(ordered(sites, passed));
  }

  private static Estimate awaitEstimate(Future<Estimate> f, long deadline, Duration bound)
      throws InterruptedException {
    try {
      return f.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
    } catch (TimeoutException e) {
      f.cancel(true);
      throw new ImException("the estimate of the template (dry_run) did not answer within " + Survey.words(bound));
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r; // the caller acts on IM's own error (a bad template, rejected credentials) as for estimate()
      }
      throw new ImException("the estimate of the template failed: " + e.getCause(), e.getCause());
    }
  }

  private static Optional<SiteFit> decide(Candidates.Site s, int order, Survey.Answer a, PlacementOptions options,
      Needs needs, Consumer<PlacementEvent> events, Map<String, String> passed) {
    String site = s.id();
    if (a.failed()) {
      return pass(site, Kind.UNREACHABLE, a.failure(), events, passed);
    }
    String imageUrl;
    if (options.image().needsImageList()) {
      Optional<CloudImage> img = options.image().pick(a.images());
      if (img.isEmpty()) {
        return pass(site, Kind.NO_IMAGE, "no image matching " + options.image(), events, passed);
      }
      imageUrl = img.get().uri();
    } else {
      Optional<String> url = options.image().urlFor(site, s.value("host"), s.value("vo"));
      if (url.isEmpty() && !options.image().keepsTemplateImage()) {
        return pass(site, Kind.NO_IMAGE, "no image URL for this site (" + options.image() + ")", events, passed);
      }
      imageUrl = url.orElse("");
    }
    Optional<String> shortfall = needs.shortfall(a.quotas());
    if (shortfall.isPresent()) {
      return pass(site, Kind.NO_QUOTA, shortfall.get(), events, passed);
    }
    events.accept(new PlacementEvent(site, Kind.FITS, "fits: " + needs.headroom(a.quotas())
        + (imageUrl.isEmpty() ? "" : "; image " + imageUrl)));
    return Optional.of(new SiteFit(site, imageUrl, needs.free(a.quotas()), needs.amounts(), order));
  }

  private static Optional<SiteFit> pass(String site, Kind kind, String why, Consumer<PlacementEvent> events,
      Map<String, String> passed) {
    passed.put(site, why);
    events.accept(new PlacementEvent(site, kind, why));
    return Optional.empty();
  }

  private Optional<PlacementResult> attempt(ToscaTemplate valid, SiteFit fit, PlacementOptions options,
      Consumer<PlacementEvent> events, Map<String, String> passed, Duration surveyTime,
      Map<String, String> endpoints) {
    String site = fit.site();
    events.accept(new PlacementEvent(site, Kind.CHOSEN, "chosen"));
    Template pinned = Template.of(Pinning.pin(valid, site, fit.imageUrl()));
    InfrastructureId id;
    try {
      id = infrastructures.create(pinned, CreateOptions.defaults().withAsync(true));
    } catch (RuntimeException e) {
      passed.put(site, "create refused: " + e.getMessage());
      events.accept(new PlacementEvent(site, Kind.FAILED, "create refused: " + e.getMessage()));
      return Optional.empty();
    }
    events.accept(new PlacementEvent(site, Kind.CREATED, "created infrastructure " + id + ", waiting"));
    try {
      infrastructure.apply(id).waitUntil(options.waitFor(), null);
    } catch (RuntimeException e) {
      events.accept(new PlacementEvent(site, Kind.FAILED, "deployment failed: " + e.getMessage()
          + "; destroying infrastructure " + id));
      discard.accept(id, e);
      String destroyed = e.getSuppressed().length == 0 ? "destroyed infrastructure " + id
          : "infrastructure " + id + " could not be destroyed: " + e.getSuppressed()[0].getMessage();
      events.accept(new PlacementEvent(site, Kind.DESTROYED, destroyed));
      passed.put(site, "deployment failed (" + e.getMessage() + "); " + destroyed);
      if (Thread.currentThread().isInterrupted()) {
        throw e; // the caller gave up: no further site
      }
      return Optional.empty();
    }
    events.accept(new PlacementEvent(site, Kind.LANDED, "deployed as " + id
        + (fit.imageUrl().isEmpty() ? "" : " with image " + fit.imageUrl())));
    Map<String, String> others = new LinkedHashMap<>(passed);
    return Optional.of(new PlacementResult(site, endpoints.getOrDefault(site, ""), fit.imageUrl(), id, others,
        surveyTime));
  }

  private static Map<String, String> ordered(List<Candidates.Site> sites, Map<String, String> passed) {
    Map<String, String> out = new LinkedHashMap<>();
    for (Candidates.Site s : sites) {
      out.put(s.id(), passed.getOrDefault(s.id(), "not tried"));
    }
    return out;
  }
}
