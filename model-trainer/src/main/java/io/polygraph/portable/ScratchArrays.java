package io.polygraph.portable;

/**
 * The arrays one thread's runs of a {@link PortableGraph} reuse for the values of its intermediate
 * steps, so that a stream of small batches does not allocate every op's output afresh (at batch 1
 * those arrays were 40% of a scoring thread's allocation, and the garbage collector's pauses a
 * large part of the job's latency tail).
 *
 * <p>Each step keeps the arrays of its two most recent distinct sizes (a stream's batch sizes
 * alternate among a few), and the whole keeps at most {@link #MAX_KEPT_FLOATS} values: large
 * batches, which cost far more to compute than to allocate, get fresh arrays as before. An array
 * handed out is overwritten by the next run of the same step on the same thread, so only values
 * that do not leave the run may live in one.
 */
final class ScratchArrays {

    /** At most 4 MiB of floats kept per graph and thread. */
    static final int MAX_KEPT_FLOATS = 1 << 20;

    private static final int WAYS = 2;

    private final float[][][] arrays;
    private final int[] lastUsedWay;
    private long keptFloats;

    ScratchArrays(int steps) {
        this.arrays = new float[steps][WAYS][];
        this.lastUsedWay = new int[steps];
    }

    /**
     * An array of exactly {@code size} floats for {@code step}, kept from an earlier run if any.
     */
    float[] take(int step, int size) {
        float[][] ways = arrays[step];
        for (int way = 0; way < WAYS; way++) {
            if (ways[way] != null && ways[way].length == size) {
                lastUsedWay[step] = way;
                return ways[way];
            }
        }
        float[] fresh = new float[size];
        int replaced = (lastUsedWay[step] + 1) % WAYS;
        long freed = ways[replaced] == null ? 0 : ways[replaced].length;
        if (keptFloats - freed + size <= MAX_KEPT_FLOATS) {
            keptFloats += size - freed;
            ways[replaced] = fresh;
            lastUsedWay[step] = replaced;
        }
        return fresh;
    }

    /** How many floats are kept now. */
    long keptFloats() {
        return keptFloats;
    }
}
