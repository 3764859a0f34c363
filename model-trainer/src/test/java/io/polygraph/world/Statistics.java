package io.polygraph.world;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** Small descriptive statistics for test assertions. */
final class Statistics {

    private Statistics() {}

    static double median(Collection<? extends Number> values) {
        List<Double> sorted = new ArrayList<>();
        values.forEach(value -> sorted.add(value.doubleValue()));
        if (sorted.isEmpty()) {
            throw new IllegalArgumentException("no values");
        }
        sorted.sort(null);
        int middle = sorted.size() / 2;
        return sorted.size() % 2 == 1
                ? sorted.get(middle)
                : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
    }

    static double mean(Collection<? extends Number> values) {
        return values.stream().mapToDouble(Number::doubleValue).average().orElseThrow();
    }

    static double share(long part, long whole) {
        return whole == 0 ? 0 : part / (double) whole;
    }
}
