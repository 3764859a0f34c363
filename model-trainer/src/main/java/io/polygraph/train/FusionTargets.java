package io.polygraph.train;

import io.polygraph.fusion.FusionEncoding;
import io.polygraph.fusion.FusionInputs;
import io.polygraph.fusion.FusionRow;
import io.polygraph.fusion.FusionShape;
import io.polygraph.fusion.Modality;
import java.util.List;

/**
 * The training variance of each DMAFN reconstruction target (the mean over its columns of each
 * column's variance over the records where the modality is present), which the graph divides each
 * modality's squared error by.
 *
 * <p>Why: the profile and transaction columns are standardised (variance about 1), a pooled
 * signature pixel varies by a few hundredths; without this, the decoders would all but ignore the
 * signature, and a signature mismatch would barely move the score.
 */
final class FusionTargets {

    private FusionTargets() {}

    static double[] variances(List<FusionRow> rows, FusionShape shape) {
        double[] variances = new double[Modality.count()];
        for (Modality modality : Modality.values()) {
            int width = Math.toIntExact(FusionGraphs.widthOf(modality, shape));
            double[] sum = new double[width];
            double[] sumSquares = new double[width];
            int count = 0;
            for (FusionRow row : rows) {
                if (!row.has(modality)) {
                    continue;
                }
                double[] target = target(row, modality, shape);
                for (int j = 0; j < width; j++) {
                    sum[j] += target[j];
                    sumSquares[j] += target[j] * target[j];
                }
                count++;
            }
            double total = 0;
            for (int j = 0; j < width && count > 0; j++) {
                double mean = sum[j] / count;
                total += Math.max(0, sumSquares[j] / count - mean * mean);
            }
            variances[modality.ordinal()] = count == 0 ? 1.0 : Math.max(1e-4, total / width);
        }
        return variances;
    }

    private static double[] target(FusionRow row, Modality modality, FusionShape shape) {
        return switch (modality) {
            case PROFILE -> widen(row.profile());
            case TRANSACTION -> widen(row.transaction());
            case HISTORY -> meanStep(row, shape);
            case ENROLMENT_SIGNATURE -> pooled(row.enrolment());
            case PRESENTED_SIGNATURE -> pooled(row.presented());
        };
    }

    private static double[] meanStep(FusionRow row, FusionShape shape) {
        double[] mean = new double[shape.stepWidth()];
        int steps = 0;
        for (int t = 0; t < shape.historySteps(); t++) {
            if (row.historyMask()[t] == 0) {
                continue;
            }
            steps++;
            for (int j = 0; j < mean.length; j++) {
                mean[j] += row.history()[t * shape.stepWidth() + j];
            }
        }
        for (int j = 0; j < mean.length; j++) {
            mean[j] /= Math.max(1, steps);
        }
        return mean;
    }

    private static double[] pooled(float[] canvas) {
        float[] pooled = new float[FusionEncoding.SMALL_SIGNATURE];
        FusionInputs.pool(canvas, pooled, 0);
        return widen(pooled);
    }

    private static double[] widen(float[] values) {
        double[] result = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            result[i] = values[i];
        }
        return result;
    }
}
