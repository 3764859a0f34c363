package io.polygraph.fusion;

import io.polygraph.detector.FeatureArrays;
import io.polygraph.graph.GraphBackend;
import io.polygraph.graph.ScoringGraph;
import io.polygraph.graph.Tensor;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.nd4j.autodiff.samediff.SameDiff;

/**
 * The DMAFN inference graph: per-modality extractors, fusion and one detection head.
 *
 * <p>Contract: placeholders named by the constants below (batch first; see {@link FusionInputs});
 * outputs {@link #MODALITY_ERRORS} ([batch, modalities], autoencoder head: each modality's
 * reconstruction error divided by its training variance), {@link #ANOMALY_LOGIT} ([batch, 1],
 * classifier head) and, with attention fusion, {@link #ATTENTION} ([batch, modalities], weights
 * summing to 1 over the visible modalities). Stored as SameDiff FlatBuffers without updater state.
 * Runs through a {@link ScoringGraph} of the head's outputs, compiled when the network is made (by
 * ND4J, or by the {@link GraphBackend} it is loaded with). Not thread-safe: one instance per
 * scorer.
 */
public final class FusionNetwork implements AutoCloseable {

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

    private final ScoringGraph graph;
    private final FusionMode mode;
    private final DetectionHead head;

    public FusionNetwork(SameDiff graph, FusionMode mode, DetectionHead head) {
        Objects.requireNonNull(graph, "graph");
        this.mode = Objects.requireNonNull(mode, "mode");
        this.head = Objects.requireNonNull(head, "head");
        for (String output : outputs(mode, head)) {
            if (graph.getVariable(output) == null) {
                throw new IllegalArgumentException("graph lacks output " + output);
            }
        }
        this.graph = ScoringGraph.of(graph, outputs(mode, head));
    }

    private FusionNetwork(ScoringGraph graph, FusionMode mode, DetectionHead head) {
        this.graph = graph;
        this.mode = mode;
        this.head = head;
    }

    /** Reads a graph written by {@link #toBytes()}, run by ND4J. */
    public static FusionNetwork fromBytes(byte[] flatBuffers, FusionMode mode, DetectionHead head) {
        return fromBytes(flatBuffers, mode, head, GraphBackend.nd4j());
    }

    /** Reads a graph written by {@link #toBytes()}, run by {@code backend}. */
    public static FusionNetwork fromBytes(
            byte[] flatBuffers, FusionMode mode, DetectionHead head, GraphBackend backend) {
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(head, "head");
        return new FusionNetwork(
                ScoringGraph.load(flatBuffers, backend, outputs(mode, head)), mode, head);
    }

    /** The graph in SameDiff's FlatBuffers format, without updater state. */
    public byte[] toBytes() {
        return graph.toBytes();
    }

    /** Frees what the backend holds for the network outside the heap (GPU memory). */
    @Override
    public void close() {
        graph.close();
    }

    /** Runs the graph once on a batch. */
    public FusionOutputs run(Map<String, Tensor> inputs) {
        Map<String, Tensor> out = graph.run(inputs);
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

    /**
     * The underlying SameDiff graph, for weight transfer and tests.
     *
     * @throws IllegalStateException when the network was loaded through another backend
     */
    public SameDiff graph() {
        return graph.sameDiff();
    }

    private static String[] outputs(FusionMode mode, DetectionHead head) {
        List<String> outputs = new ArrayList<>(2);
        outputs.add(head == DetectionHead.AUTOENCODER ? MODALITY_ERRORS : ANOMALY_LOGIT);
        if (mode == FusionMode.ATTENTION) {
            outputs.add(ATTENTION);
        }
        return outputs.toArray(String[]::new);
    }

    private static double[][] matrix(Tensor tensor) {
        return tensor == null ? null : FeatureArrays.toRows(tensor);
    }

    private static double[] column(Tensor tensor) {
        return tensor == null ? null : tensor.toDoubles();
    }
}
