package io.polygraph.job.scoring;

import static io.polygraph.job.SampleRecords.T0;
import static io.polygraph.job.SampleRecords.joined;
import static io.polygraph.job.SampleRecords.transaction;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.polygraph.detector.BatchScorer;
import io.polygraph.detector.ModelInfo;
import io.polygraph.detector.MultimodalRecord;
import io.polygraph.detector.RecordScore;
import io.polygraph.job.FixedScorer;
import io.polygraph.schema.Alert;
import io.polygraph.schema.JoinedTransaction;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.flink.formats.avro.typeutils.AvroSerializer;
import org.apache.flink.streaming.util.OneInputStreamOperatorTestHarness;
import org.apache.flink.util.FlinkRuntimeException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Batches that form while the previous one is scored on the operator's scoring thread: their sizes,
 * the backpressure of a full batch, failures, and closing under a running batch. The detector is a
 * {@link FixedScorer} behind a gate the test opens batch by batch.
 */
class AdaptiveBatchingTest {

    private static final int BATCH_SIZE = 3;

    private final GatedScorer scorer = new GatedScorer();
    private BatchScoringOperator operator;
    private OneInputStreamOperatorTestHarness<JoinedTransaction, Alert> harness;

    @AfterEach
    void closeHarness() throws Exception {
        scorer.openForGood();
        if (harness != null) {
            harness.close();
        }
    }

    @Test
    void withoutADelayARecordIsScoredAtOnceAndTheNextBatchIsWhatArrivedMeanwhile()
            throws Exception {
        open(Duration.ZERO);

        send("tx-1");
        assertThat(scorer.awaitBatchStarted()).as("tx-1 scored without waiting").isTrue();
        send("tx-2");
        send("tx-3");
        scorer.letOneBatchFinish();
        scorer.letOneBatchFinish();
        ScoringMailbox.awaitScored(harness, operator);

        assertThat(scorer.inner.batchSizes()).containsExactly(1, 2);
        assertThat(alertIds()).containsExactly("tx-1", "tx-2", "tx-3");
    }

    @Test
    void aFullBatchWaitingForTheScorerHoldsTheInputBack() throws Exception {
        open(Duration.ZERO);
        send("tx-1");
        assertThat(scorer.awaitBatchStarted()).isTrue();
        send("tx-2");
        send("tx-3");

        Thread opener = new Thread(() -> sleepThen(200, scorer::openForGood));
        opener.start();
        long start = System.nanoTime();
        send("tx-4"); // the third buffered record: a full batch while tx-1 is still scored
        long blockedMillis = (System.nanoTime() - start) / 1_000_000;
        opener.join();

        assertThat(blockedMillis).as("the fourth record waited for the scorer").isGreaterThan(100);
        assertThat(alertIds()).as("tx-1's batch came back meanwhile").startsWith("tx-1");
        ScoringMailbox.awaitScored(harness, operator);
        assertThat(scorer.inner.batchSizes()).containsExactly(1, 3);
    }

    @Test
    void aFailingDetectorFailsTheTaskNamingTheBatch() throws Exception {
        scorer.failNextBatch();
        open(Duration.ZERO);
        scorer.openForGood();

        send("tx-1");

        assertThatThrownBy(() -> ScoringMailbox.awaitScored(harness, operator))
                .isInstanceOf(FlinkRuntimeException.class)
                .hasMessageContaining("failed to score for a batch of 1 records")
                .hasMessageContaining("[tx-1]")
                .hasRootCauseMessage("detector broke");
    }

    @Test
    void closingWaitsForTheBatchBeingScoredBeforeClosingTheDetector() throws Exception {
        open(Duration.ZERO);
        send("tx-1");
        assertThat(scorer.awaitBatchStarted()).isTrue();

        Thread opener = new Thread(() -> sleepThen(200, scorer::openForGood));
        opener.start();
        harness.close();
        opener.join();

        assertThat(scorer.closedWhileScoring).as("closed under a running batch").isFalse();
        assertThat(scorer.inner.isClosed()).isTrue();
        harness = null;
    }

    private void open(Duration maxDelay) throws Exception {
        operator = new BatchScoringOperator(() -> scorer, new BatchTrigger(BATCH_SIZE, maxDelay));
        harness =
                new OneInputStreamOperatorTestHarness<>(
                        operator, new AvroSerializer<>(JoinedTransaction.class));
        harness.setup(new AvroSerializer<>(Alert.class));
        harness.open();
    }

    private void send(String transactionId) throws Exception {
        JoinedTransaction record =
                joined(
                                transaction("entity-1", transactionId, T0)
                                        .setAmountMinor(FixedScorer.ANOMALOUS_AMOUNT)
                                        .build())
                        .build();
        harness.processElement(record, T0.toEpochMilli());
    }

    private List<String> alertIds() {
        return harness.extractOutputValues().stream().map(Alert::getTransactionId).toList();
    }

    private static void sleepThen(long millis, Runnable action) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        action.run();
    }

    /** A {@link FixedScorer} whose every batch waits for the test to let it finish. */
    private static final class GatedScorer implements BatchScorer {
        final FixedScorer inner = new FixedScorer();
        private final Semaphore finishes = new Semaphore(0);
        private final Semaphore started = new Semaphore(0);
        private final AtomicBoolean failNext = new AtomicBoolean();
        private final CountDownLatch openForGood = new CountDownLatch(1);
        private volatile boolean scoring;
        volatile boolean closedWhileScoring;

        @Override
        public ModelInfo modelInfo() {
            return inner.modelInfo();
        }

        @Override
        public List<RecordScore> score(List<MultimodalRecord> batch) {
            scoring = true;
            try {
                started.release();
                while (openForGood.getCount() > 0
                        && !finishes.tryAcquire(10, TimeUnit.MILLISECONDS)) {
                    // waiting for the test
                }
                if (failNext.getAndSet(false)) {
                    throw new IllegalStateException("detector broke");
                }
                return inner.score(batch);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            } finally {
                scoring = false;
            }
        }

        boolean awaitBatchStarted() throws InterruptedException {
            return started.tryAcquire(10, TimeUnit.SECONDS);
        }

        void letOneBatchFinish() {
            finishes.release();
        }

        void openForGood() {
            openForGood.countDown();
        }

        void failNextBatch() {
            failNext.set(true);
        }

        @Override
        public void close() {
            closedWhileScoring |= scoring;
            inner.close();
        }
    }
}
