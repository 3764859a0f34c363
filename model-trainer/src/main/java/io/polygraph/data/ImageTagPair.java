package io.polygraph.data;

import java.util.Arrays;

/**
 * One MNIST image shown next to a text tag, the two modalities of the CMAD image/tag experiment.
 *
 * <p>Contract: {@code image} is {@value MnistSet#PIXELS} pixels in [0, 1]; {@code tag} is the
 * {@value MnistTagProtocol#TAG_DIMENSIONS}-dimensional embedding of the tag word; {@code
 * imageIndex} is the image's position in the {@link MnistSet} it came from, so that a flagged pair
 * can be traced back; {@code consistent} is true exactly when the tag names the digit the image
 * shows, which the constructor checks. Immutable: the arrays are copied in and out, and equality
 * compares their contents, so two runs with the same seed give equal pairs.
 */
public record ImageTagPair(
        float[] image,
        float[] tag,
        int imageIndex,
        int imageDigit,
        int tagDigit,
        boolean consistent) {

    /**
     * @throws IllegalArgumentException on a wrong array length, a digit outside 0..9, or {@code
     *     consistent} disagreeing with the two digits
     */
    public ImageTagPair {
        if (image.length != MnistSet.PIXELS || tag.length != MnistTagProtocol.TAG_DIMENSIONS) {
            throw new IllegalArgumentException(
                    "image has " + image.length + " pixels and tag " + tag.length + " dimensions");
        }
        if (imageDigit < 0 || imageDigit > 9 || tagDigit < 0 || tagDigit > 9) {
            throw new IllegalArgumentException("digits " + imageDigit + ", " + tagDigit);
        }
        if (consistent != (imageDigit == tagDigit)) {
            throw new IllegalArgumentException(
                    "image of "
                            + imageDigit
                            + " with tag "
                            + tagDigit
                            + " marked consistent="
                            + consistent);
        }
        image = image.clone();
        tag = tag.clone();
    }

    @Override
    public float[] image() {
        return image.clone();
    }

    @Override
    public float[] tag() {
        return tag.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ImageTagPair pair
                && imageIndex == pair.imageIndex
                && imageDigit == pair.imageDigit
                && tagDigit == pair.tagDigit
                && Arrays.equals(image, pair.image)
                && Arrays.equals(tag, pair.tag);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * Arrays.hashCode(tag) + imageIndex) + tagDigit;
    }

    @Override
    public String toString() {
        return "ImageTagPair[image " + imageIndex + " of " + imageDigit + ", tag " + tagDigit + "]";
    }
}
