package io.polygraph.detector;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A CMAD detector for (image, tag) pairs, as in the CMAD paper's MNIST experiment: a pair is
 * inconsistent when the cosine of its two embeddings falls below epsilon.
 *
 * <p>The score is the raw cosine (no calibration transform: there is one pair, so nothing to put on
 * a common scale), which keeps the threshold comparable with the paper's epsilon grid. Epsilon
 * comes from the trainer, calibrated on held-out consistent pairs. Scores a list in chunks of
 * {@value #CHUNK} pairs, one network run per chunk. Not thread-safe (see {@link PairNetwork}).
 *
 * <p>Saved as a snapshot of type {@link ImageTagDetectorType} ({@link #toSnapshot}, {@link
 * #fromSnapshot}); it scores (image, tag) pairs, not transaction records, so it is no {@link
 * BatchScorer} and the streaming job cannot run it.
 */
public final class ImageTagDetector {

    private static final int CHUNK = 1024;

    private final PairNetwork network;
    private final int imageSide;
    private final int tagWidth;
    private final double epsilon;

    /**
     * @param network the trained (image, tag) inference network
     * @param imageSide height and width of the square, single-channel images
     * @param tagWidth length of a tag embedding
     * @param epsilon cosines below this are inconsistent
     */
    public ImageTagDetector(PairNetwork network, int imageSide, int tagWidth, double epsilon) {
        this.network = Objects.requireNonNull(network, "network");
        this.imageSide = imageSide;
        this.tagWidth = tagWidth;
        this.epsilon = epsilon;
    }

    /** Verifies and loads the {@code cmad-image-tag} snapshot at {@code path}. */
    public static ImageTagDetector load(Path path) throws IOException {
        return fromSnapshot(DetectorSnapshot.read(path));
    }

    /**
     * A new detector with its own copy of a {@code cmad-image-tag} snapshot's network.
     *
     * @throws IllegalArgumentException when the snapshot holds another detector type or its
     *     parameters are invalid
     */
    public static ImageTagDetector fromSnapshot(DetectorSnapshot snapshot) {
        snapshot.requireType(ImageTagDetectorType.ID);
        ImageTagParameters parameters = snapshot.parameters(ImageTagParameters.class);
        if (Double.compare(parameters.epsilon(), snapshot.manifest().threshold()) != 0) {
            throw new IllegalArgumentException(
                    snapshot + " has an epsilon other than its threshold");
        }
        return new ImageTagDetector(
                PairNetwork.fromBytes(
                        snapshot.network(ImageTagDetectorType.IMAGE_TAG), snapshot.graphBackend()),
                parameters.imageSide(),
                parameters.tagWidth(),
                parameters.epsilon());
    }

    /**
     * This detector as a new snapshot, versioned now ({@link SnapshotStamp}).
     *
     * @param targetAlertRate share of held-out consistent pairs epsilon was chosen to flag
     * @param trainingConfig the trainer's configuration, free-form; may be null
     * @param heldOutMetrics an evaluation on held-out pairs, free-form; may be null
     */
    public DetectorSnapshot toSnapshot(
            double targetAlertRate, JsonNode trainingConfig, JsonNode heldOutMetrics) {
        Map<String, byte[]> networks = Map.of(ImageTagDetectorType.IMAGE_TAG, network.toBytes());
        SnapshotStamp stamp = SnapshotStamp.now(networks);
        SnapshotManifest manifest =
                SnapshotManifest.stamped(
                        ImageTagDetectorType.ID,
                        ImageTagDetectorType.ID,
                        stamp,
                        epsilon,
                        targetAlertRate,
                        null,
                        new ImageTagParameters(imageSide, tagWidth, epsilon).toJson(),
                        trainingConfig,
                        heldOutMetrics);
        return new DetectorSnapshot(manifest, networks);
    }

    /** Cosine of each (image, tag) pair; images are row-major pixels in [0, 1]. */
    public double[] cosines(List<float[]> images, List<float[]> tags) {
        if (images.size() != tags.size()) {
            throw new IllegalArgumentException(
                    images.size() + " images but " + tags.size() + " tags");
        }
        double[] cosines = new double[images.size()];
        for (int start = 0; start < images.size(); start += CHUNK) {
            int end = Math.min(images.size(), start + CHUNK);
            double[] chunk =
                    network.cosines(
                            FeatureArrays.tensor(
                                    images.subList(start, end),
                                    new long[] {1, imageSide, imageSide}),
                            FeatureArrays.tensor(tags.subList(start, end), new long[] {tagWidth}));
            System.arraycopy(chunk, 0, cosines, start, chunk.length);
        }
        return cosines;
    }

    /** Whether each pair is inconsistent (cosine below epsilon). */
    public boolean[] inconsistent(List<float[]> images, List<float[]> tags) {
        double[] cosines = cosines(images, tags);
        boolean[] flagged = new boolean[cosines.length];
        for (int i = 0; i < cosines.length; i++) {
            flagged[i] = cosines[i] < epsilon;
        }
        return flagged;
    }

    /** The threshold epsilon on the cosine. */
    public double epsilon() {
        return epsilon;
    }

    /** The same networks with another threshold. */
    public ImageTagDetector withEpsilon(double value) {
        return new ImageTagDetector(network, imageSide, tagWidth, value);
    }

    /** Height and width of the square images. */
    public int imageSide() {
        return imageSide;
    }

    /** Length of a tag embedding. */
    public int tagWidth() {
        return tagWidth;
    }

    /** The inference network. */
    public PairNetwork network() {
        return network;
    }
}
