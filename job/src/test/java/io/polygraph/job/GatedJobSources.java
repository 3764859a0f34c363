package io.polygraph.job;

import io.polygraph.schema.RawRecord;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.connector.source.lib.NumberSequenceSource.NumberSequenceSplit;
import org.apache.flink.api.connector.source.util.ratelimit.RateLimiter;
import org.apache.flink.api.connector.source.util.ratelimit.RateLimiterStrategy;
import org.apache.flink.connector.datagen.functions.FromElementsGeneratorFunction;
import org.apache.flink.connector.datagen.source.DataGeneratorSource;
import org.apache.flink.formats.avro.typeutils.AvroTypeInfo;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * In-memory inputs that hand out their records only as far as the test has released them, and never
 * end, so that a job reading them keeps running (and can be savepointed) between steps of a test.
 *
 * <p>Each source is a {@link DataGeneratorSource} over the listed records, rate-limited by a gate:
 * the n-th record waits for the n-th permit. A source waiting at its gate is merely unavailable, so
 * checkpoints and savepoints go through and its input turns idle. The permit after the last record
 * is never given, so no source finishes. The lists must be the same in a job restored from a
 * savepoint, since the sources' restored positions index into them. Gates live in this JVM, which
 * is where a MiniCluster runs its tasks.
 */
final class GatedJobSources implements JobSources {

    private static final Map<String, Gate> GATES = new ConcurrentHashMap<>();

    final List<RawRecord> transactions = new ArrayList<>();
    final List<RawRecord> profiles = new ArrayList<>();
    final List<RawRecord> signatures = new ArrayList<>();
    private final String run = UUID.randomUUID().toString();

    /** Lets {@code count} more records of {@code source} through. */
    void release(OperatorIds source, int count) {
        gate(source.uid()).release(count);
    }

    @Override
    public DataStream<RawRecord> transactions(
            StreamExecutionEnvironment env, WatermarkStrategy<RawRecord> eventTime) {
        return source(env, transactions, eventTime, OperatorIds.TRANSACTIONS_SOURCE);
    }

    @Override
    public DataStream<RawRecord> profiles(
            StreamExecutionEnvironment env, WatermarkStrategy<RawRecord> eventTime) {
        return source(env, profiles, eventTime, OperatorIds.PROFILES_SOURCE);
    }

    @Override
    public DataStream<RawRecord> signatures(
            StreamExecutionEnvironment env, WatermarkStrategy<RawRecord> eventTime) {
        return source(env, signatures, eventTime, OperatorIds.SIGNATURES_SOURCE);
    }

    private DataStream<RawRecord> source(
            StreamExecutionEnvironment env,
            List<RawRecord> records,
            WatermarkStrategy<RawRecord> eventTime,
            OperatorIds operator) {
        AvroTypeInfo<RawRecord> type = new AvroTypeInfo<>(RawRecord.class);
        DataGeneratorSource<RawRecord> source =
                new DataGeneratorSource<>(
                        new FromElementsGeneratorFunction<>(type, env.getConfig(), records),
                        records.size(),
                        new GateStrategy(gateId(operator.uid())),
                        type);
        return env.fromSource(source, eventTime, operator.displayName())
                .setParallelism(1)
                .uid(operator.uid());
    }

    private String gateId(String sourceUid) {
        return run + "/" + sourceUid;
    }

    private Gate gate(String sourceUid) {
        return GATES.computeIfAbsent(gateId(sourceUid), id -> new Gate());
    }

    /** Gives the reader of one source the permits its gate was released for. */
    private static final class GateStrategy implements RateLimiterStrategy<NumberSequenceSplit> {
        private static final long serialVersionUID = 1L;

        private final String gateId;

        GateStrategy(String gateId) {
            this.gateId = gateId;
        }

        @Override
        public RateLimiter<NumberSequenceSplit> createRateLimiter(int parallelism) {
            Gate gate = GATES.computeIfAbsent(gateId, id -> new Gate());
            return permits -> gate.acquire();
        }
    }

    /** Permits released by the test, taken one per record by the source reader. */
    private static final class Gate {
        private final Deque<CompletableFuture<Void>> waiting = new ArrayDeque<>();
        private long released;
        private long taken;

        synchronized CompletionStage<Void> acquire() {
            CompletableFuture<Void> permit = new CompletableFuture<>();
            if (taken < released) {
                taken++;
                permit.complete(null);
            } else {
                waiting.add(permit);
            }
            return permit;
        }

        void release(int count) {
            List<CompletableFuture<Void>> granted = new ArrayList<>();
            synchronized (this) {
                released += count;
                while (taken < released && !waiting.isEmpty()) {
                    taken++;
                    granted.add(waiting.poll());
                }
            }
            // Completed outside the lock: completion runs the reader's availability callbacks.
            granted.forEach(permit -> permit.complete(null));
        }
    }
}
