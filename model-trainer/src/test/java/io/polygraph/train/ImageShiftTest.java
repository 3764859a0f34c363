package io.polygraph.train;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ImageShiftTest {

    private static final int SIDE = 5;

    @Test
    void withoutShiftTheImageIsUnchanged() {
        float[] image = numbered();
        assertThat(new ImageShift(SIDE, 0).apply(image, new SplittableRandom(1))).isSameAs(image);
    }

    @Test
    void everyPixelMovesByOneOffsetAndTheBorderIsBlank() {
        float[] image = numbered();
        ImageShift shift = new ImageShift(SIDE, 2);
        SplittableRandom random = new SplittableRandom(3);
        for (int trial = 0; trial < 50; trial++) {
            float[] shifted = shift.apply(image, random);
            int[] offset = offsetOf(shifted);
            assertThat(Math.abs(offset[0])).isLessThanOrEqualTo(2);
            assertThat(Math.abs(offset[1])).isLessThanOrEqualTo(2);
            for (int y = 0; y < SIDE; y++) {
                for (int x = 0; x < SIDE; x++) {
                    int sx = x - offset[0];
                    int sy = y - offset[1];
                    boolean inside = sx >= 0 && sx < SIDE && sy >= 0 && sy < SIDE;
                    float expected = inside ? image[sy * SIDE + sx] : 0f;
                    assertThat(shifted[y * SIDE + x]).isEqualTo(expected);
                }
            }
        }
    }

    @Test
    void offsetsCoverTheWholeRange() {
        ImageShift shift = new ImageShift(SIDE, 1);
        SplittableRandom random = new SplittableRandom(5);
        boolean[][] seen = new boolean[3][3];
        for (int trial = 0; trial < 200; trial++) {
            int[] offset = offsetOf(shift.apply(numbered(), random));
            seen[offset[0] + 1][offset[1] + 1] = true;
        }
        for (boolean[] row : seen) {
            assertThat(row).containsOnly(true);
        }
    }

    /** Pixel values 1..25, so that the offset can be read back from any surviving pixel. */
    private static float[] numbered() {
        float[] image = new float[SIDE * SIDE];
        for (int i = 0; i < image.length; i++) {
            image[i] = i + 1;
        }
        return image;
    }

    /** The (dx, dy) that moved pixel values to where they are now (the centre always survives). */
    private static int[] offsetOf(float[] shifted) {
        for (int i = 0; i < shifted.length; i++) {
            if (shifted[i] == 13f) {
                return new int[] {i % SIDE - 2, i / SIDE - 2};
            }
        }
        throw new AssertionError("centre pixel lost");
    }
}
