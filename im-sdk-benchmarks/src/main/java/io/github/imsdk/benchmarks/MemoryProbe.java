package io.github.imsdk.benchmarks;

import io.github.imsdk.core.Infrastructure;
import io.github.imsdk.core.InfrastructureManager;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.ref.Reference;
import java.net.URI;

/**
 * The program the memory measurement launches (with the serial collector, whose {@code System.gc()} is a full
 * compacting collection): it prints the heap retained after full collections by
 * <ul>
 *   <li>the first client, built and used for one call (includes what its libraries keep in static state),</li>
 *   <li>a second client of the same kind (what each further client costs),</li>
 *   <li>for {@code sdk}: 10,000 infrastructure handles, not counting their id strings, made beforehand.</li>
 * </ul>
 * Output: {@code memory <first client bytes> <second client bytes> <handles bytes or -1>}. Arguments:
 * {@code sdk|raw <endpoint>}.
 */
public final class MemoryProbe {

  /** How many infrastructure handles are measured. */
  static final int HANDLES = 10_000;

  private MemoryProbe() {}

  /** Prints the measurements; see the class comment. */
  public static void main(String[] args) {
    if (args.length != 2 || !(args[0].equals("sdk") || args[0].equals("raw"))) {
      throw new IllegalArgumentException("usage: MemoryProbe sdk|raw <endpoint>");
    }
    MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    URI endpoint = URI.create(args[1]);
    boolean sdk = args[0].equals("sdk");
    String[] ids = new String[HANDLES];
    for (int i = 0; i < HANDLES; i++) {
      ids[i] = String.format("%08x-e5ed-11f1-a2dc-02fc00000001", i);
    }
    long before = usedAfterGc(memory);
    Object first = sdk ? sdkClient(endpoint) : rawClient(endpoint);
    long afterFirst = usedAfterGc(memory);
    Object second = sdk ? sdkClient(endpoint) : rawClient(endpoint);
    long afterSecond = usedAfterGc(memory);
    long handles = -1;
    Infrastructure[] held = null;
    if (sdk) {
      InfrastructureManager im = (InfrastructureManager) first;
      held = new Infrastructure[HANDLES];
      for (int i = 0; i < HANDLES; i++) {
        held[i] = im.infrastructure(ids[i]);
      }
      handles = usedAfterGc(memory) - afterSecond;
    }
    System.out.println("memory " + (afterFirst - before) + " " + (afterSecond - afterFirst) + " " + handles);
    Reference.reachabilityFence(ids);
    Reference.reachabilityFence(held);
    Reference.reachabilityFence(first);
    Reference.reachabilityFence(second);
    if (sdk) {
      ((InfrastructureManager) first).close();
      ((InfrastructureManager) second).close();
    }
  }

  private static InfrastructureManager sdkClient(URI endpoint) {
    InfrastructureManager im = SdkClients.standard(endpoint);
    if (!"configured".equals(im.infrastructure(ImStub.INFRASTRUCTURE_ID).state().rawState())) {
      throw new IllegalStateException("the SDK client did not read the recorded state");
    }
    return im;
  }

  private static RawJdkClient rawClient(URI endpoint) {
    RawJdkClient raw = new RawJdkClient(endpoint);
    if (!"configured".equals(raw.state(ImStub.INFRASTRUCTURE_ID).state())) {
      throw new IllegalStateException("the raw client did not read the recorded state");
    }
    return raw;
  }

  private static long usedAfterGc(MemoryMXBean memory) {
    // Several collections: finalizable and weakly referenced garbage needs more than one pass to go.
    for (int i = 0; i < 4; i++) {
      System.gc();
    }
    return memory.getHeapMemoryUsage().getUsed();
  }
}
