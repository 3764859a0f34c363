package io.polygraph.train;

import io.polygraph.detector.BatchCosines;
import io.polygraph.detector.CrossModalDetector;
import io.polygraph.detector.MultimodalRecord;
import io.polygraph.detector.PairCalibration;
import io.polygraph.detector.RecordScore;
import io.polygraph.detector.ScoreCalibration;
import io.polygraph.schema.AnomalyType;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fits the score calibration on held-out records: each pair's normalisation on the cosines of
 * NORMAL records, then epsilon on their overall scores for the target alert rate.
 *
 * <p>Labels are used here and in the evaluation only, never to train the networks. When the
 * held-out split has no normal record with some pair (a tiny world), that pair is calibrated on the
 * training split instead, which is optimistic, and a warning says so.
 */
final class Calibrator {

    private static final Logger LOG = LoggerFactory.getLogger(Calibrator.class);

    private Calibrator() {}

    static ScoreCalibration calibrate(
            List<MultimodalRecord> records,
            List<AnomalyType> types,
            BatchCosines cosines,
            Supplier<BatchCosines> trainingCosines,
            double targetAlertRate) {
        PairCalibration profileTransaction =
                fitPair(
                        "profile~transaction",
                        normalValues(cosines.profileTransaction(), types),
                        () -> trainingCosines.get().profileTransaction());
        PairCalibration signature =
                fitPair(
                        "signature~enrolment",
                        normalValues(cosines.signature(), types),
                        () -> trainingCosines.get().signature());
        ScoreCalibration provisional =
                new ScoreCalibration(profileTransaction, signature, 0.0, targetAlertRate);
        List<RecordScore> scores = CrossModalDetector.verdicts(records, cosines, provisional);
        List<Double> normalScores = new ArrayList<>();
        for (int i = 0; i < scores.size(); i++) {
            if (types.get(i) == AnomalyType.NORMAL) {
                normalScores.add(scores.get(i).score());
            }
        }
        double threshold =
                ScoreCalibration.thresholdFor(
                        normalScores.stream().mapToDouble(Double::doubleValue).toArray(),
                        targetAlertRate);
        return new ScoreCalibration(profileTransaction, signature, threshold, targetAlertRate);
    }

    /**
     * The pair's calibration on its held-out normal cosines, or on the training cosines when the
     * held-out split has none.
     */
    static PairCalibration fitPair(
            String pair, double[] heldOutNormal, Supplier<double[]> trainingFallback) {
        if (heldOutNormal.length > 0) {
            return PairCalibration.fit(heldOutNormal);
        }
        LOG.warn(
                "No held-out normal record has the {} pair; calibrating it on training records",
                pair);
        double[] training =
                java.util.Arrays.stream(trainingFallback.get()).filter(Double::isFinite).toArray();
        if (training.length == 0) {
            LOG.warn("No record at all has the {} pair; its scores are uncalibrated", pair);
            return PairCalibration.uncalibrated(1.0);
        }
        return PairCalibration.fit(training);
    }

    /** The finite values of NORMAL records. */
    static double[] normalValues(double[] values, List<AnomalyType> types) {
        List<Double> kept = new ArrayList<>();
        for (int i = 0; i < values.length; i++) {
            if (types.get(i) == AnomalyType.NORMAL && Double.isFinite(values[i])) {
                kept.add(values[i]);
            }
        }
        return kept.stream().mapToDouble(Double::doubleValue).toArray();
    }
}
