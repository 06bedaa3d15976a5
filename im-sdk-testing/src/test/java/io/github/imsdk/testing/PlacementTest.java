package io.github.imsdk.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.github.imsdk.auth.AuthLine;
import io.github.imsdk.auth.Credentials;
import io.github.imsdk.core.ImageWish;
import io.github.imsdk.core.InfrastructureManager;
import io.github.imsdk.core.PlacementEvent;
import io.github.imsdk.core.PlacementException;
import io.github.imsdk.core.PlacementOptions;
import io.github.imsdk.core.PlacementResult;
import io.github.imsdk.core.RetryPolicy;
import io.github.imsdk.core.UsageRecord;
import io.github.imsdk.tosca.ToscaTemplate;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Placement end to end against the emulator as several clouds: each site is asked for images and quotas over
 * HTTP, the deployment is created on the emulator, and what the emulator holds afterwards (its infrastructures,
 * and {@code GET /stats}, which records the cloud host of every infrastructure ever created) is the journal.
 */
class PlacementTest {

  private static final String UBUNTU = "mock0://linux.for.ev.er/ubuntu-22.04";

  private static ToscaTemplate needingFourCores() throws IOException {
    try (InputStream in = PlacementTest.class.getResourceAsStream("/plain_vm.yaml")) {
      return ToscaTemplate.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8))
          .withInputDefault("num_cpus", 4);
    }
  }

  private static EmulatedCloud withUbuntu() {
    return EmulatedCloud.dummy().withImage(UBUNTU, "Ubuntu Server 22.04 LTS");
  }

  private static InfrastructureManager client(ImEmulator emulator) {
    return InfrastructureManager.builder().endpoint(emulator.endpoint()).credentials(emulator.credentials())
        .retryPolicy(RetryPolicy.none()).build();
  }

  /** The cloud hosts GET /stats lists, one per infrastructure ever created, with ':deleted' when it was. */
  private static List<String> createdOn(InfrastructureManager im) {
    return im.server().stats().stream().map((UsageRecord r) -> r.cloudHost() + (r.deleted() ? ":deleted" : ""))
        .collect(Collectors.toList());
  }

  @Test
  void landsOnTheWorkingSiteAfterDestroyingWhatFailed() throws IOException {
    // Given four sites: one without the image, one without room, one whose VMs fail, one that works
    try (ImEmulator emulator = ImEmulator.builder().timings(EmulatorTimings.instant())
            .cloud("noimage", EmulatedCloud.dummy().withImages(Map.of("mock0://linux.for.ev.er/centos-7", "CentOS 7")))
            .cloud("full", withUbuntu().withQuota("cores", 8, 10))
            .cloud("broken", withUbuntu().withFailingVms())
            .cloud("good", withUbuntu().withQuota("cores", 1, 8))
            .build();
         InfrastructureManager im = client(emulator)) {
      List<PlacementEvent> events = new ArrayList<>();

      // When the template is placed with an image wish
      PlacementResult r = im.placement().deploy(needingFourCores(),
          PlacementOptions.defaults().withImage(ImageWish.like("ubuntu 22.04")), events::add);

      // Then it landed on the working site with its image, and the others' reasons are kept
      assertThat(r.site()).isEqualTo("good");
      assertThat(r.siteEndpoint()).isEqualTo("good.emulated");
      assertThat(r.imageUrl()).isEqualTo(UBUNTU);
      assertThat(r.passedOver()).containsOnlyKeys("noimage", "full", "broken");
      assertThat(r.passedOver().get("noimage")).isEqualTo("no image matching ubuntu 22.04");
      assertThat(r.passedOver().get("full")).isEqualTo("2 cores free, needs 4");
      assertThat(r.passedOver().get("broken")).contains("deployment failed").contains("destroyed infrastructure");
      assertThat(events).extracting(PlacementEvent::toString).contains(
          "site noimage: no image matching ubuntu 22.04",
          "site full: 2 cores free, needs 4",
          "site broken: chosen",
          "site good: chosen");
      assertThat(events).extracting(PlacementEvent::kind).containsSubsequence(
          PlacementEvent.Kind.CHOSEN, PlacementEvent.Kind.FAILED, PlacementEvent.Kind.DESTROYED,
          PlacementEvent.Kind.CHOSEN, PlacementEvent.Kind.LANDED);
      // And the emulator holds only the landed deployment; no create ever reached the first two sites
      assertThat(emulator.infrastructures()).containsExactly(r.id());
      assertThat(createdOn(im)).containsExactlyInAnyOrder("broken.emulated:deleted", "good.emulated");
      // The request journal: creates (dry runs aside) named only the last two sites, one DELETE hit the failed one
      List<String> createdFor = emulator.journal().requests("POST", "/infrastructures").stream()
          .filter(q -> !q.query().containsKey("dry_run"))
          .map(q -> q.body().contains("cloud_id: broken") ? "broken" : q.body().contains("cloud_id: good") ? "good"
              : "other")
          .collect(Collectors.toList());
      assertThat(createdFor).containsExactly("broken", "good");
      assertThat(emulator.journal().requests("DELETE", "/infrastructures/.*")).singleElement()
          .satisfies(d -> assertThat(d.path()).doesNotContain(r.id().value()));
      assertThat(emulator.journal().count("GET", "/clouds/noimage/images")).isEqualTo(1);
      assertThat(im.infrastructure(r.id()).vm("0").info().propertyString("disk.0.image.url")).hasValue(UBUNTU);
    }
  }

  @Test
  void allSitesUnfitGiveATypedErrorWithEachReasonAndLeaveNothingRunning() throws IOException {
    // Given sites that all fail in a different way, one of them too slow to answer
    try (ImEmulator emulator = ImEmulator.builder().timings(EmulatorTimings.instant())
            .cloud("noimage", EmulatedCloud.dummy())
            .cloud("full", withUbuntu().withQuota("instances", 10, 10))
            .cloud("refusing", withUbuntu().withCreatesRefused("Quota exceeded for instances"))
            .cloud("broken", withUbuntu().withFailingVms())
            .cloud("slow", withUbuntu().withAnswerDelay(Duration.ofSeconds(30)))
            .cloud("erroring", withUbuntu())
            .build();
         InfrastructureManager im = client(emulator)) {
      emulator.inject(Fault.serverError("GET", "/clouds/erroring/quotas", 500));

      // When
      PlacementException e = catchThrowableOfType(() -> im.placement().deploy(needingFourCores(),
          PlacementOptions.defaults().withImage(ImageWish.like("ubuntu 22.04"))
              .withSiteTimeout(Duration.ofSeconds(3)), null), PlacementException.class);

      // Then every site's reason is listed, in candidate order, and nothing is left
      assertThat(e.reasons().keySet()).containsExactly("noimage", "full", "refusing", "broken", "slow",
          "erroring");
      assertThat(e.reasons().get("noimage")).isEqualTo("no image matching ubuntu 22.04");
      assertThat(e.reasons().get("full")).isEqualTo("0 instances free, needs 1");
      assertThat(e.reasons().get("refusing")).startsWith("create refused:").contains("Quota exceeded for instances");
      assertThat(e.reasons().get("broken")).contains("destroyed infrastructure");
      assertThat(e.reasons().get("slow")).isEqualTo("no answer within 3 s");
      assertThat(e.reasons().get("erroring")).startsWith("no usable answer:").contains("500");
      assertThat(e).hasMessageContaining("site full: 0 instances free, needs 1");
      assertThat(emulator.infrastructures()).isEmpty();
      assertThat(createdOn(im)).containsExactly("broken.emulated:deleted");
    }
  }

  @Test
  void exactUrlsAndTheRankingChooseAmongFittingSites() throws IOException {
    // Given two sites that fit, the second with more room
    try (ImEmulator emulator = ImEmulator.builder().timings(EmulatorTimings.instant())
            .cloud("a", EmulatedCloud.dummy().withQuota("cores", 4, 10))
            .cloud("b", EmulatedCloud.dummy().withQuota("cores", 0, 100))
            .build();
         InfrastructureManager im = client(emulator)) {
      PlacementOptions exact = PlacementOptions.defaults()
          .withImage(ImageWish.exact(Map.of("a", "mock0://a/img", "b", "mock0://b/img")));

      // When placed with the default ranking, then in the given order
      PlacementResult roomiest = im.placement().deploy(needingFourCores(), exact, null);
      PlacementResult first = im.placement().deploy(needingFourCores(),
          exact.withSites(List.of("a", "b")).withRanking(io.github.imsdk.core.SiteRanking.inOrder()), null);

      // Then
      assertThat(roomiest.site()).isEqualTo("b");
      assertThat(roomiest.imageUrl()).isEqualTo("mock0://b/img");
      assertThat(first.site()).isEqualTo("a");
      assertThat(createdOn(im)).containsExactlyInAnyOrder("b.emulated", "a.emulated");
    }
  }

  @Test
  void egiSitesOfAVoGetEgiImageUrls() throws IOException {
    // Given EGI lines for two VOs, the emulator answering as the two sites of one VO
    try (ImEmulator emulator = ImEmulator.builder().timings(EmulatorTimings.instant())
            .cloud("cesga", EmulatedCloud.dummy().withQuota("cores", 10, 10))
            .cloud("incd", EmulatedCloud.dummy())
            .build();
         InfrastructureManager im = InfrastructureManager.builder().endpoint(emulator.endpoint())
             .credentials(Credentials.of(emulator.credentials().lines().get(0),
                 AuthLine.builder("EGI").id("cesga").set("host", "CESGA").set("vo", "vo.access.egi.eu")
                     .set("token", "t0k3n").build(),
                 AuthLine.builder("EGI").id("ifca").set("host", "IFCA-LCG2").set("vo", "biomed")
                     .set("token", "t0k3n").build(),
                 AuthLine.builder("EGI").id("incd").set("host", "INCD").set("vo", "vo.access.egi.eu")
                     .set("token", "t0k3n").build()))
             .retryPolicy(RetryPolicy.none()).build()) {

      // When
      PlacementResult r = im.placement().deploy(needingFourCores(), PlacementOptions.defaults()
          .withEgiVo("vo.access.egi.eu").withImage(ImageWish.egi("ubuntu-22.04")), null);

      // Then only the VO's sites were candidates, and the VM boots the EGI image URL of the site it landed on
      assertThat(r.site()).isEqualTo("incd");
      assertThat(r.passedOver()).containsExactly(Map.entry("cesga", "0 cores free, needs 4"));
      assertThat(r.imageUrl()).isEqualTo("egi://INCD/ubuntu-22.04?vo.access.egi.eu");
      assertThat(im.infrastructure(r.id()).vm("0").info().propertyString("disk.0.image.url"))
          .hasValue("egi://INCD/ubuntu-22.04?vo.access.egi.eu");
    }
  }
}
