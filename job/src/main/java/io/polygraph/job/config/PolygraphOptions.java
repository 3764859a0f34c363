package io.polygraph.job.config;

import io.polygraph.detector.EnrolmentCanvases;
import io.polygraph.topic.Topics;
import java.time.Duration;
import java.util.List;
import org.apache.flink.configuration.ConfigOption;
import org.apache.flink.configuration.ConfigOptions;
import org.apache.flink.configuration.MemorySize;
import org.apache.flink.connector.base.DeliveryGuarantee;

/**
 * Every setting of the Polygraph job as a typed Flink {@link ConfigOption}: key, type, default and
 * description in one place.
 *
 * <p>All keys start with {@code polygraph.} so that they can share one {@link
 * org.apache.flink.configuration.Configuration} with Flink's own options (the job's {@code main}
 * passes the whole command line to the execution environment) without ever colliding with them.
 * Extra Kafka client properties (security, timeouts, ...) are not options of their own: any key
 * under {@link #KAFKA_PROPERTIES_PREFIX} is passed to every Kafka client with the prefix removed.
 * {@link JobSettings} reads and validates these options once, at start.
 */
public final class PolygraphOptions {

    /** Keys under this prefix go to the Kafka clients, prefix removed. */
    public static final String KAFKA_PROPERTIES_PREFIX = "polygraph.kafka.properties.";

    public static final ConfigOption<String> BOOTSTRAP_SERVERS =
            ConfigOptions.key("polygraph.kafka.bootstrap-servers")
                    .stringType()
                    .noDefaultValue()
                    .withDescription(
                            "Kafka bootstrap servers, host:port[,host:port...]. Required by the"
                                    + " Kafka sources and sinks.");

    public static final ConfigOption<String> GROUP_ID =
            ConfigOptions.key("polygraph.kafka.group-id")
                    .stringType()
                    .defaultValue("polygraph")
                    .withDescription("Consumer group id of the three Kafka sources.");

    public static final ConfigOption<StartingOffsets> STARTING_OFFSETS =
            ConfigOptions.key("polygraph.kafka.starting-offsets")
                    .enumType(StartingOffsets.class)
                    .defaultValue(StartingOffsets.EARLIEST)
                    .withDescription(
                            "Where the sources start without a checkpoint: earliest, latest or"
                                    + " committed (group offsets, else earliest).");

    public static final ConfigOption<String> TRANSACTIONS_TOPIC =
            topic("transactions", Topics.TRANSACTIONS_NAME, "Topic of the transactions.");

    public static final ConfigOption<String> PROFILES_TOPIC =
            topic("profiles", Topics.PROFILES_NAME, "Topic of the customer profiles.");

    public static final ConfigOption<String> SIGNATURES_TOPIC =
            topic("signatures", Topics.SIGNATURES_NAME, "Topic of the signature images.");

    public static final ConfigOption<String> ALERTS_TOPIC =
            topic("alerts", Topics.ALERTS_NAME, "Topic the alerts are written to.");

    public static final ConfigOption<String> DEAD_LETTERS_TOPIC =
            topic(
                    "dead-letters",
                    Topics.DEAD_LETTERS_NAME,
                    "Topic the records that cannot be decoded or validated are written to.");

    public static final ConfigOption<List<String>> WRITER_SCHEMAS =
            ConfigOptions.key("polygraph.schema.writer-schemas")
                    .stringType()
                    .asList()
                    .noDefaultValue()
                    .withDescription(
                            "Other writer schemas of the input records, separated by ';': .avsc"
                                    + " files, or folders whose .avsc files are all read. Each"
                                    + " must name Transaction, CustomerProfile or SignatureImage"
                                    + " and resolve to the job's own schema of it; records of a"
                                    + " writer schema that is neither the job's nor listed here"
                                    + " are dead-lettered as UNKNOWN_WRITER_SCHEMA.");

    // --- Confluent wire format (issue 5): one block, so that it merges as a unit. ---

    public static final ConfigOption<WireFormat> WIRE_FORMAT =
            ConfigOptions.key("polygraph.schema.wire-format")
                    .enumType(WireFormat.class)
                    .defaultValue(WireFormat.SINGLE_OBJECT)
                    .withDescription(
                            "Wire format of every topic's values: single-object (Avro"
                                    + " single-object encoding, no registry; writer schemas from"
                                    + " polygraph.schema.writer-schemas) or confluent (magic byte"
                                    + " 0, a 4-byte schema id, then the Avro body; writer schemas"
                                    + " looked up by id in the schema registry at"
                                    + " polygraph.schema.registry.url, outputs registered under"
                                    + " <topic>-value).");

