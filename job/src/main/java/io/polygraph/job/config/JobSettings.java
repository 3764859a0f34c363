package io.polygraph.job.config;

import static io.polygraph.job.config.PolygraphOptions.ALERTS_TOPIC;
import static io.polygraph.job.config.PolygraphOptions.ALERT_SEVERITY_LEVELS;
import static io.polygraph.job.config.PolygraphOptions.ALERT_SMOOTHING;
import static io.polygraph.job.config.PolygraphOptions.ALERT_SMOOTHING_TTL;
import static io.polygraph.job.config.PolygraphOptions.ALERT_SUPPRESSION_WINDOW;
import static io.polygraph.job.config.PolygraphOptions.ALERT_THRESHOLD;
import static io.polygraph.job.config.PolygraphOptions.BATCH_SIZE;
import static io.polygraph.job.config.PolygraphOptions.BOOTSTRAP_SERVERS;
import static io.polygraph.job.config.PolygraphOptions.CHECKPOINT_INTERVAL;
import static io.polygraph.job.config.PolygraphOptions.DEAD_LETTERS_TOPIC;
import static io.polygraph.job.config.PolygraphOptions.DEAD_LETTER_MAX_VALUE_SIZE;
import static io.polygraph.job.config.PolygraphOptions.DELIVERY_GUARANTEE;
import static io.polygraph.job.config.PolygraphOptions.ENROLMENT_CANVASES;
import static io.polygraph.job.config.PolygraphOptions.ENTITY_TTL;
import static io.polygraph.job.config.PolygraphOptions.GRAPH_BACKEND;
import static io.polygraph.job.config.PolygraphOptions.GROUP_ID;
import static io.polygraph.job.config.PolygraphOptions.IDLENESS;
import static io.polygraph.job.config.PolygraphOptions.KAFKA_PROPERTIES_PREFIX;
import static io.polygraph.job.config.PolygraphOptions.MAX_BATCH_DELAY;
import static io.polygraph.job.config.PolygraphOptions.MAX_FUTURE_SKEW;
import static io.polygraph.job.config.PolygraphOptions.MAX_JOIN_WAIT;
import static io.polygraph.job.config.PolygraphOptions.MAX_RECORD_SIZE;
import static io.polygraph.job.config.PolygraphOptions.MAX_SIGNATURE_SIZE;
import static io.polygraph.job.config.PolygraphOptions.MODEL_SNAPSHOT_PATH;
import static io.polygraph.job.config.PolygraphOptions.MODEL_UPDATES_TOPIC;
import static io.polygraph.job.config.PolygraphOptions.OUT_OF_ORDERNESS;
import static io.polygraph.job.config.PolygraphOptions.PARALLELISM;
import static io.polygraph.job.config.PolygraphOptions.PRESENTED_SIGNATURE_TTL;
import static io.polygraph.job.config.PolygraphOptions.PROFILES_TOPIC;
import static io.polygraph.job.config.PolygraphOptions.RECENT_TRANSACTIONS;
import static io.polygraph.job.config.PolygraphOptions.SCHEMA_REGISTRY_BASIC_AUTH_USER_INFO;
import static io.polygraph.job.config.PolygraphOptions.SCHEMA_REGISTRY_URL;
import static io.polygraph.job.config.PolygraphOptions.SHADOW_SCORES_TOPIC;
import static io.polygraph.job.config.PolygraphOptions.SHADOW_SNAPSHOT_PATH;
import static io.polygraph.job.config.PolygraphOptions.SIGNATURES_TOPIC;
import static io.polygraph.job.config.PolygraphOptions.STARTING_OFFSETS;
import static io.polygraph.job.config.PolygraphOptions.TRANSACTIONAL_ID_PREFIX;
import static io.polygraph.job.config.PolygraphOptions.TRANSACTIONS_TOPIC;
import static io.polygraph.job.config.PolygraphOptions.WIRE_FORMAT;
import static io.polygraph.job.config.PolygraphOptions.WRITER_SCHEMAS;

