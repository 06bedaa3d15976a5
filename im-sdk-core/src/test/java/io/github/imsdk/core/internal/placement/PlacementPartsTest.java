package io.github.imsdk.core.internal.placement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.imsdk.auth.AuthLine;
import io.github.imsdk.core.CloudEstimate;
import io.github.imsdk.core.CloudImage;
import io.github.imsdk.core.Estimate;
import io.github.imsdk.core.ImageWish;
import io.github.imsdk.core.PlacementOptions;
import io.github.imsdk.core.Quota;
import io.github.imsdk.core.SiteFit;
import io.github.imsdk.core.SiteRanking;
import io.github.imsdk.tosca.ToscaPolicy;
import io.github.imsdk.tosca.ToscaTemplate;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The decisions of a placement taken apart: image wishes, needs against quotas, ranking, pinning, candidates. */
class PlacementPartsTest {

  private static final String TWO_VMS = """
      tosca_definitions_version: tosca_simple_yaml_1_0
      topology_template:
        node_templates:
          front:
            type: tosca.nodes.Compute
            capabilities:
              os: { properties: { type: linux, image: { get_input: os_image } } }
          back:
            type: tosca.nodes.Compute
        inputs:
          os_image: { type: string, default: 'ost://old/1' }
        policies:
          - old_place: { type: tosca.policies.Placement, properties: { cloud_id: elsewhere }, targets: [ front ] }
          - keep_me: { type: tosca.policies.Scaling, targets: [ back ] }
      """;

  private static Map<String, Quota> quotas(String... keyUsedLimit) {
    Map<String, Quota> m = new java.util.LinkedHashMap<>();
    for (int i = 0; i < keyUsedLimit.length; i += 3) {
      m.put(keyUsedLimit[i], new Quota(new BigDecimal(keyUsedLimit[i + 1]), new BigDecimal(keyUsedLimit[i + 2])));
    }
    return m;
  }

  private static Needs needs(int cores, long memMb, int vms, int ips) {
    List<CloudEstimate.ComputeEstimate> c = new java.util.ArrayList<>();
    for (int i = 0; i < vms; i++) {
      c.add(new CloudEstimate.ComputeEstimate(i == 0 ? cores : 0, i == 0 ? memMb : 0, 0, i == 0 ? ips : 0, 0));
    }
    return Needs.of(new Estimate(Map.of("x", new CloudEstimate("Dummy", "http://x", c, List.of()))));
  }

