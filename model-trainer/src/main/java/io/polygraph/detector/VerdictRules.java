package io.polygraph.detector;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Turns a record's calibrated pair scores into its {@link RecordScore}: score, verdict,
 * contributions and reason codes.
 *
 * <p>Rules: the score is the minimum of the pairs that were computed; contributions list those
 * pairs lowest first; every pair below the threshold adds its inconsistency code (lowest first),
 * then every missing modality adds its code. A record for which no pair could be computed is not
 * anomalous: it gets the score {@link #NOTHING_TO_COMPARE}, no contributions, and reason codes that
 * say what was missing.
 */
final class VerdictRules {

    /** Score of a record with no computable pair: nothing contradicts it. */
    static final double NOTHING_TO_COMPARE = 1.0;

    private VerdictRules() {}

    static RecordScore verdict(
            MultimodalRecord record,
            double profileTransactionCosine,
            double signatureCosine,
            boolean signatureUnreadable,
            ScoreCalibration calibration) {
        List<RecordScore.Contribution> contributions = new ArrayList<>(2);
        if (!Double.isNaN(profileTransactionCosine)) {
            contributions.add(
                    new RecordScore.Contribution(
                            ModalityPair.PROFILE_TRANSACTION.contributionName(),
                            calibration.profileTransaction().normalise(profileTransactionCosine)));
        }
        if (!Double.isNaN(signatureCosine)) {
            contributions.add(
                    new RecordScore.Contribution(
                            ModalityPair.SIGNATURE.contributionName(),
                            calibration.signature().normalise(signatureCosine)));
        }
        contributions.sort(Comparator.comparingDouble(RecordScore.Contribution::score));
        List<String> reasons = new ArrayList<>(3);
        for (RecordScore.Contribution contribution : contributions) {
            if (contribution.score() < calibration.threshold()) {
                reasons.add(codeOf(contribution.name()));
            }
        }
        reasons.addAll(ReasonCodes.missing(record, signatureUnreadable));
        if (contributions.isEmpty()) {
            return new RecordScore(NOTHING_TO_COMPARE, false, List.of(), List.copyOf(reasons));
        }
        double score = contributions.get(0).score();
        return new RecordScore(
                score,
                score < calibration.threshold(),
                List.copyOf(contributions),
                List.copyOf(reasons));
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
