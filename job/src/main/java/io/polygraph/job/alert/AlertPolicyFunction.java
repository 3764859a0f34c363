package io.polygraph.job.alert;

import io.polygraph.detector.ReasonCodes;
import io.polygraph.schema.Alert;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.MetricGroup;
import org.apache.flink.streaming.api.TimerService;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Applies the {@link AlertPolicy} per entity to the scoring operator's alert candidates and emits
 * the alerts people get. Keyed by entity id.
 *
 * <p>For each candidate, in this order: (1) the threshold is the policy's override, else the
 * snapshot's (carried in the candidate); (2) with smoothing, the entity's smoothed score becomes
 * {@code a * score + (1 - a) * previous} (the raw score itself for the entity's first candidate, or
 * the first after its smoothed score expired), updated in arrival order whatever the decision; (3)
 * the candidate alerts when the smoothed score (the raw one without smoothing) is below the
 * threshold; (4) with suppression, an alert whose event time falls before the entity's last emitted
 * alert plus the window is dropped and counted ({@code alertsSuppressed}); a suppressed alert does
 * not extend the window, so a lasting anomaly alerts once per window; (5) the emitted alert gets
 * its severity from how far the decision score lies below the threshold, the threshold it was
 * decided against, its smoothed score, a summary, and {@link ReasonCodes#SCORED_ANOMALOUS} when
 * none of its codes names an inconsistency (a record the snapshot's own threshold would not have
 * flagged has none).
 *
 * <p>State is bounded by event-time timers, not Flink's state TTL (which counts processing time
 * only, so replays and tests would expire differently): an entity's smoothed score is cleared
 * {@link AlertPolicy#smoothingTtlMillis()} after its latest transaction, its last alert time once
 * the suppression window has passed, each plus {@link AlertPolicy#latenessMillis()} (candidates lag
 * the watermark by up to the join's wait). One timer per entity at most: when it fires it clears
 * what has expired and re-arms for what has not. Without smoothing and suppression the function
 * keeps no state and sets no timers.
 */
public final class AlertPolicyFunction extends KeyedProcessFunction<String, Alert, Alert> {
    private static final long serialVersionUID = 1L;

    private final AlertPolicy policy;

    private transient ValueState<Double> smoothedScore;
    private transient ValueState<Long> lastScoredAt;
    private transient ValueState<Long> lastAlertAt;
    private transient ValueState<Long> cleanupAt;
    private transient Counter alertsEmitted;
    private transient Counter alertsSuppressed;

    public AlertPolicyFunction(AlertPolicy policy) {
        this.policy = Objects.requireNonNull(policy, "policy");
    }

    @Override
    public void open(OpenContext openContext) {
        smoothedScore =
                getRuntimeContext()
                        .getState(new ValueStateDescriptor<>("smoothed-score", Types.DOUBLE));
        lastScoredAt =
                getRuntimeContext()
                        .getState(new ValueStateDescriptor<>("last-scored-at", Types.LONG));
        lastAlertAt =
                getRuntimeContext()
                        .getState(new ValueStateDescriptor<>("last-alert-at", Types.LONG));
        cleanupAt =
                getRuntimeContext().getState(new ValueStateDescriptor<>("cleanup-at", Types.LONG));
        MetricGroup metrics = getRuntimeContext().getMetricGroup().addGroup("polygraph");
        alertsEmitted = metrics.counter("alertsEmitted");
        alertsSuppressed = metrics.counter("alertsSuppressed");
    }

    @Override
    public void processElement(Alert candidate, Context ctx, Collector<Alert> out)
            throws Exception {
        long eventTime = candidate.getEventTime().toEpochMilli();
        double threshold = policy.threshold(candidate.getThreshold());
        double decisionScore =
                policy.smooths() ? smooth(candidate.getScore(), eventTime) : candidate.getScore();
        if (decisionScore < threshold) {
            if (policy.suppresses() && isSuppressed(eventTime)) {
                alertsSuppressed.inc();
            } else {
                if (policy.suppresses()) {
                    lastAlertAt.update(eventTime);
                }
                out.collect(finish(candidate, threshold, decisionScore));
                alertsEmitted.inc();
            }
        }
        armCleanup(ctx.timerService());
    }

    private double smooth(double score, long eventTime) throws Exception {
        Double previous = smoothedScore.value();
        double a = policy.smoothing();
        double smoothed = previous == null ? score : a * score + (1 - a) * previous;
        smoothedScore.update(smoothed);
        Long seen = lastScoredAt.value();
        lastScoredAt.update(seen == null ? eventTime : Math.max(seen, eventTime));
        return smoothed;
    }

    /** Alerts are only emitted at or after the window's end, so a late earlier one is a repeat. */
    private boolean isSuppressed(long eventTime) throws Exception {
        Long last = lastAlertAt.value();
        return last != null && eventTime < last + policy.suppressionWindowMillis();
    }

    private Alert finish(Alert candidate, double threshold, double decisionScore) {
        Alert alert = Alert.newBuilder(candidate).build();
        alert.setThreshold(threshold);
        alert.setSeverity(policy.severityLevels().of(threshold - decisionScore));
        alert.setSmoothedScore(policy.smooths() ? decisionScore : null);
        alert.setReasonCodes(withInconsistency(candidate.getReasonCodes()));
        alert.setSummary(AlertSummary.of(alert));
        return alert;
    }

    private static List<String> withInconsistency(List<String> codes) {
        if (codes.stream().anyMatch(code -> !ReasonCodes.isMissingModality(code))) {
            return codes;
        }
        List<String> completed = new ArrayList<>(codes.size() + 1);
        completed.add(ReasonCodes.SCORED_ANOMALOUS);
        completed.addAll(codes);
        return completed;
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<Alert> out) throws Exception {
        cleanupAt.clear();
        Long scored = lastScoredAt.value();
        if (scored != null && smoothingExpiry(scored) <= timestamp) {
            smoothedScore.clear();
            lastScoredAt.clear();
        }
        Long alerted = lastAlertAt.value();
        if (alerted != null && suppressionExpiry(alerted) <= timestamp) {
            lastAlertAt.clear();
        }
        armCleanup(ctx.timerService());
    }

    /** Registers a timer for the earliest expiry of what is held, unless one is pending. */
    private void armCleanup(TimerService timers) throws Exception {
        if (!policy.smooths() && !policy.suppresses() || cleanupAt.value() != null) {
            return;
        }
        long next = Long.MAX_VALUE;
        Long scored = lastScoredAt.value();
        if (scored != null) {
            next = Math.min(next, smoothingExpiry(scored));
        }
        Long alerted = lastAlertAt.value();
        if (alerted != null) {
            next = Math.min(next, suppressionExpiry(alerted));
        }
        if (next != Long.MAX_VALUE) {
            timers.registerEventTimeTimer(next);
            cleanupAt.update(next);
        }
    }

    private long smoothingExpiry(long lastScored) {
        return lastScored + policy.smoothingTtlMillis() + policy.latenessMillis();
    }

    private long suppressionExpiry(long lastAlert) {
        return lastAlert + policy.suppressionWindowMillis() + policy.latenessMillis();
    }
}
