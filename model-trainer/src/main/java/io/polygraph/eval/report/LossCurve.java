package io.polygraph.eval.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One named training-loss series: the loss after each recorded epoch.
 *
 * <p>Contract: epochs are 1-based and strictly increasing, so a trainer that records only every
 * k-th epoch can say so; a detector with several losses (one per modality pair, say) gives one
 * curve per loss. Losses may be NaN (a listener that saw no iteration); plots skip those points and
 * the JSON keeps them as the string "NaN".
 *
 * @param name what the series measures, shown in the legend
 * @param points the recorded losses, in epoch order
 */
public record LossCurve(String name, List<EpochLoss> points) {

    public LossCurve {
        Objects.requireNonNull(name, "name");
        points = List.copyOf(points);
        for (int i = 1; i < points.size(); i++) {
            if (points.get(i).epoch() <= points.get(i - 1).epoch()) {
                throw new IllegalArgumentException(
                        "loss curve '" + name + "': epochs must increase, at position " + i);
            }
        }
    }

    /** A curve with one loss per epoch, the first being epoch 1. */
    public static LossCurve perEpoch(String name, double... losses) {
        List<EpochLoss> points = new ArrayList<>(losses.length);
        for (int i = 0; i < losses.length; i++) {
            points.add(new EpochLoss(i + 1, losses[i]));
        }
        return new LossCurve(name, points);
    }

    /**
     * The loss after one epoch.
     *
     * @param epoch 1-based epoch number
     * @param loss the training loss then
     */
    public record EpochLoss(int epoch, double loss) {

        public EpochLoss {
            if (epoch < 1) {
                throw new IllegalArgumentException("epochs count from 1, got " + epoch);
            }
        }
    }
}
