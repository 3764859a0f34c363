package io.polygraph.eval.run;

import io.polygraph.eval.report.LossCurve;
import io.polygraph.train.TrainingListener;
import io.polygraph.train.TrainingProgress;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Passes training progress on to another listener and keeps, per modality pair, the mean loss of
 * every epoch: the last progress report of a pair in an epoch carries that epoch's mean.
 */
final class EpochLossRecorder implements TrainingListener {

    private final TrainingListener next;
    private final Map<String, TreeMap<Integer, Double>> lossByPair = new LinkedHashMap<>();

    EpochLossRecorder(TrainingListener next) {
        this.next = next;
    }

    @Override
    public void onStage(String stage) {
        next.onStage(stage);
    }

    @Override
    public void onBatch(TrainingProgress progress) {
        lossByPair
                .computeIfAbsent(progress.pair(), pair -> new TreeMap<>())
                .put(progress.epoch(), progress.loss());
        next.onBatch(progress);
    }

    @Override
    public void onEpochEnd(TrainingProgress progress) {
        next.onEpochEnd(progress);
    }

    /** One loss curve per pair, named after the pair. */
    List<LossCurve> curves() {
        List<LossCurve> curves = new ArrayList<>();
        lossByPair.forEach(
                (pair, losses) ->
                        curves.add(
                                LossCurve.perEpoch(
                                        pair + " loss",
                                        losses.values().stream()
                                                .mapToDouble(Double::doubleValue)
                                                .toArray())));
        return curves;
    }
}
