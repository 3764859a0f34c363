package io.polygraph.graph;

import java.io.ByteArrayOutputStream;
import java.util.Map;
import java.util.Objects;
import org.nd4j.autodiff.samediff.SameDiff;

/**
 * A detector's network as its scorer holds it: the runner of the outputs the detector reads, and
 * the network's stored form, so that a detector loaded from a snapshot can be written back.
 *
 * <p>Built from a SameDiff graph (trained here, run by ND4J, {@link #sameDiff()} available) or
 * loaded from a snapshot's bytes through any {@link GraphBackend} (then {@link #toBytes()} gives
 * those bytes back, and there is no SameDiff graph to hand out). Not thread-safe when its runner is
 * not: one per scorer.
 */
public final class ScoringGraph implements AutoCloseable {

    private final SameDiff sameDiff;
    private final byte[] stored;
    private final GraphRunner runner;

    private ScoringGraph(SameDiff sameDiff, byte[] stored, GraphRunner runner) {
        this.sameDiff = sameDiff;
        this.stored = stored;
        this.runner = runner;
    }

    /** A graph built or trained in this process, run by ND4J. */
    public static ScoringGraph of(SameDiff graph, String... outputs) {
        Objects.requireNonNull(graph, "graph");
        return new ScoringGraph(graph, null, new Nd4jGraphRunner(graph, outputs));
    }

    /** A stored graph, compiled by {@code backend} for {@code outputs}. */
    public static ScoringGraph load(byte[] flatBuffers, GraphBackend backend, String... outputs) {
        Objects.requireNonNull(flatBuffers, "flatBuffers");
        return new ScoringGraph(null, flatBuffers.clone(), backend.compile(flatBuffers, outputs));
    }

    /** Runs the graph once. */
    public Map<String, Tensor> run(Map<String, Tensor> placeholders) {
        return runner.run(placeholders);
    }

    /** Frees the runner's resources outside the heap; the stored form stays readable. */
    @Override
    public void close() {
        runner.close();
    }

    /** The graph in SameDiff's FlatBuffers format, without updater state. */
    public byte[] toBytes() {
        if (stored != null) {
            return stored.clone();
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        sameDiff.save(out, false);
        return out.toByteArray();
    }

    /**
     * The SameDiff graph, for weight transfer and tests.
     *
     * @throws IllegalStateException when the graph was loaded from bytes through a backend
     */
    public SameDiff sameDiff() {
        if (sameDiff == null) {
            throw new IllegalStateException(
                    "this network was loaded through a graph backend and has no SameDiff graph");
        }
        return sameDiff;
    }
}