    public static final ConfigOption<String> SCHEMA_REGISTRY_URL =
            ConfigOptions.key("polygraph.schema.registry.url")
                    .stringType()
                    .noDefaultValue()
                    .withDescription(
                            "Base URL (http:// or https://) of the Confluent-compatible schema"
                                    + " registry. Required, and only allowed, when"
                                    + " polygraph.schema.wire-format is confluent.");

    public static final ConfigOption<String> SCHEMA_REGISTRY_BASIC_AUTH_USER_INFO =
            ConfigOptions.key("polygraph.schema.registry.basic-auth-user-info")
                    .stringType()
                    .noDefaultValue()
                    .withDescription(
                            "user:password for HTTP basic authentication to the schema registry;"
                                    + " none when not set. Never logged (Flink also hides keys"
                                    + " containing basic-auth).");

    public static final ConfigOption<DeliveryGuarantee> DELIVERY_GUARANTEE =
            ConfigOptions.key("polygraph.sink.delivery-guarantee")
                    .enumType(DeliveryGuarantee.class)
                    .defaultValue(DeliveryGuarantee.AT_LEAST_ONCE)
                    .withDescription(
                            "Delivery guarantee of the alert and dead-letter sinks: at-least-once"
                                    + " (alert ids are deterministic, so consumers can drop"
                                    + " duplicates) or exactly-once (Kafka transactions committed on"
                                    + " checkpoints; needs a transactional id prefix).");

    public static final ConfigOption<String> TRANSACTIONAL_ID_PREFIX =
            ConfigOptions.key("polygraph.sink.transactional-id-prefix")
                    .stringType()
                    .noDefaultValue()
                    .withDescription(
                            "Prefix of the Kafka transactional ids; required with EXACTLY_ONCE and"
                                    + " unique per job on a Kafka cluster.");

    public static final ConfigOption<Integer> BATCH_SIZE =
            ConfigOptions.key("polygraph.scoring.batch-size")
                    .intType()
                    .defaultValue(256)
                    .withDescription("Most records the scoring operator scores in one batch.");

    public static final ConfigOption<Duration> MAX_BATCH_DELAY =
            ConfigOptions.key("polygraph.scoring.max-batch-delay")
                    .durationType()
                    .defaultValue(Duration.ofMillis(50))
                    .withDescription(
                            "Longest a record waits (processing time) in the scoring operator's"
                                    + " buffer before its batch is scored anyway.");

    public static final ConfigOption<Integer> ENROLMENT_CANVASES =
            ConfigOptions.key("polygraph.scoring.enrolment-canvases")
                    .intType()
                    .defaultValue(EnrolmentCanvases.DEFAULT_CAPACITY)
                    .withDescription(
                            "Most decoded enrolment signatures each scorer keeps from batch to"
                                    + " batch, least recently used dropped first (about 16 KiB"
                                    + " each); an entity's enrolment comes with each of its"
                                    + " records. 0 decodes it again in every batch.");

    public static final ConfigOption<String> GRAPH_BACKEND =
            ConfigOptions.key("polygraph.scoring.graph-backend")
                    .stringType()
                    .defaultValue("nd4j")
                    .withDescription(
                            "What runs the detectors' networks: nd4j, or portable (a plain-Java"
                                    + " interpreter of the same graphs, far cheaper per call at"
                                    + " small batches; CMAD, DMAFN and their combination only)."
                                    + " Announced models load on the same backend.");

    public static final ConfigOption<String> MODEL_SNAPSHOT_PATH =
            ConfigOptions.key("polygraph.model.snapshot-path")
                    .stringType()
                    .noDefaultValue()
                    .withDescription("Path of the model snapshot the detector loads.");

    public static final ConfigOption<String> MODEL_UPDATES_TOPIC =
            ConfigOptions.key("polygraph.model.updates-topic")
                    .stringType()
                    .noDefaultValue()
                    .withDescription(
                            "Control topic of model announcements (location, version, SHA-256,"
                                    + " role). When set, the job reads it from the start and every"
                                    + " scoring subtask swaps to each announced snapshot that passes"
                                    + " its checks, between two batches and without a restart;"
                                    + " unset, the job scores with its start snapshot only.");

