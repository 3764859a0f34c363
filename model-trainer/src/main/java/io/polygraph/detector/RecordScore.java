package io.polygraph.detector;

import java.util.List;

/**
 * The verdict on one record.
 *
 * @param score consistency score; lower is more anomalous
 * @param anomalous whether {@code score} fell below the model's threshold
 * @param contributions per modality pair scores that explain {@code score}, lowest first
 * @param reasonCodes machine-readable reasons (see {@link ReasonCodes})
 */
public record RecordScore(
        double score,
        boolean anomalous,
        List<Contribution> contributions,
        List<String> reasonCodes) {

    /**
     * The score of one modality or modality pair.
     *
     * @param name for example {@code profile~transaction}
     * @param score consistency of that pair; lower is more anomalous
     */
    public record Contribution(String name, double score) {}
}
