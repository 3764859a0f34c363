package io.polygraph.job.decode;

import static io.polygraph.job.decode.FieldChecks.firstOf;
import static io.polygraph.job.decode.FieldChecks.notBlank;
import static io.polygraph.job.decode.FieldChecks.violation;

import io.polygraph.features.InvalidSignatureImageException;
import io.polygraph.features.SignatureFeatures;
import io.polygraph.features.SignatureInk;
import io.polygraph.job.ByteArrays;
import io.polygraph.schema.SignatureImage;
import io.polygraph.schema.SignaturePurpose;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * The rules of the signatures topic: entity id present, key is the entity id, a presented signature
 * names its transaction, capture time not too far ahead of the wall clock, and an image that is
 * non-empty, within the size limit, decodable, and as wide and high as declared.
 *
 * <p>The image is decoded with the detector library's own decoder ({@link
 * SignatureFeatures#decodeInk}), so that whatever passes here is an image the detector can read (it
 * also refuses images too large to decode safely); a record it could not read would otherwise fail
 * the scoring operator instead of becoming a dead letter. Decoding costs far more than the other
 * checks, so it runs last, only on records that passed everything else.
 */
public final class SignatureValidator implements RecordValidator<SignatureImage> {
    private static final long serialVersionUID = 1L;

    private final Duration maxFutureSkew;
    private final long maxImageBytes;

    /**
     * A validator rejecting capture times more than {@code maxFutureSkew} ahead of now and images
     * larger than {@code maxImageBytes}.
     */
    public SignatureValidator(Duration maxFutureSkew, long maxImageBytes) {
        this.maxFutureSkew = Objects.requireNonNull(maxFutureSkew, "maxFutureSkew");
        if (maxImageBytes < 1) {
            throw new IllegalArgumentException("maxImageBytes must be positive");
        }
        this.maxImageBytes = maxImageBytes;
    }

    @Override
    public Optional<Violation> validate(SignatureImage s, ValidationContext context) {
        return firstOf(
                () -> notBlank("entityId", s.getEntityId()),
                () -> FieldChecks.keyIsEntityId(context, s.getEntityId()),
                () -> presentedNamesTransaction(s),
                () ->
                        FieldChecks.notTooFarAhead(
                                "capturedAt", s.getCapturedAt(), context, maxFutureSkew),
                () -> image(s));
    }

    private static Optional<Violation> presentedNamesTransaction(SignatureImage s) {
        if (s.getPurpose() != SignaturePurpose.PRESENTED) {
            return Optional.empty();
        }
        return notBlank("transactionId", s.getTransactionId())
                .map(v -> new Violation(ValidationRule.SIGNATURE_TRANSACTION_MISSING, v.reason()));
    }

    private Optional<Violation> image(SignatureImage s) {
        int size = s.getImageBytes().remaining();
        if (size == 0) {
            return violation(ValidationRule.IMAGE_EMPTY, "imageBytes is empty");
        }
        if (size > maxImageBytes) {
            return violation(
                    ValidationRule.IMAGE_TOO_LARGE,
                    "imageBytes larger than " + maxImageBytes + " bytes");
        }
        if (s.getWidth() <= 0 || s.getHeight() <= 0) {
            return violation(
                    ValidationRule.IMAGE_DIMENSIONS_INVALID, "width and height must be positive");
        }
        SignatureInk decoded;
        try {
            decoded = SignatureFeatures.decodeInk(ByteArrays.copyOf(s.getImageBytes()));
        } catch (InvalidSignatureImageException e) {
            return violation(ValidationRule.IMAGE_UNREADABLE, e.getMessage());
        }
        if (decoded.width() != s.getWidth() || decoded.height() != s.getHeight()) {
            return violation(
                    ValidationRule.IMAGE_DIMENSIONS_INVALID,
                    "declared width/height differ from the decoded image's");
        }
        return Optional.empty();
    }
}
