package io.polygraph.eval.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.polygraph.data.ImageTagPair;
import io.polygraph.data.MnistSet;
import io.polygraph.data.MnistTagProtocol;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;

/** The fused image/tag row of the GAN detectors, and their threshold on held-out rows. */
class ImageTagRowsTest {

    private static final MnistTagProtocol PROTOCOL = MnistTagProtocol.defaults();

    @Test
    void aRowIsThePixelsThenTheTagUnchanged() {
        float[] image = image(new SplittableRandom(1));
        float[] tag = PROTOCOL.tag(7, new SplittableRandom(2));

        float[] row = ImageTagRows.row(image, tag);

        assertThat(row).hasSize(ImageTagRows.width(MnistTagProtocol.TAG_DIMENSIONS)).hasSize(884);
        for (int i = 0; i < MnistSet.PIXELS; i++) {
            assertThat(row[i]).as("pixel %d", i).isEqualTo(image[i]);
        }
        for (int i = 0; i < tag.length; i++) {
            assertThat(row[MnistSet.PIXELS + i]).as("tag %d", i).isEqualTo(tag[i]);
        }
    }

    @Test
    void testPairsBecomeOneRowEachInTheirOrderWrongTagsIncluded() {
        SplittableRandom random = new SplittableRandom(3);
        float[][] images = new float[20][];
        int[] digits = new int[images.length];
        for (int i = 0; i < images.length; i++) {
            images[i] = image(random);
            digits[i] = i % MnistSet.DIGITS;
        }
        List<ImageTagPair> pairs = PROTOCOL.testPairs(MnistSet.of(images, digits), 4, 5);

        INDArray rows = ImageTagRows.of(pairs);

        assertThat(rows.shape()).containsExactly(10, 884);
        for (int i = 0; i < pairs.size(); i++) {
            float[] expected = ImageTagRows.row(pairs.get(i).image(), pairs.get(i).tag());
            assertThat(rows.getRow(i).toFloatVector()).as("pair %d", i).containsExactly(expected);
        }
        assertThat(pairs).extracting(ImageTagPair::consistent).contains(true, false);
    }

    @Test
    void imagesAndTagsMustPairUpAndImagesMustBeWholeDigits() {
        float[] tag = new float[MnistTagProtocol.TAG_DIMENSIONS];

        assertThatThrownBy(() -> ImageTagRows.of(List.of(new float[MnistSet.PIXELS]), List.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("1 images, 0 tags");
        assertThatThrownBy(() -> ImageTagRows.row(new float[10], tag))
                .hasMessageContaining("784 pixels");
    }

    @Test
    void theThresholdFlagsTheTargetShareOfHeldOutRows() {
        double[] heldOut = IntStream.rangeClosed(1, 100).asDoubleStream().toArray();

        double threshold = ImageTagGanRuns.threshold(heldOut, 0.1);

        assertThat(IntStream.range(0, heldOut.length).filter(i -> heldOut[i] > threshold).count())
                .isEqualTo(10);
    }

    private static float[] image(SplittableRandom random) {
        float[] image = new float[MnistSet.PIXELS];
        for (int i = 0; i < image.length; i++) {
            image[i] = (float) random.nextDouble();
        }
        return image;
    }
}
