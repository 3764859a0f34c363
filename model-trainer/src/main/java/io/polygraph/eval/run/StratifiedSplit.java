package io.polygraph.eval.run;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Row indices split at random into a training part and a test part label by label, so that every
 * label keeps about its share of the rows in both parts.
 *
 * <p>Contract: of the {@code n} rows of one label, {@code round(n * testShare)} go to the test
 * part, but at least one and at most {@code n - 1} when {@code n >= 2}, so that a rare anomaly type
 * is both trained with (as contamination) and tested on; a label's single row goes where the
 * rounding puts it. Which rows go follows a shuffle seeded by {@code seed}; the sizes do not depend
 * on the seed. Both index arrays are ascending. A random rather than a stratified split could leave
 * a rare type out of the test part and make a seed's per-type recall undefined.
 *
 * @param training indices of the training rows
 * @param test indices of the test rows
 */
record StratifiedSplit(int[] training, int[] test) {

    StratifiedSplit {
        training = training.clone();
        test = test.clone();
    }

    /**
     * Splits the rows whose labels are {@code labels}, {@code testShare} of each to the test part.
     */
    static StratifiedSplit of(List<String> labels, double testShare, long seed) {
        if (!(testShare > 0 && testShare < 1)) {
            throw new IllegalArgumentException("test share must be in (0, 1): " + testShare);
        }
        Map<String, List<Integer>> rowsByLabel = new LinkedHashMap<>();
        for (int i = 0; i < labels.size(); i++) {
            rowsByLabel.computeIfAbsent(labels.get(i), label -> new ArrayList<>()).add(i);
        }
        SplittableRandom random = new SplittableRandom(seed);
        List<Integer> training = new ArrayList<>();
        List<Integer> test = new ArrayList<>();
        for (List<Integer> rows : rowsByLabel.values()) {
            int[] order = shuffled(rows, random);
            int testCount = testCount(order.length, testShare);
            for (int k = 0; k < order.length; k++) {
                (k < testCount ? test : training).add(order[k]);
            }
        }
        return new StratifiedSplit(sorted(training), sorted(test));
    }

    private static int testCount(int rows, double testShare) {
        int count = (int) Math.round(rows * testShare);
        return rows < 2 ? count : Math.max(1, Math.min(rows - 1, count));
    }

    private static int[] shuffled(List<Integer> rows, SplittableRandom random) {
        int[] order = rows.stream().mapToInt(Integer::intValue).toArray();
        for (int i = order.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int swap = order[i];
            order[i] = order[j];
            order[j] = swap;
        }
        return order;
    }

    private static int[] sorted(List<Integer> rows) {
        int[] array = rows.stream().mapToInt(Integer::intValue).toArray();
        Arrays.sort(array);
        return array;
    }

    @Override
    public int[] training() {
        return training.clone();
    }

    @Override
    public int[] test() {
        return test.clone();
    }
}