import io.polygraph.detector.SnapshotScorerFactory;
import io.polygraph.graph.GraphBackend;
import io.polygraph.job.alert.AlertPolicy;
import io.polygraph.job.alert.SeverityLevels;
import io.polygraph.schema.Alert;
import io.polygraph.schema.CustomerProfile;
import io.polygraph.schema.DeadLetter;
import io.polygraph.schema.ModelAnnouncement;
import io.polygraph.schema.ShadowScore;
import io.polygraph.schema.SignatureImage;
import io.polygraph.schema.Transaction;
import io.polygraph.topic.Topic;
import io.polygraph.topic.Topics;
import io.polygraph.topic.confluent.ConfluentCodec;
import io.polygraph.topic.confluent.RegistrySettings;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Properties;
import java.util.TreeMap;
import org.apache.avro.specific.SpecificRecord;
import org.apache.flink.configuration.ConfigOption;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.connector.base.DeliveryGuarantee;

/**
 * The job's settings: an immutable, validated view of a Flink {@link Configuration} holding the
 * {@link PolygraphOptions}.
 *
 * <p>Everything is read and checked once, in {@link #from(Configuration)}, so that a bad value
 * fails the job at submission with a message that names the key, instead of failing a task later.
 * The Kafka bootstrap servers are the exception: they are checked by the Kafka sources and sinks,
 * so that tests wiring in-memory ends need no Kafka settings.
 *
 * <pre>{@code
 * Configuration config = new Configuration();
 * config.set(PolygraphOptions.BATCH_SIZE, 64);
 * JobSettings settings = JobSettings.from(config);
 * }</pre>
 */
public final class JobSettings {

    /** A default broker's {@code transaction.max.timeout.ms}. */
    public static final Duration DEFAULT_TRANSACTION_TIMEOUT = Duration.ofMinutes(15);

    private static final String TRANSACTION_TIMEOUT_MS = "transaction.timeout.ms";

    private final Configuration config;
    private final Map<String, String> kafkaProperties;
    // Read once, in validate(): the files may change under a running job, its codecs may not.
    private WriterSchemaFiles writerSchemas = WriterSchemaFiles.none();
    // Set in validate() for the Confluent wire format; null for single-object.
    private RegistrySettings schemaRegistry;

    private JobSettings(Configuration config) {
        this.config = new Configuration(config);
        this.kafkaProperties = kafkaPropertiesOf(config);
    }

    /**
     * Reads and validates the settings.
     *
     * @throws IllegalArgumentException naming the key of the first invalid value, or of a key under
     *     {@code polygraph.} that is not an option (a typo Flink would silently ignore)
     */
    public static JobSettings from(Configuration config) {
        JobSettings settings = new JobSettings(config);
        settings.validate();
        return settings;
    }

    /** The settings with every option at its default. */
    public static JobSettings defaults() {
        return from(new Configuration());
    }

