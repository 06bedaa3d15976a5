package io.github.imsdk.core;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Which image a placement should boot, per site: a distribution and version to look for among the site's images
 * ({@code GET /clouds/{id}/images}), a name pattern, an exact URL per site, an EGI image name resolved by IM
 * itself ({@code egi://<site>/<image>?<vo>}), or the template's own image. Immutable.
 */
public final class ImageWish {

  private enum Kind { LIKE, PATTERN, EXACT, EGI, TEMPLATE }

  private final Kind kind;
  private final String text;
  private final Pattern pattern;
  private final Map<String, String> urls;

  private ImageWish(Kind kind, String text, Pattern pattern, Map<String, String> urls) {
    this.kind = kind;
    this.text = text;
    this.pattern = pattern;
    this.urls = urls;
  }

  /**
   * Returns a wish for an image whose name (or URL) contains every word of {@code words}, ignoring case, e.g.
   * {@code like("ubuntu 22.04")} matches {@code "Ubuntu Server 22.04 LTS"}.
   *
   * @throws IllegalArgumentException if {@code words} is blank
   */
  public static ImageWish like(String words) {
    Objects.requireNonNull(words, "words");
    if (words.isBlank()) {
      throw new IllegalArgumentException("the image wish must name at least one word, e.g. 'ubuntu 22.04'");
    }
    return new ImageWish(Kind.LIKE, words.strip(), null, Map.of());
  }

  /** Returns a wish for an image whose name matches the regular expression {@code namePattern} (find, any case). */
  public static ImageWish matching(String namePattern) {
    Objects.requireNonNull(namePattern, "namePattern");
    return new ImageWish(Kind.PATTERN, namePattern, Pattern.compile(namePattern, Pattern.CASE_INSENSITIVE),
        Map.of());
  }

  /**
   * Returns a wish for exact image URLs, by site (cloud id); a site without an entry is passed over. The sites'
   * image lists are not read.
   */
  public static ImageWish exact(Map<String, String> urlBySite) {
    Objects.requireNonNull(urlBySite, "urlBySite");
    urlBySite.forEach((k, v) -> {
      Objects.requireNonNull(k, "site");
      Objects.requireNonNull(v, "image URL of site " + k);
    });
    return new ImageWish(Kind.EXACT, "", null, Map.copyOf(urlBySite));
  }

  /**
   * Returns a wish for the EGI image {@code imageName} on each {@code type = EGI} site: the URL
   * {@code egi://<host>/<imageName>?<vo>} is built from the site's auth line (IM 1.19 and later resolve it).
   *
   * @throws IllegalArgumentException if {@code imageName} is blank or holds {@code /}, {@code ?} or spaces
   */
  public static ImageWish egi(String imageName) {
    Objects.requireNonNull(imageName, "imageName");
    if (imageName.isBlank() || imageName.chars().anyMatch(c -> c == '/' || c == '?' || Character.isWhitespace(c))) {
      throw new IllegalArgumentException("an EGI image name must be non-blank without '/', '?' or spaces, got '"
          + imageName + "'");
    }
    return new ImageWish(Kind.EGI, imageName, null, Map.of());
  }

  /** Returns the wish to keep the image the template names (every site is assumed to offer it). */
  public static ImageWish templateImage() {
    return new ImageWish(Kind.TEMPLATE, "", null, Map.of());
  }

  /** Tells whether the sites' image lists must be read to decide. */
  public boolean needsImageList() {
    return kind == Kind.LIKE || kind == Kind.PATTERN;
  }

  /** Tells whether the wish keeps the template's own image. */
  public boolean keepsTemplateImage() {
    return kind == Kind.TEMPLATE;
  }

  /** Returns the exact URL this wish gives for {@code site} without a list, if it gives one. */
  public Optional<String> urlFor(String site, Optional<String> egiHost, Optional<String> egiVo) {
    return switch (kind) {
      case EXACT -> Optional.ofNullable(urls.get(site));
      case EGI -> egiHost.flatMap(h -> egiVo.map(vo -> "egi://" + h + "/" + text + "?" + vo));
      default -> Optional.empty();
    };
  }

  /** Returns the first of {@code images} this wish accepts. */
  public Optional<CloudImage> pick(List<CloudImage> images) {
    for (CloudImage img : images) {
      if (accepts(img)) {
        return Optional.of(img);
      }
    }
    return Optional.empty();
  }

  private boolean accepts(CloudImage img) {
    if (kind == Kind.PATTERN) {
      return pattern.matcher(img.name()).find();
    }
    String hay = (img.name() + " " + img.uri()).toLowerCase(Locale.ROOT);
    return Arrays.stream(text.toLowerCase(Locale.ROOT).split("\\s+")).allMatch(hay::contains);
  }

  /** Describes the wish for progress messages, e.g. {@code ubuntu 22.04}. */
  @Override
  public String toString() {
    return switch (kind) {
      case LIKE -> text;
      case PATTERN -> "/" + text + "/";
      case EXACT -> "an exact URL";
      case EGI -> "EGI image " + text;
      case TEMPLATE -> "the template's image";
    };
  }
}
