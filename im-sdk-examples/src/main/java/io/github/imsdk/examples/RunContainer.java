package io.github.imsdk.examples;

import io.github.imsdk.ImException;
import io.github.imsdk.auth.internal.UserInfo;
import io.github.imsdk.core.CreateOptions;
import io.github.imsdk.core.ImageWish;
import io.github.imsdk.core.PlacementException;
import io.github.imsdk.core.PlacementOptions;
import io.github.imsdk.core.PlacementResult;
import io.github.imsdk.core.ImWaitException;
import io.github.imsdk.core.Infrastructure;
import io.github.imsdk.core.InfrastructureId;
import io.github.imsdk.core.OsCredentials;
import io.github.imsdk.core.VmInfo;
import io.github.imsdk.core.Wait;
import io.github.imsdk.tosca.ContainerRecipe;
import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

/**
 * {@code run-container}: the EGI guide's routine in one command. Builds the container template, creates it, shows
 * the wait, prints {@code endpoint: <url>} and the SSH details, and destroys what it created unless {@code --keep}.
 * Ctrl-C during the run destroys it too.
 */
final class RunContainer {

  /** Flags shared by {@code run-container} and {@code template}. */
  static final Set<String> RECIPE_FLAGS = Set.of("image", "port", "cpus", "memory", "disk", "os-image", "name");

  private final Args args;
  private final PrintStream out;
  private final PrintStream err;
  private final boolean terminal;

  /** Default of {@code --timeout}, in minutes. */
  static final int DEFAULT_TIMEOUT_MINUTES = 45;
  private static final int CONTMSG_HEAD_CHARS = Wait.configured().contmsgHeadLength();

  RunContainer(Args args, PrintStream out, PrintStream err, boolean terminal) {
    this.args = args;
    this.out = out;
    this.err = err;
    this.terminal = terminal;
  }

  /** Builds the recipe the flags describe. */
  static ContainerRecipe recipe(Args args) {
    String image = args.value("image").orElseThrow(() -> new UsageException("--image is required, e.g. "
        + "--image nginx:1.27"));
    int port = args.intValue("port", -1);
    if (port < 1 || port > 65535) {
      throw new UsageException("--port is required: the port the container listens on, 1-65535");
    }
    ContainerRecipe.Builder b = ContainerRecipe.builder().image(image).port(port);
    if (args.value("cpus").isPresent()) {
      b.cpus(args.intValue("cpus", 2));
    }
    args.value("memory").ifPresent(b::memory);
    args.value("disk").ifPresent(d -> {
      if (d.trim().startsWith("0")) {
        b.withoutExtraDisk();
      } else {
        b.disk(d);
      }
    });
    args.value("os-image").ifPresent(b::osImage);
    args.value("name").ifPresent(b::name);
    try {
      return b.build();
    } catch (ImException | IllegalArgumentException e) {
      throw new UsageException(e.getMessage());
    }
  }

  int run(ImConfig config) {
    ContainerRecipe recipe = recipe(args);
    int minutes = args.intValue("timeout", DEFAULT_TIMEOUT_MINUTES);
    if (minutes < 1) {
      throw new UsageException("--timeout must be a positive number of minutes, not " + minutes);
    }
    Duration timeout = Duration.ofMinutes(minutes);
    try (Connection c = Connection.open(config, true, out, err)) {
      Cleanup cleanup = new Cleanup(c, Thread.currentThread());
      Thread hook = new Thread(cleanup::onInterrupt, "destroy-on-interrupt");
      Runtime.getRuntime().addShutdownHook(hook);
      try {
        return deploy(c, recipe, timeout, cleanup);
      } finally {
        cleanup.mainDone();
        try {
          Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
          // the hook is running or has run: it destroys what was created
        }
      }
    }
  }

  private int deploy(Connection c, ContainerRecipe recipe, Duration timeout, Cleanup cleanup) {
    if (args.value("site").isPresent() || args.value("sites").isPresent() || args.value("image-like").isPresent()) {
      return deployWhereItFits(c, recipe, timeout, cleanup);
    }
    Instant start = Instant.now();
    InfrastructureId id = null;
    try {
      try {
        // IM's async launch answers as soon as the id exists, so the user sees it before the VMs boot and
        // a launch failure shows up in the wait (state failed, with the contmsg) instead of as a create error.
        id = c.im.infrastructures().create(recipe.template(), CreateOptions.defaults().withAsync(true));
        cleanup.created.set(id);
      } finally {
        cleanup.createReturned.countDown();
      }
      out.println("created infrastructure " + id);
      Infrastructure inf = c.im.infrastructure(id);
      try (Progress progress = Progress.start(out, terminal, Duration.between(start, Instant.now()))) {
        inf.waitUntil(c.configured(timeout), progress);
      }
      return ready(c, inf, id, recipe, start, cleanup);
    } catch (ImWaitException e) {
      if (cleanup.ownedByHook()) {
        return 1;
      }
      reportWaitFailure(e);
      finish(c, id, cleanup);
      return 1;
    } catch (ImException e) {
      return failed(c, id, cleanup, e);
    }
  }

