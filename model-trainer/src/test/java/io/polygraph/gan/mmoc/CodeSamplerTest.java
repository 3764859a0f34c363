package io.polygraph.gan.mmoc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class CodeSamplerTest {

    @Test
    void codesFollowEachRowsProbabilitiesAsOneHotRows() {
        int rows = 4000;
        float[][] probabilities = new float[rows][];
        for (int i = 0; i < rows; i++) {
            probabilities[i] = i % 2 == 0 ? new float[] {0.7f, 0.3f, 0f} : new float[] {0, 0, 1};
        }

        INDArray codes =
                CodeSampler.sample(Nd4j.createFromArray(probabilities), new SplittableRandom(3));

        float[][] oneHot = codes.toFloatMatrix();
        int firstOfEven = 0;
        for (int i = 0; i < rows; i++) {
            assertThat(oneHot[i][0] + oneHot[i][1] + oneHot[i][2]).isEqualTo(1f);
            if (i % 2 == 1) {
                assertThat(oneHot[i][2]).isEqualTo(1f);
            } else {
                assertThat(oneHot[i][2]).isEqualTo(0f);
                firstOfEven += (int) oneHot[i][0];
            }
        }
        // 2000 draws at 0.7: standard deviation about 0.01.
        assertThat(firstOfEven / 2000.0).isCloseTo(0.7, within(0.04));
    }

    @Test
    void roundingThatLeavesTheTotalBelowOneStillYieldsACode() {
        assertThat(CodeSampler.draw(new float[] {0.3f, 0.3f, 0.3f}, 0.999)).isEqualTo(2);
        assertThat(CodeSampler.draw(new float[] {0.3f, 0.3f, 0.3f}, 0.5)).isEqualTo(1);
    }
}
