package io.polygraph.world;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * Everything that determines a synthetic world: the same configuration always generates an equal
 * {@link World}.
 *
 * <p>All rates are shares of transactions. {@code signatureCaptureShare} is the share of
 * card-present transactions that capture a signature (older customers sign more, younger less, so
 * the share is an average); {@code signatureMismatchRate} is the share of signature-capturing
 * transactions whose presented signature is not the holder's own; {@code behaviourMismatchRate} and
 * {@code outlierRate} are shares of all transactions. The first few transactions of each customer
 * are never anomalous, and the generator compensates for that, so the rates hold for the world as a
 * whole; they are expectations, not exact counts.
 *
 * <p>Example: {@code WorldConfig.defaults().withSeed(7).withCustomers(50)}.
 *
 * @param seed root of every random choice
 * @param customers number of customers (entities), at least 1
 * @param start instant of the first possible transaction; profiles and enrolment signatures are
 *     dated shortly before it
 * @param span length of the transaction history, at least one minute
 * @param transactionsPerCustomerPerDay mean number of transactions per customer and day, above 0
 * @param signatureCaptureShare share of card-present transactions that capture a signature, 0-1
 * @param signatureMismatchRate share of signature-capturing transactions given a signature that is
 *     not the account holder's, 0-1
 * @param behaviourMismatchRate share of transactions drawn from a contrasting profile, 0-1
 * @param outlierRate share of transactions that are plain outliers, 0-1
 * @param signatureSource where signature images come from
 */
public record WorldConfig(
        long seed,
        int customers,
        Instant start,
        Duration span,
        double transactionsPerCustomerPerDay,
        double signatureCaptureShare,
        double signatureMismatchRate,
        double behaviourMismatchRate,
        double outlierRate,
        SignatureSource signatureSource) {

    public WorldConfig {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(span, "span");
        Objects.requireNonNull(signatureSource, "signatureSource");
        if (customers < 1) {
            throw new IllegalArgumentException("customers must be at least 1, was " + customers);
        }
        if (span.compareTo(Duration.ofMinutes(1)) < 0) {
            throw new IllegalArgumentException("span must be at least one minute, was " + span);
        }
        if (!(transactionsPerCustomerPerDay > 0) || transactionsPerCustomerPerDay > 1000) {
            throw new IllegalArgumentException(
                    "transactionsPerCustomerPerDay must be in (0, 1000], was "
                            + transactionsPerCustomerPerDay);
        }
        requireShare("signatureCaptureShare", signatureCaptureShare);
        requireShare("signatureMismatchRate", signatureMismatchRate);
        requireShare("behaviourMismatchRate", behaviourMismatchRate);
        requireShare("outlierRate", outlierRate);
        if (behaviourMismatchRate + outlierRate > 0.5) {
            throw new IllegalArgumentException(
                    "behaviourMismatchRate + outlierRate must not exceed 0.5 (a world of"
                            + " anomalies has no normal behaviour to contrast with), was "
                            + (behaviourMismatchRate + outlierRate));
        }
        start = Instant.ofEpochMilli(start.toEpochMilli());
    }

    /** The default world: 400 customers over 30 days from 2026-01-01, procedural signatures. */
    public static WorldConfig defaults() {
        return new WorldConfig(
                42L,
                400,
                Instant.parse("2026-01-01T00:00:00Z"),
                Duration.ofDays(30),
                2.0,
                0.25,
                0.08,
                0.02,
                0.005,
                new SignatureSource.Procedural());
    }

    /** End of the transaction history (exclusive). */
    public Instant end() {
        return start.plus(span);
    }

    public WorldConfig withSeed(long value) {
        return new WorldConfig(
                value,
                customers,
                start,
                span,
                transactionsPerCustomerPerDay,
                signatureCaptureShare,
                signatureMismatchRate,
                behaviourMismatchRate,
                outlierRate,
                signatureSource);
    }

    public WorldConfig withCustomers(int value) {
        return new WorldConfig(
                seed,
                value,
                start,
                span,
                transactionsPerCustomerPerDay,
                signatureCaptureShare,
                signatureMismatchRate,
                behaviourMismatchRate,
                outlierRate,
                signatureSource);
    }

    public WorldConfig withStart(Instant value) {
        return new WorldConfig(
                seed,
                customers,
                value,
                span,
                transactionsPerCustomerPerDay,
                signatureCaptureShare,
                signatureMismatchRate,
                behaviourMismatchRate,
                outlierRate,
                signatureSource);
    }

    public WorldConfig withSpan(Duration value) {
        return new WorldConfig(
                seed,
                customers,
                start,
                value,
                transactionsPerCustomerPerDay,
                signatureCaptureShare,
                signatureMismatchRate,
                behaviourMismatchRate,
                outlierRate,
                signatureSource);
    }

    public WorldConfig withTransactionsPerCustomerPerDay(double value) {
        return new WorldConfig(
                seed,
                customers,
                start,
                span,
                value,
                signatureCaptureShare,
                signatureMismatchRate,
                behaviourMismatchRate,
                outlierRate,
                signatureSource);
    }

    public WorldConfig withSignatureCaptureShare(double value) {
        return new WorldConfig(
                seed,
                customers,
                start,
                span,
                transactionsPerCustomerPerDay,
                value,
                signatureMismatchRate,
                behaviourMismatchRate,
                outlierRate,
                signatureSource);
    }

    public WorldConfig withSignatureMismatchRate(double value) {
        return new WorldConfig(
                seed,
                customers,
                start,
                span,
                transactionsPerCustomerPerDay,
                signatureCaptureShare,
                value,
                behaviourMismatchRate,
                outlierRate,
                signatureSource);
    }

    public WorldConfig withBehaviourMismatchRate(double value) {
        return new WorldConfig(
                seed,
                customers,
                start,
                span,
                transactionsPerCustomerPerDay,
                signatureCaptureShare,
                signatureMismatchRate,
                value,
                outlierRate,
                signatureSource);
    }

    public WorldConfig withOutlierRate(double value) {
        return new WorldConfig(
                seed,
                customers,
                start,
                span,
                transactionsPerCustomerPerDay,
                signatureCaptureShare,
                signatureMismatchRate,
                behaviourMismatchRate,
                value,
                signatureSource);
    }

    public WorldConfig withSignatureSource(SignatureSource value) {
        return new WorldConfig(
                seed,
                customers,
                start,
                span,
                transactionsPerCustomerPerDay,
                signatureCaptureShare,
                signatureMismatchRate,
                behaviourMismatchRate,
                outlierRate,
                value);
    }

    private static void requireShare(String name, double value) {
        if (!(value >= 0.0 && value <= 1.0)) {
            throw new IllegalArgumentException(name + " must be in [0, 1], was " + value);
        }
    }
}