  /**
   * {@code --site}: lets the SDK choose the cloud ({@code InfrastructureManager.placement()}), printing each of its
   * decisions, then goes on as a plain run. The placement destroys what its failed attempts created; Ctrl-C
   * interrupts it and it destroys what it was waiting for.
   */
  private int deployWhereItFits(Connection c, ContainerRecipe recipe, Duration timeout, Cleanup cleanup) {
    Instant start = Instant.now();
    PlacementOptions options = placementOptions(c.configured(timeout));
    InfrastructureId id = null;
    cleanup.createReturned.countDown(); // no create of ours to wait for: the placement owns its attempts
    try {
      PlacementResult r = c.im.placement().deploy(recipe.template(), options, e -> out.println(e));
      id = r.id();
      cleanup.created.set(id);
      out.println("placed on site " + r.site() + (r.siteEndpoint().isEmpty() ? "" : " (" + r.siteEndpoint() + ")")
          + " as infrastructure " + id + "; choosing the site took " + r.surveyTime().toMillis() + " ms");
      return ready(c, c.im.infrastructure(id), id, recipe, start, cleanup);
    } catch (PlacementException e) {
      err.println("error: no site could host it:");
      e.reasons().forEach((site, why) -> err.println("  site " + site + ": " + why));
      return 1;
    } catch (ImException e) {
      return failed(c, id, cleanup, e);
    }
  }

  /**
   * Prints what the user needs of a configured infrastructure (endpoint, how to ssh in, the time it took), then
   * destroys it unless kept; returns the exit code.
   */
  private int ready(Connection c, Infrastructure inf, InfrastructureId id, ContainerRecipe recipe, Instant start,
      Cleanup cleanup) {
    out.println("endpoint: " + UserInfo.mask(inf.outputs().string(recipe.endpointOutput())));
    printSsh(inf);
    out.println("ready after " + Progress.format(Duration.between(start, Instant.now())));
    return finish(c, id, cleanup) ? 0 : 1;
  }

  /**
   * Reports {@code e} and destroys what was created, unless the Ctrl-C hook owns the cleanup; returns the exit
   * code.
   */
  private int failed(Connection c, InfrastructureId id, Cleanup cleanup, ImException e) {
    if (cleanup.ownedByHook()) {
      return 1;
    }
    err.println("error: " + e.getMessage());
    if (id != null) {
      finish(c, id, cleanup);
    }
    return 1;
  }

  /** Reads {@code --site}, {@code --sites} and {@code --image-like}. */
  private PlacementOptions placementOptions(Wait wait) {
    PlacementOptions o = PlacementOptions.defaults().withWait(wait);
    String site = args.value("site").orElse("auto").strip();
    try {
      if (!site.equals("auto")) {
        if (args.value("sites").isPresent()) {
          throw new UsageException("--sites goes with --site auto, not with --site " + site);
        }
        o = o.withSites(List.of(site));
      } else if (args.value("sites").isPresent()) {
        List<String> sites = Arrays.stream(args.value("sites").get().split(",")).map(String::strip)
            .filter(s -> !s.isEmpty()).toList();
        if (sites.isEmpty()) {
          throw new UsageException("--sites needs cloud ids, e.g. --sites cesga,ifca");
        }
        o = o.withSites(sites);
      }
      if (args.value("image-like").isPresent()) {
        o = o.withImage(ImageWish.like(args.value("image-like").get()));
      }
    } catch (IllegalArgumentException e) {
      throw new UsageException(e.getMessage());
    }
    return o;
  }

  /** Prints why the wait failed: the waiter's summary (last state, VM states, time), then the contmsg head. */
  private void reportWaitFailure(ImWaitException e) {
    err.println("error: " + Progress.summary(e));
    if (e.reason() == ImWaitException.Reason.TIMEOUT) {
      err.println("(give it longer with --timeout MINUTES; the default is " + DEFAULT_TIMEOUT_MINUTES + ")");
    }
    String head = e.contmsgHead().strip();
    if (!head.isEmpty()) {
      err.println("contextualization log (" + (e.contmsgHead().length() < CONTMSG_HEAD_CHARS ? "whole"
          : "first " + CONTMSG_HEAD_CHARS + " characters") + "):");
      head.lines().forEach(line -> err.println("  " + line));
    }
  }

