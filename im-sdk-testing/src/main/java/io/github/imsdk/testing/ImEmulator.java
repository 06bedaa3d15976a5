package io.github.imsdk.testing;

import io.github.imsdk.auth.AuthLine;
import io.github.imsdk.auth.Credentials;
import io.github.imsdk.core.InfrastructureId;
import io.github.imsdk.core.State;
import io.github.imsdk.testing.internal.EmulatorServer;
import io.github.imsdk.testing.internal.Engine;
import io.github.imsdk.testing.internal.Exchange;
import io.github.imsdk.testing.internal.Settings;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * An in-process IM REST server on a loopback port that behaves like IM 1.19.2 with a cloud that always works:
 * same routes, credentials rules, content negotiation, status codes and error bodies, and VMs that go
 * {@code pending -> running -> configured} on {@link EmulatorTimings} measured with an injectable {@link Clock}.
 * VMs get addresses in 127.0.0.0/8; the emulator never opens an outbound connection.
 *
 * <pre>{@code
 * try (var emulator = ImEmulator.start();
 *      var im = InfrastructureManager.builder()
 *          .endpoint(emulator.endpoint()).credentials(emulator.credentials()).build()) {
 *   InfrastructureId id = im.infrastructures().create(template);
 *   ...
 * }
 * }</pre>
 *
 * <p>Any IM username/password pair is accepted (IM without a user database does the same); infrastructures belong
 * to the identities that created them. Creating needs at least one cloud line in the header, of any type; the
 * {@code /clouds/{id}/images|quotas} calls answer for {@code Dummy} lines.
 */
public final class ImEmulator implements AutoCloseable {

  private final EmulatorServer server;
  private final Engine engine;
  private final Credentials credentials;
  private final RequestJournal journal = new RequestJournal();
  private final Clock clock;

  private ImEmulator(Builder b) {
    Settings settings = new Settings(b.timings.pending(), b.timings.configure(), b.timings.adding(),
        b.timings.deleting(), b.clock, b.remoteImports,
        b.oidcIssuers == null ? null : Set.copyOf(b.oidcIssuers), b.version == ImVersion.V2_0_0,
        Set.copyOf(b.nodeTypes), Map.copyOf(b.clouds), b.vmSshAccess);
    this.engine = new Engine(settings);
    this.clock = b.clock;
    this.server = new EmulatorServer(engine, b.host, b.port, this::record);
    byte[] secret = new byte[9];
    new SecureRandom().nextBytes(secret);
    List<AuthLine> lines = new ArrayList<>();
    lines.add(AuthLine.builder(AuthLine.INFRASTRUCTURE_MANAGER).id("im").set("username", "emulator")
        .set("password", java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(secret)).build());
    if (b.clouds.isEmpty()) {
      lines.add(AuthLine.builder("Dummy").id("dummy").build());
    }
    // A host per cloud, so that GET /stats (cloud_host) tells which cloud each infrastructure was created on.
    b.clouds.keySet().forEach(id -> lines.add(AuthLine.builder("Dummy").id(id).set("host", id + ".emulated")
        .build()));
    this.credentials = Credentials.of(lines);
  }

  /** Starts an emulator with the default settings: 127.0.0.1, a free port, {@link EmulatorTimings#demo()}. */
  public static ImEmulator start() {
    return builder().build();
  }

  /** Returns a builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** Returns the base URL clients use, e.g. {@code http://127.0.0.1:40123}. */
  public URI endpoint() {
    return URI.create("http://" + server.host() + ":" + server.port());
  }

  /** Returns the bound port. */
  public int port() {
    return server.port();
  }

  /**
   * Returns credentials this emulator accepts: an InfrastructureManager line with a user name and a random
   * password made for this emulator, and a {@code Dummy} cloud line with id {@code dummy}, or, when clouds were
   * configured with {@link Builder#cloud(String, EmulatedCloud)}, one {@code Dummy} line per cloud (id, and
   * {@code host = <id>.emulated}) in the order they were added.
   */
  public Credentials credentials() {
    return credentials;
  }

  /** Returns the infrastructures that exist now, of every owner, oldest first. */
  public List<InfrastructureId> infrastructures() {
    List<InfrastructureId> out = new ArrayList<>();
    engine.infrastructureIds().forEach(id -> out.add(InfrastructureId.of(id)));
    return out;
  }

  /** Returns the state {@code GET /infrastructures/{id}/state} would report now, if the infrastructure exists. */
  public Optional<State> state(InfrastructureId id) {
    Objects.requireNonNull(id, "id");
    return engine.stateOf(id.value());
  }

  private void record(Exchange x) {
    synchronized (journal) {
      journal.add(new RecordedRequest(journal.nextSequence(), clock.instant(), x.method().toUpperCase(Locale.ROOT),
          x.path(), x.query(), x.requestHeaders(), x.requestBody()));
    }
  }

  /**
   * Returns the journal of every request this emulator received, in order; {@link ImEmulatorExtension} clears it
   * before each test.
   */
  public RequestJournal journal() {
    return journal;
  }

