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
 * The inference graph of a K = 3 CMAD consensus space: profile, current transaction and the
 * entity's recent transactions as a sequence in, the cosine of every pair of their embeddings out.
 *
 * <p>Contract: placeholders {@link #PROFILE}, {@link #TRANSACTION}, {@link #HISTORY} (flattened
 * right-aligned sequence) and {@link #HISTORY_MASK} (1 per present step), batch first; outputs
 * {@link #PROFILE_TRANSACTION}, {@link #PROFILE_HISTORY} and {@link #TRANSACTION_HISTORY}, each
 * {@code [batch]}; {@link #cosines} runs the graph once for a whole batch. Stored in SameDiff's
 * FlatBuffers format without updater state. Runs through an {@link InferencePlan} compiled when the
 * network is made. Not thread-safe: one instance per scorer.
 */
public final class ConsensusNetwork {

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

    private final SameDiff graph;
    private final InferencePlan plan;

    public ConsensusNetwork(SameDiff graph) {
        this.graph = Objects.requireNonNull(graph, "graph");
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
        this.plan = InferencePlan.compile(graph, OUTPUTS);
    }

    /** Reads a graph written by {@link #toBytes()}. */
    public static ConsensusNetwork fromBytes(byte[] flatBuffers) {
        return new ConsensusNetwork(SameDiff.load(new ByteArrayInputStream(flatBuffers), false));
    }

    /** The graph in SameDiff's FlatBuffers format, without updater state. */
    public byte[] toBytes() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        graph.save(out, false);
        return out.toByteArray();
    }

    /**
     * The three pair cosines of each row, in one graph execution: {@code [pair][row]}, pairs in the
     * order profile~transaction, profile~history, transaction~history.
     */
    public double[][] cosines(
            INDArray profile, INDArray transaction, INDArray history, INDArray historyMask) {
        Map<String, INDArray> out =
                plan.output(
                        Map.of(
                                PROFILE, profile,
                                TRANSACTION, transaction,
                                HISTORY, history,
                                HISTORY_MASK, historyMask));
        double[][] cosines = new double[OUTPUTS.length][];
        for (int k = 0; k < OUTPUTS.length; k++) {
            cosines[k] = out.get(OUTPUTS[k]).castTo(DataType.DOUBLE).toDoubleVector();
        }
        return cosines;
    }

    /** The underlying graph, for tests. */
    public SameDiff graph() {
        return graph;
    }
}
