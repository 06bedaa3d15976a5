package io.github.imsdk.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The README's "Using it" snippet and it/consumer/pom.xml cannot drift apart: CI builds the one users copy. */
class ReadmeSnippetTest {

  private static String normalized(String xml) {
    return xml.replaceAll("\\s+", "");
  }

  private static String property(String pom, String name) {
    Matcher m = Pattern.compile("<" + Pattern.quote(name) + ">([^<]*)</" + Pattern.quote(name) + ">").matcher(pom);
    assertThat(m.find()).as("property %s", name).isTrue();
    return m.group(1);
  }

  @Test
  void theConsumerProjectDeclaresExactlyTheReadmeSnippet() {
    // Given the README's xml block and the consumer pom's marked region, with its ${junit.version} default filled in
    List<String> xml = Readme.blocks("xml");
    assertThat(xml).as("the README's xml blocks").hasSize(1);
    String pom = Readme.read("it/consumer/pom.xml");
    int from = pom.indexOf("<!-- README snippet begins -->");
    int to = pom.indexOf("<!-- README snippet ends -->");
    assertThat(from).as("snippet markers in it/consumer/pom.xml").isPositive().isLessThan(to);
    String region = pom.substring(from + "<!-- README snippet begins -->".length(), to)
        .replace("${junit.version}", property(pom, "junit.version"));

    // Then they are the same, whitespace aside
    assertThat(normalized(region)).isEqualTo(normalized(xml.get(0)));
  }

  @Test
  void theConsumerProjectHasNoOtherDependencyManagementAndNoParent() {
    String pom = Readme.read("it/consumer/pom.xml");
    assertThat(pom).doesNotContain("<parent>");
    assertThat(pom.split("<dependencyManagement>", -1)).hasSize(2);
    assertThat(pom).doesNotContain("<repositories>");
  }

  @Test
  void theUserBomPinsTheThirdPartyVersionsTheParentBuildsWith() {
    // The BOM has no parent (users must not inherit our build), so it repeats the parent's versions.
    String parent = Readme.read("pom.xml");
    String bom = Readme.read("im-sdk-bom/pom.xml");
    for (String p : List.of("jackson.version", "jersey.version", "slf4j.version", "snakeyaml.version",
        "jakarta.activation.version")) {
      assertThat(property(bom, p)).as("im-sdk-bom's %s", p).isEqualTo(property(parent, p));
    }
  }
}
