package io.polygraph.eval.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.polygraph.data.MnistSet;
import io.polygraph.eval.LabelledScores;
import java.util.Arrays;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class DigitHoldoutTest {

    /** 100 images, ten of each digit; every pixel of an image holds its index / 1000. */
    private static final MnistSet SET = set(100);

    @Test
    void trainsOnEightyPercentOfTheOtherDigitsAndTestsOnTheRestPlusTheHeldOutDigit() {
        DigitHoldout fold = DigitHoldout.of(SET, 3, 0.8, 7);

        assertThat(fold.training()).hasNumberOfRows(72);
        assertThat(fold.test()).hasNumberOfRows(18 + 10);
        assertThat(fold.testLabels().subList(0, 18)).containsOnly(LabelledScores.NORMAL);
        assertThat(fold.testLabels().subList(18, 28)).containsOnly(DigitHoldout.HELD_OUT_DIGIT);
        // No image of the held-out digit trains; every image is used exactly once.
        assertThat(Arrays.stream(fold.training()).mapToInt(DigitHoldoutTest::index))
                .noneMatch(i -> SET.digit(i) == 3);
        assertThat(Arrays.stream(fold.test()).skip(18).mapToInt(DigitHoldoutTest::index))
                .allMatch(i -> SET.digit(i) == 3);
        int[] used =
                Stream.of(fold.training(), fold.test())
                        .flatMap(Arrays::stream)
                        .mapToInt(DigitHoldoutTest::index)
                        .sorted()
                        .toArray();
        assertThat(used).containsExactly(IntStream.range(0, 100).toArray());
    }

    @Test
    void theSameSeedGivesTheSameFoldAndAnotherSeedAnother() {
        DigitHoldout first = DigitHoldout.of(SET, 5, 0.8, 11);
        DigitHoldout again = DigitHoldout.of(SET, 5, 0.8, 11);
        DigitHoldout other = DigitHoldout.of(SET, 5, 0.8, 12);

        assertThat(first.training()).isDeepEqualTo(again.training());
        assertThat(Arrays.deepEquals(first.training(), other.training())).isFalse();
    }

    @Test
    void refusesADigitWithoutImagesAndBadShares() {
        MnistSet noNines = SET.first(9);

        assertThatThrownBy(() -> DigitHoldout.of(noNines, 9, 0.8, 1))
                .hasMessageContaining("no image of digit 9");
        assertThatThrownBy(() -> DigitHoldout.of(SET, 10, 0.8, 1)).hasMessageContaining("0..9");
        assertThatThrownBy(() -> DigitHoldout.of(SET, 1, 1.0, 1))
                .hasMessageContaining("training share");
    }

    private static int index(double[] row) {
        return (int) Math.round(row[0] * 1000);
    }

    private static MnistSet set(int size) {
        float[][] images = new float[size][MnistSet.PIXELS];
        int[] digits = new int[size];
        for (int i = 0; i < size; i++) {
            Arrays.fill(images[i], i / 1000f);
            digits[i] = i % 10;
        }
        return MnistSet.of(images, digits);
    }
}
