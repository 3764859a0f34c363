package io.polygraph.train;

import io.polygraph.detector.BehaviourAggregation;
import io.polygraph.detector.ConsensusCalibration;
import io.polygraph.detector.ConsensusCosines;
import io.polygraph.detector.MultimodalRecord;
import io.polygraph.detector.PairCalibration;
import io.polygraph.detector.RecordScore;
import io.polygraph.detector.ScoreCalibration;
import io.polygraph.detector.SequenceCrossModalDetector;
import io.polygraph.schema.AnomalyType;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Fits a {@code cmad-sequence} calibration on held-out records as {@link Calibrator} does for
 * {@code cmad}: each of the four pairs on the cosines of NORMAL held-out records, then epsilon on
 * their overall scores for the target alert rate.
 */
final class ConsensusCalibrator {

    private ConsensusCalibrator() {}

    static ConsensusCalibration calibrate(
            List<MultimodalRecord> records,
            List<AnomalyType> types,
            ConsensusCosines cosines,
            Supplier<ConsensusCosines> trainingCosines,
            BehaviourAggregation aggregation,
            double targetAlertRate) {
        ConsensusCalibration provisional =
                new ConsensusCalibration(
                        fit(
                                "profile~transaction",
                                cosines.profileTransaction(),
                                types,
                                () -> trainingCosines.get().profileTransaction()),
                        fit(
                                "profile~history",
                                cosines.profileHistory(),
                                types,
                                () -> trainingCosines.get().profileHistory()),
                        fit(
                                "transaction~history",
                                cosines.transactionHistory(),
                                types,
                                () -> trainingCosines.get().transactionHistory()),
                        fit(
                                "signature~enrolment",
                                cosines.signature(),
                                types,
                                () -> trainingCosines.get().signature()),
                        aggregation,
                        0.0,
                        targetAlertRate);
        return withThreshold(records, types, cosines, provisional);
    }

    /** {@code calibration} with epsilon fitted on the NORMAL records' scores. */
    static ConsensusCalibration withThreshold(
            List<MultimodalRecord> records,
            List<AnomalyType> types,
            ConsensusCosines cosines,
            ConsensusCalibration calibration) {
        List<RecordScore> scores =
                SequenceCrossModalDetector.verdicts(records, cosines, calibration);
        List<Double> normalScores = new ArrayList<>();
        for (int i = 0; i < scores.size(); i++) {
            if (types.get(i) == AnomalyType.NORMAL) {
                normalScores.add(scores.get(i).score());
            }
        }
        double threshold =
                ScoreCalibration.thresholdFor(
                        normalScores.stream().mapToDouble(Double::doubleValue).toArray(),
                        calibration.targetAlertRate());
        return calibration.withThreshold(threshold);
    }

    private static PairCalibration fit(
            String pair,
            double[] heldOut,
            List<AnomalyType> types,
            Supplier<double[]> trainingFallback) {
        return Calibrator.fitPair(pair, Calibrator.normalValues(heldOut, types), trainingFallback);
    }
}
