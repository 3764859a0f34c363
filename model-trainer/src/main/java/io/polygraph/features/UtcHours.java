package io.polygraph.features;

import java.time.Instant;

/**
 * The UTC time of day of an instant, worked out from its epoch seconds.
 *
 * <p>{@code instant.atZone(ZoneOffset.UTC)} gives the same hour and minute but allocates a {@code
 * ZoneRules}, a date and a time on every call; a transaction's history summary asks for the hour of
 * each of its recent transactions, and those allocations were about a tenth of the scoring
 * operator's in a latency run. Package-private: a part of the feature encoding.
 */
final class UtcHours {

    private static final int SECONDS_PER_DAY = 86_400;
    private static final int SECONDS_PER_HOUR = 3_600;

    private UtcHours() {}

    /** The hour of the day, 0 to 23. */
    static int hour(Instant instant) {
        return secondOfDay(instant) / SECONDS_PER_HOUR;
    }

    /** The hours since midnight with the minutes as a fraction: {@code hour + minute / 60.0}. */
    static double hoursIntoDay(Instant instant) {
        int second = secondOfDay(instant);
        return second / SECONDS_PER_HOUR + second % SECONDS_PER_HOUR / 60 / 60.0;
    }

    private static int secondOfDay(Instant instant) {
        return (int) Math.floorMod(instant.getEpochSecond(), SECONDS_PER_DAY);
    }
}
