package io.polygraph.deploy.bench;

import io.polygraph.schema.EntityEvent;
import io.polygraph.schema.JoinedTransaction;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.flink.api.common.JobID;
import org.apache.flink.api.common.JobStatus;
import org.apache.flink.api.common.functions.FilterFunction;
import org.apache.flink.api.connector.source.SourceReaderContext;
import org.apache.flink.api.connector.source.lib.NumberSequenceSource.NumberSequenceSplit;
import org.apache.flink.api.connector.source.util.ratelimit.RateLimiter;
import org.apache.flink.api.connector.source.util.ratelimit.RateLimiterStrategy;
import org.apache.flink.connector.datagen.source.DataGeneratorSource;
import org.apache.flink.connector.datagen.source.GeneratorFunction;
import org.apache.flink.formats.avro.typeutils.AvroTypeInfo;
import org.apache.flink.runtime.minicluster.MiniCluster;

/**
 * The input of one run of benchmark 5 and its progress: a generated source of the template entities
 * that lets records through only as the benchmark releases them, and a counter of the transactions
 * the join emitted.
 *
 * <p>The MiniCluster runs in this JVM, so the functions Flink serializes carry only the run's id
 * and find the run's templates, gate and counter in static registries; {@link #close} removes them.
 */
final class GatedEntitySource implements AutoCloseable {
    private static final Map<String, SourceGate> GATES = new ConcurrentHashMap<>();
    private static final Map<String, AtomicLong> JOINED = new ConcurrentHashMap<>();
    private static final Map<String, EntityTemplates> TEMPLATES = new ConcurrentHashMap<>();

    private final String run = UUID.randomUUID().toString();
    private final SourceGate gate = new SourceGate();
    private final Duration waitLimit;

    /**
     * @param templates the entities the source copies
     * @param waitLimit how long to wait for the job to start, and for each release to be joined
     */
    GatedEntitySource(EntityTemplates templates, Duration waitLimit) {
        this.waitLimit = waitLimit;
        JOINED.put(run, new AtomicLong());
        TEMPLATES.put(run, templates);
        GATES.put(run, gate);
    }

    /** The source of the first {@code records} records of the templates' stream, held closed. */
    DataGeneratorSource<EntityEvent> flinkSource(long records) {
        AvroTypeInfo<EntityEvent> type = new AvroTypeInfo<>(EntityEvent.class);
        // One record more than is ever released: the source never ends (no end-of-input watermark).
        return new DataGeneratorSource<>(
                new EntityGenerator(run), records + 1, new GateStrategy(run), type);
    }

    /** Counts the joined transactions it sees for {@link #awaitJoined}, and lets none through. */
    FilterFunction<JoinedTransaction> joinedCounter() {
        return new CountJoined(run);
    }

    /** Waits until the job runs and its generator holds the template world. */
    void awaitOpened(MiniCluster cluster, JobID job) throws Exception {
        gate.awaitOpened(cluster, job, waitLimit);
    }

    /** Lets {@code records} more records through the source. */
    void release(long records) {
        gate.release(records);
    }

    /** Waits until the join has emitted {@code expected} transactions of this run in all. */
    void awaitJoined(MiniCluster cluster, JobID job, long expected) throws Exception {
        long deadline = System.nanoTime() + waitLimit.toNanos();
        while (joined() < expected) {
            JobStatus status = cluster.getJobStatus(job).get();
            if (status.isTerminalState()) {
                throw new IllegalStateException(
                        String.format(
                                Locale.ROOT,
                                "the state-size job ended (%s) after joining %d of %d"
                                        + " transactions; the heap's limit is %.1f GB, and"
                                        + " heap-based state takes about 16 kB per entity",
                                status,
                                joined(),
                                expected,
                                Runtime.getRuntime().maxMemory() / 1e9));
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(
                        "joined " + joined() + " of " + expected + " in " + waitLimit);
            }
            Thread.sleep(100);
        }
    }

    private long joined() {
        return JOINED.get(run).get();
    }

    @Override
    public void close() {
        JOINED.remove(run);
        TEMPLATES.remove(run);
        GATES.remove(run);
    }

    /** Generates the stream from the run's template world (the MiniCluster runs in this JVM). */
    private static final class EntityGenerator implements GeneratorFunction<Long, EntityEvent> {
        private static final long serialVersionUID = 1L;

        private final String run;
        private transient EntityTemplates templates;

        EntityGenerator(String run) {
            this.run = run;
        }

        @Override
        public void open(SourceReaderContext context) {
            templates = TEMPLATES.get(run);
            GATES.get(run).markOpened();
        }

        @Override
        public EntityEvent map(Long index) {
            return templates.event(index);
        }
    }

    /** Counts the joined transactions of one run (the MiniCluster runs in this JVM). */
    private static final class CountJoined implements FilterFunction<JoinedTransaction> {
        private static final long serialVersionUID = 1L;

        private final String run;

        CountJoined(String run) {
            this.run = run;
        }

        @Override
        public boolean filter(JoinedTransaction joined) {
            JOINED.get(run).incrementAndGet();
            return false;
        }
    }

    /** Hands the source reader the permits its gate was released for. */
    private static final class GateStrategy implements RateLimiterStrategy<NumberSequenceSplit> {
        private static final long serialVersionUID = 1L;

        private final String run;

        GateStrategy(String run) {
            this.run = run;
        }

        @Override
        public RateLimiter<NumberSequenceSplit> createRateLimiter(int parallelism) {
            SourceGate gate = GATES.get(run);
            return permits -> gate.acquire();
        }
    }
}
