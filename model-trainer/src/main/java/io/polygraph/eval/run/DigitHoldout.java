package io.polygraph.eval.run;

import io.polygraph.data.MnistSet;
import io.polygraph.eval.LabelledScores;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * One fold of MNIST leave-one-digit-out: the images of every other digit split into training and
 * test rows, and every image of the held-out digit added to the test rows as anomalies.
 *
 * <p>Contract: the other digits' images are shuffled with {@code seed} and the first {@code
 * trainingShare} of them (rounded down) train; the rest are NORMAL test rows, followed by every
 * image of the held-out digit labelled {@link #HELD_OUT_DIGIT}. Rows are the images' pixels in [0,
 * 1], one row per image, in that order. The same set, digit, share and seed give the same fold.
 *
 * @param digit the held-out digit
 * @param training pixels of the training images, all of other digits
 * @param test pixels of the test images: other digits' held-out share, then the held-out digit
 * @param testLabels {@link LabelledScores#NORMAL} or {@link #HELD_OUT_DIGIT}, per test row
 */
record DigitHoldout(int digit, double[][] training, double[][] test, List<String> testLabels) {

    /** Label of a test image of the held-out digit. */
    static final String HELD_OUT_DIGIT = "HELD_OUT_DIGIT";

    DigitHoldout {
        testLabels = List.copyOf(testLabels);
    }

    /** The fold of {@code set} that holds {@code digit} out. */
    static DigitHoldout of(MnistSet set, int digit, double trainingShare, long seed) {
        if (digit < 0 || digit >= MnistSet.DIGITS) {
            throw new IllegalArgumentException("digit must be 0..9: " + digit);
        }
        if (!(trainingShare > 0 && trainingShare < 1)) {
            throw new IllegalArgumentException(
                    "training share must be in (0, 1): " + trainingShare);
        }
        List<Integer> others = new ArrayList<>();
        List<Integer> heldOut = new ArrayList<>();
        for (int i = 0; i < set.size(); i++) {
            (set.digit(i) == digit ? heldOut : others).add(i);
        }
        if (heldOut.isEmpty()) {
            throw new IllegalArgumentException(
                    "no image of digit " + digit + " among the " + set.size() + " images");
        }
        Collections.shuffle(others, new Random(seed));
        int trainingCount = (int) (others.size() * trainingShare);
        if (trainingCount < 2 || trainingCount == others.size()) {
            throw new IllegalArgumentException(
                    others.size() + " images of other digits are too few to split");
        }
        List<Integer> testRows = new ArrayList<>(others.subList(trainingCount, others.size()));
        List<String> labels =
                new ArrayList<>(Collections.nCopies(testRows.size(), LabelledScores.NORMAL));
        testRows.addAll(heldOut);
        labels.addAll(Collections.nCopies(heldOut.size(), HELD_OUT_DIGIT));
        return new DigitHoldout(
                digit,
                pixels(set, others.subList(0, trainingCount)),
                pixels(set, testRows),
                labels);
    }

    private static double[][] pixels(MnistSet set, List<Integer> indices) {
        double[][] rows = new double[indices.size()][];
        for (int k = 0; k < rows.length; k++) {
            float[] image = set.image(indices.get(k));
            rows[k] = new double[image.length];
            for (int p = 0; p < image.length; p++) {
                rows[k][p] = image[p];
            }
        }
        return rows;
    }
}
