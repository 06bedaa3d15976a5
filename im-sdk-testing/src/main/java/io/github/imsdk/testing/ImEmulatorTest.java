package io.github.imsdk.testing;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Gives each test a running {@link ImEmulator} and an {@code InfrastructureManager} client configured for it,
 * as test method parameters; both are closed after the test.
 *
 * <pre>{@code
 * @ImEmulatorTest
 * class PipelineTest {
 *   @Test
 *   void deploysAndReadsTheEndpoint(InfrastructureManager im, ImEmulator emulator) {
 *     InfrastructureId id = im.infrastructures().create(Template.tosca(yaml));
 *     assertThat(im.infrastructure(id).state().isConfigured()).isTrue();   // instant timings
 *   }
 * }
 * }</pre>
 *
 * <p>Injectable parameter types: {@link ImEmulator}, {@code io.github.imsdk.core.InfrastructureManager},
 * {@code io.github.imsdk.auth.Credentials} (what the emulator accepts) and, with {@link #manualClock()},
 * {@link ManualClock}.
 */
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(ImEmulatorExtension.class)
public @interface ImEmulatorTest {

  /**
   * Whether the emulator runs on a {@link ManualClock} with {@link EmulatorTimings#demo()} timings, so the test
   * moves VMs through {@code pending} and {@code running} itself. By default it runs on the system clock with
   * {@link EmulatorTimings#instant()}: every VM is {@code configured} as soon as it is created.
   */
  boolean manualClock() default false;

  /** Which IM release to imitate. */
  ImVersion imVersion() default ImVersion.V1_19_2;
}
