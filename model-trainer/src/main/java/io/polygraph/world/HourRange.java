package io.polygraph.world;

/**
 * A span of hours of the day, {@code from} inclusive to {@code to} exclusive, {@code to} at most
 * 24.
 *
 * @param from first hour, 0-23
 * @param to hour after the last one, after {@code from}, at most 24
 */
record HourRange(int from, int to) {

    HourRange {
        if (from < 0 || to > 24 || to <= from) {
            throw new IllegalArgumentException("invalid hour range " + from + "-" + to);
        }
    }

    int length() {
        return to - from;
    }
}
