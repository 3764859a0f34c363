package io.polygraph.job.decode;

import static io.polygraph.job.SampleRecords.T0;
import static io.polygraph.job.SampleRecords.enrolment;
import static io.polygraph.job.SampleRecords.png;
import static io.polygraph.job.SampleRecords.presented;
import static org.assertj.core.api.Assertions.assertThat;

import io.polygraph.schema.SignatureImage;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

class SignatureValidatorTest {

    private static final ValidationContext NOW = new ValidationContext("e", T0);
    private static final int MAX_BYTES = 4096;

    private final SignatureValidator validator =
            new SignatureValidator(Duration.ofDays(1), MAX_BYTES);

    @Test
    void validEnrolmentAndPresentedSignaturesPass() {
        assertThat(ruleOf(enrolment("e", T0).build())).isEmpty();
        assertThat(ruleOf(presented("e", "tx-1", T0).build())).isEmpty();
    }

    @Test
    void jpegPasses() throws Exception {
        ByteArrayOutputStream jpeg = new ByteArrayOutputStream();
        ImageIO.write(new BufferedImage(30, 10, BufferedImage.TYPE_INT_RGB), "jpeg", jpeg);

        assertThat(ruleOf(withImage(jpeg.toByteArray()).setWidth(30).setHeight(10).build()))
                .isEmpty();
    }

    @Test
    void presentedSignatureWithoutTransactionIdIsRejected() {
        assertThat(ruleOf(presented("e", null, T0).build()))
                .contains(ValidationRule.SIGNATURE_TRANSACTION_MISSING);
    }

    @Test
    void emptyImageIsRejected() {
        assertThat(ruleOf(withImage(new byte[0]).build())).contains(ValidationRule.IMAGE_EMPTY);
    }

    @Test
    void oversizeImageIsRejected() {
        assertThat(ruleOf(withImage(new byte[MAX_BYTES + 1]).build()))
                .contains(ValidationRule.IMAGE_TOO_LARGE);
    }

    @Test
    void bytesThatAreNoImageAreRejected() {
        byte[] notAnImage = "definitely not a PNG".getBytes(StandardCharsets.UTF_8);

        assertThat(ruleOf(withImage(notAnImage).build())).contains(ValidationRule.IMAGE_UNREADABLE);
    }

    @Test
    void truncatedPngIsRejected() {
        byte[] image = png(40, 20);

        assertThat(ruleOf(withImage(Arrays.copyOf(image, image.length / 2)).build()))
                .contains(ValidationRule.IMAGE_UNREADABLE);
    }

    @Test
    void declaredSizeMustBePositiveAndMatchTheImage() {
        assertThat(ruleOf(enrolment("e", T0).setWidth(0).build()))
                .contains(ValidationRule.IMAGE_DIMENSIONS_INVALID);
        assertThat(ruleOf(enrolment("e", T0).setWidth(41).build()))
                .contains(ValidationRule.IMAGE_DIMENSIONS_INVALID);
    }

    @Test
    void imageTooLargeToDecodeSafelyIsRejected() {
        SignatureValidator generous = new SignatureValidator(Duration.ofDays(1), 10_000_000);
        byte[] huge = png(5000, 20);

        assertThat(
                        generous.validate(withImage(huge).setWidth(5000).setHeight(20).build(), NOW)
                                .map(Violation::rule))
                .contains(ValidationRule.IMAGE_UNREADABLE);
    }

    private static SignatureImage.Builder withImage(byte[] bytes) {
        return enrolment("e", T0).setImageBytes(ByteBuffer.wrap(bytes));
    }

    private Optional<ValidationRule> ruleOf(SignatureImage signature) {
        return validator.validate(signature, NOW).map(Violation::rule);
    }
}
