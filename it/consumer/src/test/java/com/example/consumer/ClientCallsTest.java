package com.example.consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.imsdk.ImException;
import io.github.imsdk.core.Deployment;
import io.github.imsdk.core.InfrastructureId;
import io.github.imsdk.core.InfrastructureManager;
import io.github.imsdk.core.Wait;
import io.github.imsdk.testing.EmulatorTimings;
import io.github.imsdk.testing.ImEmulator;
import io.github.imsdk.tosca.ContainerRecipe;
import io.github.imsdk.tosca.ToscaTemplate;
import io.github.imsdk.tosca.ToscaValidationException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/** A user's first calls, with the emulator started by hand: the SDK's classes load and talk from a plain project. */
@Order(1)
class ClientCallsTest {

  private static ToscaTemplate nginx() {
    return ContainerRecipe.builder().image("nginx:1.27").port(80).name("web").build().template();
  }

  @Test
  void callsTheEmulatorAndCreatesFromTosca() {
    try (ImEmulator emulator = ImEmulator.builder().timings(EmulatorTimings.instant()).build();
        InfrastructureManager im = InfrastructureManager.builder()
            .endpoint(emulator.endpoint()).credentials(emulator.credentials()).build()) {
      // a call against the emulator
      assertFalse(im.server().version().isBlank());

      // a TOSCA create, read back and destroyed
      InfrastructureId id = im.infrastructures().create(nginx());
      assertTrue(im.infrastructure(id).state().isConfigured());
      assertNotNull(im.infrastructure(id).outputs().string("web_endpoint"));
      im.infrastructure(id).destroy();
      assertEquals(0, emulator.infrastructures().size());
    }
  }

  @Test
  void theReadmeDeploymentLeavesNothingRunningAfterAnException() {
    try (ImEmulator emulator = ImEmulator.builder().timings(EmulatorTimings.instant()).build();
        InfrastructureManager im = InfrastructureManager.builder()
            .endpoint(emulator.endpoint()).credentials(emulator.credentials()).build()) {
      RuntimeException thrown = null;
      try (Deployment d = im.infrastructures().deploy(nginx(), Wait.configured())) {
        d.infrastructure().outputs().string("web_endpont"); // a typo: throws
      } catch (RuntimeException e) {
        thrown = e;
      }
      assertNotNull(thrown);
      assertEquals(0, emulator.infrastructures().size(), "the deployment was destroyed on close");
    }
  }

  // Jersey logs through java.util.logging, once per JVM for start-up problems; a user's console shows its
  // WARNINGs. Captured from before this class's first client.
  private static final Logger JERSEY = Logger.getLogger("org.glassfish.jersey");
  private static final List<LogRecord> WARNINGS = new CopyOnWriteArrayList<>();
  private static final Handler CAPTURE = new Handler() {
    @Override
    public void publish(LogRecord r) {
      if (r.getLevel().intValue() >= Level.WARNING.intValue()) {
        WARNINGS.add(r);
      }
    }

    @Override
    public void flush() {}

    @Override
    public void close() {}
  };

  @BeforeAll
  static void captureJerseyWarnings() {
    JERSEY.addHandler(CAPTURE);
  }

  @AfterAll
  static void stopCapturing() {
    JERSEY.removeHandler(CAPTURE);
  }

  @Test
  void startingAClientLogsNoMissingProviderWarning() {
    try (ImEmulator emulator = ImEmulator.builder().timings(EmulatorTimings.instant()).build();
        InfrastructureManager im = InfrastructureManager.builder()
            .endpoint(emulator.endpoint()).credentials(emulator.credentials()).build()) {
      im.infrastructures().list();
    }
    // (the per-create "restricted header" warning is a separate, documented matter; this is the start-up one)
    assertEquals(List.of(), WARNINGS.stream().map(LogRecord::getMessage)
        .filter(m -> m != null && m.contains("was not found")).toList());
  }

  @Test
  void theRootExceptionCatchesARejectedTemplate() {
    ToscaTemplate broken = ToscaTemplate.parse(nginx().toYaml()
        .replace("get_attribute: [simple_node, public_address, 0]", "get_attribute: [nowhere, public_address, 0]"));
    try (ImEmulator emulator = ImEmulator.builder().timings(EmulatorTimings.instant()).build();
        InfrastructureManager im = InfrastructureManager.builder()
            .endpoint(emulator.endpoint()).credentials(emulator.credentials()).build()) {
      ImException caught = null;
      try {
        im.infrastructures().create(broken);
      } catch (ImException e) {
        caught = e;
      }
      assertInstanceOf(ToscaValidationException.class, caught);
      assertEquals(0, emulator.infrastructures().size());
    }
  }
}
