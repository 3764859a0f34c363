package io.polygraph.detector;

import java.util.List;
import java.util.Map;

/**
 * The verdict on one record.
 *
 * <p>{@code modalityWeights} was added after the first four components: detectors that have no
 * weights use the four-argument constructor and get an empty map, so a verdict costs nothing more
 * for them.
 *
 * @param score consistency score; lower is more anomalous
 * @param anomalous whether {@code score} fell below the model's threshold
 * @param contributions per modality pair scores that explain {@code score}, lowest first
 * @param reasonCodes machine-readable reasons (see {@link ReasonCodes})
 * @param modalityWeights how much each visible modality weighed in the detector's fused view of the
 *     record, by contribution name (DMAFN with attention fusion, also inside a combination as
 *     {@code member/name}); empty for every other detector
 */
public record RecordScore(
        double score,
        boolean anomalous,
        List<Contribution> contributions,
        List<String> reasonCodes,
        Map<String, Double> modalityWeights) {

    public RecordScore {
        modalityWeights = modalityWeights == null ? Map.of() : Map.copyOf(modalityWeights);
    }

    /** A verdict without modality weights. */
    public RecordScore(
            double score,
            boolean anomalous,
            List<Contribution> contributions,
            List<String> reasonCodes) {
        this(score, anomalous, contributions, reasonCodes, Map.of());
    }

    /**
     * The score of one modality or modality pair.
     *
     * @param name for example {@code profile~transaction}
     * @param score consistency of that pair; lower is more anomalous
     */
    public record Contribution(String name, double score) {}
}
