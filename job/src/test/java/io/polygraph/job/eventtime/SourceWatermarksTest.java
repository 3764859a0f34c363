package io.polygraph.job.eventtime;

import static io.polygraph.job.SampleRecords.T0;
import static io.polygraph.job.SampleRecords.encode;
import static io.polygraph.job.SampleRecords.enrolment;
import static io.polygraph.job.SampleRecords.profile;
import static io.polygraph.job.SampleRecords.raw;
import static io.polygraph.job.SampleRecords.transaction;
import static io.polygraph.job.SampleRecords.transactionSchemaWithOptional;
import static io.polygraph.job.SampleRecords.transactionSchemaWithout;
import static org.apache.flink.api.common.eventtime.TimestampAssigner.NO_TIMESTAMP;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.polygraph.job.config.JobSettings;
import io.polygraph.job.config.PolygraphOptions;
import io.polygraph.job.join.EntityEvents;
import io.polygraph.schema.CustomerProfile;
import io.polygraph.schema.RawRecord;
import io.polygraph.schema.SignatureImage;
import io.polygraph.schema.Transaction;
import io.polygraph.topic.AvroCodec;
import io.polygraph.topic.Topics;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.apache.avro.Schema;
import org.apache.flink.api.common.eventtime.TimestampAssigner;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.util.InstantiationUtil;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SourceWatermarksTest {

    private static final JobSettings SETTINGS = JobSettings.from(new Configuration());
    private static final Instant SIGNED = T0.plusSeconds(7);
    private static final Instant UPDATED = T0.minusSeconds(3600);

    @Test
    void eachTopicsTimeIsTheTimeTheJoinUses() {
        Transaction tx = transaction("e1", "tx1", T0).build();
        CustomerProfile prof = profile("e1", UPDATED).build();
        SignatureImage sig = enrolment("e1", SIGNED).build();

        assertThat(
                        timeOf(
                                SourceWatermarks.transactions(SETTINGS, InputReachability.ALWAYS),
                                raw(Topics.TRANSACTIONS, 0, "e1", tx)))
                .isEqualTo(EntityEvents.of(tx).getEventTime().toEpochMilli());
        assertThat(
                        timeOf(
                                SourceWatermarks.profiles(SETTINGS, InputReachability.ALWAYS),
                                raw(Topics.PROFILES, 0, "e1", prof)))
                .isEqualTo(EntityEvents.of(prof).getEventTime().toEpochMilli());
        assertThat(
                        timeOf(
                                SourceWatermarks.signatures(SETTINGS, InputReachability.ALWAYS),
                                raw(Topics.SIGNATURES, 0, "e1", sig)))
                .isEqualTo(EntityEvents.of(sig).getEventTime().toEpochMilli());
    }

    @Test
    void recordsThatCannotMoveTheWatermarkGetNoTimestamp() {
        PayloadEventTime time = transactionTime(Duration.ofDays(1));
        byte[] profileBytes = Topics.PROFILES.codec().encode(profile("e1", T0).build());

        assertThat(time.extractTimestamp(raw("t", 0, null, new byte[] {1, 2, 3}), 5L))
                .as("garbage")
                .isEqualTo(NO_TIMESTAMP);
        assertThat(time.extractTimestamp(raw("t", 1, null, null), 5L))
                .as("tombstone")
                .isEqualTo(NO_TIMESTAMP);
        assertThat(time.extractTimestamp(raw("t", 2, null, profileBytes), 5L))
                .as("another topic's record")
                .isEqualTo(NO_TIMESTAMP);
    }

    @Test
    void timesTooFarAheadOfTheWallClockDoNotDragTheWatermark() {
        PayloadEventTime time = transactionTime(Duration.ofHours(1));
        Instant now = Instant.now();

        assertThat(time.extractTimestamp(transactionAt(now.plus(Duration.ofHours(2))), 0L))
                .isEqualTo(NO_TIMESTAMP);
        assertThat(time.extractTimestamp(transactionAt(now.plus(Duration.ofMinutes(30))), 0L))
                .isEqualTo(now.plus(Duration.ofMinutes(30)).toEpochMilli());
    }

    @Test
    void readsRecordsOfARegisteredOlderWriterSchema() {
        Schema withoutDevice = transactionSchemaWithout("deviceId");
        byte[] bytes = encode(withoutDevice, transaction("e1", "tx1", T0).build());
        PayloadEventTime time =
                new PayloadEventTime(
                        AvroCodec.of(Transaction.class).withWriterSchema(withoutDevice),
                        SourceWatermarks.TRANSACTION_TIME,
                        Duration.ofDays(1));

        assertThat(time.extractTimestamp(raw("t", 0, null, bytes), 0L))
                .isEqualTo(T0.toEpochMilli());
    }

    @Test
    void timesRecordsOfTheWriterSchemasGivenInTheSettings(@TempDir Path dir) throws IOException {
        Schema added = transactionSchemaWithOptional("terminalId");
        Schema removed = transactionSchemaWithout("deviceId");
        Configuration config = new Configuration();
        config.set(
                PolygraphOptions.WRITER_SCHEMAS,
                List.of(
                        Files.writeString(dir.resolve("added.avsc"), added.toString()).toString(),
                        Files.writeString(dir.resolve("removed.avsc"), removed.toString())
                                .toString()));
        JobSettings evolved = JobSettings.from(config);
        Transaction tx = transaction("e1", "tx1", T0).setDeviceId("d1").build();

        for (Schema writer : List.of(added, removed)) {
            RawRecord record = raw("t", 0, null, encode(writer, tx));
            assertThat(
                            timeOf(
                                    SourceWatermarks.transactions(
                                            evolved, InputReachability.ALWAYS),
                                    record))
                    .as("%d fields, registered", writer.getFields().size())
                    .isEqualTo(T0.toEpochMilli());
            // Without the option the record cannot move the watermark: the test can fail.
            assertThat(
                            timeOf(
                                    SourceWatermarks.transactions(
                                            SETTINGS, InputReachability.ALWAYS),
                                    record))
                    .isEqualTo(NO_TIMESTAMP);
        }
    }

    @Test
    void survivesJavaSerialization() throws Exception {
        PayloadEventTime original = transactionTime(Duration.ofDays(1));
        original.extractTimestamp(transactionAt(T0), 0L);

        PayloadEventTime copy = InstantiationUtil.clone(original);

        assertThat(copy.extractTimestamp(transactionAt(T0), 0L)).isEqualTo(T0.toEpochMilli());
    }

    @Test
    void refusesAFieldThatIsNotATime() {
        assertThatThrownBy(
                        () ->
                                new PayloadEventTime(
                                        Topics.TRANSACTIONS.codec(), "merchantId", Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("merchantId");
        assertThatThrownBy(
                        () -> new PayloadEventTime(Topics.PROFILES.codec(), "nope", Duration.ZERO))
                .hasMessageContaining("nope");
    }

    private static long timeOf(WatermarkStrategy<RawRecord> strategy, RawRecord record) {
        TimestampAssigner<RawRecord> assigner = strategy.createTimestampAssigner(null);
        return assigner.extractTimestamp(record, 0L);
    }

    private static PayloadEventTime transactionTime(Duration maxFutureSkew) {
        return new PayloadEventTime(
                Topics.TRANSACTIONS.codec(), SourceWatermarks.TRANSACTION_TIME, maxFutureSkew);
    }

    private static RawRecord transactionAt(Instant at) {
        return raw(Topics.TRANSACTIONS, 0, "e1", transaction("e1", "tx1", at).build());
    }
}
