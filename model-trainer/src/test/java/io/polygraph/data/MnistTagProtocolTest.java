package io.polygraph.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class MnistTagProtocolTest {

    /** 2,500 blank images whose digits cycle 0..9; image i's first pixel is i / 2,500. */
    private static final MnistSet SET = syntheticSet(2_500);

    private final MnistTagProtocol protocol = MnistTagProtocol.defaults();

    @Test
    void testPairsAre1019InconsistentAnd1019Consistent() {
        List<ImageTagPair> pairs = protocol.testPairs(SET, 1);

        Map<Boolean, List<ImageTagPair>> byKind =
                pairs.stream().collect(Collectors.partitioningBy(ImageTagPair::consistent));
        assertThat(byKind.get(false))
                .hasSize(1019)
                .allSatisfy(pair -> assertThat(pair.tagDigit()).isNotEqualTo(pair.imageDigit()));
        assertThat(byKind.get(true))
                .hasSize(1019)
                .allSatisfy(pair -> assertThat(pair.tagDigit()).isEqualTo(pair.imageDigit()));
    }

    @Test
    void noTestImageIsUsedTwiceAndEachPairCarriesItsImage() {
        List<ImageTagPair> pairs = protocol.testPairs(SET, 2);

        assertThat(pairs.stream().map(ImageTagPair::imageIndex).distinct()).hasSize(2038);
        assertThat(pairs)
                .allSatisfy(
                        pair -> {
                            assertThat(pair.image()).isEqualTo(SET.image(pair.imageIndex()));
                            assertThat(pair.imageDigit()).isEqualTo(SET.digit(pair.imageIndex()));
                        });
    }

    @Test
    void wrongTagsCoverAllOtherDigits() {
        List<ImageTagPair> pairs = protocol.testPairs(SET, 3);

        Map<Integer, Long> offsets =
                pairs.stream()
                        .filter(pair -> !pair.consistent())
                        .collect(
                                Collectors.groupingBy(
                                        pair -> (pair.tagDigit() - pair.imageDigit() + 10) % 10,
                                        Collectors.counting()));
        // About 113 of each of the nine offsets; none is left out or dominant.
        assertThat(offsets).containsOnlyKeys(1, 2, 3, 4, 5, 6, 7, 8, 9);
        assertThat(offsets.values()).allSatisfy(count -> assertThat(count).isBetween(70L, 160L));
    }

    @Test
    void theSameSeedGivesTheSamePairsAndAnotherSeedOthers() {
        List<ImageTagPair> first = protocol.testPairs(SET, 11);

        assertThat(MnistTagProtocol.defaults().testPairs(SET, 11)).isEqualTo(first);
        assertThat(protocol.testPairs(SET, 12)).isNotEqualTo(first);
    }

    @Test
    void theTagTableDependsOnlyOnItsSeed() {
        MnistTagProtocol again = new MnistTagProtocol(MnistTagProtocol.DEFAULT_TABLE_SEED, 0.9);
        MnistTagProtocol other = new MnistTagProtocol(5, MnistTagProtocol.DEFAULT_RELATIVE_NOISE);

        for (int digit = 0; digit < 10; digit++) {
            assertThat(again.tagCentre(digit)).isEqualTo(protocol.tagCentre(digit));
            assertThat(other.tagCentre(digit)).isNotEqualTo(protocol.tagCentre(digit));
            assertThat(norm(protocol.tagCentre(digit))).isCloseTo(1.0, within(1e-5));
        }
    }

    @Test
    void trainingAndTestTagsAreNoiseAroundOneTable() {
        MnistTagProtocol noiseless = new MnistTagProtocol(MnistTagProtocol.DEFAULT_TABLE_SEED, 0);
        ImageTagPair train = noiseless.trainingPairs(SET, 1).get(3);
        ImageTagPair test =
                noiseless.testPairs(SET, 99).stream()
                        .filter(pair -> pair.tagDigit() == 3)
                        .findFirst()
                        .orElseThrow();

        assertThat(train.tag()).isEqualTo(protocol.tagCentre(3)).isEqualTo(test.tag());
        assertThat(protocol.trainingPairs(SET, 1).get(3).tag()).isNotEqualTo(train.tag());
    }

    @Test
    void trainingPairsAreEveryImageWithItsOwnDigit() {
        List<ImageTagPair> pairs = protocol.trainingPairs(SET, 4);

        assertThat(pairs).hasSize(SET.size()).allMatch(ImageTagPair::consistent);
        assertThat(pairs.get(17).imageIndex()).isEqualTo(17);
        assertThat(pairs.get(17).tagDigit()).isEqualTo(7);
    }

    @Test
    void noisyTagsStayClosestToTheirOwnDigit() {
        // With the default noise the digits remain recognisable from the tag alone.
        assertThat(protocol.trainingPairs(SET, 5))
                .allSatisfy(
                        pair -> assertThat(nearestCentre(pair.tag())).isEqualTo(pair.tagDigit()));
        float[] tag = protocol.trainingPairs(SET, 5).get(0).tag();
        double cosine = dot(tag, protocol.tagCentre(0)) / norm(tag);
        assertThat(cosine).isBetween(0.9, 0.99);
    }

    @Test
    void tooSmallATestSetIsRejected() {
        assertThatThrownBy(() -> protocol.testPairs(syntheticSet(2037), 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("cannot draw 2 x 1019 distinct images from 2037");
    }

    @Test
    void aPairMustAgreeWithItsDigits() {
        assertThatThrownBy(() -> new ImageTagPair(new float[784], new float[100], 0, 3, 4, true))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private int nearestCentre(float[] tag) {
        Function<Integer, Double> similarity = digit -> dot(tag, protocol.tagCentre(digit));
        int best = 0;
        for (int digit = 1; digit < 10; digit++) {
            best = similarity.apply(digit) > similarity.apply(best) ? digit : best;
        }
        return best;
    }

    private static double dot(float[] a, float[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += a[i] * b[i];
        }
        return sum;
    }

    private static double norm(float[] a) {
        return Math.sqrt(dot(a, a));
    }

    private static MnistSet syntheticSet(int size) {
        float[][] images = new float[size][784];
        int[] digits = new int[size];
        for (int i = 0; i < size; i++) {
            images[i][0] = i / (float) size;
            digits[i] = i % 10;
        }
        return MnistSet.of(images, digits);
    }
}