  /** Adds a fault; it applies to requests and VMs from now on. */
  public void inject(Fault fault) {
    Objects.requireNonNull(fault, "fault");
    engine.addFault(new Engine.FaultRule(fault.method(), fault.path(), fault.delayDuration(), fault.status(),
        fault.vmOutcome(), new int[] {fault.count()}));
  }

  /** Removes every injected fault. */
  public void clearFaults() {
    engine.clearFaults();
  }

  /** Stops the server at once; open requests are dropped. */
  @Override
  public void close() {
    server.close();
  }

  @Override
  public String toString() {
    return "ImEmulator[" + endpoint() + "]";
  }

  /** Configures an {@link ImEmulator}. Not thread-safe. */
  public static final class Builder {
    private String host = "127.0.0.1";
    private int port;
    private EmulatorTimings timings = EmulatorTimings.demo();
    private Clock clock = Clock.systemUTC();
    private ImVersion version = ImVersion.V1_19_2;
    private boolean remoteImports = true;
    private Set<String> oidcIssuers;
    private final Set<String> nodeTypes = new LinkedHashSet<>();
    private final Map<String, EmulatedCloud> clouds = new LinkedHashMap<>();
    private VmSshAccess vmSshAccess;

    private Builder() {}

    /**
     * Sets the loopback address to bind (default {@code 127.0.0.1}).
     *
     * @throws IllegalArgumentException if it is not a loopback address
     */
    public Builder host(String host) {
      Objects.requireNonNull(host, "host");
      try {
        if (!InetAddress.getByName(host).isLoopbackAddress()) {
          throw new IllegalArgumentException("the IM emulator binds loopback addresses only, not " + host);
        }
      } catch (UnknownHostException e) {
        throw new IllegalArgumentException("unknown host " + host, e);
      }
      this.host = host;
      return this;
    }

    /**
     * Sets the port; 0 (the default) picks a free one.
     *
     * @throws IllegalArgumentException if not in 0-65535
     */
    public Builder port(int port) {
      if (port < 0 || port > 65535) {
        throw new IllegalArgumentException("port must be in 0-65535, not " + port);
      }
      this.port = port;
      return this;
    }

    /** Sets how long VMs stay pending and configuring (default {@link EmulatorTimings#demo()}). */
    public Builder timings(EmulatorTimings timings) {
      this.timings = Objects.requireNonNull(timings, "timings");
      return this;
    }

    /** Sets the clock state transitions are measured with, e.g. a {@link ManualClock} (default: system UTC). */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /** Sets which IM release's status codes and error bodies to imitate (default {@link ImVersion#V1_19_2}). */
    public Builder imVersion(ImVersion version) {
      this.version = Objects.requireNonNull(version, "version");
      return this;
    }

    /**
     * Sets whether TOSCA {@code imports} by URL are accepted (default true; they are never fetched). False
     * answers like an IM without internet access: 400 {@code URLException: Failed to reach server}.
     */
    public Builder remoteImports(boolean accepted) {
      this.remoteImports = accepted;
      return this;
    }

    /**
     * Restricts the OIDC issuers whose tokens ({@code token = <jwt>} on the IM line) are accepted. By default any
     * issuer is; tokens are decoded, never verified, and must not be expired.
     */
    public Builder oidcIssuers(String... issuers) {
      this.oidcIssuers = new LinkedHashSet<>(Arrays.asList(issuers));
      return this;
    }

    /** Adds TOSCA node types to accept besides the normative and grycap types the emulator knows. */
    public Builder nodeTypes(String... types) {
      nodeTypes.addAll(Arrays.asList(types));
      return this;
    }

    /**
     * Adds a cloud: a {@code Dummy} line with id {@code id} in {@link ImEmulator#credentials()} that behaves as
     * {@code cloud} says (images, quotas, refused creates, failing VMs, slow answers). A create goes to the cloud
     * its template's placement policy ({@code cloud_id}) names, else to the first cloud line of the request.
     *
     * @throws IllegalArgumentException if {@code id} is blank, holds {@code /} or was added before
     */
    public Builder cloud(String id, EmulatedCloud cloud) {
      Objects.requireNonNull(id, "id");
      Objects.requireNonNull(cloud, "cloud");
      if (id.isBlank() || id.contains("/") || clouds.containsKey(id)) {
        throw new IllegalArgumentException("a cloud id must be new, non-blank and without '/', got '" + id + "'");
      }
      clouds.put(id, cloud);
      return this;
    }

    /**
     * Makes every VM launched from now on stand for a real SSH server (see {@link VmSshAccess}): its address, mapped
     * port and credentials appear in the VM's RADL, so create, wait and SSH can run end to end against the emulator.
     * By default VMs get made-up addresses and passwords that nothing answers.
     */
    public Builder vmSshAccess(VmSshAccess access) {
      this.vmSshAccess = Objects.requireNonNull(access, "access");
      return this;
    }

    /**
     * Starts the emulator.
     *
     * @throws java.io.UncheckedIOException if the port cannot be bound
     */
    public ImEmulator build() {
      return new ImEmulator(this);
    }
  }
}
