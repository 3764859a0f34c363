package io.polygraph.deploy.bench;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;

/**
 * Garbage collections of this JVM over a stretch of a latency run: how many, and their total time
 * as the collectors report it (for G1's young and mixed collections, their pauses). The benchmark's
 * one JVM holds the job, the broker, the publisher and the consumer, so these are everybody's; a
 * pause stops them all, and with them every transaction in flight, which is why the report shows
 * them beside the latency tail.
 *
 * @param collections collections counted, -1 when not known
 * @param millis their total time in milliseconds, -1 when not known
 */
record GcActivity(long collections, long millis) {

    /** For a run that failed before it was measured. */
    static final GcActivity UNKNOWN = new GcActivity(-1, -1);

    /** Everything the JVM's collectors have counted since it started. */
    static GcActivity soFar() {
        long collections = 0;
        long millis = 0;
        for (GarbageCollectorMXBean collector : ManagementFactory.getGarbageCollectorMXBeans()) {
            // A collector that does not know reports -1.
            collections += Math.max(0, collector.getCollectionCount());
            millis += Math.max(0, collector.getCollectionTime());
        }
        return new GcActivity(collections, millis);
    }

    /** What was counted between {@code earlier} and this reading. */
    GcActivity since(GcActivity earlier) {
        return new GcActivity(collections - earlier.collections, millis - earlier.millis);
    }

    /** "collections/milliseconds", or "-" when not known. */
    String formatted() {
        return collections < 0 ? "-" : collections + "/" + millis;
    }
}
