package io.polygraph.detector;

import io.polygraph.graph.InferencePlan;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.Map;
import java.util.Objects;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The inference graph of one CMAD modality pair: two inputs in, the cosine of their embeddings out.
 *
 * <p>Contract: the graph has placeholders {@link #INPUT_A} and {@link #INPUT_B} (batch first) and
 * the output {@link #COSINE} ({@code [batch]}); {@link #cosines} runs it once for a whole batch.
 * Stored in the snapshot in SameDiff's FlatBuffers format (no Java deserialization) without updater
 * state. Runs through an {@link InferencePlan} compiled when the network is made, which fails then
 * on a graph it cannot run. Not thread-safe: the plan reuses its arrays, so one instance per
 * scorer.
 */
public final class PairNetwork {

    /** Placeholder of the first side (profile features, or the enrolment signature). */
    public static final String INPUT_A = "input_a";

    /** Placeholder of the second side (transaction features, or the presented signature). */
    public static final String INPUT_B = "input_b";

    /** Output: cosine similarity of the two embeddings, one per row. */
    public static final String COSINE = "cosine";

    private final SameDiff graph;
    private final InferencePlan plan;

    public PairNetwork(SameDiff graph) {
        this.graph = Objects.requireNonNull(graph, "graph");
        if (graph.getVariable(INPUT_A) == null
                || graph.getVariable(INPUT_B) == null
                || graph.getVariable(COSINE) == null) {
            throw new IllegalArgumentException(
                    "graph lacks " + INPUT_A + ", " + INPUT_B + " or " + COSINE);
        }
        this.plan = InferencePlan.compile(graph, COSINE);
    }

    /** Reads a graph written by {@link #toBytes()}. */
    public static PairNetwork fromBytes(byte[] flatBuffers) {
        return new PairNetwork(SameDiff.load(new ByteArrayInputStream(flatBuffers), false));
    }

    /** The graph in SameDiff's FlatBuffers format, without updater state. */
    public byte[] toBytes() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        graph.save(out, false);
        return out.toByteArray();
    }

    /** Cosines of the rows of {@code a} and {@code b}, computed in one graph execution. */
    public double[] cosines(INDArray a, INDArray b) {
        if (a.size(0) != b.size(0)) {
            throw new IllegalArgumentException(
                    "sides differ in batch size: " + a.size(0) + " vs " + b.size(0));
        }
        INDArray out = plan.output(Map.of(INPUT_A, a, INPUT_B, b)).get(COSINE);
        return out.castTo(DataType.DOUBLE).toDoubleVector();
    }

    /** The underlying graph, for the trainer's weight transfer and tests. */
    public SameDiff graph() {
        return graph;
    }
}
