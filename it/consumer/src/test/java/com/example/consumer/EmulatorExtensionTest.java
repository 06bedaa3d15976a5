package com.example.consumer;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.imsdk.core.InfrastructureId;
import io.github.imsdk.core.InfrastructureManager;
import io.github.imsdk.testing.ImEmulator;
import io.github.imsdk.testing.ImEmulatorTest;
import io.github.imsdk.tosca.ContainerRecipe;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/** @ImEmulatorTest as the README shows it; LeakCheckTest then checks each emulator was stopped. */
@ImEmulatorTest
@Order(2)
class EmulatorExtensionTest {

  @Test
  void deploysOnTheInjectedEmulator(InfrastructureManager im, ImEmulator emulator) {
    OpenedPorts.add(emulator.port());
    InfrastructureId id = im.infrastructures()
        .create(ContainerRecipe.builder().image("nginx:1.27").port(80).name("web").build().template());
    assertTrue(im.infrastructure(id).state().isConfigured());
  }

  @Test
  void eachTestGetsItsOwnEmulator(ImEmulator emulator) {
    OpenedPorts.add(emulator.port());
    assertTrue(emulator.infrastructures().isEmpty());
  }
}
