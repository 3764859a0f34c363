package io.polygraph.it;

import io.polygraph.schema.Alert;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The committed alerts of two runs of the job on the same input compared by transaction: which the
 * run under test missed or added against a reference run, which of the shared ones a different
 * model version scored, and how far apart the shared ones' scores lie.
 *
 * <p>Scores agree only to float precision, not bit for bit: the detector's networks compute in
 * float32, and a scoring batch is cut by size or by a processing-time deadline, so a record is
 * scored in batches of different shapes in different runs (failures or not), whose float32 results
 * may differ in the last bits (differences up to about 5e-7 seen). An alert whose score lies within
 * {@link #SCORE_TOLERANCE} of its threshold may therefore legitimately be alerted in one run and
 * not the other; such borderline alerts are counted instead of being reported as missing or extra.
 *
 * @param missing transaction ids alerted by the reference run only (borderline ones excepted)
 * @param extra transaction ids alerted by the run under test only (borderline ones excepted)
 * @param otherModel transaction ids alerted by both runs with different model versions
 * @param maxScoreDifference the largest score difference of a transaction alerted by both runs
 * @param borderline alerts of one run only whose score lies within the tolerance of its threshold
 */
record AlertComparison(
        List<String> missing,
        List<String> extra,
        List<String> otherModel,
        double maxScoreDifference,
        int borderline) {

    /** How far the scores of one alert may differ between runs: float32 scoring, see above. */
    static final double SCORE_TOLERANCE = 1e-5;

    static AlertComparison of(List<Alert> reference, List<Alert> underTest) {
        Map<String, Alert> expected = byTransaction(reference);
        Map<String, Alert> actual = byTransaction(underTest);
        List<String> missing = new ArrayList<>();
        List<String> extra = new ArrayList<>();
        List<String> otherModel = new ArrayList<>();
        double maxScoreDifference = 0;
        int borderline = 0;
        for (Alert alert : expected.values()) {
            Alert other = actual.get(alert.getTransactionId());
            if (other == null) {
                if (isBorderline(alert)) {
                    borderline++;
                } else {
                    missing.add(alert.getTransactionId());
                }
                continue;
            }
            if (!alert.getModelVersion().equals(other.getModelVersion())) {
                otherModel.add(alert.getTransactionId());
            }
            maxScoreDifference =
                    Math.max(maxScoreDifference, Math.abs(alert.getScore() - other.getScore()));
        }
        for (Alert alert : actual.values()) {
            if (!expected.containsKey(alert.getTransactionId())) {
                if (isBorderline(alert)) {
                    borderline++;
                } else {
                    extra.add(alert.getTransactionId());
                }
            }
        }
        return new AlertComparison(missing, extra, otherModel, maxScoreDifference, borderline);
    }

    /** The transaction ids that {@code alerts} names more than once (once per repetition). */
    static List<String> alertedTwice(List<Alert> alerts) {
        Set<String> ids = new HashSet<>();
        return alerts.stream().map(Alert::getTransactionId).filter(id -> !ids.add(id)).toList();
    }

    private static boolean isBorderline(Alert alert) {
        return Math.abs(alert.getScore() - alert.getThreshold()) <= SCORE_TOLERANCE;
    }

    private static Map<String, Alert> byTransaction(List<Alert> alerts) {
        Map<String, Alert> byId = new HashMap<>();
        alerts.forEach(a -> byId.put(a.getTransactionId(), a));
        return byId;
    }
}
