package io.github.imsdk.tosca;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Tells that a template breaks one or more rules; {@link #problems()} lists every one with its path, so a caller can
 * fix them all at once.
 */
public final class ToscaValidationException extends ToscaException {
  private static final long serialVersionUID = 1L;

  private final transient List<ToscaProblem> problems;

  /**
   * Creates the exception.
   *
   * @param problems the problems found; must not be empty
   */
  public ToscaValidationException(List<ToscaProblem> problems) {
    super(describe(problems));
    this.problems = List.copyOf(problems);
  }

  private static String describe(List<ToscaProblem> problems) {
    if (problems.isEmpty()) {
      throw new IllegalArgumentException("a validation exception needs at least one problem");
    }
    return "invalid TOSCA template, " + problems.size() + (problems.size() == 1 ? " problem" : " problems") + ":\n  "
        + problems.stream().map(ToscaProblem::toString).collect(Collectors.joining("\n  "));
  }

  /** Returns every problem found, in template order. */
  public List<ToscaProblem> problems() {
    return problems;
  }
}
