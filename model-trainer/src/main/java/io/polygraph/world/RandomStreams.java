package io.polygraph.world;

import java.util.SplittableRandom;

/**
 * Independent random streams derived from the world's seed, one per purpose and index.
 *
 * <p>Every customer, transaction and signature sample draws from its own stream, so a value never
 * depends on how many values were drawn elsewhere or in which order customers were processed: the
 * world stays equal for a seed even when generated in parallel, and adding a field to one step does
 * not reshuffle every other step. The cost is a hash per stream, which is negligible.
 */
final class RandomStreams {

    private RandomStreams() {}

    /** A stream for {@code purpose} and {@code index}, fixed by {@code seed}. */
    static SplittableRandom of(long seed, String purpose, long index) {
        return new SplittableRandom(key(seed, purpose, index));
    }

    /** A stream for a second-level index (for example transaction k of customer i). */
    static SplittableRandom of(long seed, String purpose, long index, long subIndex) {
        return new SplittableRandom(mix(key(seed, purpose, index) ^ mix(subIndex + 0x5bd1e995L)));
    }

    private static long key(long seed, String purpose, long index) {
        // String.hashCode is specified by the JLS, so the key is stable across JVMs.
        long h = mix(seed ^ 0x9E3779B97F4A7C15L);
        h = mix(h ^ purpose.hashCode());
        return mix(h ^ index);
    }

    /** The SplitMix64 finaliser: a bijective, well-mixing 64-bit hash. */
    static long mix(long value) {
        long z = value + 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
