package io.github.imsdk.examples;

import io.github.imsdk.ImException;
import io.github.imsdk.core.Infrastructure;
import io.github.imsdk.core.InfrastructureId;
import io.github.imsdk.core.InfrastructureState;
import io.github.imsdk.core.OsCredentials;
import io.github.imsdk.core.State;
import io.github.imsdk.core.VmInfo;
import io.github.imsdk.tosca.ContainerRecipe;
import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
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
    Duration timeout = Duration.ofMinutes(args.intValue("timeout", 45));
    boolean keep = args.flag("keep");
    try (Connection c = Connection.open(config, true, out)) {
      AtomicReference<InfrastructureId> created = new AtomicReference<>();
      CountDownLatch createReturned = new CountDownLatch(1);
      AtomicBoolean finished = new AtomicBoolean();
      Thread hook = new Thread(() -> onInterrupt(c, created, createReturned, finished), "destroy-on-interrupt");
      Runtime.getRuntime().addShutdownHook(hook);
      Instant start = Instant.now();
      try {
        InfrastructureId id;
        try {
          id = c.im.infrastructures().create(recipe.template());
          created.set(id);
        } finally {
          createReturned.countDown();
        }
        out.println("created infrastructure " + id);
        Infrastructure inf = c.im.infrastructure(id);
        InfrastructureState last = waitConfigured(inf, start, timeout, c.isEmulated());
        if (!last.isConfigured()) {
          err.println("error: the infrastructure ended " + last.rawState() + " ("
              + Progress.describe(last) + ")");
          contmsgTail(inf);
          finish(c, id, keep, finished);
          return 1;
        }
        String endpoint = inf.outputs().string(recipe.endpointOutput());
        out.println("endpoint: " + endpoint);
        printSsh(inf);
        out.println("ready after " + Progress.format(Duration.between(start, Instant.now())));
        finish(c, id, keep, finished);
        return 0;
      } catch (ImException e) {
        err.println("error: " + e.getMessage());
        InfrastructureId id = created.get();
        if (id != null) {
          finish(c, id, keep, finished);
        }
        finished.set(true);
        return 1;
      } finally {
        finished.set(true);
        try {
          Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
          // the hook is running or has run: it destroys what was created
        }
      }
    }
  }

  private InfrastructureState waitConfigured(Infrastructure inf, Instant start, Duration timeout, boolean fast) {
    Progress progress = new Progress(out, terminal);
    Duration interval = fast ? Duration.ofMillis(200) : Duration.ofSeconds(5);
    Duration maxInterval = fast ? Duration.ofMillis(500) : Duration.ofSeconds(30);
    int unknown = 0;
    try {
      while (true) {
        Duration elapsed = Duration.between(start, Instant.now());
        InfrastructureState s = inf.state();
        progress.update(elapsed, s);
        if (s.state() == State.UNKNOWN && ++unknown < 3) {
          sleep(interval);
          continue;
        }
        if (!s.state().isTransient() || elapsed.compareTo(timeout) > 0) {
          progress.done();
          if (s.state().isTransient()) {
            err.println("error: not configured after " + Progress.format(timeout) + " (--timeout, minutes)");
          }
          return s;
        }
        sleep(interval);
        interval = interval.multipliedBy(3).dividedBy(2).compareTo(maxInterval) > 0 ? maxInterval
            : interval.multipliedBy(3).dividedBy(2);
      }
    } finally {
      progress.done();
    }
  }

  private static void sleep(Duration d) {
    try {
      Thread.sleep(d.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ImException("interrupted while waiting");
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

  private void contmsgTail(Infrastructure inf) {
    try {
      String msg = inf.contmsg().strip();
      String[] lines = msg.split("\n");
      int from = Math.max(0, lines.length - 10);
      err.println("last contextualization messages:");
      for (int i = from; i < lines.length; i++) {
        err.println("  " + lines[i]);
      }
    } catch (ImException e) {
      err.println("(contmsg unavailable: " + e.getMessage() + ")");
    }
  }

  private void finish(Connection c, InfrastructureId id, boolean keep, AtomicBoolean finished) {
    if (keep) {
      finished.set(true);
      out.println("kept infrastructure " + id + (c.isEmulated()
          ? " (in the in-process emulator, which stops with this program)"
          : "; destroy it with: java -jar im-sdk-examples.jar destroy " + id));
      return;
    }
    c.im.infrastructure(id).destroy();
    finished.set(true);
    out.println("destroyed infrastructure " + id);
  }

  /** The shutdown hook: on Ctrl-C, destroy what was created (waiting for a create still in flight). */
  private void onInterrupt(Connection c, AtomicReference<InfrastructureId> created, CountDownLatch createReturned,
      AtomicBoolean finished) {
    if (finished.get()) {
      return;
    }
    err.println();
    err.println("interrupted: destroying what was created");
    try {
      if (!createReturned.await(2, TimeUnit.MINUTES)) {
        err.println("the create call did not return; check with: list");
        return;
      }
      InfrastructureId id = created.get();
      if (id != null && !finished.get()) {
        c.im.infrastructure(id).destroy();
        err.println("destroyed infrastructure " + id);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (ImException e) {
      err.println("could not destroy: " + e.getMessage());
    }
    err.flush();
  }
}
