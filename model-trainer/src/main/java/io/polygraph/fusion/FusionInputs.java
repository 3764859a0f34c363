package io.polygraph.fusion;

import io.polygraph.features.SignatureFeatures;
import io.polygraph.graph.Tensor;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

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
    public static Map<String, Tensor> of(
            List<FusionRow> rows, FusionShape shape, float[][] visible) {
        return stacked(rows, shape, List.<float[][]>of(visible));
    }

    /**
     * The network inputs of {@code rows} once per modality mask of {@code masks}, stacked: row
     * {@code c * rows.size() + i} is row {@code i} seen through mask {@code c}. The signature
     * images are given once and mapped to every copy of their row, so one network run on the stack
     * costs the convolutional tower of one copy; each row's outputs are those of a run on its copy
     * alone, since no layer mixes rows.
     */
    public static Map<String, Tensor> stacked(
            List<FusionRow> rows, FusionShape shape, List<float[][]> masks) {
        int n = rows.size();
        int copies = masks.size();
        int total = n * copies;
        float[] profile = new float[total * shape.profile()];
        float[] transaction = new float[total * shape.transaction()];
        float[] history = new float[total * shape.history()];
        float[] historyMask = new float[total * shape.historySteps()];
        float[] enrolmentSmall = new float[total * FusionEncoding.SMALL_SIGNATURE];
        float[] presentedSmall = new float[total * FusionEncoding.SMALL_SIGNATURE];
        float[] mask = new float[total * Modality.count()];
        for (int c = 0; c < copies; c++) {
            for (int i = 0; i < n; i++) {
                FusionRow row = rows.get(i);
                int r = c * n + i;
                if (row.profile() != null) {
                    copyRow(row.profile(), profile, r, shape.profile());
                }
                copyRow(row.transaction(), transaction, r, shape.transaction());
                copyRow(row.history(), history, r, shape.history());
                copyRow(row.historyMask(), historyMask, r, shape.historySteps());
                if (row.has(Modality.ENROLMENT_SIGNATURE)) {
                    pool(row.enrolment(), enrolmentSmall, r * FusionEncoding.SMALL_SIGNATURE);
                }
                if (row.has(Modality.PRESENTED_SIGNATURE)) {
                    pool(row.presented(), presentedSmall, r * FusionEncoding.SMALL_SIGNATURE);
                }
                copyRow(masks.get(c)[i], mask, r, Modality.count());
            }
        }
        Map<String, Tensor> inputs = new HashMap<>();
        inputs.put(FusionNetwork.PROFILE, matrix(profile, total, shape.profile()));
        inputs.put(FusionNetwork.TRANSACTION, matrix(transaction, total, shape.transaction()));
        inputs.put(FusionNetwork.HISTORY, matrix(history, total, shape.history()));
        inputs.put(FusionNetwork.HISTORY_MASK, matrix(historyMask, total, shape.historySteps()));
        putImages(
                inputs,
                rows.stream()
                        .map(r -> r.has(Modality.ENROLMENT_SIGNATURE) ? r.enrolment() : null)
                        .toList(),
                copies,
                FusionNetwork.ENROLMENT,
                FusionNetwork.ENROLMENT_ROWS);
        putImages(
                inputs,
                rows.stream()
                        .map(r -> r.has(Modality.PRESENTED_SIGNATURE) ? r.presented() : null)
                        .toList(),
                copies,
                FusionNetwork.PRESENTED,
                FusionNetwork.PRESENTED_ROWS);
        inputs.put(
                FusionNetwork.ENROLMENT_SMALL,
                matrix(enrolmentSmall, total, FusionEncoding.SMALL_SIGNATURE));
        inputs.put(
                FusionNetwork.PRESENTED_SMALL,
                matrix(presentedSmall, total, FusionEncoding.SMALL_SIGNATURE));
        inputs.put(FusionNetwork.MODALITY_MASK, matrix(mask, total, Modality.count()));
        return inputs;
    }

    /**
     * The non-null canvases as one image batch, and the matrix mapping them to their rows in each
     * of {@code copies} stacked copies of the rows.
     */
    private static void putImages(
            Map<String, Tensor> inputs,
            List<float[]> canvases,
            int copies,
            String images,
            String rowMap) {
        int n = canvases.size();
        int count = Math.max(MIN_IMAGES, (int) canvases.stream().filter(c -> c != null).count());
        float[] pixels = new float[count * CANVAS];
        float[] map = new float[copies * n * count];
        int next = 0;
        for (int i = 0; i < n; i++) {
            if (canvases.get(i) != null) {
                System.arraycopy(canvases.get(i), 0, pixels, next * CANVAS, CANVAS);
                for (int c = 0; c < copies; c++) {
                    map[(c * n + i) * count + next] = 1f;
                }
                next++;
            }
        }
        inputs.put(
                images,
                new Tensor(
                        new int[] {count, 1, SignatureFeatures.HEIGHT, SignatureFeatures.WIDTH},
                        pixels));
        inputs.put(rowMap, matrix(map, copies * n, count));
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

    private static Tensor matrix(float[] values, int rows, int columns) {
        return new Tensor(new int[] {rows, columns}, values);
    }
}