    private void validate() {
        OptionCatalogue.unknownKeys(config).stream()
                .findFirst()
                .ifPresent(
                        key -> {
                            throw new IllegalArgumentException(
                                    "Invalid setting "
                                            + key
                                            + ": not a Polygraph option"
                                            + OptionCatalogue.closestKey(key)
                                                    .map(known -> " (did you mean " + known + "?)")
                                                    .orElse("")
                                            + "; `polygraph run --help` lists them");
                        });
        for (ConfigOption<String> option :
                List.of(
                        GROUP_ID,
                        TRANSACTIONS_TOPIC,
                        PROFILES_TOPIC,
                        SIGNATURES_TOPIC,
                        ALERTS_TOPIC,
                        DEAD_LETTERS_TOPIC,
                        SHADOW_SCORES_TOPIC)) {
            require(!config.get(option).isBlank(), option, "must not be blank");
        }
        require(batchSize() >= 1, BATCH_SIZE, "must be at least 1");
        require(enrolmentCanvases() >= 0, ENROLMENT_CANVASES, "must not be negative");
        requireGraphBackend();
        requirePositive(MAX_BATCH_DELAY);
        requirePositive(MAX_JOIN_WAIT);
        requirePositive(PRESENTED_SIGNATURE_TTL);
        require(recentTransactionsLimit() >= 0, RECENT_TRANSACTIONS, "must not be negative");
        // Otherwise an entity could expire while one of its transactions still waits.
        require(
                entityTtl().compareTo(maxJoinWait()) > 0
                        && entityTtl().compareTo(presentedSignatureTtl()) > 0,
                ENTITY_TTL,
                "must be longer than "
                        + MAX_JOIN_WAIT.key()
                        + " and "
                        + PRESENTED_SIGNATURE_TTL.key());
        require(!outOfOrderness().isNegative(), OUT_OF_ORDERNESS, "must not be negative");
        requirePositive(IDLENESS);
        require(maxSignatureBytes() >= 1, MAX_SIGNATURE_SIZE, "must be at least 1 byte");
        // Otherwise a valid signature near its size limit would be rejected as an oversized record.
        require(
                maxRecordBytes() > maxSignatureBytes(),
                MAX_RECORD_SIZE,
                "must be larger than " + MAX_SIGNATURE_SIZE.key());
        require(
                deadLetterMaxValueBytes() >= 1 && deadLetterMaxValueBytes() <= Integer.MAX_VALUE,
                DEAD_LETTER_MAX_VALUE_SIZE,
                "must be between 1 byte and 2 GB");
        require(!maxFutureSkew().isNegative(), MAX_FUTURE_SKEW, "must not be negative");
        requirePositive(CHECKPOINT_INTERVAL);
        parallelism().ifPresent(p -> require(p >= 1, PARALLELISM, "must be at least 1"));
        require(
                deliveryGuarantee() != DeliveryGuarantee.EXACTLY_ONCE
                        || transactionalIdPrefix().isPresent(),
                TRANSACTIONAL_ID_PREFIX,
                "must be set (and not blank) when "
                        + DELIVERY_GUARANTEE.key()
                        + " is EXACTLY_ONCE");
        if (deliveryGuarantee() == DeliveryGuarantee.EXACTLY_ONCE) {
            validateTransactionTimeout();
        }
        validateAlertPolicy();
        validateWireFormat();
        config.getOptional(WRITER_SCHEMAS)
                .ifPresent(
                        entries ->
                                writerSchemas =
                                        WriterSchemaFiles.read(
                                                entries,
                                                List.of(
                                                        Transaction.getClassSchema(),
                                                        CustomerProfile.getClassSchema(),
                                                        SignatureImage.getClassSchema())));
    }

    /**
     * A Kafka transaction stays open from one checkpoint to the next commit; a timeout shorter than
     * twice the checkpoint interval would let the broker abort it before Flink commits it, and the
     * alerts in it would be lost.
     */
    private void validateTransactionTimeout() {
        String key = KAFKA_PROPERTIES_PREFIX + TRANSACTION_TIMEOUT_MS;
        Duration timeout;
        try {
            timeout = transactionTimeout();
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("Invalid setting " + key + ": not a number of ms");
        }
        Duration least = checkpointInterval().multipliedBy(2);
        if (timeout.compareTo(least) < 0) {
            throw new IllegalArgumentException(
                    "Invalid setting "
                            + key
                            + ": "
                            + timeout.toMillis()
                            + " ms is shorter than twice "
                            + CHECKPOINT_INTERVAL.key()
                            + " ("
                            + least.toMillis()
                            + " ms); the broker would abort transactions before they commit");
        }
    }

    private void validateAlertPolicy() {
        config.getOptional(ALERT_THRESHOLD)
                .ifPresent(t -> require(t >= -1 && t <= 1, ALERT_THRESHOLD, "must be in [-1, 1]"));
        double smoothing = config.get(ALERT_SMOOTHING);
        require(smoothing > 0 && smoothing <= 1, ALERT_SMOOTHING, "must be in (0, 1]");
        requirePositive(ALERT_SMOOTHING_TTL);
        require(
                !config.get(ALERT_SUPPRESSION_WINDOW).isNegative(),
                ALERT_SUPPRESSION_WINDOW,
                "must not be negative");
        String levels = SeverityLevels.problemWith(config.get(ALERT_SEVERITY_LEVELS));
        require(levels == null, ALERT_SEVERITY_LEVELS, levels);
    }

