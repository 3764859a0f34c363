package io.polygraph.detector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.polygraph.features.SignatureFeatures;
import io.polygraph.features.TestRecords;
import io.polygraph.schema.SignatureImage;
import io.polygraph.schema.SignaturePurpose;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class EnrolmentCanvasesTest {

    private final EnrolmentCanvases kept = new EnrolmentCanvases(2);

    @Test
    void anEnrolmentDecodedInOneBatchIsReadFromTheKeptCanvasesInTheNext() {
        byte[] png = TestRecords.scribble(3, "png");

        float[] first = new SignatureCanvases(kept).ofEnrolment(enrolment(png));
        float[] next = new SignatureCanvases(kept).ofEnrolment(enrolment(png.clone()));

        assertThat(first).containsExactly(SignatureFeatures.encode(png));
        assertThat(next).isSameAs(first);
        assertThat(kept.misses()).isEqualTo(1);
        assertThat(kept.hits()).isEqualTo(1);
        assertThat(kept.size()).isEqualTo(1);
    }

    @Test
    void aPresentedSignatureIsNeverKept() {
        byte[] png = TestRecords.scribble(3, "png");

        new SignatureCanvases(kept).of(presented(png));

        assertThat(kept.size()).isZero();
        assertThat(kept.hits() + kept.misses()).isZero();
    }

    @Test
    void theLeastRecentlyUsedCanvasIsDroppedBeyondCapacity() {
        byte[] a = TestRecords.scribble(3, "png");
        byte[] b = TestRecords.scribble(4, "png");
        byte[] c = TestRecords.scribble(5, "png");
        new SignatureCanvases(kept).ofEnrolment(enrolment(a));
        new SignatureCanvases(kept).ofEnrolment(enrolment(b));
        new SignatureCanvases(kept).ofEnrolment(enrolment(a));

        new SignatureCanvases(kept).ofEnrolment(enrolment(c));
        long missesBefore = kept.misses();
        new SignatureCanvases(kept).ofEnrolment(enrolment(a));
        new SignatureCanvases(kept).ofEnrolment(enrolment(b));

        assertThat(kept.size()).isEqualTo(2);
        assertThat(kept.misses() - missesBefore).as("b was dropped, a was kept").isEqualTo(1);
    }

    @Test
    void aNewEnrolmentOfTheSameCustomerIsANewKey() {
        byte[] old = TestRecords.scribble(3, "png");
        byte[] renewed = TestRecords.scribble(6, "png");
        new SignatureCanvases(kept).ofEnrolment(enrolment(old));

        float[] canvas = new SignatureCanvases(kept).ofEnrolment(enrolment(renewed));

        assertThat(canvas).containsExactly(SignatureFeatures.encode(renewed));
    }

    @Test
    void anUndecodableEnrolmentIsKeptAsUndecodable() {
        byte[] broken = "not an image".getBytes(StandardCharsets.US_ASCII);

        assertThat(new SignatureCanvases(kept).ofEnrolment(enrolment(broken))).isNull();
        assertThat(new SignatureCanvases(kept).ofEnrolment(enrolment(broken))).isNull();
        assertThat(kept.hits()).isEqualTo(1);
    }

    @Test
    void aKeptKeyDoesNotHoldTheRecordsLargerBuffer() {
        byte[] png = TestRecords.scribble(3, "png");
        byte[] larger = new byte[png.length + 100];
        System.arraycopy(png, 0, larger, 50, png.length);
        ByteBuffer window = ByteBuffer.wrap(larger, 50, png.length).slice();
        new SignatureCanvases(kept).ofEnrolment(enrolment(window));
        larger[60] ^= 1;

        float[] canvas = new SignatureCanvases(kept).ofEnrolment(enrolment(png));

        assertThat(kept.hits()).as("the kept key is a copy of the bytes").isEqualTo(1);
        assertThat(canvas).containsExactly(SignatureFeatures.encode(png));
    }

    @Test
    void capacityZeroKeepsNothing() {
        EnrolmentCanvases none = new EnrolmentCanvases(0);
        byte[] png = TestRecords.scribble(3, "png");

        new SignatureCanvases(none).ofEnrolment(enrolment(png));
        new SignatureCanvases(none).ofEnrolment(enrolment(png));

        assertThat(none.size()).isZero();
        assertThat(none.hits()).isZero();
    }

    @Test
    void aNegativeCapacityIsRefused() {
        assertThatThrownBy(() -> new EnrolmentCanvases(-1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("-1");
    }

    private static SignatureImage enrolment(byte[] bytes) {
        return TestRecords.signature("c-1", SignaturePurpose.ENROLMENT, null, bytes);
    }

    private static SignatureImage enrolment(ByteBuffer bytes) {
        SignatureImage image = enrolment(new byte[0]);
        image.setImageBytes(bytes);
        return image;
    }

    private static SignatureImage presented(byte[] bytes) {
        return TestRecords.signature("c-1", SignaturePurpose.PRESENTED, "t-1", bytes);
    }
}
