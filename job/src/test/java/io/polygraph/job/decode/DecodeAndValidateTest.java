package io.polygraph.job.decode;

import static io.polygraph.job.SampleRecords.T0;
import static io.polygraph.job.SampleRecords.encode;
import static io.polygraph.job.SampleRecords.profile;
import static io.polygraph.job.SampleRecords.raw;
import static io.polygraph.job.SampleRecords.transaction;
import static io.polygraph.job.SampleRecords.transactionSchemaWithNullable;
import static io.polygraph.job.SampleRecords.transactionSchemaWithout;
import static org.assertj.core.api.Assertions.assertThat;

import io.polygraph.job.ByteArrays;
import io.polygraph.schema.DeadLetter;
import io.polygraph.schema.RawRecord;
import io.polygraph.schema.Transaction;
import io.polygraph.topic.AvroCodec;
import io.polygraph.topic.TopicCodec;
import io.polygraph.topic.Topics;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.apache.avro.AvroTypeException;
import org.apache.avro.Schema;
import org.apache.avro.message.BadHeaderException;
import org.apache.avro.message.MissingSchemaException;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.OneInputStreamOperatorTestHarness;
import org.apache.flink.streaming.util.ProcessFunctionTestHarnesses;
import org.junit.jupiter.api.Test;

/** Decoding failures become dead letters with coordinates; valid records pass. */
class DecodeAndValidateTest {

    private static final String TOPIC = Topics.TRANSACTIONS_NAME;
    private static final long NOW = T0.plus(Duration.ofHours(1)).toEpochMilli();

    @Test
    void validRecordPasses() throws Exception {
        Transaction tx = transaction("entity-1", "tx-1", T0).build();

        Outcome outcome = decode(raw(Topics.TRANSACTIONS, 7, "entity-1", tx));

        assertThat(outcome.records()).containsExactly(tx);
        assertThat(outcome.deadLetters()).isEmpty();
    }

    @Test
    void truncatedBytesAreDeadLetteredWithCoordinatesAndOriginalBytes() throws Exception {
        byte[] encoded = Topics.TRANSACTIONS.codec().encode(transaction("e", "tx", T0).build());
        byte[] truncated = Arrays.copyOf(encoded, encoded.length / 2);
        byte[] key = "e".getBytes(StandardCharsets.UTF_8);

        DeadLetter deadLetter = singleDeadLetter(raw(TOPIC, 42, key, truncated));

        assertThat(deadLetter.getSourceTopic()).isEqualTo(TOPIC);
        assertThat(deadLetter.getPartition()).isZero();
        assertThat(deadLetter.getOffset()).isEqualTo(42);
        assertThat(ByteArrays.copyOf(deadLetter.getOriginalKey())).isEqualTo(key);
        assertThat(ByteArrays.copyOf(deadLetter.getOriginalValue())).isEqualTo(truncated);
        assertThat(deadLetter.getReason()).startsWith("cannot decode Transaction");
        assertThat(deadLetter.getFailedAt().toEpochMilli()).isEqualTo(NOW);
    }

    @Test
    void randomBytesAreDeadLettered() throws Exception {
        byte[] noise = new byte[64];
        new Random(7).nextBytes(noise);
        noise[0] = 0x00; // never the single-object marker

        DeadLetter deadLetter = singleDeadLetter(raw(TOPIC, 1, null, noise));

        assertThat(deadLetter.getErrorClass()).isEqualTo(BadHeaderException.class.getName());
    }

    @Test
    void wrongMagicIsABadHeader() throws Exception {
        byte[] encoded = Topics.TRANSACTIONS.codec().encode(transaction("e", "tx", T0).build());
        encoded[1] = 0x02; // single-object encoding version byte

        assertThat(singleDeadLetter(raw(TOPIC, 1, null, encoded)).getErrorClass())
                .isEqualTo(BadHeaderException.class.getName());
    }

    @Test
    void recordOfAnotherSchemaHasAnUnknownFingerprint() throws Exception {
        byte[] profileBytes = Topics.PROFILES.codec().encode(profile("e", T0).build());

        DeadLetter deadLetter = singleDeadLetter(raw(TOPIC, 1, null, profileBytes));

        assertThat(deadLetter.getErrorClass()).isEqualTo(MissingSchemaException.class.getName());
    }

    @Test
    void writerSchemaMissingARequiredFieldCannotBeResolved() throws Exception {
        Schema withoutMerchant = transactionSchemaWithout("merchantId");
        byte[] bytes = encode(withoutMerchant, transaction("e", "tx", T0).build());
        AvroCodec<Transaction> codec =
                AvroCodec.of(Transaction.class).withWriterSchema(withoutMerchant);

        Outcome known = decode(codec, raw(TOPIC, 3, null, bytes));
        Outcome unknown = decode(Topics.TRANSACTIONS.codec(), raw(TOPIC, 3, null, bytes));

        assertThat(known.records()).isEmpty();
        assertThat(known.deadLetters().get(0).getErrorClass())
                .isEqualTo(AvroTypeException.class.getName());
        assertThat(known.deadLetters().get(0).getReason()).contains("merchantId");
        assertThat(unknown.deadLetters().get(0).getErrorClass())
                .isEqualTo(MissingSchemaException.class.getName());
    }

