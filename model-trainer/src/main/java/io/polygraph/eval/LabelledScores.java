package io.polygraph.eval;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * One detector's anomaly scores on a test set, with the true label of every record and the labels
 * that count as positives: the input every evaluation metric is computed from.
 *
 * <p>Contract: {@code anomalyScores[i]} is the evidence that record {@code i} is anomalous, higher
 * meaning more anomalous (build from consistency scores, where lower is more anomalous, with {@link
 * #ofConsistency}, which negates them). {@code labels.get(i)} is the record's class: {@link
 * #NORMAL} or an anomaly type name such as {@code SIGNATURE_MISMATCH}. Records labelled {@link
 * #NORMAL} are negatives, records whose label is in {@code positiveTypes} are positives, and
 * records of any other label form neither class: they are left out of the headline arrays ({@link
 * #headlineScores}, {@link #headlinePositives}) but kept in {@link #labels} so that per-type
 * breakdowns still see them, exactly as {@link EvaluationReport} does.
 *
 * <p>Trade-off: labels are strings rather than {@code AnomalyType} so that datasets with their own
 * label vocabularies can be evaluated; a typo in a positive type is not caught by the compiler (it
 * shows as a missing class: NaN AUROC). Positive types absent from the test set are allowed,
 * because a split may simply hold none of a rare type. The arrays are copied on the way in and on
 * the way out, so instances are immutable.
 */
public final class LabelledScores {

    /** The label of normal records: the negatives. */
    public static final String NORMAL = "NORMAL";

    private final double[] anomalyScores;
    private final List<String> labels;
    private final Set<String> positiveTypes;
    private final double[] headlineScores;
    private final boolean[] headlinePositives;

    private LabelledScores(double[] anomalyScores, List<String> labels, Set<String> positiveTypes) {
        this.anomalyScores = anomalyScores.clone();
        this.labels = List.copyOf(labels);
        this.positiveTypes = Set.copyOf(positiveTypes);
        List<Integer> kept = new ArrayList<>();
        for (int i = 0; i < this.anomalyScores.length; i++) {
            String label = this.labels.get(i);
            if (NORMAL.equals(label) || this.positiveTypes.contains(label)) {
                kept.add(i);
            }
        }
        this.headlineScores = new double[kept.size()];
        this.headlinePositives = new boolean[kept.size()];
        for (int k = 0; k < kept.size(); k++) {
            int i = kept.get(k);
            headlineScores[k] = this.anomalyScores[i];
            headlinePositives[k] = this.positiveTypes.contains(this.labels.get(i));
        }
    }

    /**
     * Scores where higher is more anomalous.
     *
     * @param anomalyScores one score per record, none NaN
     * @param labels one label per record, {@link #NORMAL} or an anomaly type
     * @param positiveTypes the labels that count as positives; must not contain {@link #NORMAL}
     */
    public static LabelledScores of(
            double[] anomalyScores, List<String> labels, Set<String> positiveTypes) {
        Objects.requireNonNull(anomalyScores, "anomalyScores");
        Objects.requireNonNull(labels, "labels");
        Objects.requireNonNull(positiveTypes, "positiveTypes");
        if (anomalyScores.length != labels.size()) {
            throw new IllegalArgumentException(
                    "one label per score is needed: "
                            + anomalyScores.length
                            + " scores, "
                            + labels.size()
                            + " labels");
        }
        for (int i = 0; i < anomalyScores.length; i++) {
            if (Double.isNaN(anomalyScores[i])) {
                throw new IllegalArgumentException("the score of record " + i + " is NaN");
            }
            if (labels.get(i) == null) {
                throw new IllegalArgumentException("the label of record " + i + " is null");
            }
        }
        if (positiveTypes.isEmpty() || positiveTypes.contains(NORMAL)) {
            throw new IllegalArgumentException(
                    "positive types must be anomaly types, at least one: " + positiveTypes);
        }
        return new LabelledScores(anomalyScores, labels, positiveTypes);
    }

    /** Scores where lower is more anomalous (the detector's consistency), negated here. */
    public static LabelledScores ofConsistency(
            double[] consistencyScores, List<String> labels, Set<String> positiveTypes) {
        double[] negated = new double[consistencyScores.length];
        for (int i = 0; i < negated.length; i++) {
            negated[i] = -consistencyScores[i];
        }
        return of(negated, labels, positiveTypes);
    }

    /** Number of records, of every label. */
    public int size() {
        return anomalyScores.length;
    }

    /** A copy of the anomaly scores of all records. */
    public double[] anomalyScores() {
        return anomalyScores.clone();
    }

    /** The score of record {@code i}. */
    public double score(int i) {
        return anomalyScores[i];
    }

    /** The label of every record, in record order. */
    public List<String> labels() {
        return labels;
    }

    /** The labels counted as positives. */
    public Set<String> positiveTypes() {
        return positiveTypes;
    }

    /** A copy of the scores of the NORMAL and positive records, in record order. */
    public double[] headlineScores() {
        return headlineScores.clone();
    }

    /** Whether each record of {@link #headlineScores} is a positive. */
    public boolean[] headlinePositives() {
        return headlinePositives.clone();
    }
}
