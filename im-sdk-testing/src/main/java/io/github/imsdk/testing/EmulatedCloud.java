package io.github.imsdk.testing;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * How one emulated cloud (a {@code Dummy} line of the emulator's credentials) behaves: the images and quotas it
 * reports on {@code GET /clouds/{id}/images|quotas}, and its failures: creates it refuses, VMs that end
 * {@code failed}, slow answers. Immutable; {@code with*} methods return copies.
 *
 * <pre>{@code
 * ImEmulator.builder()
 *     .cloud("full", EmulatedCloud.dummy().withQuota("cores", 8, 8))
 *     .cloud("broken", EmulatedCloud.dummy().withFailingVms())
 *     .cloud("good", EmulatedCloud.dummy().withImage("ost://good/u22", "Ubuntu 22.04"))
 *     .build();
 * }</pre>
 */
public final class EmulatedCloud {

  private final Map<String, String> images;
  private final Map<String, BigDecimal[]> quotas;
  private final String refusal;
  private final boolean failingVms;
  private final Duration answerDelay;

  private EmulatedCloud(Map<String, String> images, Map<String, BigDecimal[]> quotas, String refusal,
      boolean failingVms, Duration answerDelay) {
    this.images = images;
    this.quotas = quotas;
    this.refusal = refusal;
    this.failingVms = failingVms;
    this.answerDelay = answerDelay;
  }

  /**
   * Returns a cloud that answers as the real IM's Dummy connector does (recorded): images
   * {@code mock0://linux.for.ev.er/image1} and {@code image2}, and flat quotas {@code cores}, {@code ram},
   * {@code instances}, {@code floating_ips} and {@code security_groups}, each {@code {"used": 1, "limit": 10}};
   * creates work and VMs configure.
   */
  public static EmulatedCloud dummy() {
    Map<String, String> images = new LinkedHashMap<>();
    images.put("mock0://linux.for.ev.er/image1", "Image Name1");
    images.put("mock0://linux.for.ev.er/image2", "Image Name2");
    Map<String, BigDecimal[]> quotas = new LinkedHashMap<>();
    for (String k : new String[] {"cores", "ram", "instances", "floating_ips", "security_groups"}) {
      quotas.put(k, new BigDecimal[] {BigDecimal.ONE, BigDecimal.TEN});
    }
    return new EmulatedCloud(images, quotas, null, false, Duration.ZERO);
  }

  /** Returns a copy whose image list is exactly {@code uriToName}, in its order (empty: the cloud offers none). */
  public EmulatedCloud withImages(Map<String, String> uriToName) {
    Objects.requireNonNull(uriToName, "uriToName");
    return new EmulatedCloud(new LinkedHashMap<>(uriToName), quotas, refusal, failingVms, answerDelay);
  }

  /** Returns a copy that also offers the image {@code uri} named {@code name}. */
  public EmulatedCloud withImage(String uri, String name) {
    Map<String, String> m = new LinkedHashMap<>(images);
    m.put(Objects.requireNonNull(uri, "uri"), Objects.requireNonNull(name, "name"));
    return new EmulatedCloud(m, quotas, refusal, failingVms, answerDelay);
  }

  /** Returns a copy that reports {@code key} as {@code {"used": used, "limit": limit}} ({@code -1}: no limit). */
  public EmulatedCloud withQuota(String key, Number used, Number limit) {
    Objects.requireNonNull(key, "key");
    Map<String, BigDecimal[]> m = new LinkedHashMap<>(quotas);
    m.put(key, new BigDecimal[] {new BigDecimal(used.toString()), new BigDecimal(limit.toString())});
    return new EmulatedCloud(images, m, refusal, failingVms, answerDelay);
  }

  /**
   * Returns a copy that refuses every create on this cloud with IM's 400 "Error launching the VMs ..." answer,
   * quoting {@code providerError}.
   */
  public EmulatedCloud withCreatesRefused(String providerError) {
    return new EmulatedCloud(images, quotas, Objects.requireNonNull(providerError, "providerError"), failingVms,
        answerDelay);
  }

  /** Returns a copy whose VMs end {@code failed} once they leave {@code pending}. */
  public EmulatedCloud withFailingVms() {
    return new EmulatedCloud(images, quotas, refusal, true, answerDelay);
  }

  /** Returns a copy that answers {@code GET /clouds/{id}/images|quotas} only after {@code delay}. */
  public EmulatedCloud withAnswerDelay(Duration delay) {
    Objects.requireNonNull(delay, "delay");
    if (delay.isNegative()) {
      throw new IllegalArgumentException("the answer delay must not be negative");
    }
    return new EmulatedCloud(images, quotas, refusal, failingVms, delay);
  }

  /** Returns the images, URI to name. */
  public Map<String, String> images() {
    return java.util.Collections.unmodifiableMap(images);
  }

  /** Returns the quotas, key to {@code [used, limit]} copies. */
  public Map<String, BigDecimal[]> quotas() {
    Map<String, BigDecimal[]> m = new LinkedHashMap<>();
    quotas.forEach((k, v) -> m.put(k, v.clone()));
    return m;
  }

  /** Returns the provider error creates are refused with, if they are. */
  public Optional<String> createRefusal() {
    return Optional.ofNullable(refusal);
  }

  /** Tells whether VMs on this cloud fail. */
  public boolean failsVms() {
    return failingVms;
  }

  /** Returns the delay before image and quota answers. */
  public Duration answerDelay() {
    return answerDelay;
  }

  @Override
  public String toString() {
    return "EmulatedCloud[images=" + images.size() + ", quotas=" + quotas.keySet()
        + (refusal == null ? "" : ", refuses creates") + (failingVms ? ", failing VMs" : "")
        + (answerDelay.isZero() ? "" : ", delay " + answerDelay) + "]";
  }
}
