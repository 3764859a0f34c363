package io.polygraph.train;

import static org.assertj.core.api.Assertions.assertThat;

import io.polygraph.features.SignatureFeatures;
import io.polygraph.features.SignatureInk;
import io.polygraph.features.TestRecords;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class SyntheticForgeryTest {

    private static final SignatureInk GENUINE =
            SignatureFeatures.decodeInk(TestRecords.scribble(5, "png"));

    @Test
    void aForgeryDiffersFromTheGenuineMoreThanAGenuineVariant() {
        float[] genuine = SignatureFeatures.canvas(GENUINE);
        double forgeryDistance = 0;
        double variantDistance = 0;
        for (int i = 0; i < 20; i++) {
            SplittableRandom random = new SplittableRandom(i);
            forgeryDistance +=
                    distance(
                            genuine,
                            SignatureFeatures.canvas(SyntheticForgery.forge(GENUINE, random)));
            variantDistance +=
                    distance(
                            genuine,
                            SignatureFeatures.canvas(SyntheticForgery.vary(GENUINE, random)));
        }

        assertThat(forgeryDistance).isGreaterThan(1.5 * variantDistance);
    }

    @Test
    void isDeterministicForAStream() {
        float[] first =
                SignatureFeatures.canvas(SyntheticForgery.forge(GENUINE, new SplittableRandom(3)));
        float[] second =
                SignatureFeatures.canvas(SyntheticForgery.forge(GENUINE, new SplittableRandom(3)));

        assertThat(first).containsExactly(second);
    }

    private static double distance(float[] a, float[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += (a[i] - b[i]) * (a[i] - b[i]);
        }
        return Math.sqrt(sum);
    }
}