  @Test
  void imageWishesMatchByWordsPatternExactUrlOrEgiName() {
    List<CloudImage> images = List.of(new CloudImage("ost://h/1", "CentOS 7", Map.of()),
        new CloudImage("ost://h/2", "Ubuntu Server 22.04 LTS (jammy)", Map.of()));
    assertThat(ImageWish.like("ubuntu 22.04").pick(images)).map(CloudImage::uri).contains("ost://h/2");
    assertThat(ImageWish.like("ubuntu 20.04").pick(images)).isEmpty();
    assertThat(ImageWish.matching("^centos").pick(images)).map(CloudImage::uri).contains("ost://h/1");
    assertThat(ImageWish.exact(Map.of("a", "ost://a/9")).urlFor("a", Optional.empty(), Optional.empty()))
        .contains("ost://a/9");
    assertThat(ImageWish.exact(Map.of("a", "ost://a/9")).urlFor("b", Optional.empty(), Optional.empty())).isEmpty();
    assertThat(ImageWish.egi("ubuntu-22.04").urlFor("cesga", Optional.of("CESGA"), Optional.of("vo.access.egi.eu")))
        .contains("egi://CESGA/ubuntu-22.04?vo.access.egi.eu");
    assertThatThrownBy(() -> ImageWish.like(" ")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> ImageWish.egi("a/b")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void needsAreComparedWithWhatIsFreeAndUnlimitedOrAbsentQuotasNeverBlock() {
    Needs n = needs(4, 3072, 2, 1);
    assertThat(n.amounts()).containsEntry("cores", BigDecimal.valueOf(4)).containsEntry("instances",
        BigDecimal.valueOf(2));
    assertThat(n.amounts().get("ram")).isEqualByComparingTo("3");
    assertThat(n.shortfall(quotas("cores", "8", "10", "ram", "1.5", "4"))).contains(
        "2 cores free, needs 4, 2.5 GB RAM free, needs 3");
    assertThat(n.shortfall(quotas("cores", "8", "-1", "instances", "0", "2"))).isEmpty();
    assertThat(n.shortfall(Map.of())).isEmpty();
    assertThat(n.shortfall(quotas("floating_ips", "3", "3"))).contains("0 floating IPs free, needs 1");
  }

  @Test
  void theDefaultRankingPrefersHeadroomAndKeepsOrderOnTies() {
    Map<String, BigDecimal> need = Map.of("cores", BigDecimal.valueOf(2));
    SiteFit a = new SiteFit("a", "", Map.of("cores", BigDecimal.valueOf(4)), need, 0);
    SiteFit b = new SiteFit("b", "", Map.of("cores", BigDecimal.valueOf(8)), need, 1);
    SiteFit c = new SiteFit("c", "", Map.of("cores", BigDecimal.valueOf(4)), need, 2);
    SiteFit unlimited = new SiteFit("u", "", Map.of(), need, 3);
    assertThat(SiteRanking.mostHeadroom().rank(List.of(a, b, c, unlimited))).extracting(SiteFit::site)
        .containsExactly("u", "b", "a", "c");
    assertThat(SiteRanking.inOrder().rank(List.of(c, a, b))).extracting(SiteFit::site).containsExactly("a", "b", "c");
  }

  @Test
  void pinningReplacesEarlierPlacementsAndSetsTheImageOnEveryComputeNode() {
    ToscaTemplate pinned = Pinning.pin(ToscaTemplate.parse(TWO_VMS), "site1", "ost://site1/u22");
    assertThat(pinned.policies()).extracting(ToscaPolicy::name).containsExactlyInAnyOrder("keep_me",
        Pinning.POLICY_NAME);
    ToscaPolicy p = pinned.policies().stream().filter(x -> x.name().equals(Pinning.POLICY_NAME)).findFirst()
        .orElseThrow();
    assertThat(p.properties()).containsEntry("cloud_id", "site1");
    assertThat(p.targets()).containsExactlyInAnyOrder("front", "back");
    assertThat(pinned.nodeTemplate("front").orElseThrow().capabilityProperty("os", "image")).contains("ost://site1/u22");
    assertThat(pinned.nodeTemplate("back").orElseThrow().capabilityProperty("os", "image")).contains("ost://site1/u22");
    // An empty URL keeps the template's images
    assertThat(Pinning.pin(ToscaTemplate.parse(TWO_VMS), "s", "").nodeTemplate("back").orElseThrow()
        .capabilityProperty("os", "image")).isEmpty();
  }

  @Test
  void candidatesComeFromTheCloudLinesOrAVosEgiLines() {
    List<AuthLine> lines = List.of(
        AuthLine.builder("InfrastructureManager").id("im").set("username", "u").set("password", "p").build(),
        AuthLine.builder("OpenStack").id("ost").set("host", "https://ost:5000").build(),
        AuthLine.builder("EGI").id("cesga").set("host", "CESGA").set("vo", "vo.access.egi.eu").build(),
        AuthLine.builder("EGI").id("ifca").set("host", "IFCA-LCG2").set("vo", "biomed").build(),
        AuthLine.builder("Dummy").build());
    assertThat(Candidates.of(PlacementOptions.defaults(), lines)).extracting(Candidates.Site::id)
        .containsExactly("ost", "cesga", "ifca");
    List<Candidates.Site> egi = Candidates.of(PlacementOptions.defaults().withEgiVo("vo.access.egi.eu"), lines);
    assertThat(egi).extracting(Candidates.Site::id).containsExactly("cesga");
    assertThat(egi.get(0).value("host")).contains("CESGA");
    assertThat(Candidates.of(PlacementOptions.defaults().withSites(List.of("ifca", "zzz")), lines))
        .extracting(s -> s.id() + ":" + s.line().isPresent()).containsExactly("ifca:true", "zzz:false");
    assertThatThrownBy(() -> Candidates.of(PlacementOptions.defaults().withEgiVo("none"), lines))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no EGI line for VO 'none'");
    assertThatThrownBy(() -> PlacementOptions.defaults().withSites(List.of("a", "a")))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> PlacementOptions.defaults().withSiteTimeout(java.time.Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
