package io.polygraph.data;

import java.util.Objects;

/**
 * A signature presented as an entity's, with what it really is.
 *
 * @param image the presented signature
 * @param kind whose hand it is: the entity's own, a forger's imitation, or another writer's
 */
public record PresentedSignature(SignatureImage image, Kind kind) {

    public PresentedSignature {
        Objects.requireNonNull(image, "image");
        Objects.requireNonNull(kind, "kind");
    }

    /** What a presented signature really is; the label names are the evaluation's types. */
    public enum Kind {
        /** Another of the entity's own signatures: consistent. */
        GENUINE("genuine"),
        /** A forger's imitation of the entity's signature. */
        SKILLED_FORGERY("skilled-forgery"),
        /** Another writer's own signature, no attempt at imitation. */
        RANDOM_FORGERY("random-forgery");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        /** The kind's name in reports. */
        public String label() {
            return label;
        }
    }
}
