package io.polygraph.detector;

import io.polygraph.graph.GraphBackend;
import io.polygraph.graph.ScoringGraph;
import io.polygraph.graph.Tensor;
import java.util.Map;
import java.util.Objects;
import org.nd4j.autodiff.samediff.SameDiff;

/**
 * The inference graph of a K = 3 CMAD consensus space: profile, current transaction and the
 * entity's recent transactions as a sequence in, the cosine of every pair of their embeddings out.
 *
 * <p>Contract: placeholders {@link #PROFILE}, {@link #TRANSACTION}, {@link #HISTORY} (flattened
 * right-aligned sequence) and {@link #HISTORY_MASK} (1 per present step), batch first; outputs
 * {@link #PROFILE_TRANSACTION}, {@link #PROFILE_HISTORY} and {@link #TRANSACTION_HISTORY}, each
 * {@code [batch]}; {@link #cosines} runs the graph once for a whole batch. Stored in SameDiff's
 * FlatBuffers format without updater state. Runs through a {@link ScoringGraph} compiled when the
 * network is made (by ND4J, or the {@link GraphBackend} it is loaded with). Not thread-safe: one
 * instance per scorer.
 */
public final class ConsensusNetwork implements AutoCloseable {

    /** Placeholder of the standardised profile features (zeros where a record has none). */
    public static final String PROFILE = "profile";

    /** Placeholder of the standardised transaction features. */
    public static final String TRANSACTION = "transaction";

    /** Placeholder of the flattened history sequence. */
    public static final String HISTORY = "history";

    /** Placeholder of the history's step mask, 1 per step holding a transaction. */
    public static final String HISTORY_MASK = "history_mask";

    /** Output: cosine of the profile and transaction embeddings. */
    public static final String PROFILE_TRANSACTION = "cosine_profile_transaction";

    /** Output: cosine of the profile and history embeddings. */
    public static final String PROFILE_HISTORY = "cosine_profile_history";

    /** Output: cosine of the transaction and history embeddings. */
    public static final String TRANSACTION_HISTORY = "cosine_transaction_history";

    private static final String[] OUTPUTS = {
        PROFILE_TRANSACTION, PROFILE_HISTORY, TRANSACTION_HISTORY
    };

    private final ScoringGraph graph;

    public ConsensusNetwork(SameDiff graph) {
        Objects.requireNonNull(graph, "graph");
        for (String name :
                new String[] {
                    PROFILE,
                    TRANSACTION,
                    HISTORY,
                    HISTORY_MASK,
                    PROFILE_TRANSACTION,
                    PROFILE_HISTORY,
                    TRANSACTION_HISTORY
                }) {
            if (graph.getVariable(name) == null) {
                throw new IllegalArgumentException("consensus graph lacks " + name);
            }
        }
        this.graph = ScoringGraph.of(graph, OUTPUTS);
    }

    private ConsensusNetwork(ScoringGraph graph) {
        this.graph = graph;
    }

    /** Reads a graph written by {@link #toBytes()}, run by ND4J. */
    public static ConsensusNetwork fromBytes(byte[] flatBuffers) {
        return fromBytes(flatBuffers, GraphBackend.nd4j());
    }

    /** Reads a graph written by {@link #toBytes()}, run by {@code backend}. */
    public static ConsensusNetwork fromBytes(byte[] flatBuffers, GraphBackend backend) {
        return new ConsensusNetwork(ScoringGraph.load(flatBuffers, backend, OUTPUTS));
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
     * The three pair cosines of each row, in one graph execution: {@code [pair][row]}, pairs in the
     * order profile~transaction, profile~history, transaction~history.
     */
    public double[][] cosines(
            Tensor profile, Tensor transaction, Tensor history, Tensor historyMask) {
        Map<String, Tensor> out =
                graph.run(
                        Map.of(
                                PROFILE, profile,
                                TRANSACTION, transaction,
                                HISTORY, history,
                                HISTORY_MASK, historyMask));
        double[][] cosines = new double[OUTPUTS.length][];
        for (int k = 0; k < OUTPUTS.length; k++) {
            cosines[k] = out.get(OUTPUTS[k]).toDoubles();
        }
        return cosines;
    }

    /**
     * The underlying SameDiff graph, for tests.
     *
     * @throws IllegalStateException when the network was loaded through another backend
     */
    public SameDiff graph() {
        return graph.sameDiff();
    }
}
