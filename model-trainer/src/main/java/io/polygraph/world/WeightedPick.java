package io.polygraph.world;

import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Draws one key of a weight table with probability proportional to its weight.
 *
 * <p>Callers pass maps with a fixed iteration order ({@link java.util.EnumMap}, {@link
 * java.util.LinkedHashMap}) so that the draw is deterministic for a random stream.
 */
final class WeightedPick {

    private WeightedPick() {}

    static <K> K from(Map<K, Double> weights, SplittableRandom random) {
        double total = 0;
        for (double weight : weights.values()) {
            total += weight;
        }
        if (!(total > 0)) {
            throw new IllegalArgumentException("no positive weight in " + weights.keySet());
        }
        double target = random.nextDouble() * total;
        K last = null;
        for (Map.Entry<K, Double> entry : weights.entrySet()) {
            if (entry.getValue() <= 0) {
                continue;
            }
            last = entry.getKey();
            target -= entry.getValue();
            if (target < 0) {
                return last;
            }
        }
        return last;
    }

    static <T> T uniform(List<T> items, SplittableRandom random) {
        return items.get(random.nextInt(items.size()));
    }

    /** A Poisson-distributed count with the given mean (Knuth's method; fine for small means). */
    static int poisson(double mean, SplittableRandom random) {
        if (mean > 30) {
            return Math.max(0, (int) Math.round(mean + Math.sqrt(mean) * random.nextGaussian()));
        }
        double limit = Math.exp(-mean);
        double product = random.nextDouble();
        int count = 0;
        while (product > limit) {
            product *= random.nextDouble();
            count++;
        }
        return count;
    }
}
