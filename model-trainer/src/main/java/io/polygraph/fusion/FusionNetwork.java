package io.polygraph.fusion;

import io.polygraph.detector.FeatureArrays;
import io.polygraph.graph.InferencePlan;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The DMAFN inference graph: per-modality extractors, fusion and one detection head.
 *
 * <p>Contract: placeholders named by the constants below (batch first; see {@link FusionInputs});
 * outputs {@link #MODALITY_ERRORS} ([batch, modalities], autoencoder head: each modality's
 * reconstruction error divided by its training variance), {@link #ANOMALY_LOGIT} ([batch, 1],
 * classifier head) and, with attention fusion, {@link #ATTENTION} ([batch, modalities], weights
 * summing to 1 over the visible modalities). Stored as SameDiff FlatBuffers without updater state.
 * Runs through an {@link InferencePlan} of the head's outputs, compiled when the network is made.
 * Not thread-safe (the plan reuses its arrays): one instance per scorer.
 */
public final class FusionNetwork {

    public static final String PROFILE = "profile";
    public static final String TRANSACTION = "transaction";
    public static final String HISTORY = "history";
    public static final String HISTORY_MASK = "history_mask";
    public static final String ENROLMENT = "enrolment";
    public static final String PRESENTED = "presented";

    /** [batch, enrolment images]: 1 where a record's enrolment signature is that image. */
    public static final String ENROLMENT_ROWS = "enrolment_rows";

    /** [batch, presented images]: 1 where a record's presented signature is that image. */
    public static final String PRESENTED_ROWS = "presented_rows";

    public static final String ENROLMENT_SMALL = "enrolment_small";
    public static final String PRESENTED_SMALL = "presented_small";
    public static final String MODALITY_MASK = "modality_mask";

    /** Output of the autoencoder head. */
    public static final String MODALITY_ERRORS = "modality_errors";

    /** Output of the classifier head. */
    public static final String ANOMALY_LOGIT = "anomaly_logit";

    /** Output of attention fusion. */
    public static final String ATTENTION = "attention";

    private final SameDiff graph;
    private final FusionMode mode;
    private final DetectionHead head;
    private final InferencePlan plan;

    public FusionNetwork(SameDiff graph, FusionMode mode, DetectionHead head) {
        this.graph = Objects.requireNonNull(graph, "graph");
        this.mode = Objects.requireNonNull(mode, "mode");
        this.head = Objects.requireNonNull(head, "head");
        for (String output : outputs()) {
            if (graph.getVariable(output) == null) {
                throw new IllegalArgumentException("graph lacks output " + output);
            }
        }
        this.plan = InferencePlan.compile(graph, outputs().toArray(String[]::new));
    }

    /** Reads a graph written by {@link #toBytes()}. */
    public static FusionNetwork fromBytes(byte[] flatBuffers, FusionMode mode, DetectionHead head) {
        return new FusionNetwork(
                SameDiff.load(new ByteArrayInputStream(flatBuffers), false), mode, head);
    }

    /** The graph in SameDiff's FlatBuffers format, without updater state. */
    public byte[] toBytes() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        graph.save(out, false);
        return out.toByteArray();
    }

    /** Runs the graph once on a batch. */
    public FusionOutputs run(Map<String, INDArray> inputs) {
        Map<String, INDArray> out = plan.output(inputs);
        return new FusionOutputs(
                matrix(out.get(MODALITY_ERRORS)),
                column(out.get(ANOMALY_LOGIT)),
                matrix(out.get(ATTENTION)));
    }

    /** The fusion mode the graph was built with. */
    public FusionMode mode() {
        return mode;
    }

    /** The detection head the graph was built with. */
    public DetectionHead head() {
        return head;
    }

    /** The underlying graph, for weight transfer and tests. */
    public SameDiff graph() {
        return graph;
    }

    private List<String> outputs() {
        List<String> outputs = new ArrayList<>(2);
        outputs.add(head == DetectionHead.AUTOENCODER ? MODALITY_ERRORS : ANOMALY_LOGIT);
        if (mode == FusionMode.ATTENTION) {
            outputs.add(ATTENTION);
        }
        return outputs;
    }

    private static double[][] matrix(INDArray array) {
        return array == null ? null : FeatureArrays.toRows(array);
    }

    private static double[] column(INDArray array) {
        return array == null ? null : array.castTo(DataType.DOUBLE).reshape(-1).toDoubleVector();
    }
}
