package io.github.imsdk.testing;

import io.github.imsdk.core.InfrastructureId;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * Every request an {@link ImEmulator} received, in order of arrival, for tests to check what their code sent.
 * Thread-safe; {@link ImEmulatorExtension} clears it before each test.
 *
 * <pre>{@code
 * journal.assertDestroyedOnce(id);                                  // "DELETE sent once for this id"
 * assertThat(journal.count("GET", "/infrastructures/.+/state")).isLessThan(20);
 * RecordedRequest create = journal.last("POST", "/infrastructures").orElseThrow();
 * assertThat(create.query()).containsEntry("async", "1");
 * }</pre>
 */
public final class RequestJournal {

  private final List<RecordedRequest> requests = new ArrayList<>();

  RequestJournal() {}

  synchronized void add(RecordedRequest r) {
    requests.add(r);
  }

  synchronized int nextSequence() {
    return requests.size() + 1;
  }

  /** Returns every request received since the last {@link #clear()}, oldest first. */
  public synchronized List<RecordedRequest> requests() {
    return List.copyOf(requests);
  }

  /** Returns the requests whose method is {@code method} and whose whole path matches {@code pathRegex}. */
  public List<RecordedRequest> requests(String method, String pathRegex) {
    Objects.requireNonNull(method, "method");
    Pattern p = Pattern.compile(Objects.requireNonNull(pathRegex, "pathRegex"));
    return filter(r -> r.method().equalsIgnoreCase(method) && p.matcher(r.path()).matches());
  }

  /** Returns how many requests had {@code method} and a path matching {@code pathRegex}. */
  public int count(String method, String pathRegex) {
    return requests(method, pathRegex).size();
  }

  /** Returns the latest request with {@code method} and a path matching {@code pathRegex}, if any. */
  public java.util.Optional<RecordedRequest> last(String method, String pathRegex) {
    List<RecordedRequest> l = requests(method, pathRegex);
    return l.isEmpty() ? java.util.Optional.empty() : java.util.Optional.of(l.get(l.size() - 1));
  }

  /** Returns how many {@code DELETE /infrastructures/{id}} (destroy) requests were sent for {@code id}. */
  public int deletes(InfrastructureId id) {
    Objects.requireNonNull(id, "id");
    return filter(r -> r.method().equals("DELETE") && r.path().equals("/infrastructures/" + id.value())).size();
  }

  /**
   * Checks that exactly one destroy ({@code DELETE /infrastructures/{id}}) was sent for {@code id}.
   *
   * @throws AssertionError naming how many were sent, with the journal's requests for that infrastructure
   */
  public void assertDestroyedOnce(InfrastructureId id) {
    int n = deletes(id);
    if (n != 1) {
      throw new AssertionError("expected one DELETE of infrastructure " + id.value() + " but " + n
          + " were sent; requests for it:\n" + describe(r -> r.path().startsWith("/infrastructures/" + id.value())));
    }
  }

  /**
   * Checks that no request with {@code method} and a path matching {@code pathRegex} was sent.
   *
   * @throws AssertionError listing the ones that were
   */
  public void assertNone(String method, String pathRegex) {
    List<RecordedRequest> l = requests(method, pathRegex);
    if (!l.isEmpty()) {
      throw new AssertionError("expected no " + method + " " + pathRegex + " but got:\n" + join(l));
    }
  }

  /** Forgets every request received so far. */
  public synchronized void clear() {
    requests.clear();
  }

  private synchronized List<RecordedRequest> filter(Predicate<RecordedRequest> p) {
    return requests.stream().filter(p).toList();
  }

  private String describe(Predicate<RecordedRequest> p) {
    return join(filter(p));
  }

  private static String join(List<RecordedRequest> l) {
    List<String> s = new ArrayList<>();
    l.forEach(r -> s.add(r.toString()));
    return s.isEmpty() ? "  (none)" : String.join("\n", s);
  }

  @Override
  public synchronized String toString() {
    return "RequestJournal[" + requests.size() + " request(s)]";
  }
}
