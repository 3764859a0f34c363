package io.polygraph.data;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * A table of numeric feature rows, each marked normal or anomalous, as read by {@link
 * TabularReader}.
 *
 * <p>Contract: row {@code i} has the features {@code features()[i]}, one value per entry of {@link
 * #featureNames()}, the raw label text {@code labels().get(i)} and the flag {@code anomalous()[i]};
 * the label column itself is not among the features. Immutable: arrays are copied in and out. The
 * values are as read, not standardised, because the scale belongs to the model that is fitted on
 * the training part, never to the whole file.
 */
public final class TabularDataset {

    private final double[][] features;
    private final boolean[] anomalous;
    private final List<String> featureNames;
    private final List<String> labels;

    /**
     * @throws IllegalArgumentException when the row counts differ or a row's width is not the
     *     number of feature names
     */
    public TabularDataset(
            double[][] features,
            boolean[] anomalous,
            List<String> featureNames,
            List<String> labels) {
        this.featureNames = List.copyOf(featureNames);
        this.labels = List.copyOf(labels);
        if (features.length != anomalous.length || features.length != this.labels.size()) {
            throw new IllegalArgumentException(
                    features.length
                            + " feature rows, "
                            + anomalous.length
                            + " flags and "
                            + this.labels.size()
                            + " labels");
        }
        this.features = new double[features.length][];
        for (int i = 0; i < features.length; i++) {
            if (features[i].length != this.featureNames.size()) {
                throw new IllegalArgumentException(
                        "row "
                                + i
                                + " has "
                                + features[i].length
                                + " features, expected "
                                + this.featureNames.size());
            }
            this.features[i] = features[i].clone();
        }
        this.anomalous = anomalous.clone();
    }

    /** Number of rows. */
    public int size() {
        return features.length;
    }

    /** A copy of the feature matrix, one row per record. */
    public double[][] features() {
        double[][] copy = new double[features.length][];
        for (int i = 0; i < features.length; i++) {
            copy[i] = features[i].clone();
        }
        return copy;
    }

    /** A copy of the flags: true where the row's label is not one of the normal labels. */
    public boolean[] anomalous() {
        return anomalous.clone();
    }

    /**
     * The feature columns: a numeric column's name, or {@code column=value} for each one-hot slot
     * of a nominal column.
     */
    public List<String> featureNames() {
        return featureNames;
    }

    /** The raw label of each row. */
    public List<String> labels() {
        return labels;
    }

    /** Number of anomalous rows. */
    public int anomalyCount() {
        int count = 0;
        for (boolean flag : anomalous) {
            count += flag ? 1 : 0;
        }
        return count;
    }

    @Override
    public String toString() {
        return "TabularDataset["
                + size()
                + " rows, "
                + featureNames.size()
                + " features, "
                + anomalyCount()
                + " anomalous]";
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof TabularDataset that
                && Arrays.deepEquals(features, that.features)
                && Arrays.equals(anomalous, that.anomalous)
                && featureNames.equals(that.featureNames)
                && labels.equals(that.labels);
    }

    @Override
    public int hashCode() {
        return Objects.hash(featureNames, labels);
    }
}
