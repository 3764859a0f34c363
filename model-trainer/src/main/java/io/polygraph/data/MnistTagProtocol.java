package io.polygraph.data;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.random.RandomGenerator;

/**
 * The CMAD paper's MNIST image/tag protocol: every image is paired with a text tag naming a digit,
 * the tag given as a {@value #TAG_DIMENSIONS}-dimensional word embedding; a pair whose tag names
 * another digit is a cross-modal anomaly.
 *
 * <p>No word-embedding files are available offline, so the embedding is synthetic. Each digit's tag
 * has a fixed centre: a Gaussian random vector, normalised to unit length, drawn from the table
 * seed alone, so the same seed gives the same table for training and test. Each pair adds fresh
 * independent Gaussian noise to every component, with standard deviation {@code relativeNoise /
 * sqrt(100)}: {@code relativeNoise} is measured against the unit centre's root-mean-square
 * component (0.1), so the noise vector's expected length is about {@code relativeNoise} times the
 * centre's. The noisy tag is not renormalised. Why noise at all: a word in a real corpus is a point
 * with spread (its contexts vary), not a constant, and a detector that only has to recognise ten
 * exact vectors learns nothing about matching modalities. With the default 0.3, a tag's cosine to
 * its own centre is about 0.96 and two tags of the same digit about 0.92, while the centres of two
 * digits (random directions in 100 dimensions) have cosines of about 0 (standard deviation 0.1):
 * the digits stay separable, as real word vectors of different numerals are, yet no two tags are
 * equal. Randomness comes from {@link Random}, whose algorithm the JDK specifies, so a seed gives
 * the same pairs on every JVM. Immutable and thread-safe.
 */
public final class MnistTagProtocol implements TagSampler {

    /** Dimensions of a tag embedding. */
    public static final int TAG_DIMENSIONS = 100;

    /** Consistent pairs, and as many inconsistent ones, in the paper's test set. */
    public static final int TEST_PAIRS_PER_KIND = 1019;

    /** Default noise, relative to the unit centre's root-mean-square component. */
    public static final double DEFAULT_RELATIVE_NOISE = 0.3;

    /** Default seed of the tag embedding table. */
    public static final long DEFAULT_TABLE_SEED = 20190101L;

    private final float[][] centres;
    private final double componentNoise;

    /**
     * @param tableSeed seeds the ten tag centres, and nothing else
     * @param relativeNoise per-pair noise relative to the unit centre's per-component scale; 0
     *     makes every tag of a digit equal to its centre
     */
    public MnistTagProtocol(long tableSeed, double relativeNoise) {
        if (!(relativeNoise >= 0) || Double.isInfinite(relativeNoise)) {
            throw new IllegalArgumentException("relativeNoise must be >= 0: " + relativeNoise);
        }
        this.centres = centres(new Random(tableSeed));
        this.componentNoise = relativeNoise / Math.sqrt(TAG_DIMENSIONS);
    }

    /** The protocol with {@link #DEFAULT_TABLE_SEED} and {@link #DEFAULT_RELATIVE_NOISE}. */
    public static MnistTagProtocol defaults() {
        return new MnistTagProtocol(DEFAULT_TABLE_SEED, DEFAULT_RELATIVE_NOISE);
    }

    private static float[][] centres(Random random) {
        float[][] table = new float[MnistSet.DIGITS][TAG_DIMENSIONS];
        for (float[] centre : table) {
            double[] draw = new double[TAG_DIMENSIONS];
            double squares = 0;
            for (int i = 0; i < TAG_DIMENSIONS; i++) {
                draw[i] = random.nextGaussian();
                squares += draw[i] * draw[i];
            }
            double norm = Math.sqrt(squares);
            for (int i = 0; i < TAG_DIMENSIONS; i++) {
                centre[i] = (float) (draw[i] / norm);
            }
        }
        return table;
    }

    /** A copy of the noise-free unit-length embedding of {@code digit}'s tag. */
    public float[] tagCentre(int digit) {
        return centres[digit].clone();
    }

    /**
     * Every image of {@code train} with a tag of its own digit, in the set's order.
     *
     * @param seed governs the tags' noise only
     */
    public List<ImageTagPair> trainingPairs(MnistSet train, long seed) {
        Random random = new Random(seed);
        List<ImageTagPair> pairs = new ArrayList<>(train.size());
        for (int i = 0; i < train.size(); i++) {
            pairs.add(pair(train, i, train.digit(i), random));
        }
        return Collections.unmodifiableList(pairs);
    }

    /**
     * The paper's test set: {@value #TEST_PAIRS_PER_KIND} consistent and {@value
     * #TEST_PAIRS_PER_KIND} inconsistent pairs from {@code test}.
     *
     * @see #testPairs(MnistSet, long, int)
     */
    public List<ImageTagPair> testPairs(MnistSet test, long seed) {
        return testPairs(test, seed, TEST_PAIRS_PER_KIND);
    }

    /**
     * {@code perKind} consistent and {@code perKind} inconsistent pairs, in shuffled order. The
     * {@code 2 * perKind} images are drawn from {@code test} without replacement; an inconsistent
     * pair of an image of digit {@code a} gets the tag of a digit drawn uniformly from the nine
     * others. The seed governs the images, the wrong digits, the noise and the order; the tag table
     * is this protocol's.
     *
     * @throws IllegalArgumentException when {@code test} has fewer than {@code 2 * perKind} images
     */
    public List<ImageTagPair> testPairs(MnistSet test, long seed, int perKind) {
        if (perKind < 0 || 2L * perKind > test.size()) {
            throw new IllegalArgumentException(
                    "cannot draw 2 x " + perKind + " distinct images from " + test.size());
        }
        Random random = new Random(seed);
        int[] chosen = distinctIndices(test.size(), 2 * perKind, random);
        List<ImageTagPair> pairs = new ArrayList<>(chosen.length);
        for (int k = 0; k < chosen.length; k++) {
            int digit = test.digit(chosen[k]);
            // The draw order is already random, so the first half being the anomalies is too.
            int tagDigit = k < perKind ? (digit + 1 + random.nextInt(9)) % 10 : digit;
            pairs.add(pair(test, chosen[k], tagDigit, random));
        }
        Collections.shuffle(pairs, random);
        return Collections.unmodifiableList(pairs);
    }

    /** The first {@code count} entries of a partial Fisher-Yates shuffle of 0..size-1. */
    private static int[] distinctIndices(int size, int count, Random random) {
        int[] indices = new int[size];
        for (int i = 0; i < size; i++) {
            indices[i] = i;
        }
        for (int i = 0; i < count; i++) {
            int j = i + random.nextInt(size - i);
            int swap = indices[i];
            indices[i] = indices[j];
            indices[j] = swap;
        }
        int[] chosen = new int[count];
        System.arraycopy(indices, 0, chosen, 0, count);
        return chosen;
    }

    @Override
    public int width() {
        return TAG_DIMENSIONS;
    }

    /** A noisy tag of {@code digit}: its centre plus this protocol's noise, drawn from random. */
    @Override
    public float[] tag(int digit, RandomGenerator random) {
        float[] tag = centres[digit].clone();
        for (int i = 0; i < TAG_DIMENSIONS; i++) {
            tag[i] += (float) (componentNoise * random.nextGaussian());
        }
        return tag;
    }

    private ImageTagPair pair(MnistSet set, int index, int tagDigit, Random random) {
        float[] tag = tag(tagDigit, random);
        int digit = set.digit(index);
        return new ImageTagPair(set.image(index), tag, index, digit, tagDigit, digit == tagDigit);
    }
}
