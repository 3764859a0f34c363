package io.polygraph.train;

import io.polygraph.fusion.FusionNetwork;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Random values for every placeholder of a graph, batch first: uniform in [-1, 1), except masks and
 * DMAFN's image-to-row maps, which get 0s and 1s. DMAFN's image batches hold one image more than
 * the batch has rows, so that the maps are not square.
 */
final class RandomPlaceholders {

    private static final Set<String> IMAGES =
            Set.of(FusionNetwork.ENROLMENT, FusionNetwork.PRESENTED);
    private static final Set<String> IMAGE_ROWS =
            Set.of(FusionNetwork.ENROLMENT_ROWS, FusionNetwork.PRESENTED_ROWS);

    private RandomPlaceholders() {}

    static Map<String, INDArray> of(SameDiff graph, int batch, SplittableRandom random) {
        Map<String, INDArray> values = new HashMap<>();
        for (String name : graph.inputs()) {
            SDVariable placeholder = graph.getVariable(name);
            long[] shape = placeholder.placeholderShape().clone();
            shape[0] = IMAGES.contains(name) ? batch + 1 : batch;
            if (IMAGE_ROWS.contains(name)) {
                shape[1] = batch + 1;
            }
            boolean binary = IMAGE_ROWS.contains(name) || name.contains("mask");
            values.put(name, array(shape, binary, random));
        }
        return values;
    }

    private static INDArray array(long[] shape, boolean binary, SplittableRandom random) {
        long size = 1;
        for (long dimension : shape) {
            if (dimension < 0) {
                throw new IllegalArgumentException("unresolved dimension in a placeholder shape");
            }
            size *= dimension;
        }
        float[] data = new float[Math.toIntExact(size)];
        for (int i = 0; i < data.length; i++) {
            data[i] = binary ? random.nextInt(2) : (float) (random.nextDouble() * 2 - 1);
        }
        return Nd4j.create(data, shape);
    }
}
