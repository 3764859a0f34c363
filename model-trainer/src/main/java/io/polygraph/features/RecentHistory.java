package io.polygraph.features;

import io.polygraph.schema.Location;
import io.polygraph.schema.Transaction;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Aggregates of an entity's recent transactions, computed once per record and used for both the
 * history summary and the current transaction's departure from it.
 *
 * <p>An empty history gives zeros everywhere and a cleared "has history" flag, so that the network
 * can tell "nothing known" from "usual".
 */
final class RecentHistory {

    /** Keeps the amount z-score finite for a customer who always pays the same amount. */
    private static final double AMOUNT_SPREAD_FLOOR = 0.25;

    private final List<Transaction> recent;
    private final FeatureVocabularies vocabularies;
    private final double meanLogAmount;
    private final double stdLogAmount;
    private final double meanHourAngle;
    private final double hourConcentration;
    private final Set<String> merchants = new HashSet<>();
    private final Set<String> devices = new HashSet<>();

    private RecentHistory(List<Transaction> recent, FeatureVocabularies vocabularies) {
        this.recent = recent;
        this.vocabularies = vocabularies;
        double sum = 0;
        double sumSquares = 0;
        double sin = 0;
        double cos = 0;
        for (Transaction transaction : recent) {
            double logAmount = TransactionEncoder.logAmount(transaction);
            sum += logAmount;
            sumSquares += logAmount * logAmount;
            double angle = hourAngle(transaction);
            sin += Math.sin(angle);
            cos += Math.cos(angle);
            merchants.add(transaction.getMerchantId());
            if (transaction.getDeviceId() != null) {
                devices.add(transaction.getDeviceId());
            }
        }
        int n = Math.max(1, recent.size());
        this.meanLogAmount = sum / n;
        this.stdLogAmount = Math.sqrt(Math.max(0, sumSquares / n - meanLogAmount * meanLogAmount));
        this.meanHourAngle = Math.atan2(sin, cos);
        this.hourConcentration = Math.hypot(sin, cos) / n;
    }

    /** Columns appended by {@link #appendDeparture}. */
    static final int DEPARTURE_WIDTH = 10;

    /** Columns appended by {@link #appendSummary}. */
    static int summaryWidth(FeatureVocabularies vocabularies) {
        return 3 + vocabularies.merchantCategories().size() + vocabularies.channels().size() + 4;
    }

    static RecentHistory of(List<Transaction> recent, FeatureVocabularies vocabularies) {
        return new RecentHistory(List.copyOf(recent), vocabularies);
    }

    /** Appends count, amount level and spread, category and channel mix, place and time habits. */
    void appendSummary(FeatureRow row) {
        double[] categories = new double[vocabularies.merchantCategories().size()];
        double[] channels = new double[vocabularies.channels().size()];
        double night = 0;
        for (Transaction transaction : recent) {
            categories[vocabularies.merchantCategories().slot(transaction.getMerchantCategory())]++;
            channels[vocabularies.channels().slot(transaction.getChannel().name())]++;
            int hour = UtcHours.hour(transaction.getEventTime());
            night += hour < 6 || hour >= 23 ? 1 : 0;
        }
        double n = Math.max(1, recent.size());
        row.number(Math.log1p(recent.size()))
                .number(meanLogAmount)
                .number(stdLogAmount)
                .numbers(divide(categories, n))
                .numbers(divide(channels, n))
                .number(hourConcentration * Math.sin(meanHourAngle))
                .number(hourConcentration * Math.cos(meanHourAngle))
                .number(night / n)
                .flag(!recent.isEmpty());
    }

    /** Appends how unusual {@code current} is for this history. */
    void appendDeparture(FeatureRow row, Transaction current) {
        if (recent.isEmpty()) {
            row.number(0).flag(false).flag(false).flag(current.getDeviceId() != null);
            row.number(0).number(0).number(0).number(0).number(0).number(0);
            return;
        }
        String device = current.getDeviceId();
        row.number(
                        (TransactionEncoder.logAmount(current) - meanLogAmount)
                                / (stdLogAmount + AMOUNT_SPREAD_FLOOR))
                .flag(merchants.contains(current.getMerchantId()))
                .flag(device != null && devices.contains(device))
                .flag(device != null && !devices.contains(device))
                .number(share(t -> t.getMerchantCategory().equals(current.getMerchantCategory())))
                .number(share(t -> t.getChannel() == current.getChannel()))
                .number(share(t -> sameCountry(t.getLocation(), current.getLocation())))
                .number(Math.log1p(nearestKm(current.getLocation())))
                .number(Math.log1p(hoursSincePrevious(current)))
                .number(hourDistance(current) / 12.0);
    }

    private double share(java.util.function.Predicate<Transaction> matches) {
        int count = 0;
        for (Transaction transaction : recent) {
            if (matches.test(transaction)) {
                count++;
            }
        }
        return (double) count / recent.size();
    }

    private double nearestKm(Location location) {
        double nearest = Double.MAX_VALUE;
        for (Transaction transaction : recent) {
            nearest = Math.min(nearest, GeoDistance.km(location, transaction.getLocation()));
        }
        return nearest;
    }

    private double hoursSincePrevious(Transaction current) {
        long previous = recent.get(recent.size() - 1).getEventTime().toEpochMilli();
        return Math.max(0, current.getEventTime().toEpochMilli() - previous) / 3_600_000.0;
    }

    /** Circular distance in hours (0..12) between the current hour and the usual hour. */
    private double hourDistance(Transaction current) {
        double difference = Math.abs(hourAngle(current) - meanHourAngle);
        difference = Math.min(difference, 2 * Math.PI - difference);
        return difference * 12 / Math.PI * hourConcentration;
    }

    private static boolean sameCountry(Location a, Location b) {
        return a.getCountry().equals(b.getCountry());
    }

    private static double hourAngle(Transaction transaction) {
        return 2 * Math.PI * UtcHours.hoursIntoDay(transaction.getEventTime()) / 24;
    }

    private static double[] divide(double[] counts, double n) {
        double[] shares = new double[counts.length];
        for (int i = 0; i < counts.length; i++) {
            shares[i] = counts[i] / n;
        }
        return shares;
    }
}
