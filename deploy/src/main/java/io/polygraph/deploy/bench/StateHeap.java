package io.polygraph.deploy.bench;

import java.lang.management.ManagementFactory;
import java.util.Locale;

/**
 * This JVM's heap as benchmark 5 sees it: the room its entities' state needs, checked before
 * anything starts, and the heap in use, measured after full collections.
 */
final class StateHeap {

    /**
     * Heap per entity this benchmark measured (hashmap backend, README): a run that would not fit
     * the heap is refused up front rather than dying of an OutOfMemoryError minutes later.
     */
    static final long BYTES_PER_ENTITY = 16_000;

    private StateHeap() {}

    /** Refuses a number of entities whose state would not fit in {@code maxHeapBytes}. */
    static void requireRoomFor(long entities, long maxHeapBytes) {
        double needed = (double) entities * BYTES_PER_ENTITY;
        if (needed > 0.8 * maxHeapBytes) {
            throw new IllegalArgumentException(
                    String.format(
                            Locale.ROOT,
                            "%d entities take about %.1f GB of heap (%d bytes each), more than 80%%"
                                    + " of this JVM's %.1f GB: fewer entities, or a larger heap"
                                    + " (POLYGRAPH_JAVA_OPTS=-Xmx...)",
                            entities,
                            needed / 1e9,
                            BYTES_PER_ENTITY,
                            maxHeapBytes / 1e9));
        }
    }

    /** Heap in use after full collections, settled. */
    static long usedAfterGc() throws InterruptedException {
        long used = Long.MAX_VALUE;
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(200);
            used =
                    Math.min(
                            used,
                            ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
        }
        return used;
    }
}
