package io.polygraph.data;

import java.util.List;
import java.util.Objects;

/**
 * One entity of the signature protocol: the genuine signatures it enrolled with, and the signatures
 * later presented as its own.
 *
 * @param writer the entity's writer id
 * @param enrolment the enrolled genuine signatures, never among {@code presented}
 * @param presented the presented signatures, genuine ones first, then skilled, then random
 *     forgeries
 */
public record EnrolledWriter(
        String writer, List<SignatureImage> enrolment, List<PresentedSignature> presented) {

    public EnrolledWriter {
        Objects.requireNonNull(writer, "writer");
        enrolment = List.copyOf(enrolment);
        presented = List.copyOf(presented);
        if (enrolment.isEmpty()) {
            throw new IllegalArgumentException("writer " + writer + " has no enrolment signature");
        }
    }

    /** How many presented signatures are of {@code kind}. */
    public long count(PresentedSignature.Kind kind) {
        return presented.stream().filter(p -> p.kind() == kind).count();
    }
}
