package io.polygraph.eval.run;

import io.polygraph.data.TabularDataset;
import io.polygraph.eval.LabelledScores;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Rows of a labelled table as {@link TabularExperiment} uses them: features, anomaly flags, the raw
 * labels (to stratify on) and the labels the report shows.
 *
 * <p>Report labels: a normal row is {@link LabelledScores#NORMAL}; an anomalous row keeps its raw
 * label as its anomaly type, except one spelled {@code NORMAL}, reported as {@value
 * #ANOMALY_NAMED_NORMAL} lest it count as a negative. Rows are shared with the dataset's copy, not
 * copied again per part; nothing here writes to them.
 *
 * @param x feature rows
 * @param anomalous per row, whether its label is not a normal one
 * @param labels per row, the raw label
 * @param types per row, the report label
 */
record LabelledRows(double[][] x, boolean[] anomalous, List<String> labels, List<String> types) {

    /** How an anomalous label that reads like the negatives' label is reported. */
    static final String ANOMALY_NAMED_NORMAL = LabelledScores.NORMAL + " (anomalous)";

    /** Every row of {@code data}. */
    static LabelledRows of(TabularDataset data) {
        boolean[] anomalous = data.anomalous();
        List<String> types = new ArrayList<>(data.size());
        for (int i = 0; i < data.size(); i++) {
            String label = data.labels().get(i);
            types.add(
                    !anomalous[i]
                            ? LabelledScores.NORMAL
                            : label.equals(LabelledScores.NORMAL) ? ANOMALY_NAMED_NORMAL : label);
        }
        return new LabelledRows(data.features(), anomalous, data.labels(), List.copyOf(types));
    }

    /** The rows at {@code indices}, in that order. */
    LabelledRows rows(int[] indices) {
        double[][] rowsX = new double[indices.length][];
        boolean[] rowsAnomalous = new boolean[indices.length];
        List<String> rowsLabels = new ArrayList<>(indices.length);
        List<String> rowsTypes = new ArrayList<>(indices.length);
        for (int k = 0; k < indices.length; k++) {
            rowsX[k] = x[indices[k]];
            rowsAnomalous[k] = anomalous[indices[k]];
            rowsLabels.add(labels.get(indices[k]));
            rowsTypes.add(types.get(indices[k]));
        }
        return new LabelledRows(rowsX, rowsAnomalous, rowsLabels, rowsTypes);
    }

    int size() {
        return x.length;
    }

    int anomalyCount() {
        int count = 0;
        for (boolean flag : anomalous) {
            count += flag ? 1 : 0;
        }
        return count;
    }

    /** The anomaly types present, sorted: every one of them is a positive. */
    Set<String> positives() {
        Set<String> positives = new TreeSet<>(types);
        positives.remove(LabelledScores.NORMAL);
        return positives;
    }

    /** The raw labels of the normal rows, in order of first appearance. */
    Set<String> normalLabels() {
        Set<String> normal = new LinkedHashSet<>();
        for (int i = 0; i < size(); i++) {
            if (!anomalous[i]) {
                normal.add(labels.get(i));
            }
        }
        return normal;
    }

    /** How many rows each anomaly type has, in order of first appearance. */
    Map<String, Integer> anomaliesByType() {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (int i = 0; i < size(); i++) {
            if (anomalous[i]) {
                counts.merge(types.get(i), 1, Integer::sum);
            }
        }
        return counts;
    }
}
