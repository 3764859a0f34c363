package io.polygraph.detector;

import static org.assertj.core.api.Assertions.assertThat;

import io.polygraph.features.SignatureFeatures;
import io.polygraph.features.TestRecords;
import io.polygraph.schema.SignatureImage;
import io.polygraph.schema.SignaturePurpose;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class SignatureCanvasesTest {

    private final SignatureCanvases canvases = new SignatureCanvases();

    @Test
    void anImageSeenAgainInTheBatchIsDecodedOnceEvenFromAnotherBuffer() {
        byte[] png = TestRecords.scribble(3, "png");
        SignatureImage first = signature(png);
        SignatureImage again = signature(png.clone());

        float[] canvas = canvases.of(first);

        assertThat(canvas).containsExactly(SignatureFeatures.encode(png));
        assertThat(canvases.of(again)).isSameAs(canvas);
        assertThat(canvases.of(first)).isSameAs(canvas);
    }

    @Test
    void differentImagesGetTheirOwnCanvases() {
        byte[] one = TestRecords.scribble(3, "png");
        byte[] other = TestRecords.scribble(4, "png");

        float[] first = canvases.of(signature(one));
        float[] second = canvases.of(signature(other));

        assertThat(second).isNotSameAs(first).containsExactly(SignatureFeatures.encode(other));
    }

    @Test
    void anUndecodableImageIsNullEveryTimeItIsAskedFor() {
        SignatureImage broken = signature("not an image".getBytes(StandardCharsets.US_ASCII));

        assertThat(canvases.of(broken)).isNull();
        assertThat(canvases.of(broken)).isNull();
        assertThat(canvases.of(signature(TestRecords.scribble(3, "png")))).isNotNull();
    }

    @Test
    void readingAnImageLeavesItsBufferAsItWas() {
        SignatureImage image = signature(TestRecords.scribble(5, "png"));
        int position = image.getImageBytes().position();

        canvases.of(image);
        canvases.of(image);

        assertThat(image.getImageBytes().position()).isEqualTo(position);
    }

    private static SignatureImage signature(byte[] bytes) {
        return TestRecords.signature("c-1", SignaturePurpose.PRESENTED, "t-1", bytes);
    }
}
