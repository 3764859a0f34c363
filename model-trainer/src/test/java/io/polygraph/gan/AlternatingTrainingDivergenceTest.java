package io.polygraph.gan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.polygraph.train.TrainingListener;
import io.polygraph.train.TrainingProgress;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A run whose loss leaves its domain stops at the end of that epoch, not after the last one.
 *
 * <p>The one player minimises {@code w + 0.001 log w} from {@code w = 0.35}: the gradient is close
 * to 1 throughout, so each Adam step lowers {@code w} by about the learning rate 0.1 (0.35, 0.25,
 * 0.15, 0.05, then below 0), and the loss of the fifth step, taken before it, is the log of a
 * negative number: NaN. With two batches an epoch, that is epoch 3 of 10.
 */
class AlternatingTrainingDivergenceTest {

    private static final Player P = new Player("p_", "p_loss", 0.1, 0.5);

    private static AdversarialGraph logBarrier() {
        SameDiff sd = SameDiff.create();
        SDVariable x = sd.placeHolder("x", DataType.FLOAT, -1, 1);
        SDVariable w = sd.var("p_w", Nd4j.scalar(DataType.FLOAT, 0.35f).reshape(1, 1));
        SDVariable scaled = sd.mmul(x, w);
        sd.mean(scaled.add(sd.math.log(scaled).mul(0.001))).rename("p_loss");
        return new AdversarialGraph(sd, List.of(P));
    }

    @Test
    void stopsAtTheEndOfTheFirstEpochWithANonFiniteLoss() {
        List<TrainingProgress> batches = new ArrayList<>();
        List<TrainingProgress> epochEnds = new ArrayList<>();
        TrainingListener listener =
                new TrainingListener() {
                    @Override
                    public void onBatch(TrainingProgress progress) {
                        batches.add(progress);
                    }

                    @Override
                    public void onEpochEnd(TrainingProgress progress) {
                        epochEnds.add(progress);
                    }
                };
        AlternatingTraining training = new AlternatingTraining(logBarrier(), List.of(P), 2, "toy");

        assertThatThrownBy(
                        () ->
                                training.run(
                                        4,
                                        10,
                                        rows ->
                                                Map.of(
                                                        "x",
                                                        Nd4j.ones(DataType.FLOAT, rows.length, 1)),
                                        new SplittableRandom(1),
                                        listener))
                .isInstanceOf(TrainingDivergedException.class)
                .hasMessage("training diverged: toy p_loss epoch 3 loss NaN");
        // Epoch 3's batches ran, nothing after them; its end was not reported as a finished epoch.
        assertThat(batches).hasSize(6);
        assertThat(epochEnds).extracting(TrainingProgress::epoch).containsExactly(1, 2);
    }
}
