package io.polygraph.job.scoring;

import static io.polygraph.job.SampleRecords.T0;
import static io.polygraph.job.SampleRecords.joined;
import static io.polygraph.job.SampleRecords.transaction;
import static org.assertj.core.api.Assertions.assertThat;

import io.polygraph.detector.ScorerFactory;
import io.polygraph.job.FixedScorer;
import io.polygraph.schema.Alert;
import io.polygraph.schema.JoinedTransaction;
import java.time.Duration;
import java.util.List;
import org.apache.flink.formats.avro.typeutils.AvroSerializer;
import org.apache.flink.streaming.api.watermark.Watermark;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.OneInputStreamOperatorTestHarness;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** When the batching operator scores, and what it emits. */
class BatchScoringOperatorTest {

    private static final int BATCH_SIZE = 3;
    private static final Duration MAX_DELAY = Duration.ofMillis(50);
    private static final long START = 1_000;

    private final FixedScorer scorer = new FixedScorer();
    private OneInputStreamOperatorTestHarness<JoinedTransaction, Alert> harness;

    @BeforeEach
    void openHarness() throws Exception {
        ScorerFactory factory = () -> scorer;
        harness =
                new OneInputStreamOperatorTestHarness<>(
                        new BatchScoringOperator(factory, new BatchTrigger(BATCH_SIZE, MAX_DELAY)),
                        new AvroSerializer<>(JoinedTransaction.class));
        harness.setup(new AvroSerializer<>(Alert.class));
        harness.setProcessingTime(START);
        harness.open();
    }

    @AfterEach
    void closeHarness() throws Exception {
        harness.close();
    }

    @Test
    void scoresAsSoonAsTheBatchIsFull() throws Exception {
        send("tx-1", 10);
        send("tx-2", FixedScorer.ANOMALOUS_AMOUNT);
        assertThat(scorer.batchSizes()).isEmpty();

        send("tx-3", 10);

        assertThat(scorer.batchSizes()).containsExactly(3);
        assertThat(alertIds()).containsExactly("v1:tx-2");
        assertThat(pendingDeadlines()).as("deadline timer cancelled").isZero();
    }

    @Test
    void scoresAPartialBatchAtItsDeadline() throws Exception {
        send("tx-1", FixedScorer.ANOMALOUS_AMOUNT);
        send("tx-2", 10);

        harness.setProcessingTime(START + MAX_DELAY.toMillis() - 1);
        assertThat(scorer.batchSizes()).isEmpty();

        harness.setProcessingTime(START + MAX_DELAY.toMillis());
        assertThat(scorer.batchSizes()).containsExactly(2);
        assertThat(alertIds()).containsExactly("v1:tx-1");
    }

    @Test
    void deadlineCountsFromTheFirstRecordOfTheBatch() throws Exception {
        send("tx-1", 10);
        harness.setProcessingTime(START + 40);
        send("tx-2", 10);

        harness.setProcessingTime(START + MAX_DELAY.toMillis());

        assertThat(scorer.batchSizes()).containsExactly(2);
    }

    @Test
    void scoresEverythingBufferedBeforeACheckpointBarrier() throws Exception {
        send("tx-1", FixedScorer.ANOMALOUS_AMOUNT);

        harness.prepareSnapshotPreBarrier(1L);

        assertThat(scorer.batchSizes()).containsExactly(1);
        assertThat(alertIds()).containsExactly("v1:tx-1");
        harness.snapshot(1L, START);
        assertThat(pendingDeadlines()).isZero();
    }

    @Test
    void scoresEverythingBufferedAtEndOfInput() throws Exception {
        send("tx-1", 10);
        send("tx-2", FixedScorer.ANOMALOUS_AMOUNT);

        harness.endInput();

        assertThat(scorer.batchSizes()).containsExactly(2);
        assertThat(alertIds()).containsExactly("v1:tx-2");
    }

    @Test
    void scoresBeforeForwardingAWatermark() throws Exception {
        send("tx-1", FixedScorer.ANOMALOUS_AMOUNT);

        harness.processWatermark(T0.toEpochMilli());

        List<Object> output = List.copyOf(harness.getOutput());
        assertThat(output).hasSize(2);
        assertThat(output.get(0)).isInstanceOf(StreamRecord.class);
        assertThat(output.get(1)).isEqualTo(new Watermark(T0.toEpochMilli()));
    }

    @Test
    void emitsAlertsOnlyForAnomalousRecords() throws Exception {
        send("tx-1", 10);
        send("tx-2", 20);
        send("tx-3", 30);

        assertThat(scorer.batchSizes()).containsExactly(3);
        assertThat(harness.extractOutputValues()).isEmpty();
    }

    @Test
    void alertCarriesIdsTimesScoreModelAndReasons() throws Exception {
        JoinedTransaction record =
                joined(
                                transaction("entity-9", "tx-9", T0)
                                        .setAmountMinor(FixedScorer.ANOMALOUS_AMOUNT)
                                        .build())
                        .setProfile(null)
                        .build();
        harness.processElement(record, T0.toEpochMilli());
        harness.setProcessingTime(START + MAX_DELAY.toMillis());

        List<StreamRecord<? extends Alert>> emitted = harness.extractOutputStreamRecords();
        assertThat(emitted).hasSize(1);
        assertThat(emitted.get(0).getTimestamp()).isEqualTo(T0.toEpochMilli());
        Alert alert = emitted.get(0).getValue();
        assertThat(alert.getAlertId()).isEqualTo("v1:tx-9");
        assertThat(alert.getEntityId()).isEqualTo("entity-9");
        assertThat(alert.getTransactionId()).isEqualTo("tx-9");
        assertThat(alert.getEventTime()).isEqualTo(T0);
        assertThat(alert.getDetectionTime().toEpochMilli()).isEqualTo(START + MAX_DELAY.toMillis());
        assertThat(alert.getScore()).isEqualTo(FixedScorer.ANOMALOUS_SCORE);
        assertThat(alert.getThreshold()).isEqualTo(FixedScorer.MODEL.threshold());
        assertThat(alert.getModelName()).isEqualTo("fixed");
        assertThat(alert.getModelVersion()).isEqualTo("v1");
        assertThat(alert.getContributions()).hasSize(1);
        assertThat(alert.getContributions().get(0).getName()).isEqualTo(FixedScorer.PAIR);
        assertThat(alert.getReasonCodes())
                .containsExactly("BEHAVIOUR_INCONSISTENT_WITH_PROFILE", "PROFILE_MISSING");
    }

    @Test
    void closesItsScorer() throws Exception {
        harness.close();

        assertThat(scorer.isClosed()).isTrue();
    }

    private void send(String transactionId, long amountMinor) throws Exception {
        JoinedTransaction record =
                joined(
                                transaction("entity-1", transactionId, T0)
                                        .setAmountMinor(amountMinor)
                                        .build())
                        .build();
        harness.processElement(record, T0.toEpochMilli());
    }

    /** Processing-time timers still registered (cancelled ones do not count). */
    private int pendingDeadlines() {
        return harness.getProcessingTimeService().getNumActiveTimers();
    }

    private List<String> alertIds() {
        return harness.extractOutputValues().stream().map(Alert::getAlertId).toList();
    }
}