  private void printSsh(Infrastructure inf) {
    VmInfo vm = inf.vm("0").info();
    Optional<OsCredentials> creds = vm.credentials();
    String host = vm.publicIp().or(vm::privateIp).orElse("(no address)");
    String user = creds.map(OsCredentials::username).orElse("(unknown)");
    out.println("ssh user: " + user);
    out.println("ssh host: " + host);
    Optional<String> password = creds.flatMap(OsCredentials::password);
    if (password.isPresent()) {
      out.println("ssh password: " + (args.flag("show-secrets") ? password.get()
          : "******** (--show-secrets to print it)"));
    } else if (creds.flatMap(OsCredentials::privateKey).isPresent()) {
      out.println("ssh key: a private key (" + (args.flag("show-secrets") ? "\n" + creds.get().privateKey().get()
          : "--show-secrets to print it") + ")");
    }
  }

  /**
   * Ends the run: destroys the infrastructure, or keeps it with {@code --keep}. Returns false if it could not be
   * destroyed, or if the Ctrl-C hook has taken over.
   */
  private boolean finish(Connection c, InfrastructureId id, Cleanup cleanup) {
    if (!cleanup.claim()) {
      return false;
    }
    if (args.flag("keep")) {
      out.println("kept infrastructure " + id + (c.isEmulated()
          ? " (in the in-process emulator, which stops with this program)"
          : "; destroy it with: java -jar im-sdk-examples.jar destroy " + id));
      return true;
    }
    try {
      c.im.infrastructure(id).destroy();
    } catch (ImException e) {
      err.println("error: could not destroy infrastructure " + id + ": " + e.getMessage());
      err.println("it may still cost money; destroy it with: java -jar im-sdk-examples.jar destroy " + id);
      return false;
    }
    out.println("destroyed infrastructure " + id);
    return true;
  }

  /**
   * Who destroys what was created: the main thread when the run ends, or the shutdown hook on Ctrl-C, whichever
   * claims it first, so that the infrastructure is destroyed exactly once and the connection stays open until it is.
   */
  private final class Cleanup {
    private enum Owner { NONE, MAIN, HOOK }

    final AtomicReference<InfrastructureId> created = new AtomicReference<>();
    final CountDownLatch createReturned = new CountDownLatch(1);
    private final CountDownLatch mainDone = new CountDownLatch(1);
    private final CountDownLatch hookDone = new CountDownLatch(1);
    private final AtomicReference<Owner> owner = new AtomicReference<>(Owner.NONE);
    private final Connection c;
    private final Thread main;

    Cleanup(Connection c, Thread main) {
      this.c = c;
      this.main = main;
    }

    /** Claims the cleanup for the main thread; false if the hook has it. */
    boolean claim() {
      return owner.compareAndSet(Owner.NONE, Owner.MAIN) || owner.get() == Owner.MAIN;
    }

    boolean ownedByHook() {
      return owner.get() == Owner.HOOK;
    }

    /**
     * Called by the main thread when it is done: lets a hook that found the cleanup claimed go on, and waits for
     * a hook that claimed it, since closing the connection (and an in-process emulator) would cut its destroy short.
     */
    void mainDone() {
      mainDone.countDown();
      if (ownedByHook()) {
        Thread.interrupted(); // the hook interrupted the wait; the flag must not cut this await short
        try {
          hookDone.await(3, TimeUnit.MINUTES);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
    }

    /** The shutdown hook: on Ctrl-C, stop the wait and destroy what was created (after a create in flight). */
    void onInterrupt() {
      if (!owner.compareAndSet(Owner.NONE, Owner.HOOK)) {
        // The main thread is already destroying (or keeping) it: let it finish before the JVM halts.
        awaitQuietly(mainDone);
        return;
      }
      try {
        err.println();
        err.println("interrupted: destroying what was created");
        if (!createReturned.await(2, TimeUnit.MINUTES)) {
          err.println("the create call did not return; check with: list");
          return;
        }
        // Interrupted only now: an interrupt during the create could lose the id of what IM created.
        main.interrupt();
        InfrastructureId id = created.get();
        if (id != null) {
          c.im.infrastructure(id).destroy();
          err.println("destroyed infrastructure " + id);
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      } catch (ImException e) {
        err.println("could not destroy: " + e.getMessage());
      } finally {
        err.flush();
        hookDone.countDown();
      }
    }

    private void awaitQuietly(CountDownLatch latch) {
      try {
        latch.await(2, TimeUnit.MINUTES);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
