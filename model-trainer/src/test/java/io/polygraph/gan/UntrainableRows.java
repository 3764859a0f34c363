package io.polygraph.gan;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.function.Consumer;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Test data: training rows that no GAN trainer may train on (too few rows, a value that is not
 * finite), with the refusal {@link TrainingRows} gives for each. Shared by the MMOC-GAN and
 * IGMM-BiGAN trainer tests, which pass their trainer's {@code train}.
 */
public final class UntrainableRows {

    private UntrainableRows() {}

    /** Asserts that {@code train} refuses each kind of untrainable rows, naming the reason. */
    public static void assertRefusedBy(Consumer<INDArray> train) {
        assertThatThrownBy(() -> train.accept(Nd4j.createFromArray(new float[][] {{1, 2}})))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("need [rows >= 2, columns >= 1] training rows, got shape [1, 2]");
        assertThatThrownBy(
                        () ->
                                train.accept(
                                        Nd4j.createFromArray(
                                                new float[][] {{1, 2}, {3, Float.NaN}})))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("training row 1 has a value that is not finite");
    }
}
