package io.polygraph.job.alert;

import java.io.Serializable;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.OptionalDouble;

/**
 * What turns scores into alerts: threshold, per-entity smoothing, suppression of repeats and
 * severity levels. A plain value, checked when built; {@link AlertPolicyFunction} applies it.
 *
 * <p>The defaults ({@link #defaults()}) alert exactly where the model snapshot says: its threshold,
 * no smoothing, no suppression. Usage:
 *
 * <pre>{@code
 * AlertPolicy policy = AlertPolicy.defaults()
 *         .withSmoothing(0.5, Duration.ofDays(7))
 *         .withSuppressionWindow(Duration.ofMinutes(10));
 * }</pre>
 */
public final class AlertPolicy implements Serializable {
    private static final long serialVersionUID = 1L;

    /** Cut points of the default severity levels, in score units below the threshold. */
    public static final List<Double> DEFAULT_SEVERITY_CUTS = List.of(0.05, 0.15, 0.3);

    /** The default smoothing factor: the score as it is. */
    public static final double NO_SMOOTHING = 1.0;

    private final Double thresholdOverride;
    private final double smoothing;
    private final long smoothingTtlMillis;
    private final long suppressionWindowMillis;
    private final SeverityLevels severityLevels;
    private final long latenessMillis;

    private AlertPolicy(
            Double thresholdOverride,
            double smoothing,
            Duration smoothingTtl,
            Duration suppressionWindow,
            SeverityLevels severityLevels,
            Duration lateness) {
        if (thresholdOverride != null && !(thresholdOverride >= -1 && thresholdOverride <= 1)) {
            throw new IllegalArgumentException(
                    "threshold " + thresholdOverride + " is outside the score range [-1, 1]");
        }
        if (!(smoothing > 0 && smoothing <= 1)) {
            throw new IllegalArgumentException("smoothing " + smoothing + " is not in (0, 1]");
        }
        if (smoothingTtl.isNegative() || smoothingTtl.isZero()) {
            throw new IllegalArgumentException(
                    "smoothing TTL " + smoothingTtl + " is not positive");
        }
        if (suppressionWindow.isNegative()) {
            throw new IllegalArgumentException(
                    "suppression window " + suppressionWindow + " is negative");
        }
        if (lateness.isNegative()) {
            throw new IllegalArgumentException("lateness " + lateness + " is negative");
        }
        this.thresholdOverride = thresholdOverride;
        this.smoothing = smoothing;
        this.smoothingTtlMillis = smoothingTtl.toMillis();
        this.suppressionWindowMillis = suppressionWindow.toMillis();
        this.severityLevels = Objects.requireNonNull(severityLevels, "severityLevels");
        this.latenessMillis = lateness.toMillis();
    }

    /** The snapshot's threshold, no smoothing, no suppression, the default severity levels. */
    public static AlertPolicy defaults() {
        return new AlertPolicy(
                null,
                NO_SMOOTHING,
                Duration.ofDays(7),
                Duration.ZERO,
                new SeverityLevels(DEFAULT_SEVERITY_CUTS),
                Duration.ZERO);
    }

    /** This policy deciding against {@code threshold} instead of the snapshot's. */
    public AlertPolicy withThreshold(double threshold) {
        return new AlertPolicy(
                threshold,
                smoothing,
                Duration.ofMillis(smoothingTtlMillis),
                Duration.ofMillis(suppressionWindowMillis),
                severityLevels,
                Duration.ofMillis(latenessMillis));
    }

    /**
     * This policy smoothing each entity's scores with factor {@code factor} ({@code 1} for none),
     * forgetting an entity's smoothed score {@code ttl} of event time after its last transaction.
     */
    public AlertPolicy withSmoothing(double factor, Duration ttl) {
        return new AlertPolicy(
                thresholdOverride,
                factor,
                ttl,
                Duration.ofMillis(suppressionWindowMillis),
                severityLevels,
                Duration.ofMillis(latenessMillis));
    }

    /**
     * This policy suppressing an entity's alerts for {@code window} after each ({@code 0}: off).
     */
    public AlertPolicy withSuppressionWindow(Duration window) {
        return new AlertPolicy(
                thresholdOverride,
                smoothing,
                Duration.ofMillis(smoothingTtlMillis),
                window,
                severityLevels,
                Duration.ofMillis(latenessMillis));
    }

    /** This policy grading alerts with {@code levels}. */
    public AlertPolicy withSeverityLevels(SeverityLevels levels) {
        return new AlertPolicy(
                thresholdOverride,
                smoothing,
                Duration.ofMillis(smoothingTtlMillis),
                Duration.ofMillis(suppressionWindowMillis),
                levels,
                Duration.ofMillis(latenessMillis));
    }

    /**
     * This policy keeping expired state {@code lateness} longer: candidates reach the policy up to
     * the join's wait (plus the sources' out-of-orderness) behind the watermark, and a late one
     * must still find the last alert that suppresses it.
     */
    public AlertPolicy withLateness(Duration lateness) {
        return new AlertPolicy(
                thresholdOverride,
                smoothing,
                Duration.ofMillis(smoothingTtlMillis),
                Duration.ofMillis(suppressionWindowMillis),
                severityLevels,
                lateness);
    }

    /** Event time by which candidates may lag the watermark; state is kept that much longer. */
    public long latenessMillis() {
        return latenessMillis;
    }

    /** The threshold decisions use: the override if set, else {@code snapshotThreshold}. */
    public double threshold(double snapshotThreshold) {
        return thresholdOverride != null ? thresholdOverride : snapshotThreshold;
    }

    /** The overriding threshold, if any. */
    public OptionalDouble thresholdOverride() {
        return thresholdOverride == null
                ? OptionalDouble.empty()
                : OptionalDouble.of(thresholdOverride);
    }

    /** Whether scores are smoothed, so every score (not only those below threshold) matters. */
    public boolean smooths() {
        return smoothing < NO_SMOOTHING;
    }

    /** The weight of the newest score in the smoothed score. */
    public double smoothing() {
        return smoothing;
    }

    /** Event time after an entity's last transaction at which its smoothed score is forgotten. */
    public long smoothingTtlMillis() {
        return smoothingTtlMillis;
    }

    /** Whether repeated alerts of one entity are suppressed. */
    public boolean suppresses() {
        return suppressionWindowMillis > 0;
    }

    /** Event time after an alert during which its entity raises no other. */
    public long suppressionWindowMillis() {
        return suppressionWindowMillis;
    }

    public SeverityLevels severityLevels() {
        return severityLevels;
    }

    @Override
    public String toString() {
        return "AlertPolicy{threshold="
                + (thresholdOverride == null ? "snapshot's" : thresholdOverride)
                + ", smoothing="
                + smoothing
                + ", smoothingTtl="
                + Duration.ofMillis(smoothingTtlMillis)
                + ", suppressionWindow="
                + Duration.ofMillis(suppressionWindowMillis)
                + ", "
                + severityLevels
                + ", lateness="
                + Duration.ofMillis(latenessMillis)
                + "}";
    }
}