    @Test
    void writerSchemaWithNullWhereTheReaderRequiresAValueCannotBeResolved() throws Exception {
        Schema nullableMerchant = transactionSchemaWithNullable("merchantId");
        Transaction withoutMerchant = transaction("e", "tx", T0).build();
        withoutMerchant.setMerchantId(null); // the builder would refuse it
        byte[] bytes = encode(nullableMerchant, withoutMerchant);
        AvroCodec<Transaction> codec =
                AvroCodec.of(Transaction.class).withWriterSchema(nullableMerchant);

        DeadLetter deadLetter = decode(codec, raw(TOPIC, 3, null, bytes)).deadLetters().get(0);

        assertThat(deadLetter.getErrorClass()).isEqualTo(AvroTypeException.class.getName());
        assertThat(deadLetter.getReason()).contains("a required field is missing or null");
    }

    @Test
    void oversizedValueIsDeadLetteredUndecodedAndCutToTheDeadLetterLimit() throws Exception {
        byte[] huge = new byte[5000];
        new Random(3).nextBytes(huge);

        Outcome outcome = decode(new DecodeLimits(4096, 1000), raw(TOPIC, 8, null, huge));

        DeadLetter deadLetter = outcome.deadLetters().get(0);
        assertThat(deadLetter.getErrorClass()).isEqualTo(ValidationRule.RECORD_TOO_LARGE.name());
        assertThat(deadLetter.getOffset()).isEqualTo(8);
        assertThat(deadLetter.getReason())
                .contains("5000 bytes is larger than the limit of 4096 bytes")
                .contains("originalValue cut to its first 1000 of 5000 bytes");
        assertThat(ByteArrays.copyOf(deadLetter.getOriginalValue()))
                .isEqualTo(Arrays.copyOf(huge, 1000));
    }

    @Test
    void valueAtTheRecordLimitIsDecoded() throws Exception {
        Transaction tx = transaction("entity-1", "tx-1", T0).build();
        int size = Topics.TRANSACTIONS.codec().encode(tx).length;

        Outcome outcome =
                decode(new DecodeLimits(size, 100), raw(Topics.TRANSACTIONS, 7, "entity-1", tx));

        assertThat(outcome.records()).containsExactly(tx);
    }

    @Test
    void tombstoneIsDeadLettered() throws Exception {
        DeadLetter deadLetter = singleDeadLetter(raw(TOPIC, 5, null, null));

        assertThat(deadLetter.getErrorClass()).isEqualTo(ValidationRule.VALUE_MISSING.name());
        assertThat(deadLetter.getOriginalValue()).isNull();
    }

    @Test
    void invalidRecordIsDeadLetteredByRuleWithoutPayloadInTheReason() throws Exception {
        Transaction negative =
                transaction("entity-secret", "tx-secret", T0).setAmountMinor(-1).build();

        DeadLetter deadLetter =
                singleDeadLetter(raw(Topics.TRANSACTIONS, 9, "entity-secret", negative));

        assertThat(deadLetter.getErrorClass()).isEqualTo(ValidationRule.AMOUNT_NEGATIVE.name());
        assertThat(deadLetter.getReason()).doesNotContain("secret").doesNotContain("-1");
    }

    @Test
    void recordKeyedByAnotherEntityIsDeadLettered() throws Exception {
        Transaction tx = transaction("entity-1", "tx-1", T0).build();

        DeadLetter deadLetter = singleDeadLetter(raw(Topics.TRANSACTIONS, 9, "entity-2", tx));

        assertThat(deadLetter.getErrorClass()).isEqualTo(ValidationRule.KEY_NOT_ENTITY_ID.name());
    }

    @Test
    void eventTimeFarAheadOfProcessingTimeIsDeadLettered() throws Exception {
        Transaction future = transaction("e", "tx", T0.plus(Duration.ofDays(3))).build();

        DeadLetter deadLetter = singleDeadLetter(raw(Topics.TRANSACTIONS, 9, "e", future));

        assertThat(deadLetter.getErrorClass())
                .isEqualTo(ValidationRule.EVENT_TIME_IN_FUTURE.name());
    }

    private static DeadLetter singleDeadLetter(RawRecord raw) throws Exception {
        Outcome outcome = decode(raw);
        assertThat(outcome.records()).isEmpty();
        assertThat(outcome.deadLetters()).hasSize(1);
        return outcome.deadLetters().get(0);
    }

    private static Outcome decode(RawRecord raw) throws Exception {
        return decode(Topics.TRANSACTIONS.codec(), raw);
    }

    private static Outcome decode(TopicCodec<Transaction> codec, RawRecord raw) throws Exception {
        return decode(codec, DecodeLimits.noRecordLimit(), raw);
    }

    private static Outcome decode(DecodeLimits limits, RawRecord raw) throws Exception {
        return decode(Topics.TRANSACTIONS.codec(), limits, raw);
    }

    private static Outcome decode(TopicCodec<Transaction> codec, DecodeLimits limits, RawRecord raw)
            throws Exception {
        OneInputStreamOperatorTestHarness<RawRecord, Transaction> harness =
                ProcessFunctionTestHarnesses.forProcessFunction(
                        new DecodeAndValidate<>(
                                codec, new TransactionValidator(Duration.ofDays(1)), limits));
        try {
            harness.setProcessingTime(NOW);
            harness.processElement(raw, raw.getTimestamp());
            List<DeadLetter> deadLetters =
                    harness.getSideOutput(DecodeAndValidate.DEAD_LETTERS) == null
                            ? List.of()
                            : harness.getSideOutput(DecodeAndValidate.DEAD_LETTERS).stream()
                                    .map(StreamRecord::getValue)
                                    .toList();
            return new Outcome(harness.extractOutputValues(), deadLetters);
        } finally {
            harness.close();
        }
    }

    private record Outcome(List<Transaction> records, List<DeadLetter> deadLetters) {}
}
