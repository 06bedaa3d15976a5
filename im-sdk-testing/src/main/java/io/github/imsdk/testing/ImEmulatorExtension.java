package io.github.imsdk.testing;

import io.github.imsdk.auth.Credentials;
import io.github.imsdk.core.InfrastructureManager;
import java.lang.reflect.AnnotatedElement;
import java.util.Optional;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * The JUnit 5 extension behind {@link ImEmulatorTest}: starts an emulator per test on first use, builds an
 * {@link InfrastructureManager} for it, injects them as parameters, and closes both when the test ends. Can also
 * be registered with {@code @ExtendWith(ImEmulatorExtension.class)} (then the defaults of {@link ImEmulatorTest}
 * apply).
 */
public final class ImEmulatorExtension implements ParameterResolver {

  private static final ExtensionContext.Namespace NAMESPACE =
      ExtensionContext.Namespace.create(ImEmulatorExtension.class);

  /** Creates the extension; JUnit calls this. */
  public ImEmulatorExtension() {}

  /** Tells JUnit which parameter types this extension provides. */
  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    Class<?> type = parameter.getParameter().getType();
    return type == ImEmulator.class || type == InfrastructureManager.class || type == Credentials.class
        || type == ManualClock.class;
  }

  /** Returns the emulator, client, credentials or clock of the current test. */
  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    Class<?> type = parameter.getParameter().getType();
    Resources r = resources(context);
    if (type == ImEmulator.class) {
      return r.emulator;
    }
    if (type == Credentials.class) {
      return r.emulator.credentials();
    }
    if (type == ManualClock.class) {
      if (r.clock == null) {
        throw new ParameterResolutionException("a ManualClock parameter needs @ImEmulatorTest(manualClock = true)");
      }
      return r.clock;
    }
    return r.client();
  }

  private static Resources resources(ExtensionContext context) {
    ImEmulatorTest settings = find(context);
    return context.getStore(NAMESPACE).getOrComputeIfAbsent(Resources.class, k -> new Resources(settings),
        Resources.class);
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

  /**
   * What one test holds; JUnit closes it with the test's store.
   *
   * <p>It implements both interfaces on purpose: JUnit before 5.13 closes only {@code CloseableResource} values
   * (an {@code AutoCloseable} alone would leave every test's emulator and client running), and 5.13+ deprecates
   * {@code CloseableResource} in favour of {@code AutoCloseable}, closing a value that is both exactly once.
   */
  @SuppressWarnings("deprecation")
  private static final class Resources implements AutoCloseable, ExtensionContext.Store.CloseableResource {
    final ImEmulator emulator;
    final ManualClock clock;
    private InfrastructureManager client;
    private boolean closed;

    Resources(ImEmulatorTest settings) {
      boolean manual = settings != null && settings.manualClock();
      ImVersion version = settings == null ? ImVersion.V1_19_2 : settings.imVersion();
      this.clock = manual ? ManualClock.startingNow() : null;
      ImEmulator.Builder b = ImEmulator.builder().imVersion(version);
      if (manual) {
        b.clock(clock).timings(EmulatorTimings.demo());
      } else {
        b.timings(EmulatorTimings.instant());
      }
      this.emulator = b.build();
    }

    synchronized InfrastructureManager client() {
      if (client == null) {
        client = InfrastructureManager.builder().endpoint(emulator.endpoint()).credentials(emulator.credentials())
            .build();
      }
      return client;
    }

    @Override
    public synchronized void close() {
      if (closed) {
        return;
      }
      closed = true;
      try {
        if (client != null) {
          client.close();
        }
      } finally {
        emulator.close();
      }
    }
  }
}
