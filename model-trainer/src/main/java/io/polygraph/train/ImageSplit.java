package io.polygraph.train;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.TreeSet;

/**
 * Labelled images split at random into a training part and a held-out part (for calibration), and
 * the set of classes, from which inconsistent tags are drawn.
 */
record ImageSplit(
        List<float[]> trainingImages,
        int[] trainingLabels,
        List<float[]> heldOutImages,
        int[] heldOutLabels,
        int[] classes) {

    /** Splits, keeping about {@code heldOutShare} of the images out of training. */
    static ImageSplit of(List<float[]> images, int[] labels, double heldOutShare, long seed) {
        if (images.size() != labels.length) {
            throw new IllegalArgumentException(
                    images.size() + " images but " + labels.length + " labels");
        }
        TreeSet<Integer> classes = new TreeSet<>();
        for (int label : labels) {
            classes.add(label);
        }
        if (classes.size() < 2) {
            throw new IllegalArgumentException("training needs images of at least two classes");
        }
        SplittableRandom random = new SplittableRandom(seed);
        List<float[]> trainImages = new ArrayList<>();
        List<Integer> trainLabels = new ArrayList<>();
        List<float[]> heldImages = new ArrayList<>();
        List<Integer> heldLabels = new ArrayList<>();
        for (int i = 0; i < labels.length; i++) {
            boolean heldOut = random.nextDouble() < heldOutShare;
            (heldOut ? heldImages : trainImages).add(images.get(i));
            (heldOut ? heldLabels : trainLabels).add(labels[i]);
        }
        if (heldImages.isEmpty() || trainImages.size() < 2) {
            throw new IllegalArgumentException(
                    "too few images (" + images.size() + ") to hold " + heldOutShare + " out");
        }
        return new ImageSplit(
                trainImages,
                trainLabels.stream().mapToInt(Integer::intValue).toArray(),
                heldImages,
                heldLabels.stream().mapToInt(Integer::intValue).toArray(),
                classes.stream().mapToInt(Integer::intValue).toArray());
    }

    /** A class other than {@code label} (a class of the split), uniformly. */
    int otherLabel(int label, SplittableRandom random) {
        int own = Arrays.binarySearch(classes, label);
        if (own < 0) {
            throw new IllegalArgumentException("unknown class " + label);
        }
        int pick = random.nextInt(classes.length - 1);
        return classes[pick >= own ? pick + 1 : pick];
    }
}