    public static final ConfigOption<String> SHADOW_SNAPSHOT_PATH =
            ConfigOptions.key("polygraph.model.shadow-snapshot-path")
                    .stringType()
                    .noDefaultValue()
                    .withDescription(
                            "Path of a second snapshot that scores every record next to the"
                                    + " primary model and writes its scores to the shadow-scores"
                                    + " topic; it never changes an alert. A SHADOW announcement on"
                                    + " the updates topic also sets or replaces it.");

    public static final ConfigOption<String> SHADOW_SCORES_TOPIC =
            topic(
                    "shadow-scores",
                    Topics.SHADOW_SCORES_NAME,
                    "Topic the shadow model's scores are written to.");

    public static final ConfigOption<Duration> MAX_JOIN_WAIT =
            ConfigOptions.key("polygraph.join.max-wait")
                    .durationType()
                    .defaultValue(Duration.ofSeconds(30))
                    .withDescription(
                            "Event time a transaction waits for its entity's profile or its"
                                    + " presented signature before it is scored without them.");

    public static final ConfigOption<Duration> PRESENTED_SIGNATURE_TTL =
            ConfigOptions.key("polygraph.join.presented-signature-ttl")
                    .durationType()
                    .defaultValue(Duration.ofSeconds(60))
                    .withDescription(
                            "Event time a presented signature waits for its transaction before it"
                                    + " is dropped (and counted).");

    public static final ConfigOption<Integer> RECENT_TRANSACTIONS =
            ConfigOptions.key("polygraph.join.recent-transactions")
                    .intType()
                    .defaultValue(20)
                    .withDescription(
                            "Number of previous transactions per entity kept in state and given"
                                    + " to the detector. Keep it equal to the trainer's recent"
                                    + " limit (20 by default): the detector learned from"
                                    + " histories of that length.");

    public static final ConfigOption<Duration> ENTITY_TTL =
            ConfigOptions.key("polygraph.join.entity-ttl")
                    .durationType()
                    .defaultValue(Duration.ofDays(90))
                    .withDescription(
                            "Event time after an entity's last record (or the watermark when that"
                                    + " record arrived, if later) at which all the join's state and"
                                    + " timers of the entity are removed; its next transaction is"
                                    + " joined as for a new entity, without a profile until one is"
                                    + " published again. Event time, so that replays expire what"
                                    + " the live run expired. The default outlasts monthly and"
                                    + " quarterly payment rhythms while bounding the state (mostly"
                                    + " enrolment images) of dormant and closed accounts. Must be"
                                    + " longer than polygraph.join.max-wait and"
                                    + " polygraph.join.presented-signature-ttl.");

    public static final ConfigOption<Duration> OUT_OF_ORDERNESS =
            ConfigOptions.key("polygraph.watermark.out-of-orderness")
                    .durationType()
                    .defaultValue(Duration.ofSeconds(5))
                    .withDescription("Bound on how late (event time) an input record may arrive.");

    public static final ConfigOption<Duration> IDLENESS =
            ConfigOptions.key("polygraph.watermark.idleness")
                    .durationType()
                    .defaultValue(Duration.ofSeconds(10))
                    .withDescription(
                            "Time after which a source partition without records stops holding"
                                    + " back the watermark. Counted only while the source could"
                                    + " read: neither a backpressured input nor any input while"
                                    + " the Kafka cluster does not answer (probed once a second"
                                    + " from each TaskManager) is idle, and after an outage"
                                    + " every partition counts afresh.");

    public static final ConfigOption<MemorySize> MAX_SIGNATURE_SIZE =
            ConfigOptions.key("polygraph.validation.max-signature-size")
                    .memoryType()
                    .defaultValue(MemorySize.parse("1mb"))
                    .withDescription("Largest accepted encoded signature image.");

    public static final ConfigOption<MemorySize> MAX_RECORD_SIZE =
            ConfigOptions.key("polygraph.validation.max-record-size")
                    .memoryType()
                    .defaultValue(MemorySize.parse("2mb"))
                    .withDescription(
                            "Largest accepted record value; larger ones are dead-lettered without"
                                    + " being decoded. The default leaves room above the largest"
                                    + " valid record (a signature image of max-signature-size plus"
                                    + " its other fields) and still bounds what one record may cost"
                                    + " the decoder; Kafka's own default (1 MB per message) is lower,"
                                    + " so this limit matters where the input topics allow more.");

