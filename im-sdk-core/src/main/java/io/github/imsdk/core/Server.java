package io.github.imsdk.core;

import java.time.LocalDate;
import java.util.List;

/** Calls about the IM server itself. A cheap handle from {@link InfrastructureManager#server()}. */
public interface Server {

  /** Returns the IM version, e.g. {@code 1.19.2} ({@code GET /version}; needs no credentials). */
  String version();

  /** Returns the usage records of every infrastructure the caller owns or owned ({@code GET /stats}). */
  List<UsageRecord> stats();

  /**
   * Returns the usage records of infrastructures created between two dates, inclusive; either may be
   * {@code null} for no bound ({@code GET /stats?init_date=&end_date=}).
   */
  List<UsageRecord> stats(LocalDate from, LocalDate to);
}
