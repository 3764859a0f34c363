package io.polygraph.deploy.bench;

import io.polygraph.detector.BatchScorer;
import io.polygraph.detector.EnrolmentCanvases;
import io.polygraph.detector.ModelInfo;
import io.polygraph.detector.MultimodalRecord;
import io.polygraph.detector.RecordScore;
import io.polygraph.detector.ScorerFactory;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A snapshot's scorer that notes when each batch ends, so that the operator benchmark can time the
 * operator from the end of its first batch (networks loaded, JIT warm) to the end of its last.
 *
 * <p>The notes go to a static map keyed by run: the benchmark runs Flink in this JVM (a local
 * MiniCluster), where the operator's deserialized factory and the benchmark share the class.
 */
final class TimedScorerFactory implements ScorerFactory {
    private static final long serialVersionUID = 1L;

    private static final Map<String, BatchTimings> TIMINGS = new ConcurrentHashMap<>();

    private final String run;
    private final ScorerFactory snapshot;

    TimedScorerFactory(String run, ScorerFactory snapshot) {
        this.run = run;
        this.snapshot = snapshot;
    }

    /** What the scorers of {@code run} noted. */
    static BatchTimings timings(String run) {
        return TIMINGS.computeIfAbsent(run, r -> new BatchTimings());
    }

    @Override
    public BatchScorer create() throws IOException {
        return new TimedScorer(snapshot.create(), timings(run));
    }

    @Override
    public String graphBackend() {
        return snapshot.graphBackend();
    }

    @Override
    public int enrolmentCanvases() {
        return snapshot.enrolmentCanvases();
    }

    /** Batch ends as the scorers noted them. */
    static final class BatchTimings {
        private long firstBatchEndNanos = -1;
        private int firstBatchSize;
        private long lastBatchEndNanos;
        private long records;

        synchronized void batchEnded(int size) {
            long now = System.nanoTime();
            if (firstBatchEndNanos < 0) {
                firstBatchEndNanos = now;
                firstBatchSize = size;
            }
            lastBatchEndNanos = now;
            records += size;
        }

        /** Records per second after the first batch; NaN with fewer than two batches. */
        synchronized double recordsPerSecondAfterFirstBatch() {
            long nanos = lastBatchEndNanos - firstBatchEndNanos;
            return nanos <= 0 ? Double.NaN : (records - firstBatchSize) / (nanos / 1e9);
        }

        synchronized long records() {
            return records;
        }
    }

    private record TimedScorer(BatchScorer delegate, BatchTimings timings) implements BatchScorer {
        @Override
        public ModelInfo modelInfo() {
            return delegate.modelInfo();
        }

        @Override
        public List<RecordScore> score(List<MultimodalRecord> batch) {
            List<RecordScore> scores = delegate.score(batch);
            timings.batchEnded(batch.size());
            return scores;
        }

        @Override
        public Optional<EnrolmentCanvases> enrolmentCanvases() {
            return delegate.enrolmentCanvases();
        }

        @Override
        public void close() {
            delegate.close();
        }
    }
}
