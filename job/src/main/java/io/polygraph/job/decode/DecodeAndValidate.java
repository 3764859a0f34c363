package io.polygraph.job.decode;

import io.polygraph.job.ByteArrays;
import io.polygraph.schema.DeadLetter;
import io.polygraph.schema.RawRecord;
import io.polygraph.topic.TopicCodec;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.apache.avro.specific.SpecificRecordBase;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.java.typeutils.ResultTypeQueryable;
import org.apache.flink.formats.avro.typeutils.AvroTypeInfo;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.MetricGroup;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decodes the raw records of one topic with the topic's codec, validates them, emits the valid ones
 * and sends every other one to the {@link #DEAD_LETTERS} side output.
 *
 * <p>Contract: every input record leaves exactly once, either as a decoded record or as a {@link
 * DeadLetter} with its coordinates, original key and value bytes, the error class (an exception
 * class or a {@link ValidationRule} name) and a reason without payload data. Nothing here throws
 * for a bad record, so a poison message cannot stop the job; the price is that a bug in a producer
 * shows up as a growing dead-letter topic (and the {@code recordsDeadLettered} counter, with one
 * {@code deadLettered.<RULE>} counter per {@link ValidationRule}) rather than as a failed job.
 * Values larger than {@link DecodeLimits#maxRecordBytes()} are dead-lettered without being decoded,
 * and a dead letter keeps at most {@link DecodeLimits#maxDeadLetterValueBytes()} of the value, so
 * that it can always be published. "Now" for validation is Flink's processing time.
 *
 * <p>The one exception to "nothing throws": a codec that cannot reach its schema registry ({@code
 * polygraph.schema.wire-format=confluent}) throws an unchecked exception, which fails the task so
 * that Flink restarts from the last checkpoint. A registry outage says nothing about the records,
 * and dead-lettering valid records because of it would lose them.
 *
 * @param <T> the topic's record type
 */
public final class DecodeAndValidate<T extends SpecificRecordBase>
        extends ProcessFunction<RawRecord, T> implements ResultTypeQueryable<T> {
    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(DecodeAndValidate.class);

    /** Where the records that cannot be decoded or validated go. */
    public static final OutputTag<DeadLetter> DEAD_LETTERS =
            new OutputTag<>("dead-letters", new AvroTypeInfo<>(DeadLetter.class));

    private final TopicCodec<T> codec;
    private final RecordValidator<T> validator;
    private final DecodeLimits limits;

    private transient Counter validRecords;
    private transient Counter deadLetteredRecords;
    private transient Map<ValidationRule, Counter> deadLetteredByRule;

    /**
     * Decodes with {@code codec} and checks with {@code validator}, without a record size limit
     * (see {@link DecodeLimits#noRecordLimit()}).
     */
    public DecodeAndValidate(TopicCodec<T> codec, RecordValidator<T> validator) {
        this(codec, validator, DecodeLimits.noRecordLimit());
    }

    /** Decodes with {@code codec} within {@code limits} and checks with {@code validator}. */
    public DecodeAndValidate(
            TopicCodec<T> codec, RecordValidator<T> validator, DecodeLimits limits) {
        this.codec = Objects.requireNonNull(codec, "codec");
        this.validator = Objects.requireNonNull(validator, "validator");
        this.limits = Objects.requireNonNull(limits, "limits");
    }

    @Override
    public void open(OpenContext openContext) {
        MetricGroup metrics = getRuntimeContext().getMetricGroup().addGroup("polygraph");
        validRecords = metrics.counter("recordsValid");
        deadLetteredRecords = metrics.counter("recordsDeadLettered");
        // One counter per rule, all registered up front: a dashboard sees zeros, not gaps, and
        // the set of names stays bounded whatever the input holds.
        MetricGroup byRule = metrics.addGroup("deadLettered");
        deadLetteredByRule = new EnumMap<>(ValidationRule.class);
        for (ValidationRule rule : ValidationRule.values()) {
            deadLetteredByRule.put(rule, byRule.counter(rule.name()));
        }
    }

    @Override
    public void processElement(RawRecord raw, Context ctx, Collector<T> out) {
        Instant now = Instant.ofEpochMilli(ctx.timerService().currentProcessingTime());
        if (raw.getValue() == null) {
            reject(ctx, raw, ValidationRule.VALUE_MISSING, "record has no value", now);
            return;
        }
        int size = raw.getValue().remaining();
        if (size > limits.maxRecordBytes()) {
            // Checked before copying or decoding: an oversized value must cost as little as
            // possible.
            String reason =
                    "value of "
                            + size
                            + " bytes is larger than the limit of "
                            + limits.maxRecordBytes()
                            + " bytes; not decoded";
            reject(ctx, raw, ValidationRule.RECORD_TOO_LARGE, reason, now);
            return;
        }
        T record;
        try {
            record = codec.decode(ByteArrays.copyOf(raw.getValue()));
        } catch (IOException e) {
            rejectUndecodable(ctx, raw, DeadLetters.decodingError(e), now);
            return;
        }
        Optional<Violation> violation = validate(record, raw, now);
        if (violation.isPresent()) {
            reject(ctx, raw, violation.get().rule(), violation.get().reason(), now);
            return;
        }
        validRecords.inc();
        out.collect(record);
    }

    private void rejectUndecodable(Context ctx, RawRecord raw, Throwable error, Instant now) {
        ValidationRule rule = DecodeFailures.classify(error);
        String reason =
                "cannot decode "
                        + codec.recordClass().getSimpleName()
                        + ": "
                        + DecodeFailures.describe(rule)
                        + ": "
                        + error.getMessage();
        reject(ctx, raw, rule, error.getClass().getName(), reason, now);
    }

    private Optional<Violation> validate(T record, RawRecord raw, Instant now) {
        byte[] key = ByteArrays.copyOf(raw.getKey());
        ValidationContext context =
                new ValidationContext(
                        key == null ? null : new String(key, StandardCharsets.UTF_8), now);
        try {
            return validator.validate(record, context);
        } catch (RuntimeException e) {
            // A validator bug must not turn one odd record into a crash loop; the message is left
            // out because it may quote the record.
            return Optional.of(
                    new Violation(
                            ValidationRule.VALIDATOR_FAILED,
                            "validator threw " + e.getClass().getName()));
        }
    }

    private void reject(
            Context ctx, RawRecord raw, ValidationRule rule, String reason, Instant now) {
        reject(ctx, raw, rule, rule.name(), reason, now);
    }

    private void reject(
            Context ctx,
            RawRecord raw,
            ValidationRule rule,
            String errorClass,
            String reason,
            Instant now) {
        deadLetteredRecords.inc();
        deadLetteredByRule.get(rule).inc();
        LOG.debug(
                "Dead-lettering {}-{}@{}: {}",
                raw.getTopic(),
                raw.getPartition(),
                raw.getOffset(),
                errorClass);
        ctx.output(
                DEAD_LETTERS,
                DeadLetters.of(raw, errorClass, reason, now, limits.maxDeadLetterValueBytes()));
    }

    @Override
    public TypeInformation<T> getProducedType() {
        return new AvroTypeInfo<>(codec.recordClass());
    }
}
