package io.github.imsdk.testing;

import io.github.imsdk.auth.Credentials;
import io.github.imsdk.core.InfrastructureManager;
import io.github.imsdk.core.Wait;
import java.lang.reflect.AnnotatedElement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * The JUnit 5 extension behind {@link ImEmulatorTest}: starts an emulator per test on first use, builds an
 * {@link InfrastructureManager} for it, injects them (and the test's {@link RequestJournal}, {@link Wait},
 * {@link Credentials}, {@link ManualClock}) as parameters, and closes both when the test ends.
 *
 * <p>Configure it with {@link ImEmulatorTest}'s attributes, or build it and register it on a static field:
 *
 * <pre>{@code
 * @RegisterExtension
 * static ImEmulatorExtension im = ImEmulatorExtension.builder()
 *     .imVersion(ImVersion.V2_0_0)
 *     .timings(EmulatorTimings.fast())
 *     .fault(Fault.nextVmsEndIn(State.FAILED))
 *     .clientWait(Wait.configured().backoff(Duration.ofMillis(5), Duration.ofMillis(50), 2))
 *     .build();
 * }</pre>
 *
 * Use one or the other in a class, not both. Registered with {@code @ExtendWith(ImEmulatorExtension.class)} and
 * no annotation, {@link ImEmulatorTest}'s defaults apply.
 */
public final class ImEmulatorExtension implements ParameterResolver {

  private static final ExtensionContext.Namespace NAMESPACE =
      ExtensionContext.Namespace.create(ImEmulatorExtension.class);

  private final ExtensionConfig config;

  /** Creates the extension configured by {@link ImEmulatorTest}; JUnit calls this. */
  public ImEmulatorExtension() {
    this.config = null;
  }

  private ImEmulatorExtension(ExtensionConfig config) {
    this.config = config;
  }

  /** Returns a builder for {@code @RegisterExtension} registration. */
  public static Builder builder() {
    return new Builder();
  }

  /** Tells JUnit which parameter types this extension provides. */
  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    Class<?> type = parameter.getParameter().getType();
    return type == ImEmulator.class || type == InfrastructureManager.class || type == Credentials.class
        || type == ManualClock.class || type == RequestJournal.class || type == Wait.class;
  }

  /** Returns the emulator, client, credentials, journal, wait or clock of the current test. */
  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    Class<?> type = parameter.getParameter().getType();
    ExtensionResources r = resources(context);
    if (type == ImEmulator.class) {
      return r.emulator;
    }
    if (type == Credentials.class) {
      return r.emulator.credentials();
    }
    if (type == RequestJournal.class) {
      return r.emulator.journal();
    }
    if (type == Wait.class) {
      return r.config.clientWait();
    }
    if (type == ManualClock.class) {
      if (r.clock == null) {
        throw new ParameterResolutionException("a ManualClock parameter needs @ImEmulatorTest(manualClock = true)"
            + " or ImEmulatorExtension.builder().manualClock(true)");
      }
      return r.clock;
    }
    return r.client();
  }

  private ExtensionResources resources(ExtensionContext context) {
    ExtensionConfig c = config != null ? config : ExtensionConfig.from(find(context));
    return context.getStore(NAMESPACE).getOrComputeIfAbsent(ExtensionResources.class,
        k -> new ExtensionResources(c), ExtensionResources.class);
  }

  private static ImEmulatorTest find(ExtensionContext context) {
    for (Optional<ExtensionContext> c = Optional.of(context); c.isPresent(); c = c.get().getParent()) {
      Optional<AnnotatedElement> element = c.get().getElement();
      if (element.isPresent() && element.get().isAnnotationPresent(ImEmulatorTest.class)) {
        return element.get().getAnnotation(ImEmulatorTest.class);
      }
    }
    return null;
  }

  /** Configures an {@link ImEmulatorExtension}. Not thread-safe. */
  public static final class Builder {
    private ImVersion version = ImVersion.V1_19_2;
    private EmulatorTimings timings;
    private boolean manualClock;
    private final List<Fault> faults = new ArrayList<>();
    private Wait wait = ExtensionConfig.fastWait(Duration.ofMillis(10), Duration.ofSeconds(30));

    private Builder() {}

    /** Sets which IM release to imitate (default {@link ImVersion#V1_19_2}). */
    public Builder imVersion(ImVersion version) {
      this.version = Objects.requireNonNull(version, "version");
      return this;
    }

    /**
     * Sets the timings (default {@link EmulatorTimings#instant()}, or {@link EmulatorTimings#demo()} with a
     * manual clock).
     */
    public Builder timings(EmulatorTimings timings) {
      this.timings = Objects.requireNonNull(timings, "timings");
      return this;
    }

    /** Sets whether the emulator runs on a {@link ManualClock} the test can inject and move (default false). */
    public Builder manualClock(boolean manual) {
      this.manualClock = manual;
      return this;
    }

    /** Adds a fault every test's emulator starts with. */
    public Builder fault(Fault fault) {
      faults.add(Objects.requireNonNull(fault, "fault"));
      return this;
    }

    /** Sets the {@link Wait} injected into tests (default: configured, polling every 10 ms, 30 s timeout). */
    public Builder clientWait(Wait wait) {
      this.wait = Objects.requireNonNull(wait, "wait");
      return this;
    }

    /** Returns the extension. */
    public ImEmulatorExtension build() {
      EmulatorTimings t = timings != null ? timings
          : manualClock ? EmulatorTimings.demo() : EmulatorTimings.instant();
      return new ImEmulatorExtension(new ExtensionConfig(version, t, manualClock, List.copyOf(faults), wait));
    }
  }
}
