package io.github.imsdk.core;

import java.util.Objects;

/**
 * One decision of a placement, e.g. {@code site B: 2 cores free, needs 4}. Its {@link #toString()} is the line to
 * show a user.
 *
 * @param site the cloud id the decision is about
 * @param kind what was decided
 * @param message the decision in words, without the site name
 */
public record PlacementEvent(String site, Kind kind, String message) {

  /** What a placement decided about a site. */
  public enum Kind {
    /** The site offers no image matching the wish. */
    NO_IMAGE,
    /** The site has too little free quota for the estimate. */
    NO_QUOTA,
    /** The site did not answer in time, or answered with an error. */
    UNREACHABLE,
    /** The site fits; the message gives what is free. */
    FITS,
    /** The site was chosen and the template pinned to it. */
    CHOSEN,
    /** The infrastructure was created there and waited for. */
    CREATED,
    /** The create was refused, a VM failed or the wait timed out; what was created is being destroyed. */
    FAILED,
    /** What was created on the site was destroyed. */
    DESTROYED,
    /** The deployment succeeded on the site. */
    LANDED
  }

  /** Checks the components. */
  public PlacementEvent {
    Objects.requireNonNull(site, "site");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(message, "message");
  }

  /** Returns {@code site <id>: <message>}. */
  @Override
  public String toString() {
    return "site " + site + ": " + message;
  }
}
