package io.polygraph.deploy.backends;

import io.polygraph.detector.BatchScorer;
import io.polygraph.detector.DetectorSnapshot;
import io.polygraph.detector.MultimodalRecord;
import io.polygraph.graph.GraphBackend;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Records per second of one snapshot on one graph backend at one batch size: {@code threads}
 * scorers, each on its own thread as Flink runs one per task slot, score batches back to back for a
 * warm-up and then for the measured time. Each thread's rate is the records of the batches it
 * finished after its first post-warm-up batch, over the time between those finishes (at least
 * {@value #MIN_TIMED_BATCHES} batches, however long they take); the result is the threads' rates
 * added up.
 *
 * <p>Each thread's batches are cut from the records at a different offset, so threads do not score
 * identical batches; a batch larger than the records repeats them in order.
 */
final class BackendThroughput {

    /** One backend at one batch size: the threads' rates added up. */
    record Measurement(String backend, int threads, int batchSize, double recordsPerSecond) {}

    /** Batches each thread times at least, however long they take. */
    private static final int MIN_TIMED_BATCHES = 3;

    private final DetectorSnapshot snapshot;
    private final List<MultimodalRecord> records;
    private final double warmupSeconds;
    private final double seconds;

    BackendThroughput(
            DetectorSnapshot snapshot,
            List<MultimodalRecord> records,
            double warmupSeconds,
            double seconds) {
        this.snapshot = snapshot;
        this.records = records;
        this.warmupSeconds = warmupSeconds;
        this.seconds = seconds;
    }

    Measurement measure(GraphBackend backend, int threads, int batchSize)
            throws InterruptedException, ExecutionException {
        DetectorSnapshot onBackend = snapshot.withGraphBackend(backend);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            long warmupEnd = System.nanoTime() + (long) (warmupSeconds * 1e9);
            long end = warmupEnd + (long) (seconds * 1e9);
            List<Future<Double>> rates = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                List<MultimodalRecord> batch = batch(t * (records.size() / threads), batchSize);
                rates.add(pool.submit(() -> rate(onBackend, batch, warmupEnd, end)));
            }
            double total = 0;
            for (Future<Double> rate : rates) {
                total += rate.get();
            }
            return new Measurement(backend.name(), threads, batchSize, total);
        } finally {
            pool.shutdownNow();
        }
    }

    /** Records per second of one scorer on one thread. */
    private static double rate(
            DetectorSnapshot snapshot, List<MultimodalRecord> batch, long warmupEnd, long end) {
        try (BatchScorer scorer = snapshot.newScorer()) {
            long now = System.nanoTime();
            while (now < warmupEnd) {
                scorer.score(batch);
                now = System.nanoTime();
            }
            scorer.score(batch);
            long first = System.nanoTime();
            long last = first;
            int timed = 0;
            while (last < end || timed < MIN_TIMED_BATCHES) {
                scorer.score(batch);
                last = System.nanoTime();
                timed++;
            }
            return timed * (double) batch.size() / ((last - first) / 1e9);
        }
    }

    private List<MultimodalRecord> batch(int offset, int size) {
        List<MultimodalRecord> batch = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            batch.add(records.get((offset + i) % records.size()));
        }
        return batch;
    }
}
