package io.github.imsdk.tosca.internal;

import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.events.CollectionEndEvent;
import org.yaml.snakeyaml.events.CollectionStartEvent;
import org.yaml.snakeyaml.events.Event;
import org.yaml.snakeyaml.parser.Parser;

/**
 * Passes SnakeYAML's events through to its composer while remembering where the last one started and enforcing
 * the nesting limit itself, so that a limit or an unmarked SnakeYAML error can still name a line and column.
 */
final class TrackingParser implements Parser {

  /** Thrown when collections nest deeper than the limit; carries where the too-deep collection starts. */
  static final class TooDeep extends RuntimeException {
    private static final long serialVersionUID = 1L;
    final transient Mark mark;

    TooDeep(Mark mark) {
      super(null, null, false, false);
      this.mark = mark;
    }
  }

  private final Parser delegate;
  private final int maxDepth;
  private int depth;
  private Mark last;

  TrackingParser(Parser delegate, int maxDepth) {
    this.delegate = delegate;
    this.maxDepth = maxDepth;
  }

  /** Returns where the last event handed out started, or null before the first. */
  Mark lastMark() {
    return last;
  }

  @Override
  public boolean checkEvent(Event.ID choice) {
    return delegate.checkEvent(choice);
  }

  @Override
  public Event peekEvent() {
    return delegate.peekEvent();
  }

  @Override
  public Event getEvent() {
    Event e = delegate.getEvent();
    if (e != null) {
      last = e.getStartMark();
      if (e instanceof CollectionStartEvent) {
        if (++depth > maxDepth) {
          throw new TooDeep(e.getStartMark());
        }
      } else if (e instanceof CollectionEndEvent) {
        depth--;
      }
    }
    return e;
  }
}
