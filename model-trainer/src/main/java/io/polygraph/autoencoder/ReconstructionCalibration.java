package io.polygraph.autoencoder;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.polygraph.detector.PairCalibration;
import io.polygraph.detector.ScoreCalibration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * How reconstruction angles become scores on the common scale of every Polygraph detector, fitted
 * on held-out normal records.
 *
 * <p>The raw value of a record is its negated angle {@code -arccos(cos(x, x'))}, so that higher is
 * more normal, mapped through {@link PairCalibration}'s normal-scores transform: on normal data the
 * score is a squashed standard normal, 0 at the median normal record, in (-1, 1), lower more
 * anomalous, exactly as a CMAD or DMAFN score. Each block's own angle (over its columns only) is
 * calibrated the same way on the normal records that have the block; those block scores explain a
 * verdict, the record's score is the whole row's. Epsilon flags the target share of the held-out
 * normal records ({@link ScoreCalibration#thresholdFor}).
 *
 * @param overall calibration of the whole row's negated angle
 * @param blocks calibration of each block's negated angle, in {@link RowBlock} order
 * @param threshold epsilon on the calibrated score
 * @param targetAlertRate the share of held-out normal records epsilon was chosen to flag
 */
public record ReconstructionCalibration(
        PairCalibration overall,
        List<PairCalibration> blocks,
        double threshold,
        double targetAlertRate) {

    @JsonCreator
    public ReconstructionCalibration(
            @JsonProperty("overall") PairCalibration overall,
            @JsonProperty("blocks") List<PairCalibration> blocks,
            @JsonProperty("threshold") double threshold,
            @JsonProperty("targetAlertRate") double targetAlertRate) {
        this.overall = Objects.requireNonNull(overall, "overall");
        this.blocks = List.copyOf(Objects.requireNonNull(blocks, "blocks"));
        if (this.blocks.size() != RowBlock.count()) {
            throw new IllegalArgumentException(
                    "one calibration per block is needed, got " + this.blocks.size());
        }
        if (!Double.isFinite(threshold)) {
            throw new IllegalArgumentException("threshold must be finite");
        }
        this.threshold = threshold;
        this.targetAlertRate = targetAlertRate;
    }

    /**
     * Fits on the angles of held-out normal records.
     *
     * @param angles per record: the whole row's angle, then each block's ({@link
     *     AutoencoderDetector#angles}); a block's angle is NaN where the record lacks it
     */
    public static ReconstructionCalibration fit(double[][] angles, double targetAlertRate) {
        if (angles.length == 0) {
            throw new IllegalArgumentException("no normal records to calibrate on");
        }
        PairCalibration overall = PairCalibration.fit(negatedColumn(angles, 0));
        List<PairCalibration> blocks = new ArrayList<>();
        for (RowBlock block : RowBlock.values()) {
            double[] values = negatedColumn(angles, 1 + block.ordinal());
            boolean any = Arrays.stream(values).anyMatch(Double::isFinite);
            // A block no normal record has (a world without signatures) cannot explain anything.
            blocks.add(any ? PairCalibration.fit(values) : PairCalibration.uncalibrated(0));
        }
        double[] scores =
                Arrays.stream(angles).mapToDouble(a -> overall.normalise(-a[0])).toArray();
        double threshold = ScoreCalibration.thresholdFor(scores, targetAlertRate);
        return new ReconstructionCalibration(overall, blocks, threshold, targetAlertRate);
    }

    /** The calibrated score of a whole row's angle. */
    public double score(double angle) {
        return overall.normalise(-angle);
    }

    /** The calibrated score of one block's angle. */
    public double blockScore(RowBlock block, double angle) {
        return blocks.get(block.ordinal()).normalise(-angle);
    }

    private static double[] negatedColumn(double[][] rows, int column) {
        return Arrays.stream(rows).mapToDouble(r -> -r[column]).toArray();
    }
}
