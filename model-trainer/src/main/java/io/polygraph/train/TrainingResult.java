package io.polygraph.train;

import io.polygraph.detector.DetectorSnapshot;
import io.polygraph.eval.EvaluationReport;
import java.time.Duration;
import java.util.Objects;

/**
 * What a training run produced.
 *
 * @param snapshot the trained, calibrated model, ready to save
 * @param heldOut the evaluation on the held-out entities at the calibrated threshold
 * @param duration wall-clock time of the whole run
 */
public record TrainingResult(
        DetectorSnapshot snapshot, EvaluationReport heldOut, Duration duration) {

    public TrainingResult {
        Objects.requireNonNull(snapshot, "snapshot");
        Objects.requireNonNull(heldOut, "heldOut");
        Objects.requireNonNull(duration, "duration");
    }
}
