package io.polygraph.features;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class SignatureFeaturesTest {

    private static final int H = SignatureFeatures.HEIGHT;
    private static final int W = SignatureFeatures.WIDTH;

    @Test
    void cropsToTheInkAndFitsItKeepingTheAspectRatio() {
        // A black 100 x 20 bar (5:1) fills the 96-pixel width and 19 of the 32 rows, centred.
        byte[] png = TestRecords.rectanglePng(200, 100, 50, 40, 100, 20, 0);

        float[] canvas = SignatureFeatures.encode(png);

        assertThat(canvas).hasSize(H * W);
        assertThat(canvas[16 * W + 48]).isCloseTo(1f, within(1e-6f));
        assertThat(canvas[0]).isZero();
        assertThat(canvas[(H - 1) * W + W - 1]).isZero();
        int inkedRows = 0;
        for (int y = 0; y < H; y++) {
            if (canvas[y * W + 48] > 0.5f) {
                inkedRows++;
            }
        }
        assertThat(inkedRows).isEqualTo(19);
        assertThat(canvas[16 * W]).isCloseTo(1f, within(1e-6f));
    }

    @Test
    void whereTheSignatureSitsOnThePaperDoesNotMatter() {
        byte[] left = TestRecords.rectanglePng(200, 100, 10, 10, 60, 30, 0);
        byte[] right = TestRecords.rectanglePng(300, 150, 200, 100, 60, 30, 0);

        assertThat(SignatureFeatures.encode(left)).containsExactly(SignatureFeatures.encode(right));
    }

    @Test
    void invertsGreyInkIntoLevelsBelowOne() {
        byte[] grey = TestRecords.rectanglePng(200, 100, 50, 40, 100, 20, 64);

        float[] canvas = SignatureFeatures.encode(grey);

        // Ink 64 of 255 is 1 - 64/255 = 0.749 dark.
        assertThat(canvas[16 * W + 48]).isCloseTo(1f - 64f / 255f, within(1e-3f));
    }

    @Test
    void encodingWithTheThreadsInkBufferGivesTheCanvasOfTheImagesOwnInkMap() {
        // A large dark image first leaves its ink in the thread's buffer beyond a smaller image's.
        byte[] large = TestRecords.rectanglePng(600, 300, 0, 0, 600, 300, 0);
        byte[] small = TestRecords.scribble(2, "png");
        byte[] narrow = TestRecords.rectanglePng(40, 400, 5, 100, 20, 30, 30);

        SignatureFeatures.encode(large);

        for (byte[] image : new byte[][] {small, narrow, large, small}) {
            assertThat(SignatureFeatures.encode(image))
                    .containsExactly(SignatureFeatures.canvas(SignatureFeatures.decodeInk(image)));
        }
    }

    @Test
    void decodesJpegToo() {
        byte[] jpeg = TestRecords.scribble(3, "jpg");

        float[] canvas = SignatureFeatures.encode(jpeg);

        assertThat(SignatureFeatures.decodable(jpeg)).isTrue();
        double ink = 0;
        for (float value : canvas) {
            assertThat(value).isBetween(0f, 1f);
            ink += value;
        }
        assertThat(ink).isGreaterThan(10);
    }

    @Test
    void blankPaperGivesAnEmptyCanvas() {
        byte[] blank = TestRecords.rectanglePng(100, 50, 0, 0, 0, 0, 0);

        float[] canvas = SignatureFeatures.encode(blank);

        assertThat(canvas).hasSize(H * W);
        float max = 0;
        for (float value : canvas) {
            max = Math.max(max, value);
        }
        assertThat(max).isZero();
    }

    @Test
    void badBytesFailWithAClearMessage() {
        byte[] garbage = "definitely not an image".getBytes(StandardCharsets.UTF_8);
        byte[] png = TestRecords.scribble(1, "png");
        byte[] truncated = Arrays.copyOf(png, png.length / 2);

        assertThat(SignatureFeatures.decodable(garbage)).isFalse();
        assertThat(SignatureFeatures.decodable(truncated)).isFalse();
        assertThat(SignatureFeatures.decodable(new byte[0])).isFalse();
        assertThatThrownBy(() -> SignatureFeatures.encode(garbage))
                .isInstanceOf(InvalidSignatureImageException.class)
                .hasMessageContaining("neither PNG nor JPEG");
        assertThatThrownBy(() -> SignatureFeatures.encode(truncated))
                .isInstanceOf(InvalidSignatureImageException.class)
                .hasMessageContaining("cannot be decoded");
        assertThatThrownBy(() -> SignatureFeatures.encode(null))
                .isInstanceOf(InvalidSignatureImageException.class)
                .hasMessageContaining("empty");
    }

    @Test
    void refusesImplausiblyLargeImagesBeforeDecodingThem() {
        byte[] huge = TestRecords.rectanglePng(SignatureFeatures.MAX_SIDE + 1, 2, 0, 0, 1, 1, 0);

        assertThatThrownBy(() -> SignatureFeatures.encode(huge))
                .isInstanceOf(InvalidSignatureImageException.class)
                .hasMessageContaining("outside 1.." + SignatureFeatures.MAX_SIDE);
    }
}
