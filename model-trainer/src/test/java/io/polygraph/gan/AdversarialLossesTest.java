package io.polygraph.gan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.factory.Nd4j;

class AdversarialLossesTest {

    private static double evaluate(SDVariable term) {
        String name = term.name();
        return term.getSameDiff().output(Map.of(), name).get(name).getDouble(0);
    }

    private static SDVariable constant(SameDiff sd, float[][] rows) {
        return sd.constant(Nd4j.createFromArray(rows));
    }

    @Test
    void pullAwayIsTheMeanSquaredCosineOverPairsOfDifferentRows() {
        SameDiff sd = SameDiff.create();
        // Squared cosines: (1,0)-(0,1) 0, (1,0)-(1,1) 1/2, (0,1)-(1,1) 1/2; ordered pairs: 6.
        SDVariable features = constant(sd, new float[][] {{1, 0}, {0, 1}, {1, 1}});

        assertThat(evaluate(AdversarialLosses.pullAway(features))).isCloseTo(2.0 / 6, within(1e-6));
    }

    @Test
    void pullAwayIsZeroForOrthogonalRowsEvenWithADeadRow() {
        SameDiff sd = SameDiff.create();
        SDVariable features = constant(sd, new float[][] {{1, 0}, {0, 2}, {0, 0}});

        assertThat(evaluate(AdversarialLosses.pullAway(features))).isCloseTo(0.0, within(1e-6));
    }

    @Test
    void softplusIsFiniteForSaturatedLogitsAndExactElsewhere() {
        SameDiff sd = SameDiff.create();
        float[] logits = {-200, -20, 0, 3, 20, 89, 200};
        SDVariable values = AdversarialLosses.softplus(sd.constant(Nd4j.createFromArray(logits)));
        String name = values.name();
        double[] softplus = sd.output(Map.of(), name).get(name).toDoubleVector();

        for (int i = 0; i < logits.length; i++) {
            // log(1 + e^l), written so that e^l cannot overflow in double either.
            double expected = Math.max(logits[i], 0) + Math.log1p(Math.exp(-Math.abs(logits[i])));
            assertThat(softplus[i]).as("softplus(%s)", logits[i]).isCloseTo(expected, within(1e-5));
        }
    }

    @Test
    void saturatedLogitsGiveFiniteLossesNotInfinityOrNaN() {
        SameDiff sd = SameDiff.create();
        // A discriminator sure either way: ND4J's own softplus read Infinity here, and the
        // entropy, a probability of 0 times that, NaN.
        SDVariable sure = constant(sd, new float[][] {{150}, {-150}});

        assertThat(evaluate(AdversarialLosses.realVersusGenerated(sure, sure)))
                .isCloseTo((0 + 150 + 150 + 0) / 2.0, within(1e-3));
        assertThat(evaluate(AdversarialLosses.nonSaturating(sure))).isCloseTo(75, within(1e-3));
        assertThat(evaluate(AdversarialLosses.binaryEntropy(sure))).isCloseTo(0, within(1e-6));
    }

    @Test
    void featureMatchingIsTheSquaredDistanceOfTheMeans() {
        SameDiff sd = SameDiff.create();
        SDVariable real = constant(sd, new float[][] {{1, 2}, {3, 4}});
        SDVariable generated = constant(sd, new float[][] {{0, 0}, {0, 1}});

        // Means (2, 3) and (0, 0.5): 4 + 6.25.
        assertThat(evaluate(AdversarialLosses.featureMatching(real, generated)))
                .isCloseTo(10.25, within(1e-5));
    }

    @Test
    void crossEntropiesAndEntropyMatchTheirDefinitions() {
        SameDiff sd = SameDiff.create();
        SDVariable logits = constant(sd, new float[][] {{0}, {(float) Math.log(3)}});
        SDVariable codeLogits = constant(sd, new float[][] {{0, 0}, {(float) Math.log(3), 0}});
        SDVariable codes = constant(sd, new float[][] {{1, 0}, {1, 0}});

        // p = 1/2 and 3/4.
        double entropy75 = -(0.75 * Math.log(0.75) + 0.25 * Math.log(0.25));
        assertThat(evaluate(AdversarialLosses.binaryEntropy(logits)))
                .isCloseTo((Math.log(2) + entropy75) / 2, within(1e-6));
        assertThat(evaluate(AdversarialLosses.realVersusGenerated(logits, logits)))
                .isCloseTo(
                        -(Math.log(0.5) + Math.log(0.75)) / 2
                                - (Math.log(0.5) + Math.log(0.25)) / 2,
                        within(1e-6));
        assertThat(evaluate(AdversarialLosses.codeCrossEntropy(codeLogits, codes, 2)))
                .isCloseTo(-(Math.log(0.5) + Math.log(0.75)) / 2, within(1e-6));
    }

    @Test
    void withASingleCodeTheCodeCrossEntropyIsZero() {
        SameDiff sd = SameDiff.create();
        SDVariable codeLogits = constant(sd, new float[][] {{5}, {-2}});
        SDVariable codes = constant(sd, new float[][] {{1}, {1}});

        assertThat(evaluate(AdversarialLosses.codeCrossEntropy(codeLogits, codes, 1)))
                .isCloseTo(0.0, within(1e-7));
    }
}
