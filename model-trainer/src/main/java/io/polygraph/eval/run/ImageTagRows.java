package io.polygraph.eval.run;

import io.polygraph.data.ImageTagPair;
import io.polygraph.data.MnistSet;
import java.util.List;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The fused row a one-class detector reads in the MNIST image/tag protocol: the image's {@value
 * MnistSet#PIXELS} pixels, then its tag vector, as they are.
 *
 * <p>No scaling here: pixels are already in [0, 1] and the tags are unit-length embeddings plus
 * noise; the detectors scale their input themselves, as their configuration says (see {@link
 * ImageTagExperiment#MMOC_GAN} for why the GANs standardise these rows). Row {@code i} of an array
 * belongs to pair {@code i} of the list it was made from.
 */
public final class ImageTagRows {

    private ImageTagRows() {}

    /** Number of columns of a row whose tags have {@code tagWidth} dimensions. */
    public static int width(int tagWidth) {
        return MnistSet.PIXELS + tagWidth;
    }

    /**
     * One row: {@code image} then {@code tag}.
     *
     * @throws IllegalArgumentException when the image is not {@value MnistSet#PIXELS} pixels
     */
    public static float[] row(float[] image, float[] tag) {
        if (image.length != MnistSet.PIXELS) {
            throw new IllegalArgumentException(
                    "an image has " + MnistSet.PIXELS + " pixels, got " + image.length);
        }
        float[] row = new float[image.length + tag.length];
        System.arraycopy(image, 0, row, 0, image.length);
        System.arraycopy(tag, 0, row, image.length, tag.length);
        return row;
    }

    /**
     * The rows of images and their tags, [images, {@link #width}], image {@code i} with tag {@code
     * i}.
     */
    public static INDArray of(List<float[]> images, List<float[]> tags) {
        if (images.size() != tags.size() || images.isEmpty()) {
            throw new IllegalArgumentException(
                    "need as many tags as images, at least one: "
                            + images.size()
                            + " images, "
                            + tags.size()
                            + " tags");
        }
        float[][] rows = new float[images.size()][];
        for (int i = 0; i < rows.length; i++) {
            rows[i] = row(images.get(i), tags.get(i));
        }
        return Nd4j.createFromArray(rows);
    }

    /** The rows of test pairs, in the list's order. */
    public static INDArray of(List<ImageTagPair> pairs) {
        return of(
                pairs.stream().map(ImageTagPair::image).toList(),
                pairs.stream().map(ImageTagPair::tag).toList());
    }
}
