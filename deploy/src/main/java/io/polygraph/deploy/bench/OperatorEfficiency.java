package io.polygraph.deploy.bench;

import io.polygraph.detector.BatchScorer;
import io.polygraph.detector.MultimodalRecord;
import io.polygraph.detector.ScorerFactory;
import io.polygraph.job.alert.AlertPolicy;
import io.polygraph.job.scoring.BatchScoringOperator;
import io.polygraph.job.scoring.BatchTrigger;
import io.polygraph.schema.Alert;
import io.polygraph.schema.JoinedTransaction;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.PipelineOptions;
import org.apache.flink.connector.datagen.source.DataGeneratorSource;
import org.apache.flink.connector.datagen.source.GeneratorFunction;
import org.apache.flink.formats.avro.typeutils.AvroTypeInfo;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.functions.sink.v2.DiscardingSink;

/**
 * Benchmark 2: records per second through the job's {@link BatchScoringOperator} on a local Flink
 * MiniCluster (parallelism 1, records from an in-memory source, alerts discarded), divided by the
 * raw detector's records per second on the same records at the same batch size, both measured here
 * in one run.
 *
 * <p>Each round runs the raw detector and then the operator; the reported ratio is the median of
 * the rounds' ratios, and every round is printed. Both are timed from the end of their first batch
 * to the end of their last (see {@link TimedScorerFactory}), so that loading the networks and
 * Flink's job start are not counted: what is left is what the operator adds per record (reading and
 * deserializing the joined record, buffering, building alert candidates).
 */
final class OperatorEfficiency {

    /** One raw run of the detector followed by one run of the operator, on the same records. */
    record Round(double operatorRecordsPerSecond, double rawRecordsPerSecond) {

        double efficiency() {
            return operatorRecordsPerSecond / rawRecordsPerSecond;
        }
    }

    /** One detector at one batch size, measured in {@code rounds}, in the order they ran. */
    record Measurement(String detector, int batchSize, long records, List<Round> rounds) {

        Measurement {
            if (rounds.isEmpty()) {
                throw new IllegalArgumentException("a measurement needs at least one round");
            }
            rounds = List.copyOf(rounds);
        }

        /** The round of median efficiency (the lower middle one for an even count). */
        Round median() {
            List<Round> sorted =
                    rounds.stream().sorted(Comparator.comparingDouble(Round::efficiency)).toList();
            return sorted.get((sorted.size() - 1) / 2);
        }

        double efficiency() {
            return median().efficiency();
        }
    }

    /** The distinct records of each operator run, by run id (see {@link CyclingRecords}). */
    private static final Map<String, List<JoinedTransaction>> JOINED = new ConcurrentHashMap<>();

    private final BenchSettings settings;

    OperatorEfficiency(BenchSettings settings) {
        this.settings = settings;
    }

    /**
     * Runs {@link BenchSettings#operatorRounds} rounds, each the raw detector and then the
     * operator, so that each ratio compares two runs made one right after the other.
     */
    Measurement measure(String detector, ScorerFactory snapshot, int batchSize) throws Exception {
        List<MultimodalRecord> distinct = BenchRecords.world(settings.customers());
        long records = settings.operatorRecords();
        List<Round> rounds = new ArrayList<>();
        for (int round = 0; round < settings.operatorRounds(); round++) {
            double raw = rawRecordsPerSecond(snapshot, distinct, records, batchSize);
            String run = UUID.randomUUID().toString();
            runOperator(run, snapshot, distinct, records, batchSize);
            TimedScorerFactory.BatchTimings timings = TimedScorerFactory.timings(run);
            if (timings.records() != records) {
                throw new IllegalStateException(
                        "the operator scored " + timings.records() + " of " + records);
            }
            rounds.add(new Round(timings.recordsPerSecondAfterFirstBatch(), raw));
        }
        return new Measurement(detector, batchSize, records, rounds);
    }

    /**
     * The detector alone on the first {@code records} records of {@code distinct} repeated, batch
     * after batch, timed after its first batch.
     */
    private static double rawRecordsPerSecond(
            ScorerFactory snapshot, List<MultimodalRecord> distinct, long records, int batchSize)
            throws Exception {
        try (BatchScorer scorer = snapshot.create()) {
            scorer.score(cycled(distinct, 0, Math.min(batchSize, records)));
            long start = System.nanoTime();
            long scored = 0;
            for (long from = batchSize; from < records; from += batchSize) {
                List<MultimodalRecord> batch =
                        cycled(distinct, from, Math.min(from + batchSize, records));
                scorer.score(batch);
                scored += batch.size();
            }
            return scored / ((System.nanoTime() - start) / 1e9);
        }
    }

    /** Records {@code from} (inclusive) to {@code to} of {@code distinct} repeated end to end. */
    private static List<MultimodalRecord> cycled(
            List<MultimodalRecord> distinct, long from, long to) {
        List<MultimodalRecord> batch = new ArrayList<>((int) (to - from));
        for (long i = from; i < to; i++) {
            batch.add(distinct.get((int) (i % distinct.size())));
        }
        return batch;
    }

    private static void runOperator(
            String run,
            ScorerFactory snapshot,
            List<MultimodalRecord> distinct,
            long records,
            int batchSize)
            throws Exception {
        Configuration config = new Configuration();
        config.set(PipelineOptions.GENERIC_TYPES, false);
        StreamExecutionEnvironment env =
                StreamExecutionEnvironment.createLocalEnvironment(1, config);
        JOINED.put(run, distinct.stream().map(r -> r.toJoined(Instant.EPOCH)).toList());
        try {
            // A deadline far longer than the run: every batch is cut by size, as under load.
            BatchTrigger trigger = new BatchTrigger(batchSize, Duration.ofMinutes(10));
            DataGeneratorSource<JoinedTransaction> source =
                    new DataGeneratorSource<>(
                            new CyclingRecords(run),
                            records,
                            new AvroTypeInfo<>(JoinedTransaction.class));
            env.fromSource(source, WatermarkStrategy.noWatermarks(), "Benchmark records")
                    .transform(
                            "Batch scoring",
                            new AvroTypeInfo<>(Alert.class),
                            new BatchScoringOperator(
                                    new TimedScorerFactory(run, snapshot),
                                    trigger,
                                    AlertPolicy.defaults()))
                    .sinkTo(new DiscardingSink<>());
            env.execute("polygraph-operator-benchmark");
        } finally {
            JOINED.remove(run);
        }
    }

    /**
     * Record {@code i} of the source is record {@code i} of the run's distinct joined records
     * repeated end to end. The MiniCluster runs in this JVM, so the function Flink serializes
     * carries only the run's id and finds the records in {@link #JOINED}: serializing tens of
     * thousands of records with their images into the job would take longer than scoring them.
     */
    private record CyclingRecords(String run)
            implements GeneratorFunction<Long, JoinedTransaction> {
        private static final long serialVersionUID = 1L;

        @Override
        public JoinedTransaction map(Long index) {
            List<JoinedTransaction> joined = JOINED.get(run);
            return joined.get((int) (index % joined.size()));
        }
    }
}
