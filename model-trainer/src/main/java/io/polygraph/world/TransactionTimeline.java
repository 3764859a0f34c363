package io.polygraph.world;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Draws when a customer pays: a Poisson number of payments per day, at hours from the customer's
 * usual range.
 *
 * <p>Hours are UTC; the home regions lie within an hour or two of it, which is close enough for "a
 * retiree shops in the daytime" to show. Weekends are a little busier than weekdays, with the
 * weekly mean equal to the configured rate.
 */
final class TransactionTimeline {

    private static final long DAY_MILLIS = Duration.ofDays(1).toMillis();

    private TransactionTimeline() {}

    /** The customer's payment times inside the world's span, sorted. */
    static List<Instant> draw(WorldConfig config, Customer customer, SplittableRandom random) {
        Instant firstDay = config.start().truncatedTo(ChronoUnit.DAYS);
        // No payment in the first second, so that a presented signature is never before start.
        long from = config.start().toEpochMilli() + 1000;
        long until = config.end().toEpochMilli();
        List<Instant> times = new ArrayList<>();
        for (long day = 0; firstDay.toEpochMilli() + day * DAY_MILLIS < until; day++) {
            Instant dayStart = firstDay.plusMillis(day * DAY_MILLIS);
            double mean =
                    config.transactionsPerCustomerPerDay()
                            * customer.habits().activity()
                            * weekdayFactor(dayStart);
            int count = WeightedPick.poisson(mean, random);
            for (int i = 0; i < count; i++) {
                long at = dayStart.toEpochMilli() + timeOfDayMillis(customer.habits(), random);
                if (at >= from && at < until) {
                    times.add(Instant.ofEpochMilli(at));
                }
            }
        }
        times.sort(null);
        return times;
    }

    /** The day of the world (0-based from the start's UTC day) an instant falls on. */
    static long dayOf(WorldConfig config, Instant instant) {
        Instant firstDay = config.start().truncatedTo(ChronoUnit.DAYS);
        return Math.floorDiv(instant.toEpochMilli() - firstDay.toEpochMilli(), DAY_MILLIS);
    }

    /**
     * The first instant at or after {@code after} whose hour lies in {@code [fromHour, fromHour +
     * hours)}, spread uniformly over that window. Anomalies move only forward in time, so that an
     * anomaly never lands among a customer's first transactions.
     */
    static Instant nextWindow(Instant after, int fromHour, int hours, SplittableRandom random) {
        Instant dayStart = after.truncatedTo(ChronoUnit.DAYS);
        for (int day = 0; day < 3; day++) {
            long windowStart = dayStart.toEpochMilli() + (day * 24L + fromHour) * 3_600_000L;
            long windowEnd = windowStart + hours * 3_600_000L;
            long earliest = Math.max(windowStart, after.toEpochMilli());
            if (earliest < windowEnd) {
                return Instant.ofEpochMilli(earliest + random.nextLong(windowEnd - earliest));
            }
        }
        throw new IllegalStateException("no window found after " + after);
    }

    private static double weekdayFactor(Instant dayStart) {
        DayOfWeek day = dayStart.atZone(ZoneOffset.UTC).getDayOfWeek();
        return day == DayOfWeek.SATURDAY || day == DayOfWeek.SUNDAY ? 1.15 : 0.94;
    }

    private static long timeOfDayMillis(CustomerHabits habits, SplittableRandom random) {
        HourRange hours = habits.hours();
        // The mean of two uniforms peaks in the middle of the range: few payments at its edges.
        double position = (random.nextDouble() + random.nextDouble()) / 2;
        return (long) ((hours.from() + position * hours.length()) * 3_600_000L);
    }
}