    /**
     * The registry settings are required with, and refused without, the Confluent wire format: an
     * option that would silently do nothing is as misleading as a typo.
     */
    private void validateWireFormat() {
        if (wireFormat() != WireFormat.CONFLUENT) {
            for (ConfigOption<String> option :
                    List.of(SCHEMA_REGISTRY_URL, SCHEMA_REGISTRY_BASIC_AUTH_USER_INFO)) {
                require(
                        config.getOptional(option).isEmpty(),
                        option,
                        "is only read when " + WIRE_FORMAT.key() + " is " + WireFormat.CONFLUENT);
            }
            return;
        }
        require(
                config.getOptional(WRITER_SCHEMAS).isEmpty(),
                WRITER_SCHEMAS,
                "is for the single-object wire format; with "
                        + WIRE_FORMAT.key()
                        + " confluent the schema registry provides the writer schemas");
        String url = config.getOptional(SCHEMA_REGISTRY_URL).map(String::trim).orElse("");
        require(
                !url.isEmpty(),
                SCHEMA_REGISTRY_URL,
                "must be set when " + WIRE_FORMAT.key() + " is " + WireFormat.CONFLUENT);
        String userInfo = config.getOptional(SCHEMA_REGISTRY_BASIC_AUTH_USER_INFO).orElse(null);
        // The value is a credential: the message says what is wrong, never what was given.
        require(
                userInfo == null || userInfo.contains(":"),
                SCHEMA_REGISTRY_BASIC_AUTH_USER_INFO,
                "must be user:password");
        try {
            schemaRegistry = new RegistrySettings(new URI(url), userInfo);
        } catch (URISyntaxException | IllegalArgumentException e) {
            require(false, SCHEMA_REGISTRY_URL, "is not an http:// or https:// URL with a host");
        }
    }

    private void requirePositive(ConfigOption<Duration> option) {
        Duration value = config.get(option);
        require(!value.isNegative() && !value.isZero(), option, "must be positive");
    }

