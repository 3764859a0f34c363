package io.polygraph.fusion;

import io.polygraph.features.SignatureFeatures;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The placeholder arrays of one batch of {@link FusionRow}s, named as {@link FusionNetwork}
 * expects.
 *
 * <p>A missing modality's inputs are zeros and its column of the modality mask is 0; the network
 * never reads them (extractor outputs are multiplied by the mask). The full-size signature images
 * hold only the rows that have both signatures (padded with blank images to {@link
 * #MIN_SIGNED_ROWS}), and {@link FusionNetwork#SIGNATURE_ROWS} maps them back to their records: the
 * convolutional tower, by far the costliest extractor, then runs on signed records only. The pooled
 * signature canvases are both early fusion's signature inputs and the autoencoder's signature
 * reconstruction target.
 */
public final class FusionInputs {

    /**
     * Fewest rows of the signature images, blank ones added as needed: with a single row, the
     * gradient of the tower's biases is a sum over a dimension of length 1, which makes SameDiff
     * 1.0.0-M2.1 fail with a NullPointerException in its reduce-op shortcut.
     */
    static final int MIN_SIGNED_ROWS = 2;

    private FusionInputs() {}

    /** Presence of each modality of each row, [rows, modalities]. */
    public static float[][] presence(List<FusionRow> rows) {
        float[][] presence = new float[rows.size()][Modality.count()];
        for (int i = 0; i < rows.size(); i++) {
            for (Modality modality : Modality.values()) {
                presence[i][modality.ordinal()] = rows.get(i).has(modality) ? 1f : 0f;
            }
        }
        return presence;
    }

    /**
     * The network inputs of {@code rows}, the modality mask being {@code visible} (presence, or
     * presence with some modalities dropped while training).
     */
    public static Map<String, INDArray> of(
            List<FusionRow> rows, FusionShape shape, float[][] visible) {
        int n = rows.size();
        int canvas = SignatureFeatures.HEIGHT * SignatureFeatures.WIDTH;
        float[] profile = new float[n * shape.profile()];
        float[] transaction = new float[n * shape.transaction()];
        float[] history = new float[n * shape.history()];
        float[] historyMask = new float[n * shape.historySteps()];
        int signed =
                Math.max(
                        MIN_SIGNED_ROWS,
                        (int) rows.stream().filter(r -> r.has(Modality.SIGNATURE)).count());
        float[] enrolment = new float[signed * canvas];
        float[] presented = new float[signed * canvas];
        float[] signatureRows = new float[n * signed];
        int nextSigned = 0;
        float[] enrolmentSmall = new float[n * FusionEncoding.SMALL_SIGNATURE];
        float[] presentedSmall = new float[n * FusionEncoding.SMALL_SIGNATURE];
        float[] mask = new float[n * Modality.count()];
        for (int i = 0; i < n; i++) {
            FusionRow row = rows.get(i);
            if (row.profile() != null) {
                System.arraycopy(row.profile(), 0, profile, i * shape.profile(), shape.profile());
            }
            System.arraycopy(
                    row.transaction(),
                    0,
                    transaction,
                    i * shape.transaction(),
                    shape.transaction());
            System.arraycopy(row.history(), 0, history, i * shape.history(), shape.history());
            System.arraycopy(
                    row.historyMask(),
                    0,
                    historyMask,
                    i * shape.historySteps(),
                    shape.historySteps());
            if (row.has(Modality.SIGNATURE)) {
                System.arraycopy(row.enrolment(), 0, enrolment, nextSigned * canvas, canvas);
                System.arraycopy(row.presented(), 0, presented, nextSigned * canvas, canvas);
                signatureRows[i * signed + nextSigned] = 1f;
                nextSigned++;
                pool(row.enrolment(), enrolmentSmall, i * FusionEncoding.SMALL_SIGNATURE);
                pool(row.presented(), presentedSmall, i * FusionEncoding.SMALL_SIGNATURE);
            }
            System.arraycopy(visible[i], 0, mask, i * Modality.count(), Modality.count());
        }
        long[] image = {signed, 1, SignatureFeatures.HEIGHT, SignatureFeatures.WIDTH};
        Map<String, INDArray> inputs = new HashMap<>();
        inputs.put(FusionNetwork.PROFILE, matrix(profile, n, shape.profile()));
        inputs.put(FusionNetwork.TRANSACTION, matrix(transaction, n, shape.transaction()));
        inputs.put(FusionNetwork.HISTORY, matrix(history, n, shape.history()));
        inputs.put(FusionNetwork.HISTORY_MASK, matrix(historyMask, n, shape.historySteps()));
        inputs.put(FusionNetwork.ENROLMENT, Nd4j.createFromArray(enrolment).reshape(image));
        inputs.put(FusionNetwork.PRESENTED, Nd4j.createFromArray(presented).reshape(image));
        inputs.put(FusionNetwork.SIGNATURE_ROWS, matrix(signatureRows, n, signed));
        inputs.put(
                FusionNetwork.ENROLMENT_SMALL,
                matrix(enrolmentSmall, n, FusionEncoding.SMALL_SIGNATURE));
        inputs.put(
                FusionNetwork.PRESENTED_SMALL,
                matrix(presentedSmall, n, FusionEncoding.SMALL_SIGNATURE));
        inputs.put(FusionNetwork.MODALITY_MASK, matrix(mask, n, Modality.count()));
        return inputs;
    }

    /** Average pooling of a canvas by {@link FusionEncoding#SIGNATURE_POOL}, into {@code out}. */
    public static void pool(float[] canvas, float[] out, int offset) {
        int pool = FusionEncoding.SIGNATURE_POOL;
        int width = SignatureFeatures.WIDTH / pool;
        int height = SignatureFeatures.HEIGHT / pool;
        float scale = 1f / (pool * pool);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                float sum = 0;
                for (int dy = 0; dy < pool; dy++) {
                    int base = (y * pool + dy) * SignatureFeatures.WIDTH + x * pool;
                    for (int dx = 0; dx < pool; dx++) {
                        sum += canvas[base + dx];
                    }
                }
                out[offset + y * width + x] = sum * scale;
            }
        }
    }

    private static INDArray matrix(float[] values, int rows, int columns) {
        return Nd4j.createFromArray(values).reshape(rows, columns);
    }
}
