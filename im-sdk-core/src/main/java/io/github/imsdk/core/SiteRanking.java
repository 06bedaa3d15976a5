package io.github.imsdk.core;

import java.util.Comparator;
import java.util.List;

/**
 * Orders the sites that fit a placement, best first; the placement tries them in that order. Replaceable through
 * {@link PlacementOptions#withRanking(SiteRanking)}.
 */
@FunctionalInterface
public interface SiteRanking {

  /** Returns {@code fitting} in the order to try, best first; may drop sites it never wants tried. */
  List<SiteFit> rank(List<SiteFit> fitting);

  /**
   * Returns the default ranking: the most headroom first ({@link SiteFit#headroom()}, the smallest free-to-needed
   * ratio over the resources the template needs, so a site that would be left with more spare capacity wins);
   * ties keep the candidates' order.
   */
  static SiteRanking mostHeadroom() {
    return fitting -> fitting.stream()
        .sorted(Comparator.comparingDouble(SiteFit::headroom).reversed().thenComparingInt(SiteFit::order))
        .toList();
  }

  /** Returns the ranking that keeps the candidates' order (the caller's preference). */
  static SiteRanking inOrder() {
    return fitting -> fitting.stream().sorted(Comparator.comparingInt(SiteFit::order)).toList();
  }
}
