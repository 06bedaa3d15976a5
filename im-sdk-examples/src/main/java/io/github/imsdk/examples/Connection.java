package io.github.imsdk.examples;

import io.github.imsdk.auth.AuthFile;
import io.github.imsdk.auth.Credentials;
import io.github.imsdk.auth.ImCredentialsException;
import io.github.imsdk.auth.internal.UserInfo;
import io.github.imsdk.core.InfrastructureManager;
import io.github.imsdk.core.Wait;
import io.github.imsdk.testing.EmulatorTimings;
import io.github.imsdk.testing.ImEmulator;
import java.io.PrintStream;
import java.nio.file.Files;
import java.time.Duration;

/** A client for the configured IM, or for an in-process emulator when nothing is configured. */
final class Connection implements AutoCloseable {

  /**
   * First pause between state polls of a real IM. A deployment takes minutes, and a shared IM (im.egi.eu) serves
   * many users, so the commands poll it gently: 5 s growing by 1.5x up to 30 s.
   */
  static final Duration POLL_INITIAL = Duration.ofSeconds(5);
  /** Longest pause between state polls of a real IM. */
  static final Duration POLL_MAX = Duration.ofSeconds(30);
  /** First pause between polls of the in-process emulator, whose demo VMs are configured after 3 s. */
  static final Duration EMULATOR_POLL_INITIAL = Duration.ofMillis(500);
  /** Longest pause between polls of the in-process emulator: the demo ends within a second of configured. */
  static final Duration EMULATOR_POLL_MAX = Duration.ofSeconds(1);
  private static final double POLL_MULTIPLIER = 1.5;

  final InfrastructureManager im;
  /** The in-process emulator, or null when talking to a configured IM. */
  final ImEmulator emulator;

  private Connection(InfrastructureManager im, ImEmulator emulator) {
    this.im = im;
    this.emulator = emulator;
  }

  /**
   * Connects as configured; with no configuration at all and {@code emulatorAllowed}, starts an emulator and says
   * so in one line on {@code out}.
   *
   * @throws UsageException if nothing is configured and the emulator is not allowed, or the URL has no auth file
   */
  static Connection open(ImConfig config, boolean emulatorAllowed, PrintStream out, PrintStream err) {
    return open(config, emulatorAllowed, out, err, true);
  }

  /**
   * Connects like {@link #open(ImConfig, boolean, PrintStream, PrintStream)}; without {@code authRequired}
   * (im_client's getversion) a missing auth file is no error and no Authorization header is sent. Says on
   * {@code err}, in one line, which configuration files and auth file it loaded (paths only, never a value).
   */
  static Connection open(ImConfig config, boolean emulatorAllowed, PrintStream out, PrintStream err,
      boolean authRequired) {
    if (config.isEmpty()) {
      if (!emulatorAllowed) {
        throw new UsageException("no IM configured: pass --im-url and --auth-file, set IM_URL and IM_AUTH_FILE, "
            + "or write im_client.cfg ([im_client] restapi_url, auth_file)");
      }
      ImEmulator emulator = ImEmulator.builder().timings(EmulatorTimings.demo()).build();
      out.println("No IM configured (--im-url/--auth-file, IM_URL/IM_AUTH_FILE, im_client.cfg): using an "
          + "in-process IM emulator at " + emulator.endpoint());
      return new Connection(client(emulator.endpoint().toString(), emulator.credentials()), emulator);
    }
    String url = config.url().orElse(ImConfig.DEFAULT_URL);
    err.println("im-sdk: configuration from " + (config.sources().isEmpty() ? "defaults" : config.sources())
        + "; auth file " + config.authFile().map(Object::toString).orElse("(none)"));
    if (!authRequired && config.authFile().isEmpty()) {
      return new Connection(InfrastructureManager.builder().endpoint(url).build(), null);
    }
    if (config.authFile().isEmpty()) {
      throw new UsageException("an auth file is needed to talk to " + UserInfo.mask(url)
          + ": pass --auth-file, set IM_AUTH_FILE or auth_file in im_client.cfg");
    }
    if (config.redirectRefusal() != null) { // refused like a command(...) value: a credential error, exit 1
      throw new ImCredentialsException(config.redirectRefusal());
    }
    if (!Files.isReadable(config.authFile().get())) {
      throw new UsageException("cannot read the auth file " + config.authFile().get());
    }
    AuthFile.Reader reader = config.refusalHint() == null ? AuthFile.reader()
        : AuthFile.reader().withCommandsAndFilesRefused(config.refusalHint());
    Credentials credentials = reader.read(config.authFile().get());
    return new Connection(client(url, credentials), null);
  }

  private static InfrastructureManager client(String url, Credentials credentials) {
    return InfrastructureManager.builder().endpoint(url).credentials(credentials).build();
  }

  /**
   * Returns a wait until configured with {@code timeout}, polling at the pace that suits this IM:
   * {@link #POLL_INITIAL}..{@link #POLL_MAX} for a real one, sub-second for the in-process emulator.
   */
  Wait configured(Duration timeout) {
    Wait wait = Wait.configured().withTimeout(timeout);
    return isEmulated() ? wait.withBackoff(EMULATOR_POLL_INITIAL, EMULATOR_POLL_MAX, POLL_MULTIPLIER)
        : wait.withBackoff(POLL_INITIAL, POLL_MAX, POLL_MULTIPLIER);
  }

  boolean isEmulated() {
    return emulator != null;
  }

  @Override
  public void close() {
    try {
      im.close();
    } finally {
      if (emulator != null) {
        emulator.close();
      }
    }
  }
}
