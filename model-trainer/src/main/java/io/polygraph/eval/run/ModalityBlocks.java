package io.polygraph.eval.run;

import io.polygraph.detector.MultimodalRecord;
import io.polygraph.detector.SignatureBytes;
import io.polygraph.features.FeatureEncoding;
import io.polygraph.features.InvalidSignatureImageException;
import io.polygraph.features.SignatureFeatures;
import io.polygraph.schema.SignatureImage;
import io.polygraph.world.WorldJoin.LabelledRecord;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * The per-modality feature rows of labelled world records, one row per record and block: what the
 * baseline detectors of {@link WorldBaselineExperiment} are fitted on and score.
 *
 * <p>Contract: row {@code i} of every block belongs to record {@code i}. A block's row is null
 * where the record lacks that modality (no profile yet, no presented or enrolment signature, or an
 * image that does not decode, which CMAD's trainer skips too); callers decide what a missing
 * modality means. Profile and transaction rows are the {@link FeatureEncoding}'s standardised
 * features, as CMAD sees them. Signature rows are {@link SignatureFeatures} canvases (ink in [0,
 * 1]) at full resolution for the presented signature, and downsampled to {@link #SMALL_HEIGHT} x
 * {@link #SMALL_WIDTH} (means of {@value #POOL} x {@value #POOL} pixel blocks) for both signatures:
 * small enough to sit beside a hundred tabular columns in one concatenated row without drowning
 * them, large enough to keep a signature's overall shape. Rows may be shared between records (an
 * entity's enrolment canvas is decoded once); treat them as read-only.
 *
 * @param profileWidth number of profile columns, whether or not any record has a profile
 * @param profile standardised profile features, null rows where there is no profile
 * @param transaction standardised transaction and recent-history features, never null
 * @param presented full presented-signature canvases, null rows where there is none
 * @param enrolmentSmall downsampled enrolment canvases, null rows where there is none
 * @param presentedSmall downsampled presented canvases, null rows where there is none
 * @param labels each record's anomaly type name ({@code label().getType().name()})
 */
record ModalityBlocks(
        int profileWidth,
        double[][] profile,
        double[][] transaction,
        double[][] presented,
        double[][] enrolmentSmall,
        double[][] presentedSmall,
        List<String> labels) {

    /** Pixel side of the square blocks averaged by downsampling. */
    static final int POOL = 4;

    static final int SMALL_HEIGHT = SignatureFeatures.HEIGHT / POOL;
    static final int SMALL_WIDTH = SignatureFeatures.WIDTH / POOL;

    ModalityBlocks {
        labels = List.copyOf(labels);
    }

    /** Encodes every record of {@code records} with {@code encoding}. */
    static ModalityBlocks of(List<LabelledRecord> records, FeatureEncoding encoding) {
        int n = records.size();
        double[][] profile = new double[n][];
        double[][] transaction = new double[n][];
        double[][] presented = new double[n][];
        double[][] enrolmentSmall = new double[n][];
        double[][] presentedSmall = new double[n][];
        List<String> labels = new ArrayList<>(n);
        // Every record of an entity carries the same enrolment image: decode it once.
        Map<SignatureImage, double[]> enrolments = new IdentityHashMap<>();
        for (int i = 0; i < n; i++) {
            MultimodalRecord record = records.get(i).record();
            profile[i] = widened(encoding.profileFeatures(record));
            transaction[i] = widened(encoding.transactionFeatures(record));
            presented[i] = canvas(record.presentedSignature());
            presentedSmall[i] = presented[i] == null ? null : downsampled(presented[i]);
            SignatureImage enrolment = record.enrolmentSignature();
            if (enrolment != null) {
                enrolmentSmall[i] =
                        enrolments.computeIfAbsent(
                                enrolment,
                                image -> {
                                    double[] canvas = canvas(image);
                                    return canvas == null ? null : downsampled(canvas);
                                });
            }
            labels.add(records.get(i).label().getType().name());
        }
        return new ModalityBlocks(
                encoding.profileWidth(),
                profile,
                transaction,
                presented,
                enrolmentSmall,
                presentedSmall,
                labels);
    }

    /** Number of records. */
    int size() {
        return labels.size();
    }

    /** The canvas of a signature, or null when there is none or it does not decode. */
    private static double[] canvas(SignatureImage signature) {
        if (signature == null) {
            return null;
        }
        try {
            return widened(SignatureFeatures.encode(SignatureBytes.of(signature)));
        } catch (InvalidSignatureImageException e) {
            return null;
        }
    }

    /** Means of {@link #POOL} x {@link #POOL} blocks of a full canvas, row-major. */
    static double[] downsampled(double[] canvas) {
        double[] small = new double[SMALL_HEIGHT * SMALL_WIDTH];
        for (int y = 0; y < SignatureFeatures.HEIGHT; y++) {
            for (int x = 0; x < SignatureFeatures.WIDTH; x++) {
                small[(y / POOL) * SMALL_WIDTH + x / POOL] +=
                        canvas[y * SignatureFeatures.WIDTH + x];
            }
        }
        for (int k = 0; k < small.length; k++) {
            small[k] /= POOL * POOL;
        }
        return small;
    }

    private static double[] widened(float[] values) {
        if (values == null) {
            return null;
        }
        double[] result = new double[values.length];
        for (int j = 0; j < values.length; j++) {
            result[j] = values[j];
        }
        return result;
    }
}
