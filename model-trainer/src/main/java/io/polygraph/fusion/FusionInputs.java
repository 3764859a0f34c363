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
 * never reads them (extractor outputs are multiplied by the mask). Each kind of signature image
 * (enrolment, presented) holds only the rows where that modality is present, padded with blank
 * images to {@link #MIN_IMAGES}, and a 0/1 matrix ({@link FusionNetwork#ENROLMENT_ROWS}, {@link
 * FusionNetwork#PRESENTED_ROWS}) maps them back to their records: the convolutional tower, by far
 * the costliest extractor, then runs on signed records only. The pooled signature canvases are both
 * early fusion's signature inputs and the autoencoder's signature reconstruction targets.
 */
public final class FusionInputs {

    /**
     * Fewest images of each kind, blank ones added as needed: with a single image, the gradient of
     * the tower's biases is a sum over a dimension of length 1, which makes SameDiff 1.0.0-M2.1
     * fail with a NullPointerException in its reduce-op shortcut.
     */
    static final int MIN_IMAGES = 2;

    private static final int CANVAS = SignatureFeatures.HEIGHT * SignatureFeatures.WIDTH;

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
     * presence with some modalities hidden).
     */
    public static Map<String, INDArray> of(
            List<FusionRow> rows, FusionShape shape, float[][] visible) {
        int n = rows.size();
        float[] profile = new float[n * shape.profile()];
        float[] transaction = new float[n * shape.transaction()];
        float[] history = new float[n * shape.history()];
        float[] historyMask = new float[n * shape.historySteps()];
        float[] enrolmentSmall = new float[n * FusionEncoding.SMALL_SIGNATURE];
        float[] presentedSmall = new float[n * FusionEncoding.SMALL_SIGNATURE];
        float[] mask = new float[n * Modality.count()];
        for (int i = 0; i < n; i++) {
            FusionRow row = rows.get(i);
            if (row.profile() != null) {
                System.arraycopy(row.profile(), 0, profile, i * shape.profile(), shape.profile());
            }
            copyRow(row.transaction(), transaction, i, shape.transaction());
            copyRow(row.history(), history, i, shape.history());
            copyRow(row.historyMask(), historyMask, i, shape.historySteps());
            if (row.has(Modality.ENROLMENT_SIGNATURE)) {
                pool(row.enrolment(), enrolmentSmall, i * FusionEncoding.SMALL_SIGNATURE);
            }
            if (row.has(Modality.PRESENTED_SIGNATURE)) {
                pool(row.presented(), presentedSmall, i * FusionEncoding.SMALL_SIGNATURE);
            }
            System.arraycopy(visible[i], 0, mask, i * Modality.count(), Modality.count());
        }
        Map<String, INDArray> inputs = new HashMap<>();
        inputs.put(FusionNetwork.PROFILE, matrix(profile, n, shape.profile()));
        inputs.put(FusionNetwork.TRANSACTION, matrix(transaction, n, shape.transaction()));
        inputs.put(FusionNetwork.HISTORY, matrix(history, n, shape.history()));
        inputs.put(FusionNetwork.HISTORY_MASK, matrix(historyMask, n, shape.historySteps()));
        putImages(
                inputs,
                rows.stream()
                        .map(r -> r.has(Modality.ENROLMENT_SIGNATURE) ? r.enrolment() : null)
                        .toList(),
                FusionNetwork.ENROLMENT,
                FusionNetwork.ENROLMENT_ROWS);
        putImages(
                inputs,
                rows.stream()
                        .map(r -> r.has(Modality.PRESENTED_SIGNATURE) ? r.presented() : null)
                        .toList(),
                FusionNetwork.PRESENTED,
                FusionNetwork.PRESENTED_ROWS);
        inputs.put(
                FusionNetwork.ENROLMENT_SMALL,
                matrix(enrolmentSmall, n, FusionEncoding.SMALL_SIGNATURE));
        inputs.put(
                FusionNetwork.PRESENTED_SMALL,
                matrix(presentedSmall, n, FusionEncoding.SMALL_SIGNATURE));
        inputs.put(FusionNetwork.MODALITY_MASK, matrix(mask, n, Modality.count()));
        return inputs;
    }

    /** The non-null canvases as one image batch, and the matrix mapping them to their rows. */
    private static void putImages(
            Map<String, INDArray> inputs, List<float[]> canvases, String images, String rowMap) {
        int n = canvases.size();
        int count = Math.max(MIN_IMAGES, (int) canvases.stream().filter(c -> c != null).count());
        float[] pixels = new float[count * CANVAS];
        float[] map = new float[n * count];
        int next = 0;
        for (int i = 0; i < n; i++) {
            if (canvases.get(i) != null) {
                System.arraycopy(canvases.get(i), 0, pixels, next * CANVAS, CANVAS);
                map[i * count + next] = 1f;
                next++;
            }
        }
        inputs.put(
                images,
                Nd4j.createFromArray(pixels)
                        .reshape(count, 1, SignatureFeatures.HEIGHT, SignatureFeatures.WIDTH));
        inputs.put(rowMap, matrix(map, n, count));
    }

    private static void copyRow(float[] row, float[] target, int index, int width) {
        System.arraycopy(row, 0, target, index * width, width);
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
