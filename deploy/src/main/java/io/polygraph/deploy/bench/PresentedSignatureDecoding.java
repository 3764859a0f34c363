package io.polygraph.deploy.bench;

import io.polygraph.detector.MultimodalRecord;
import io.polygraph.detector.SignatureCanvases;
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

/**
 * JMH: decoding the presented signatures of one batch of {@code batchSize} joined records into
 * network canvases, exactly as a scorer does at the start of {@code score} ({@link
 * SignatureCanvases}, one per batch), and nothing else: the part of scoring that no batch size can
 * share, since every transaction presents a new image. Its records per second bound what {@link
 * BatchScoringBenchmark} can measure at any batch size, whatever the networks cost.
 *
 * <p>The batches are {@link BatchScoringBenchmark}'s; the {@code @Param} defaults are placeholders
 * that {@link BatchingGain} always sets.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class PresentedSignatureDecoding {

    @Param("256")
    public int batchSize;

    @Param("40")
    public int customers;

    private List<List<MultimodalRecord>> batches;
    private int next;

    @Setup(Level.Trial)
    public void load() {
        batches = BatchScoringBenchmark.distinctBatches(customers, batchSize);
    }

    /** Decodes one batch's presented signatures; their canvases' lengths are summed for JMH. */
    @Benchmark
    public int decodeBatch() {
        List<MultimodalRecord> batch = batches.get(next);
        next = (next + 1) % batches.size();
        SignatureCanvases canvases = new SignatureCanvases();
        int cells = 0;
        for (MultimodalRecord record : batch) {
            if (record.presentedSignature() != null) {
                float[] canvas = canvases.of(record.presentedSignature());
                cells += canvas == null ? 0 : canvas.length;
            }
        }
        return cells;
    }
}
