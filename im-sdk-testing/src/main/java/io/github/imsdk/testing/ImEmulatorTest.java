package io.github.imsdk.testing;

import io.github.imsdk.core.State;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Gives each test a running {@link ImEmulator} and an {@code InfrastructureManager} client configured for it,
 * as test method parameters; both are closed after the test, so each test also starts with an empty
 * {@link RequestJournal}.
 *
 * <pre>{@code
 * @ImEmulatorTest(timings = ImEmulatorTest.Timings.FAST, nextVmsEndIn = State.FAILED)
 * class PipelineTest {
 *   @Test
 *   void reportsAFailedVm(InfrastructureManager im, Wait wait, RequestJournal journal) {
 *     assertThatThrownBy(() -> im.infrastructures().createAndWait(Template.tosca(yaml), wait, p -> { }))
 *         .isInstanceOf(ImWaitException.class);           // in well under a second
 *     assertThat(journal.count("DELETE", "/infrastructures/.+")).isEqualTo(1);
 *   }
 * }
 * }</pre>
 *
 * <p>Injectable parameter types: {@link ImEmulator}, {@code io.github.imsdk.core.InfrastructureManager},
 * {@code io.github.imsdk.auth.Credentials} (what the emulator accepts), {@link RequestJournal},
 * {@code io.github.imsdk.core.Wait} (a {@code Wait.configured()} that polls every {@link #pollIntervalMillis()})
 * and, with {@link #manualClock()}, {@link ManualClock}. For settings an annotation cannot hold (any
 * {@link Fault}, custom {@link EmulatorTimings}), register the extension with
 * {@link ImEmulatorExtension#builder()} and {@code @RegisterExtension} instead of this annotation.
 */
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(ImEmulatorExtension.class)
public @interface ImEmulatorTest {

  /** Timing presets for the annotation; see {@link EmulatorTimings}. */
  enum Timings {
    /** {@link EmulatorTimings#instant()}, or {@link EmulatorTimings#demo()} with a {@link #manualClock()}. */
    DEFAULT,
    /** {@link EmulatorTimings#instant()}: every VM is {@code configured} as soon as it exists. */
    INSTANT,
    /** {@link EmulatorTimings#fast()}: IM's state sequence and busy windows in tens of milliseconds. */
    FAST,
    /** {@link EmulatorTimings#demo()}: seconds, as a demo shows them. */
    DEMO
  }

  /**
   * Whether the emulator runs on a {@link ManualClock} (with {@link EmulatorTimings#demo()} timings unless
   * {@link #timings()} says otherwise), so the test moves VMs through {@code pending} and {@code running} itself.
   * By default it runs on the system clock.
   */
  boolean manualClock() default false;

  /** Which IM release to imitate. */
  ImVersion imVersion() default ImVersion.V1_19_2;

  /** How long VMs take and IM stays busy. */
  Timings timings() default Timings.DEFAULT;

  /**
   * Makes the first {@link #nextVmsCount()} VMs end in this state: {@link State#FAILED} or
   * {@link State#UNCONFIGURED}; the default, {@link State#CONFIGURED}, injects nothing.
   */
  State nextVmsEndIn() default State.CONFIGURED;

  /** How many VMs {@link #nextVmsEndIn()} applies to. */
  int nextVmsCount() default 1;

  /** The poll interval of the injected {@code Wait}, in milliseconds. */
  long pollIntervalMillis() default 10;

  /** The overall timeout of the injected {@code Wait}, in seconds. */
  long waitTimeoutSeconds() default 30;
}
