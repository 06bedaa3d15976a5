package io.github.imsdk.tosca.internal;

import io.github.imsdk.tosca.ToscaProblem;
import java.util.ArrayList;
import java.util.List;

/** Collects the problems the validation rules find, in the order found. */
final class Findings {

  private final List<ToscaProblem> problems = new ArrayList<>();

  /** Records something the IM or its TOSCA parser would reject (or never finish with). */
  void error(String path, String message) {
    problems.add(new ToscaProblem(path, message));
  }

  /** Records something the IM accepts but that is probably a mistake. */
  void warning(String path, String message) {
    problems.add(ToscaProblem.warning(path, message));
  }

  List<ToscaProblem> list() {
    return List.copyOf(problems);
  }
}
