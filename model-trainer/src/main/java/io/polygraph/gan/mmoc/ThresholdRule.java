package io.polygraph.gan.mmoc;

import io.polygraph.detector.Quantiles;
import java.util.Arrays;

/**
 * How the alert threshold on MMOC-GAN's anomaly score is chosen; a row is flagged when its score is
 * above the threshold.
 */
public enum ThresholdRule {
    /**
     * The 99.5th percentile of the training rows' scores (linear interpolation between order
     * statistics), so that about 0.5 % of normal rows are flagged whatever the discriminator's
     * calibration.
     */
    TRAINING_PERCENTILE {
        @Override
        double threshold(double[] trainingScores) {
            double[] sorted = trainingScores.clone();
            Arrays.sort(sorted);
            return Quantiles.of(sorted, TRAINING_QUANTILE);
        }
    },

    /**
     * 0.5, the paper's rule: a row is flagged when the discriminator finds it more likely generated
     * (complementary) than real. Depends on how well the discriminator is calibrated.
     */
    HALF {
        @Override
        double threshold(double[] trainingScores) {
            return 0.5;
        }
    };

    /** The quantile of {@link #TRAINING_PERCENTILE}. */
    public static final double TRAINING_QUANTILE = 0.995;

    /** The threshold for a model whose training rows scored {@code trainingScores}. */
    abstract double threshold(double[] trainingScores);
}
