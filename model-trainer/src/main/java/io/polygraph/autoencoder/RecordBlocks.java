package io.polygraph.autoencoder;

import io.polygraph.detector.MultimodalRecord;
import io.polygraph.detector.SignatureCanvases;
import io.polygraph.features.FeatureEncoding;
import io.polygraph.features.SignatureFeatures;
import io.polygraph.schema.SignatureImage;
import java.util.List;

/**
 * The per-modality feature rows of records, one row per record and block: what {@link
 * ConcatenatedRows} joins into one row, and what the world baselines fit their single-modality
 * detectors on.
 *
 * <p>Contract: row {@code i} of every block belongs to record {@code i}. A block's row is null
 * where the record lacks that modality (no profile yet, no presented or enrolment signature, or an
 * image that does not decode, which {@link #signatureUnreadable} then marks); callers decide what a
 * missing modality means. Profile and transaction rows are the {@link FeatureEncoding}'s
 * standardised features. Signature rows are {@link SignatureFeatures} canvases (ink in [0, 1])
 * downsampled to {@link #SMALL_HEIGHT} x {@link #SMALL_WIDTH} (means of {@value #POOL} x {@value
 * #POOL} pixel blocks): small enough to sit beside a hundred tabular columns in one row without
 * drowning them, large enough to keep a signature's overall shape. The full presented canvases are
 * kept only on request (they cost 24 kB a record). A record's rows depend on that record alone.
 * Rows may be shared between records (an entity's enrolment canvas is decoded once); treat them as
 * read-only.
 *
 * @param profileWidth number of profile columns, whether or not any record has a profile
 * @param profile standardised profile features, null rows where there is no profile
 * @param transaction standardised transaction and recent-history features, never null
 * @param presented full presented canvases, null rows where there is none or none were kept
 * @param enrolmentSmall downsampled enrolment canvases, null rows where there is none
 * @param presentedSmall downsampled presented canvases, null rows where there is none
 * @param signatureUnreadable whether a signature image of the record could not be decoded
 */
public record RecordBlocks(
        int profileWidth,
        double[][] profile,
        double[][] transaction,
        double[][] presented,
        double[][] enrolmentSmall,
        double[][] presentedSmall,
        boolean[] signatureUnreadable) {

    /** Pixel side of the square blocks averaged by downsampling. */
    public static final int POOL = 4;

    public static final int SMALL_HEIGHT = SignatureFeatures.HEIGHT / POOL;
    public static final int SMALL_WIDTH = SignatureFeatures.WIDTH / POOL;

    /** Width of a downsampled signature row. */
    public static final int SMALL = SMALL_HEIGHT * SMALL_WIDTH;

    public RecordBlocks {
        int n = transaction.length;
        if (profile.length != n
                || presented.length != n
                || enrolmentSmall.length != n
                || presentedSmall.length != n
                || signatureUnreadable.length != n) {
            throw new IllegalArgumentException("every block needs one row per record");
        }
    }

    /**
     * Encodes every record of {@code records} with {@code encoding}.
     *
     * @param keepPresentedCanvases whether to keep the full presented canvases as well
     */
    public static RecordBlocks of(
            List<MultimodalRecord> records,
            FeatureEncoding encoding,
            boolean keepPresentedCanvases) {
        int n = records.size();
        double[][] profile = new double[n][];
        double[][] transaction = new double[n][];
        double[][] presented = new double[n][];
        double[][] enrolmentSmall = new double[n][];
        double[][] presentedSmall = new double[n][];
        boolean[] unreadable = new boolean[n];
        // Every record of an entity carries the same enrolment image: decode it once. Presented
        // images are all distinct, so caching them would only hold memory.
        SignatureCanvases enrolments = new SignatureCanvases();
        for (int i = 0; i < n; i++) {
            MultimodalRecord record = records.get(i);
            profile[i] = widened(encoding.profileFeatures(record));
            transaction[i] = widened(encoding.transactionFeatures(record));
            SignatureImage presentedImage = record.presentedSignature();
            if (presentedImage != null) {
                double[] canvas = widened(new SignatureCanvases().of(presentedImage));
                unreadable[i] |= canvas == null;
                presentedSmall[i] = canvas == null ? null : thumbnail(canvas);
                presented[i] = keepPresentedCanvases ? canvas : null;
            }
            SignatureImage enrolmentImage = record.enrolmentSignature();
            if (enrolmentImage != null) {
                double[] canvas = widened(enrolments.of(enrolmentImage));
                unreadable[i] |= canvas == null;
                enrolmentSmall[i] = canvas == null ? null : thumbnail(canvas);
            }
        }
        return new RecordBlocks(
                encoding.profileWidth(),
                profile,
                transaction,
                presented,
                enrolmentSmall,
                presentedSmall,
                unreadable);
    }

    /** Number of records. */
    public int size() {
        return transaction.length;
    }

    /** Means of {@link #POOL} x {@link #POOL} blocks of a full canvas, row-major. */
    public static double[] thumbnail(double[] canvas) {
        double[] small = new double[SMALL];
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
