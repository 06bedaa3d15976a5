/**
 * An in-process IM emulator and a JUnit 5 extension, to test IM pipelines without a cloud or an IM server.
 *
 * <pre>{@code
 * try (ImEmulator emulator = ImEmulator.builder().timings(EmulatorTimings.instant()).build();
 *      InfrastructureManager im = InfrastructureManager.builder()
 *          .endpoint(emulator.endpoint()).credentials(emulator.credentials()).build()) {
 *   InfrastructureId id = im.infrastructures().create(Template.tosca(yaml));
 *   System.out.println(im.infrastructure(id).outputs().string("node_ip"));   // 127.0.0.x
 * }
 * }</pre>
 */
package io.github.imsdk.testing;
