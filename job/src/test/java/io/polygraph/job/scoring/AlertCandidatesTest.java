package io.polygraph.job.scoring;

import static io.polygraph.job.SampleRecords.T0;
import static io.polygraph.job.SampleRecords.joined;
import static io.polygraph.job.SampleRecords.transaction;
import static org.assertj.core.api.Assertions.assertThat;

import io.polygraph.detector.RecordScore;
import io.polygraph.job.FixedScorer;
import io.polygraph.job.alert.AlertPolicy;
import io.polygraph.schema.Alert;
import io.polygraph.schema.JoinedTransaction;
import io.polygraph.schema.ModalityWeight;
import io.polygraph.schema.Severity;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.flink.formats.avro.typeutils.AvroSerializer;
import org.apache.flink.streaming.util.OneInputStreamOperatorTestHarness;
import org.junit.jupiter.api.Test;

/** Which candidates the scoring operator hands the alert policy, and what they carry. */
class AlertCandidatesTest {

    @Test
    void withoutSmoothingOnlyScoresBelowThePolicysThresholdAreCandidates() throws Exception {
        assertThat(candidatesUnder(AlertPolicy.defaults())).containsExactly("tx-2");
        // FixedScorer's normal score is 0.6: an override above it makes every record a candidate.
        assertThat(candidatesUnder(AlertPolicy.defaults().withThreshold(0.7)))
                .containsExactly("tx-1", "tx-2");
    }

    @Test
    void withSmoothingEveryScoreIsACandidate() throws Exception {
        assertThat(candidatesUnder(AlertPolicy.defaults().withSmoothing(0.5, Duration.ofDays(1))))
                .containsExactly("tx-1", "tx-2");
    }

    @Test
    void modalityWeightsReachTheAlertHeaviestFirst() {
        RecordScore score =
                new RecordScore(
                        -0.7,
                        true,
                        List.of(new RecordScore.Contribution("presented-signature", -0.7)),
                        List.of("SIGNATURE_INCONSISTENT"),
                        Map.of("transaction", 0.2, "presented-signature", 0.5, "profile", 0.3));

        Alert alert =
                Alerts.of(
                        transaction("entity-1", "tx-1", T0).build(), score, FixedScorer.MODEL, T0);

        assertThat(alert.getModalityWeights())
                .containsExactly(
                        new ModalityWeight("presented-signature", 0.5),
                        new ModalityWeight("profile", 0.3),
                        new ModalityWeight("transaction", 0.2));
        assertThat(alert.getSeverity()).as("the policy grades it").isEqualTo(Severity.UNSPECIFIED);
    }

    @Test
    void detectorsWithoutWeightsLeaveThemEmpty() {
        RecordScore score = new RecordScore(-0.7, true, List.of(), List.of());

        Alert alert =
                Alerts.of(
                        transaction("entity-1", "tx-1", T0).build(), score, FixedScorer.MODEL, T0);

        assertThat(alert.getModalityWeights()).isEmpty();
    }

    private static List<String> candidatesUnder(AlertPolicy policy) throws Exception {
        FixedScorer scorer = new FixedScorer();
        try (OneInputStreamOperatorTestHarness<JoinedTransaction, Alert> harness =
                new OneInputStreamOperatorTestHarness<>(
                        new BatchScoringOperator(
                                () -> scorer, new BatchTrigger(2, Duration.ofMillis(50)), policy),
                        new AvroSerializer<>(JoinedTransaction.class))) {
            harness.setup(new AvroSerializer<>(Alert.class));
            harness.open();
            send(harness, "tx-1", 10);
            send(harness, "tx-2", FixedScorer.ANOMALOUS_AMOUNT);
            return harness.extractOutputValues().stream().map(Alert::getTransactionId).toList();
        }
    }

    private static void send(
            OneInputStreamOperatorTestHarness<JoinedTransaction, Alert> harness,
            String transactionId,
            long amountMinor)
            throws Exception {
        JoinedTransaction record =
                joined(
                                transaction("entity-1", transactionId, T0)
                                        .setAmountMinor(amountMinor)
                                        .build())
                        .build();
        harness.processElement(record, T0.toEpochMilli());
    }
}
