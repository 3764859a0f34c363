package io.polygraph.job;

import static io.polygraph.job.OperatorIds.ALERT_POLICY;
import static io.polygraph.job.OperatorIds.BATCH_SCORING;
import static io.polygraph.job.OperatorIds.ENTITY_JOIN;
import static io.polygraph.job.OperatorIds.LATE_RECORDS_DEAD_LETTERS;
import static io.polygraph.job.OperatorIds.MODEL_UPDATES_DECODE;
import static io.polygraph.job.OperatorIds.PROFILES_DECODE;
import static io.polygraph.job.OperatorIds.PROFILES_EVENTS;
import static io.polygraph.job.OperatorIds.SIGNATURES_DECODE;
import static io.polygraph.job.OperatorIds.SIGNATURES_EVENTS;
import static io.polygraph.job.OperatorIds.TRANSACTIONS_DECODE;
import static io.polygraph.job.OperatorIds.TRANSACTIONS_EVENTS;

import io.polygraph.detector.ScorerFactory;
import io.polygraph.job.alert.AlertPolicyFunction;
import io.polygraph.job.config.JobSettings;
import io.polygraph.job.config.PolygraphOptions;
import io.polygraph.job.decode.DecodeAndValidate;
import io.polygraph.job.decode.DecodeLimits;
import io.polygraph.job.decode.ProfileValidator;
import io.polygraph.job.decode.RecordValidator;
import io.polygraph.job.decode.SignatureValidator;
import io.polygraph.job.decode.TransactionValidator;
import io.polygraph.job.eventtime.InputReachability;
import io.polygraph.job.eventtime.SourceWatermarks;
import io.polygraph.job.join.EntityEvents;
import io.polygraph.job.join.EntityJoinFunction;
import io.polygraph.job.join.LateRecordDeadLetters;
import io.polygraph.job.kafka.KafkaJobSinks;
import io.polygraph.job.kafka.KafkaJobSources;
import io.polygraph.job.model.AnnouncementValidator;
import io.polygraph.job.scoring.BatchScoringOperator;
import io.polygraph.job.scoring.BatchTrigger;
import io.polygraph.schema.Alert;
import io.polygraph.schema.CustomerProfile;
import io.polygraph.schema.DeadLetter;
import io.polygraph.schema.EntityEvent;
import io.polygraph.schema.JoinedTransaction;
import io.polygraph.schema.ModelAnnouncement;
import io.polygraph.schema.RawRecord;
import io.polygraph.schema.SignatureImage;
import io.polygraph.schema.Transaction;
import io.polygraph.topic.Topic;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import org.apache.avro.specific.SpecificRecordBase;
import org.apache.flink.api.common.functions.MapFunction;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.PipelineOptions;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.formats.avro.typeutils.AvroTypeInfo;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * The Polygraph job: decode and validate three input topics, join them per entity, score the joined
 * transactions in batches and write alerts and dead letters; optionally swap models announced on a
 * control topic while it runs, and score with a shadow model next to the primary one.
 *
 * <p>The job is a function of its ends: {@link #build} takes the sources and sinks, so that the
 * same graph runs on Kafka in production ({@link #execute}, {@link PolygraphJobMain}) and on
 * in-memory data in tests. Every record type on the wire between operators and in state is Avro,
 * and {@link #configureEnvironment} turns Flink's generic (Kryo) types off, so that a type that
 * would need Kryo fails the job at submission instead of slowing it down silently.
 *
 * <p>Every JVM that runs tasks (task managers, or the caller's JVM for an in-process MiniCluster)
 * needs {@code -Dorg.apache.avro.SERIALIZABLE_PACKAGES=io.polygraph.schema}: Avro 1.12 refuses to
 * instantiate the generated classes otherwise, and the first record fails the job.
 */
public final class PolygraphJob {

    /** The name the job runs under. */
    public static final String JOB_NAME = "polygraph";

    private PolygraphJob() {}

    /**
     * Adds the job's operators to {@code env}: sources (which generate the watermarks), decode,
     * join by entity, batch scoring, alert policy by entity, sinks.
     */
    public static void build(
            StreamExecutionEnvironment env,
            JobSources sources,
            JobSinks sinks,
            ScorerFactory scorerFactory,
            JobSettings settings) {
        InputReachability reachability = sources.reachability();
        SingleOutputStreamOperator<Transaction> transactions =
                decode(
                        sources.transactions(
                                env, SourceWatermarks.transactions(settings, reachability)),
                        settings.transactionsTopic(),
                        new TransactionValidator(settings.maxFutureSkew()),
                        TRANSACTIONS_DECODE,
                        settings);
        SingleOutputStreamOperator<CustomerProfile> profiles =
                decode(
                        sources.profiles(env, SourceWatermarks.profiles(settings, reachability)),
                        settings.profilesTopic(),
                        new ProfileValidator(settings.maxFutureSkew()),
                        PROFILES_DECODE,
                        settings);
        SingleOutputStreamOperator<SignatureImage> signatures =
                decode(
                        sources.signatures(
                                env, SourceWatermarks.signatures(settings, reachability)),
                        settings.signaturesTopic(),
                        new SignatureValidator(
                                settings.maxFutureSkew(), settings.maxSignatureBytes()),
                        SIGNATURES_DECODE,
                        settings);

        DataStream<EntityEvent> events =
                entityEvents(transactions, EntityEvents::of, TRANSACTIONS_EVENTS)
                        .union(
                                entityEvents(profiles, EntityEvents::of, PROFILES_EVENTS),
                                entityEvents(signatures, EntityEvents::of, SIGNATURES_EVENTS));

        Optional<SingleOutputStreamOperator<ModelAnnouncement>> modelUpdates =
                sources.modelUpdates(env)
                        .map(
                                raw ->
                                        decode(
                                                raw,
                                                settings.modelUpdatesTopic().orElseThrow(),
                                                new AnnouncementValidator(),
                                                MODEL_UPDATES_DECODE,
                                                settings));

        SingleOutputStreamOperator<JoinedTransaction> joined = joinByEntity(events, settings);
        SingleOutputStreamOperator<Alert> candidates =
                scoreInBatches(joined, modelUpdates, scorerFactory, settings);
        DataStream<Alert> alerts = applyAlertPolicy(candidates, settings);

        sinks.sinkAlerts(alerts);
        if (settings.shadowScoring()) {
            sinks.sinkShadowScores(candidates.getSideOutput(BatchScoringOperator.SHADOW_SCORES));
        }
        DataStream<DeadLetter> deadLetters =
                deadLetters(transactions)
                        .union(
                                deadLetters(profiles),
                                deadLetters(signatures),
                                lateRecords(joined, settings));
        if (modelUpdates.isPresent()) {
            deadLetters = deadLetters.union(deadLetters(modelUpdates.get()));
        }
        sinks.sinkDeadLetters(deadLetters);
    }

    /**
     * Configures {@code env} for the job: checkpoint interval, parallelism (when set) and no
     * generic types.
     */
    public static void configureEnvironment(StreamExecutionEnvironment env, JobSettings settings) {
        Configuration noKryo = new Configuration();
        noKryo.set(PipelineOptions.GENERIC_TYPES, false);
        env.configure(noKryo);
        env.enableCheckpointing(settings.checkpointInterval().toMillis());
        settings.parallelism().ifPresent(env::setParallelism);
    }

    /**
     * Runs the job on Kafka in {@code env} without blocking, for callers that run it in-process
     * (demos, integration tests) and stop it through the returned client.
     */
    public static JobClient execute(
            StreamExecutionEnvironment env, JobSettings settings, ScorerFactory scorerFactory)
            throws Exception {
        configureEnvironment(env, settings);
        build(
                env,
                new KafkaJobSources(settings),
                new KafkaJobSinks(settings),
                scorerFactory,
                settings);
        return env.executeAsync(JOB_NAME);
    }

    private static SingleOutputStreamOperator<JoinedTransaction> joinByEntity(
            DataStream<EntityEvent> events, JobSettings settings) {
        EntityJoinFunction join =
                new EntityJoinFunction(
                        settings.maxJoinWait(),
                        settings.presentedSignatureTtl(),
                        settings.recentTransactionsLimit(),
                        settings.entityTtl());
        return events.keyBy(EntityEvent::getEntityId, Types.STRING)
                .process(join, new AvroTypeInfo<>(JoinedTransaction.class))
                .uid(ENTITY_JOIN.uid())
                .name(ENTITY_JOIN.displayName());
    }

    /** The join's late records as dead letters, so that none is lost without a trace. */
    private static DataStream<DeadLetter> lateRecords(
            SingleOutputStreamOperator<JoinedTransaction> joined, JobSettings settings) {
        return joined.getSideOutput(EntityJoinFunction.LATE_RECORDS)
                .map(
                        new LateRecordDeadLetters(
                                settings.transactionsTopic(),
                                settings.profilesTopic(),
                                settings.signaturesTopic(),
                                (int) settings.deadLetterMaxValueBytes()))
                .returns(new AvroTypeInfo<>(DeadLetter.class))
                .uid(LATE_RECORDS_DEAD_LETTERS.uid())
                .name(LATE_RECORDS_DEAD_LETTERS.displayName());
    }

    /**
     * Batch scoring; with model updates, a two-input operator whose second input is the
     * announcements broadcast to every subtask, so that every subtask swaps.
     */
    private static SingleOutputStreamOperator<Alert> scoreInBatches(
            DataStream<JoinedTransaction> joined,
            Optional<? extends DataStream<ModelAnnouncement>> modelUpdates,
            ScorerFactory scorerFactory,
            JobSettings settings) {
        BatchTrigger trigger = new BatchTrigger(settings.batchSize(), settings.maxBatchDelay());
        BatchScoringOperator operator =
                new BatchScoringOperator(
                        scorerFactory, shadowFactory(settings), trigger, settings.alertPolicy());
        AvroTypeInfo<Alert> alertType = new AvroTypeInfo<>(Alert.class);
        SingleOutputStreamOperator<Alert> scored =
                modelUpdates.isPresent()
                        ? joined.connect(modelUpdates.get().broadcast())
                                .transform(BATCH_SCORING.displayName(), alertType, operator)
                        : joined.transform(BATCH_SCORING.displayName(), alertType, operator);
        return scored.uid(BATCH_SCORING.uid());
    }

    /** The shadow snapshot's factory, checked on the client like the primary one; or null. */
    private static ScorerFactory shadowFactory(JobSettings settings) {
        return settings.shadowSnapshotPath()
                .map(
                        path -> {
                            try {
                                return settings.scorersOf(Path.of(path));
                            } catch (IOException | RuntimeException e) {
                                throw new IllegalArgumentException(
                                        "Invalid setting "
                                                + PolygraphOptions.SHADOW_SNAPSHOT_PATH.key()
                                                + ": "
                                                + e.getMessage(),
                                        e);
                            }
                        })
                .orElse(null);
    }

    /** Keyed again by entity: smoothing and suppression are per entity, scoring batches are not. */
    private static DataStream<Alert> applyAlertPolicy(
            DataStream<Alert> candidates, JobSettings settings) {
        return candidates
                .keyBy(Alert::getEntityId, Types.STRING)
                .process(
                        new AlertPolicyFunction(settings.alertPolicy()),
                        new AvroTypeInfo<>(Alert.class))
                .uid(ALERT_POLICY.uid())
                .name(ALERT_POLICY.displayName());
    }

    private static <T extends SpecificRecordBase> SingleOutputStreamOperator<T> decode(
            DataStream<RawRecord> raw,
            Topic<T> topic,
            RecordValidator<T> validator,
            OperatorIds operator,
            JobSettings settings) {
        DecodeLimits limits =
                new DecodeLimits(
                        settings.maxRecordBytes(), (int) settings.deadLetterMaxValueBytes());
        return raw.process(new DecodeAndValidate<>(topic.codec(), validator, limits))
                .uid(operator.uid())
                .name(operator.displayName());
    }

    private static <T> DataStream<EntityEvent> entityEvents(
            DataStream<T> records, MapFunction<T, EntityEvent> toEvent, OperatorIds operator) {
        return records.map(toEvent)
                .returns(new AvroTypeInfo<>(EntityEvent.class))
                .uid(operator.uid())
                .name(operator.displayName());
    }

    private static DataStream<DeadLetter> deadLetters(SingleOutputStreamOperator<?> decoded) {
        return decoded.getSideOutput(DecodeAndValidate.DEAD_LETTERS);
    }
}
