package io.polygraph.features;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@link InkCanvas#resizeInto} against the plain per-line area averaging it replaced (kept here as
 * the reference): the same floats bit for bit, so that snapshots trained before the change see the
 * same canvases. Regions inside larger images, shrinking, growing and equal sizes. And {@link
 * InkCanvas#fit}'s crop against a box found by looking at every pixel.
 */
class InkCanvasTest {

    @ParameterizedTest(name = "{0}x{1} region to {2}x{3}")
    @CsvSource({
        "600, 200, 96, 32", // a scanned signature shrunk onto the canvas
        "413, 97, 96, 23", // steps that are not whole numbers
        "96, 32, 96, 32", // same size
        "17, 5, 96, 28", // a tiny image grown
        "1, 1, 1, 1",
        "250, 1, 96, 1",
        "1, 300, 1, 32"
    })
    void resizeGivesThePerLineAreaAverageBitForBit(
            int width, int height, int newWidth, int newHeight) {
        SplittableRandom random = new SplittableRandom(width * 31L + height);
        int margin = 3;
        int rowLength = width + 2 * margin;
        float[] image = new float[rowLength * (height + 2 * margin)];
        for (int i = 0; i < image.length; i++) {
            image[i] = random.nextInt(4) == 0 ? 0f : (float) random.nextDouble();
        }
        int offset = margin * rowLength + margin;

        float[] resized = new float[newWidth * newHeight];
        InkCanvas.resizeInto(
                image, offset, rowLength, width, height, newWidth, newHeight, resized, 0, newWidth);

        float[] region = new float[width * height];
        for (int y = 0; y < height; y++) {
            System.arraycopy(image, offset + y * rowLength, region, y * width, width);
        }
        assertThat(resized)
                .containsExactly(referenceResize(region, width, height, newWidth, newHeight));
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(ints = {1, 2, 3, 4, 5, 6, 7, 8})
    void fitCropsToTheInkOfEveryRowWhereverItsExtremesAre(int seed) {
        // A few specks anywhere, faint ones below the threshold too: the box's four sides come
        // from different rows, and some lie on the image's edges.
        SplittableRandom random = new SplittableRandom(seed);
        int width = 40 + random.nextInt(200);
        int height = 10 + random.nextInt(80);
        float[] ink = new float[width * height];
        for (int speck = 0; speck < 1 + random.nextInt(12); speck++) {
            int x =
                    random.nextInt(4) == 0
                            ? (random.nextBoolean() ? 0 : width - 1)
                            : random.nextInt(width);
            int y = random.nextInt(height);
            ink[y * width + x] = random.nextBoolean() ? 0.9f : 0.1f;
        }
        SignatureInk image = new SignatureInk(width, height, ink);

        float[] canvas = InkCanvas.fit(image, 32, 96);

        int[] box = bruteForceInkBox(image);
        if (box == null) {
            assertThat(canvas).containsOnly(0f);
            return;
        }
        int boxWidth = box[2] - box[0];
        int boxHeight = box[3] - box[1];
        float[] cropped = new float[boxWidth * boxHeight];
        for (int y = 0; y < boxHeight; y++) {
            System.arraycopy(ink, (box[1] + y) * width + box[0], cropped, y * boxWidth, boxWidth);
        }
        assertThat(canvas)
                .containsExactly(
                        InkCanvas.fit(new SignatureInk(boxWidth, boxHeight, cropped), 32, 96));
    }

    /** Every pixel looked at: {xMin, yMin, xMax, yMax} (max exclusive), or null when blank. */
    private static int[] bruteForceInkBox(SignatureInk image) {
        int[] box = {Integer.MAX_VALUE, Integer.MAX_VALUE, -1, -1};
        for (int y = 0; y < image.height(); y++) {
            for (int x = 0; x < image.width(); x++) {
                if (image.at(x, y) > SignatureFeatures.INK_THRESHOLD) {
                    box[0] = Math.min(box[0], x);
                    box[1] = Math.min(box[1], y);
                    box[2] = Math.max(box[2], x + 1);
                    box[3] = Math.max(box[3], y + 1);
                }
            }
        }
        return box[2] < 0 ? null : box;
    }

    /** The former implementation: rows first, then columns, each line resampled on its own. */
    private static float[] referenceResize(
            float[] source, int width, int height, int newWidth, int newHeight) {
        float[] horizontal = new float[newWidth * height];
        float[] line = new float[width];
        for (int y = 0; y < height; y++) {
            System.arraycopy(source, y * width, line, 0, width);
            System.arraycopy(referenceLine(line, newWidth), 0, horizontal, y * newWidth, newWidth);
        }
        float[] result = new float[newWidth * newHeight];
        float[] column = new float[height];
        for (int x = 0; x < newWidth; x++) {
            for (int y = 0; y < height; y++) {
                column[y] = horizontal[y * newWidth + x];
            }
            float[] resampled = referenceLine(column, newHeight);
            for (int y = 0; y < newHeight; y++) {
                result[y * newWidth + x] = resampled[y];
            }
        }
        return result;
    }

    private static float[] referenceLine(float[] line, int size) {
        float[] out = new float[size];
        double step = (double) line.length / size;
        for (int i = 0; i < size; i++) {
            double from = i * step;
            double to = from + step;
            double sum = 0;
            for (int j = (int) Math.floor(from); j < Math.min(line.length, Math.ceil(to)); j++) {
                double overlap = Math.min(to, j + 1) - Math.max(from, j);
                sum += overlap * line[j];
            }
            out[i] = (float) (sum / step);
        }
        return out;
    }
}
