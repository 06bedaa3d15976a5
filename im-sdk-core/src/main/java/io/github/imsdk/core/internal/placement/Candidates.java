package io.github.imsdk.core.internal.placement;

import io.github.imsdk.auth.AuthLine;
import io.github.imsdk.auth.CredentialValue;
import io.github.imsdk.core.PlacementOptions;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** The candidate sites of a placement: the sites given, or the cloud lines (or a VO's EGI lines) of the credentials. */
final class Candidates {

  // Lines that name no cloud to deploy on.
  private static final Set<String> NOT_CLOUDS = Set.of("InfrastructureManager", "VMRC");

  /** One candidate site, with its auth line when the credentials are known. */
  record Site(String id, Optional<AuthLine> line) {
    Optional<String> value(String key) {
      return line.flatMap(l -> l.value(key)).map(CredentialValue::resolve);
    }
  }

  private Candidates() {}

  static List<Site> of(PlacementOptions options, List<AuthLine> lines) {
    List<Site> out = new ArrayList<>();
    if (!options.sites().isEmpty()) {
      for (String s : options.sites()) {
        out.add(new Site(s, lines.stream().filter(l -> l.id().filter(s::equals).isPresent()).findFirst()));
      }
      return out;
    }
    for (AuthLine l : lines) {
      if (l.id().isEmpty() || NOT_CLOUDS.contains(l.type())) {
        continue;
      }
      Site site = new Site(l.id().get(), Optional.of(l));
      if (options.egiVo().isPresent()
          && (!l.type().equalsIgnoreCase("EGI") || !site.value("vo").equals(options.egiVo()))) {
        continue;
      }
      out.add(site);
    }
    if (out.isEmpty()) {
      throw new IllegalArgumentException(options.egiVo().map(vo -> "the credentials hold no EGI line for VO '"
          + vo + "'").orElse("the credentials hold no cloud line with an id")
          + ": name the candidate sites with PlacementOptions.withSites(...)");
    }
    return out;
  }
}
