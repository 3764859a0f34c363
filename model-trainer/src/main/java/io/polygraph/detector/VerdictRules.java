package io.polygraph.detector;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Turns a record's calibrated pair scores into its {@link RecordScore}: score, verdict,
 * contributions and reason codes.
 *
 * <p>Rules: contributions list the pairs that were computed, lowest first; the score is the minimum
 * of them unless the caller aggregates otherwise ({@link BehaviourAggregation}); an anomalous
 * record gets the inconsistency code of every pair below the threshold (lowest first, each code
 * once), then every record gets the code of every missing modality. With the minimum, a pair below
 * the threshold always makes the record anomalous, so the rule is the same as listing every such
 * pair. A record for which no pair could be computed is not anomalous: it gets the score {@link
 * #NOTHING_TO_COMPARE}, no contributions, and reason codes that say what was missing.
 */
final class VerdictRules {

    /** Score of a record with no computable pair: nothing contradicts it. */
    static final double NOTHING_TO_COMPARE = 1.0;

    private VerdictRules() {}

    /** The verdict of a {@code cmad} record: the minimum of its two pairs. */
    static RecordScore verdict(
            MultimodalRecord record,
            double profileTransactionCosine,
            double signatureCosine,
            boolean signatureUnreadable,
            ScoreCalibration calibration) {
        List<RecordScore.Contribution> contributions = new ArrayList<>(2);
        add(
                contributions,
                ModalityPair.PROFILE_TRANSACTION,
                profileTransactionCosine,
                calibration.profileTransaction());
        add(contributions, ModalityPair.SIGNATURE, signatureCosine, calibration.signature());
        contributions.sort(Comparator.comparingDouble(RecordScore.Contribution::score));
        double score = contributions.isEmpty() ? NOTHING_TO_COMPARE : contributions.get(0).score();
        return verdict(record, contributions, score, signatureUnreadable, calibration.threshold());
    }

    /** Adds the pair's normalised score unless its cosine is NaN (not computed). */
    static void add(
            List<RecordScore.Contribution> contributions,
            ModalityPair pair,
            double cosine,
            PairCalibration calibration) {
        if (!Double.isNaN(cosine)) {
            contributions.add(
                    new RecordScore.Contribution(
                            pair.contributionName(), calibration.normalise(cosine)));
        }
    }

    /**
     * The verdict of a record given its contributions (sorted lowest first) and its score.
     *
     * @param score the record's score; ignored when there are no contributions
     */
    static RecordScore verdict(
            MultimodalRecord record,
            List<RecordScore.Contribution> contributions,
            double score,
            boolean signatureUnreadable,
            double threshold) {
        if (contributions.isEmpty()) {
            return new RecordScore(
                    NOTHING_TO_COMPARE,
                    false,
                    List.of(),
                    List.copyOf(ReasonCodes.missing(record, signatureUnreadable)));
        }
        boolean anomalous = score < threshold;
        Set<String> reasons = new LinkedHashSet<>();
        for (RecordScore.Contribution contribution : contributions) {
            if (anomalous && contribution.score() < threshold) {
                reasons.add(codeOf(contribution.name()));
            }
        }
        reasons.addAll(ReasonCodes.missing(record, signatureUnreadable));
        return new RecordScore(score, anomalous, List.copyOf(contributions), List.copyOf(reasons));
    }

    private static String codeOf(String contributionName) {
        for (ModalityPair pair : ModalityPair.values()) {
            if (pair.contributionName().equals(contributionName)) {
                return pair.inconsistencyCode();
            }
        }
        throw new IllegalStateException("unknown pair " + contributionName);
    }
}
