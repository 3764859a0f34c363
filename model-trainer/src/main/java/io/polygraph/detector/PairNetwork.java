package io.polygraph.detector;

import io.polygraph.graph.GraphBackend;
import io.polygraph.graph.ScoringGraph;
import io.polygraph.graph.Tensor;
import java.util.Map;
import java.util.Objects;
import org.nd4j.autodiff.samediff.SameDiff;

/**
 * The inference graph of one CMAD modality pair: two inputs in, the cosine of their embeddings out.
 *
 * <p>Contract: the graph has placeholders {@link #INPUT_A} and {@link #INPUT_B} (batch first) and
 * the output {@link #COSINE} ({@code [batch]}); {@link #cosines} runs it once for a whole batch.
 * Stored in the snapshot in SameDiff's FlatBuffers format (no Java deserialization) without updater
 * state. Runs through a {@link ScoringGraph} compiled when the network is made (by ND4J, or by the
 * {@link GraphBackend} it is loaded with), which fails then on a graph it cannot run. Not
 * thread-safe: one instance per scorer.
 */
public final class PairNetwork implements AutoCloseable {

    /** Placeholder of the first side (profile features, or the enrolment signature). */
    public static final String INPUT_A = "input_a";

    /** Placeholder of the second side (transaction features, or the presented signature). */
    public static final String INPUT_B = "input_b";

    /** Output: cosine similarity of the two embeddings, one per row. */
    public static final String COSINE = "cosine";

    private final ScoringGraph graph;

    public PairNetwork(SameDiff graph) {
        Objects.requireNonNull(graph, "graph");
        if (graph.getVariable(INPUT_A) == null
                || graph.getVariable(INPUT_B) == null
                || graph.getVariable(COSINE) == null) {
            throw new IllegalArgumentException(
                    "graph lacks " + INPUT_A + ", " + INPUT_B + " or " + COSINE);
        }
        this.graph = ScoringGraph.of(graph, COSINE);
    }

    private PairNetwork(ScoringGraph graph) {
        this.graph = graph;
    }

    /** Reads a graph written by {@link #toBytes()}, run by ND4J. */
    public static PairNetwork fromBytes(byte[] flatBuffers) {
        return fromBytes(flatBuffers, GraphBackend.nd4j());
    }

    /** Reads a graph written by {@link #toBytes()}, run by {@code backend}. */
    public static PairNetwork fromBytes(byte[] flatBuffers, GraphBackend backend) {
        return new PairNetwork(ScoringGraph.load(flatBuffers, backend, COSINE));
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

    /**
     * Cosines of the rows of {@code a} and {@code b}, computed in one graph execution.
     *
     * @throws IllegalArgumentException when the two sides differ in batch size
     */
    public double[] cosines(Tensor a, Tensor b) {
        if (a.dimension(0) != b.dimension(0)) {
            throw new IllegalArgumentException(
                    "sides differ in batch size: " + a.dimension(0) + " vs " + b.dimension(0));
        }
        return graph.run(Map.of(INPUT_A, a, INPUT_B, b)).get(COSINE).toDoubles();
    }

    /**
     * The underlying SameDiff graph, for the trainer's weight transfer and tests.
     *
     * @throws IllegalStateException when the network was loaded through another backend
     */
    public SameDiff graph() {
        return graph.sameDiff();
    }
}
