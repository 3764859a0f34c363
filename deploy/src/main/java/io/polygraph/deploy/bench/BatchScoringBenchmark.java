package io.polygraph.deploy.bench;

import io.polygraph.detector.BatchScorer;
import io.polygraph.detector.MultimodalRecord;
import io.polygraph.detector.RecordScore;
import io.polygraph.detector.SnapshotScorerFactory;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * JMH: one {@link BatchScorer#score} call on a batch of {@code batchSize} joined records, with the
 * detector of the snapshot at {@code snapshot}, its networks on the graph backend called {@code
 * graphBackend}. Records per second are the measured operations per second times the batch size
 * ({@link BatchingGain} does that arithmetic).
 *
 * <p>The batches are built once per trial from {@link BenchRecords}, several different ones so that
 * successive calls do not score identical inputs, and cycled through; building them is not timed.
 * The {@code @Param} defaults are placeholders: {@link BatchingGain} always sets them.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class BatchScoringBenchmark {

    /** Distinct batches per trial; enough that no detector can profit from repetition. */
    private static final int DISTINCT_BATCHES = 4;

    @Param("")
    public String snapshot;

    @Param("1")
    public int batchSize;

    @Param("40")
    public int customers;

    @Param("nd4j")
    public String graphBackend;

    private BatchScorer scorer;
    private List<List<MultimodalRecord>> batches;
    private int next;

    @Setup(Level.Trial)
    public void load() throws IOException {
        scorer = new SnapshotScorerFactory(Path.of(snapshot), graphBackend).create();
        batches = distinctBatches(customers, batchSize);
    }

    /**
     * {@value #DISTINCT_BATCHES} batches of {@code batchSize} records of a world of {@code
     * customers}, each starting at a different place in it.
     */
    static List<List<MultimodalRecord>> distinctBatches(int customers, int batchSize) {
        List<MultimodalRecord> records = BenchRecords.world(customers);
        List<List<MultimodalRecord>> batches = new ArrayList<>();
        for (int b = 0; b < DISTINCT_BATCHES; b++) {
            int from = (b * records.size()) / DISTINCT_BATCHES;
            List<MultimodalRecord> rotated = new ArrayList<>(records.subList(from, records.size()));
            rotated.addAll(records.subList(0, from));
            batches.add(BenchRecords.batch(rotated, batchSize));
        }
        return batches;
    }

    @TearDown(Level.Trial)
    public void close() {
        scorer.close();
    }

    /** Scores one batch; the scores are returned so that JMH consumes them. */
    @Benchmark
    public List<RecordScore> scoreBatch() {
        List<MultimodalRecord> batch = batches.get(next);
        next = (next + 1) % batches.size();
        return scorer.score(batch);
    }
}
