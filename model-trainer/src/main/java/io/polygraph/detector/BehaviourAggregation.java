package io.polygraph.detector;

/**
 * How a {@code cmad-sequence} record's behaviour pairs (profile~transaction, profile~history,
 * transaction~history) become one behaviour score, before the minimum with the signature pair.
 *
 * <p>The pairs' scores are calibrated ({@link PairCalibration}), so both rules compare like with
 * like. {@link #LEAST_CONSISTENT} is CMAD's own rule (a record is as suspicious as its worst pair);
 * {@link #MEAN} lets pairs that carry no evidence about the current transaction (profile~history
 * looks only at transactions before it) dilute rather than veto.
 */
public enum BehaviourAggregation {
    /** The lowest calibrated behaviour pair score. */
    LEAST_CONSISTENT,

    /** The mean of the calibrated behaviour pair scores that could be computed. */
    MEAN;

    /** The behaviour score of the given calibrated pair scores (NaN entries are skipped). */
    public double of(double... scores) {
        double min = Double.NaN;
        double sum = 0;
        int count = 0;
        for (double score : scores) {
            if (Double.isNaN(score)) {
                continue;
            }
            min = count == 0 ? score : Math.min(min, score);
            sum += score;
            count++;
        }
        if (count == 0) {
            return Double.NaN;
        }
        return this == LEAST_CONSISTENT ? min : sum / count;
    }
}
