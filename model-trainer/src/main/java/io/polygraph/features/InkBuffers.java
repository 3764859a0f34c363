package io.polygraph.features;

/**
 * One reused ink-map buffer per thread, for decoding a signature straight into its canvas.
 *
 * <p>A signature's ink map is four bytes a pixel (80 kB for a 220 x 90 image) and lives only until
 * its canvas is made; made afresh for every image, these maps were an eighth of all the bytes a
 * latency run of the job allocated, so a thread keeps its largest one. Buffers above {@link
 * #MAX_KEPT_FLOATS} are handed out fresh and not kept, so that one huge image does not pin its
 * memory to the thread. Package-private: a part of {@link SignatureFeatures}.
 */
final class InkBuffers {

    /** At most 4 MiB kept per thread: a 1,024 x 1,024 image, far above a signature's size. */
    static final int MAX_KEPT_FLOATS = 1 << 20;

    private static final ThreadLocal<float[]> KEPT = ThreadLocal.withInitial(() -> new float[0]);

    private InkBuffers() {}

    /**
     * A buffer of at least {@code size} floats, with anything in it: the caller overwrites the
     * first {@code size}. The same array comes back on this thread's next call, so it must not
     * outlive the caller's use.
     */
    static float[] ofThisThread(int size) {
        float[] kept = KEPT.get();
        if (kept.length >= size) {
            return kept;
        }
        float[] larger = new float[size];
        if (size <= MAX_KEPT_FLOATS) {
            KEPT.set(larger);
        }
        return larger;
    }
}