    public static final ConfigOption<MemorySize> DEAD_LETTER_MAX_VALUE_SIZE =
            ConfigOptions.key("polygraph.dead-letter.max-value-size")
                    .memoryType()
                    .defaultValue(MemorySize.parse("768kb"))
                    .withDescription(
                            "Longest prefix of a rejected record's value kept in its dead letter;"
                                    + " the reason says when the value was cut. Keep it below the"
                                    + " dead-letter producer's max.request.size and the dead-letter"
                                    + " topic's max.message.bytes (both 1 MB by default), less room"
                                    + " for the key and the reason: a dead letter Kafka refuses"
                                    + " would fail the job.");

    public static final ConfigOption<Duration> MAX_FUTURE_SKEW =
            ConfigOptions.key("polygraph.validation.max-future-skew")
                    .durationType()
                    .defaultValue(Duration.ofDays(1))
                    .withDescription(
                            "How far ahead of the wall clock an event time may be; records further"
                                    + " ahead are dead-lettered (they would drag the watermark"
                                    + " forward).");

    public static final ConfigOption<Duration> CHECKPOINT_INTERVAL =
            ConfigOptions.key("polygraph.checkpoint.interval")
                    .durationType()
                    .defaultValue(Duration.ofSeconds(10))
                    .withDescription(
                            "Checkpoint interval; also the latency of EXACTLY_ONCE output.");

    public static final ConfigOption<Integer> PARALLELISM =
            ConfigOptions.key("polygraph.parallelism")
                    .intType()
                    .noDefaultValue()
                    .withDescription("Parallelism of the job; Flink's default when not set.");

    public static final ConfigOption<Double> ALERT_THRESHOLD =
            ConfigOptions.key("polygraph.alert.threshold")
                    .doubleType()
                    .noDefaultValue()
                    .withDescription(
                            "Threshold in [-1, 1] that replaces the model snapshot's: a"
                                    + " transaction whose (smoothed) score is below it alerts."
                                    + " The snapshot's threshold when not set.");

    public static final ConfigOption<Double> ALERT_SMOOTHING =
            ConfigOptions.key("polygraph.alert.smoothing")
                    .doubleType()
                    .defaultValue(1.0)
                    .withDescription(
                            "Weight a in (0, 1] of the newest score in each entity's"
                                    + " exponentially weighted score, a * score + (1 - a) *"
                                    + " previous, which then decides alerts; 1 means no smoothing."
                                    + " Alerts keep the raw score too.");

    public static final ConfigOption<Duration> ALERT_SMOOTHING_TTL =
            ConfigOptions.key("polygraph.alert.smoothing-ttl")
                    .durationType()
                    .defaultValue(Duration.ofDays(7))
                    .withDescription(
                            "Event time after an entity's latest transaction at which its smoothed"
                                    + " score is forgotten (bounds the state); its next"
                                    + " transaction starts afresh.");

    public static final ConfigOption<Duration> ALERT_SUPPRESSION_WINDOW =
            ConfigOptions.key("polygraph.alert.suppression-window")
                    .durationType()
                    .defaultValue(Duration.ZERO)
                    .withDescription(
                            "Event time after an alert during which the same entity raises no"
                                    + " other (counted as alertsSuppressed); 0 turns suppression"
                                    + " off.");

    public static final ConfigOption<List<Double>> ALERT_SEVERITY_LEVELS =
            ConfigOptions.key("polygraph.alert.severity-levels")
                    .doubleType()
                    .asList()
                    .defaultValues(0.05, 0.15, 0.3)
                    .withDescription(
                            "Three increasing cut points, separated by ';', on how far the"
                                    + " deciding score lies below the threshold: under the first"
                                    + " LOW, then MEDIUM, HIGH, and CRITICAL from the third.");

    private PolygraphOptions() {}

    private static ConfigOption<String> topic(String name, String defaultName, String doc) {
        return ConfigOptions.key("polygraph.topic." + name)
                .stringType()
                .defaultValue(defaultName)
                .withDescription(doc);
    }
}
