package io.polygraph.deploy.bench;

import io.polygraph.detector.BatchScorer;
import io.polygraph.detector.DetectorSnapshot;
import io.polygraph.detector.MultimodalRecord;
import io.polygraph.job.alert.AlertPolicy;
import io.polygraph.job.scoring.BatchScoringOperator;
import io.polygraph.job.scoring.BatchTrigger;
import io.polygraph.schema.Alert;
import io.polygraph.schema.JoinedTransaction;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.PipelineOptions;
import org.apache.flink.formats.avro.typeutils.AvroTypeInfo;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.functions.sink.v2.DiscardingSink;

/**
 * Benchmark 2: records per second through the job's {@link BatchScoringOperator} on a local Flink
 * MiniCluster (parallelism 1, records from an in-memory source, alerts discarded), divided by the
 * raw detector's records per second on the same records at the same batch size, both measured here
 * in one run.
 *
 * <p>Both are timed from the end of their first batch to the end of their last (see {@link
 * TimedScorerFactory}), so that loading the networks and Flink's job start are not counted: what is
 * left is what the operator adds per record (reading and deserializing the joined record,
 * buffering, building alert candidates).
 */
final class OperatorEfficiency {

    /** One detector at one batch size. */
    record Measurement(
            String detector,
            int batchSize,
            long records,
            double operatorRecordsPerSecond,
            double rawRecordsPerSecond) {

        double efficiency() {
            return operatorRecordsPerSecond / rawRecordsPerSecond;
        }
    }

    private final BenchSettings settings;

    OperatorEfficiency(BenchSettings settings) {
        this.settings = settings;
    }

    Measurement measure(String detector, Path snapshot, int batchSize) throws Exception {
        List<MultimodalRecord> records =
                BenchRecords.batch(
                        BenchRecords.world(settings.customers()), settings.operatorRecords());
        double raw = rawRecordsPerSecond(snapshot, records, batchSize);
        String run = UUID.randomUUID().toString();
        runOperator(run, snapshot, records, batchSize);
        TimedScorerFactory.BatchTimings timings = TimedScorerFactory.timings(run);
        if (timings.records() != records.size()) {
            throw new IllegalStateException(
                    "the operator scored " + timings.records() + " of " + records.size());
        }
        return new Measurement(
                detector,
                batchSize,
                records.size(),
                timings.recordsPerSecondAfterFirstBatch(),
                raw);
    }

    /** The detector alone, batch after batch, timed after its first batch. */
    private static double rawRecordsPerSecond(
            Path snapshot, List<MultimodalRecord> records, int batchSize) throws Exception {
        try (BatchScorer scorer = DetectorSnapshot.read(snapshot).newScorer()) {
            scorer.score(records.subList(0, Math.min(batchSize, records.size())));
            long start = System.nanoTime();
            long scored = 0;
            for (int from = batchSize; from < records.size(); from += batchSize) {
                List<MultimodalRecord> batch =
                        records.subList(from, Math.min(from + batchSize, records.size()));
                scorer.score(batch);
                scored += batch.size();
            }
            return scored / ((System.nanoTime() - start) / 1e9);
        }
    }

    private static void runOperator(
            String run, Path snapshot, List<MultimodalRecord> records, int batchSize)
            throws Exception {
        Configuration config = new Configuration();
        config.set(PipelineOptions.GENERIC_TYPES, false);
        StreamExecutionEnvironment env =
                StreamExecutionEnvironment.createLocalEnvironment(1, config);
        List<JoinedTransaction> joined =
                records.stream().map(r -> r.toJoined(Instant.EPOCH)).toList();
        // A deadline far longer than the run: every batch is cut by size, as under load.
        BatchTrigger trigger = new BatchTrigger(batchSize, Duration.ofMinutes(10));
        env.fromData(joined, new AvroTypeInfo<>(JoinedTransaction.class))
                .transform(
                        "Batch scoring",
                        new AvroTypeInfo<>(Alert.class),
                        new BatchScoringOperator(
                                new TimedScorerFactory(run, snapshot),
                                trigger,
                                AlertPolicy.defaults()))
                .sinkTo(new DiscardingSink<>());
        env.execute("polygraph-operator-benchmark");
    }
}