    private void requireGraphBackend() {
        try {
            GraphBackend.named(graphBackend());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    "Invalid setting " + GRAPH_BACKEND.key() + ": " + e.getMessage(), e);
        }
    }

    private static void require(boolean condition, ConfigOption<?> option, String rule) {
        if (!condition) {
            throw new IllegalArgumentException("Invalid setting " + option.key() + ": " + rule);
        }
    }

    private static Map<String, String> kafkaPropertiesOf(Configuration config) {
        Map<String, String> properties = new TreeMap<>();
        config.toMap()
                .forEach(
                        (key, value) -> {
                            if (key.startsWith(KAFKA_PROPERTIES_PREFIX)) {
                                properties.put(
                                        key.substring(KAFKA_PROPERTIES_PREFIX.length()), value);
                            }
                        });
        return Collections.unmodifiableMap(properties);
    }

    /** The bootstrap servers, when set. */
    public Optional<String> bootstrapServers() {
        return config.getOptional(BOOTSTRAP_SERVERS).filter(s -> !s.isBlank());
    }

    /**
     * The bootstrap servers, for a part of the job that cannot run without them.
     *
     * @param requiredBy who needs them, for the error message
     * @throws IllegalArgumentException naming the key when they are not set
     */
    public String requireBootstrapServers(String requiredBy) {
        return bootstrapServers()
                .orElseThrow(
                        () ->
                                new IllegalArgumentException(
                                        "Invalid setting "
                                                + PolygraphOptions.BOOTSTRAP_SERVERS.key()
                                                + ": required by "
                                                + requiredBy));
    }

    public String groupId() {
        return config.get(GROUP_ID);
    }

    public StartingOffsets startingOffsets() {
        return config.get(STARTING_OFFSETS);
    }

    /**
     * The extra Kafka client properties (keys under {@link
     * PolygraphOptions#KAFKA_PROPERTIES_PREFIX}).
     */
    public Properties kafkaProperties() {
        Properties properties = new Properties();
        properties.putAll(kafkaProperties);
        return properties;
    }

    /**
     * The transactions topic in the configured wire format; a single-object codec also reads the
     * configured other writer schemas.
     */
    public Topic<Transaction> transactionsTopic() {
        return onTheWire(
                writerSchemas.registeredWith(Topics.transactions(config.get(TRANSACTIONS_TOPIC))));
    }

    /** The profiles topic, as {@link #transactionsTopic()}. */
    public Topic<CustomerProfile> profilesTopic() {
        return onTheWire(writerSchemas.registeredWith(Topics.profiles(config.get(PROFILES_TOPIC))));
    }

    /** The signatures topic, as {@link #transactionsTopic()}. */
    public Topic<SignatureImage> signaturesTopic() {
        return onTheWire(
                writerSchemas.registeredWith(Topics.signatures(config.get(SIGNATURES_TOPIC))));
    }

    /** The alerts topic in the configured wire format. */
    public Topic<Alert> alertsTopic() {
        return onTheWire(Topics.alerts(config.get(ALERTS_TOPIC)));
    }

    /** The dead-letters topic in the configured wire format. */
    public Topic<DeadLetter> deadLettersTopic() {
        return onTheWire(Topics.deadLetters(config.get(DEAD_LETTERS_TOPIC)));
    }

    /** How every topic's values are framed. */
    public WireFormat wireFormat() {
        return config.get(WIRE_FORMAT);
    }

    /** The schema registry of the Confluent wire format; empty for single-object. */
    public Optional<RegistrySettings> schemaRegistry() {
        return Optional.ofNullable(schemaRegistry);
    }

    private <T extends SpecificRecord> Topic<T> onTheWire(Topic<T> topic) {
        return schemaRegistry == null ? topic : ConfluentCodec.onTopic(topic, schemaRegistry);
    }

    public DeliveryGuarantee deliveryGuarantee() {
        return config.get(DELIVERY_GUARANTEE);
    }

    /**
     * The exactly-once producers' {@code transaction.timeout.ms}: the Kafka property when set, else
     * {@link #DEFAULT_TRANSACTION_TIMEOUT}, a default broker's maximum (Flink's own default of one
     * hour is refused by such a broker).
     */
    public Duration transactionTimeout() {
        String value = kafkaProperties.get(TRANSACTION_TIMEOUT_MS);
        return value == null
                ? DEFAULT_TRANSACTION_TIMEOUT
                : Duration.ofMillis(Long.parseLong(value.strip()));
    }

    public Optional<String> transactionalIdPrefix() {
        return config.getOptional(TRANSACTIONAL_ID_PREFIX).filter(s -> !s.isBlank());
    }

    public int batchSize() {
        return config.get(BATCH_SIZE);
    }

    /** Most enrolment signature canvases each scorer keeps from batch to batch. */
    public int enrolmentCanvases() {
        return config.get(ENROLMENT_CANVASES);
    }

    /**
     * The scorers of the snapshot at {@code path} as this job runs them (graph backend, enrolment
     * canvases), the snapshot checked now, on the client (see {@link
     * SnapshotScorerFactory#forJob(Path, String)}).
     */
    public SnapshotScorerFactory scorersOf(Path path) throws IOException {
        return SnapshotScorerFactory.forJob(path, graphBackend())
                .withEnrolmentCanvases(enrolmentCanvases());
    }

    /** The name of the graph backend scorers run their networks on. */
    public String graphBackend() {
        return config.get(GRAPH_BACKEND);
    }

    public Duration maxBatchDelay() {
        return config.get(MAX_BATCH_DELAY);
    }

    public Optional<String> modelSnapshotPath() {
        return config.getOptional(MODEL_SNAPSHOT_PATH).filter(s -> !s.isBlank());
    }

    /**
     * The model announcements' control topic, when hot reload is on: always single-object encoded,
     * whatever the wire format, since only {@code polygraph announce} writes it.
     */
    public Optional<Topic<ModelAnnouncement>> modelUpdatesTopic() {
        return config.getOptional(MODEL_UPDATES_TOPIC)
                .filter(s -> !s.isBlank())
                .map(Topics::modelUpdates);
    }

    /** The shadow model's snapshot, when one is set at start. */
    public Optional<String> shadowSnapshotPath() {
        return config.getOptional(SHADOW_SNAPSHOT_PATH).filter(s -> !s.isBlank());
    }

    /** The shadow scores' topic in the configured wire format. */
    public Topic<ShadowScore> shadowScoresTopic() {
        return onTheWire(Topics.shadowScores(config.get(SHADOW_SCORES_TOPIC)));
    }

    /**
     * Whether the job can have a shadow model: one set at start, or one a SHADOW announcement on
     * the updates topic may bring (then the shadow-scores sink must exist from the start).
     */
    public boolean shadowScoring() {
        return shadowSnapshotPath().isPresent() || modelUpdatesTopic().isPresent();
    }

    public Duration maxJoinWait() {
        return config.get(MAX_JOIN_WAIT);
    }

    public Duration presentedSignatureTtl() {
        return config.get(PRESENTED_SIGNATURE_TTL);
    }

    public int recentTransactionsLimit() {
        return config.get(RECENT_TRANSACTIONS);
    }

    /** Event time after its last activity an idle entity's join state is removed. */
    public Duration entityTtl() {
        return config.get(ENTITY_TTL);
    }

    public Duration outOfOrderness() {
        return config.get(OUT_OF_ORDERNESS);
    }

    public Duration idleness() {
        return config.get(IDLENESS);
    }

    public long maxSignatureBytes() {
        return config.get(MAX_SIGNATURE_SIZE).getBytes();
    }

    /** Largest record value the job decodes; larger ones are dead-lettered undecoded. */
    public long maxRecordBytes() {
        return config.get(MAX_RECORD_SIZE).getBytes();
    }

    /** Longest prefix of a rejected value a dead letter keeps. */
    public long deadLetterMaxValueBytes() {
        return config.get(DEAD_LETTER_MAX_VALUE_SIZE).getBytes();
    }

    public Duration maxFutureSkew() {
        return config.get(MAX_FUTURE_SKEW);
    }

    public Duration checkpointInterval() {
        return config.get(CHECKPOINT_INTERVAL);
    }

    public OptionalInt parallelism() {
        Optional<Integer> parallelism = config.getOptional(PARALLELISM);
        return parallelism.isPresent() ? OptionalInt.of(parallelism.get()) : OptionalInt.empty();
    }

    /** The alert policy: threshold override, smoothing, suppression and severity levels. */
    public AlertPolicy alertPolicy() {
        AlertPolicy policy =
                AlertPolicy.defaults()
                        .withSmoothing(config.get(ALERT_SMOOTHING), config.get(ALERT_SMOOTHING_TTL))
                        .withSuppressionWindow(config.get(ALERT_SUPPRESSION_WINDOW))
                        .withSeverityLevels(new SeverityLevels(config.get(ALERT_SEVERITY_LEVELS)))
                        // Joined transactions reach the policy up to this far behind the watermark.
                        .withLateness(maxJoinWait().plus(outOfOrderness()));
        Optional<Double> threshold = config.getOptional(ALERT_THRESHOLD);
        return threshold.isPresent() ? policy.withThreshold(threshold.get()) : policy;
    }

    @Override
    public String toString() {
        // Kafka properties may hold credentials (sasl.jaas.config): print their keys only.
        return "JobSettings{transactions="
                + config.get(TRANSACTIONS_TOPIC)
                + ", profiles="
                + config.get(PROFILES_TOPIC)
                + ", signatures="
                + config.get(SIGNATURES_TOPIC)
                + ", batchSize="
                + batchSize()
                + ", maxBatchDelay="
                + maxBatchDelay()
                + ", maxJoinWait="
                + maxJoinWait()
                + ", deliveryGuarantee="
                + deliveryGuarantee()
                + ", wireFormat="
                + wireFormat()
                + (schemaRegistry == null ? "" : ", schemaRegistry=" + schemaRegistry)
                + ", kafkaPropertyKeys="
                + kafkaProperties.keySet()
                + "}";
    }
}
