package io.github.imsdk.core;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * How a placement chooses its site: the candidate clouds, the image wish, how long each site may take to answer,
 * how the deployment is waited for and how fitting sites are ranked. Immutable; {@code with*} methods return
 * copies.
 *
 * <pre>{@code
 * PlacementOptions o = PlacementOptions.defaults()
 *     .withSites(List.of("cesga", "ifca", "incd"))
 *     .withImage(ImageWish.like("ubuntu 22.04"))
 *     .withWait(Wait.configured().withTimeout(Duration.ofMinutes(30)));
 * }</pre>
 */
public final class PlacementOptions {

  /** The default bound on each site's answers (images and quotas). */
  public static final Duration DEFAULT_SITE_TIMEOUT = Duration.ofSeconds(20);

  private final List<String> sites;
  private final String egiVo;
  private final ImageWish image;
  private final Wait wait;
  private final Duration siteTimeout;
  private final SiteRanking ranking;

  private PlacementOptions(List<String> sites, String egiVo, ImageWish image, Wait wait, Duration siteTimeout,
      SiteRanking ranking) {
    this.sites = sites;
    this.egiVo = egiVo;
    this.image = image;
    this.wait = wait;
    this.siteTimeout = siteTimeout;
    this.ranking = ranking;
  }

  /**
   * Returns the defaults: every cloud line of the credentials, the template's own image, {@link Wait#configured()},
   * 20 s per site, {@link SiteRanking#mostHeadroom()}.
   */
  public static PlacementOptions defaults() {
    return new PlacementOptions(List.of(), null, ImageWish.templateImage(), Wait.configured(), DEFAULT_SITE_TIMEOUT,
        SiteRanking.mostHeadroom());
  }

  /**
   * Returns a copy whose candidates are these cloud ids, in this order (ties of the ranking keep it).
   *
   * @throws IllegalArgumentException if a site is blank, holds {@code /} or is given twice
   */
  public PlacementOptions withSites(List<String> siteIds) {
    Objects.requireNonNull(siteIds, "siteIds");
    List<String> copy = List.copyOf(siteIds);
    for (String s : copy) {
      if (s.isBlank() || s.contains("/")) {
        throw new IllegalArgumentException("a site must be a cloud id without '/', got '" + s + "'");
      }
    }
    if (copy.stream().distinct().count() != copy.size()) {
      throw new IllegalArgumentException("a site is given twice in " + copy);
    }
    return new PlacementOptions(copy, egiVo, image, wait, siteTimeout, ranking);
  }

  /**
   * Returns a copy whose candidates are the {@code type = EGI} lines of the credentials whose {@code vo} is
   * {@code vo} (unless {@link #withSites(List)} names the sites).
   */
  public PlacementOptions withEgiVo(String vo) {
    Objects.requireNonNull(vo, "vo");
    if (vo.isBlank()) {
      throw new IllegalArgumentException("the VO must not be blank");
    }
    return new PlacementOptions(sites, vo, image, wait, siteTimeout, ranking);
  }

  /** Returns a copy with this image wish. */
  public PlacementOptions withImage(ImageWish wish) {
    return new PlacementOptions(sites, egiVo, Objects.requireNonNull(wish, "wish"), wait, siteTimeout, ranking);
  }

  /** Returns a copy that waits for each deployment with {@code wait}. */
  public PlacementOptions withWait(Wait wait) {
    return new PlacementOptions(sites, egiVo, image, Objects.requireNonNull(wait, "wait"), siteTimeout, ranking);
  }

  /**
   * Returns a copy that gives each site {@code timeout} to answer for its images and quotas; a site that takes
   * longer is passed over.
   *
   * @throws IllegalArgumentException if it is not positive
   */
  public PlacementOptions withSiteTimeout(Duration timeout) {
    Objects.requireNonNull(timeout, "timeout");
    if (timeout.isZero() || timeout.isNegative()) {
      throw new IllegalArgumentException("the site timeout must be positive, got " + timeout);
    }
    return new PlacementOptions(sites, egiVo, image, wait, timeout, ranking);
  }

  /** Returns a copy that orders the fitting sites with {@code ranking}. */
  public PlacementOptions withRanking(SiteRanking ranking) {
    return new PlacementOptions(sites, egiVo, image, wait, siteTimeout, Objects.requireNonNull(ranking, "ranking"));
  }

  /** Returns the candidate cloud ids given; empty means every cloud line of the credentials. */
  public List<String> sites() {
    return sites;
  }

  /** Returns the VO whose EGI sites are the candidates, if set. */
  public Optional<String> egiVo() {
    return Optional.ofNullable(egiVo);
  }

  /** Returns the image wish. */
  public ImageWish image() {
    return image;
  }

  /** Returns how each deployment is waited for. */
  public Wait waitFor() {
    return wait;
  }

  /** Returns how long each site may take to answer. */
  public Duration siteTimeout() {
    return siteTimeout;
  }

  /** Returns the ranking of fitting sites. */
  public SiteRanking ranking() {
    return ranking;
  }

  @Override
  public String toString() {
    return "PlacementOptions[sites=" + (sites.isEmpty() ? "all" : sites) + (egiVo == null ? "" : ", vo=" + egiVo)
        + ", image=" + image + ", siteTimeout=" + siteTimeout + "]";
  }
}
