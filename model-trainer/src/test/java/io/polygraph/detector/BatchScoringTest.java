package io.polygraph.detector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.polygraph.features.TestRecords;
import io.polygraph.schema.SignaturePurpose;
import io.polygraph.schema.Transaction;
import io.polygraph.train.TestDetectors;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class BatchScoringTest {

    private static List<MultimodalRecord> records;
    private static CrossModalDetector detector;

    @BeforeAll
    static void buildDetector() {
        records = TestDetectors.records(TestDetectors.world(13, 12, 10));
        detector = CrossModalDetector.fromSnapshot(TestDetectors.untrainedSnapshot(records, 0.0));
    }

    @AfterAll
    static void closeDetector() {
        detector.close();
    }

    @Test
    void batchScoresEqualOneByOneScores() {
        List<MultimodalRecord> sample = withSignaturesFirst(40);

        List<RecordScore> batched = detector.score(sample);
        List<RecordScore> single = new ArrayList<>();
        for (MultimodalRecord record : sample) {
            single.addAll(detector.score(List.of(record)));
        }

        assertThat(batched).hasSameSizeAs(sample);
        for (int i = 0; i < sample.size(); i++) {
            RecordScore a = batched.get(i);
            RecordScore b = single.get(i);
            assertThat(a.score()).isCloseTo(b.score(), within(1e-6));
            assertThat(a.anomalous()).isEqualTo(b.anomalous());
            assertThat(a.reasonCodes()).isEqualTo(b.reasonCodes());
            assertThat(a.contributions())
                    .extracting(RecordScore.Contribution::name)
                    .isEqualTo(
                            b.contributions().stream()
                                    .map(RecordScore.Contribution::name)
                                    .toList());
        }
    }

    @Test
    void contributionsAreNamedPerPairAndSortedLowestFirst() {
        List<RecordScore> scores = detector.score(withSignaturesFirst(10));

        RecordScore withBoth = scores.get(0);
        assertThat(withBoth.contributions())
                .extracting(RecordScore.Contribution::name)
                .containsExactlyInAnyOrder("profile~transaction", "signature~enrolment");
        assertThat(withBoth.contributions().get(0).score())
                .isLessThanOrEqualTo(withBoth.contributions().get(1).score());
        assertThat(withBoth.score()).isEqualTo(withBoth.contributions().get(0).score());
        assertThat(withBoth.score()).isBetween(-1.0, 1.0);
    }

    @Test
    void aRecordWithNothingToCompareIsNotAnomalousAndSaysWhatIsMissing() {
        Transaction captured =
                Transaction.newBuilder(records.get(0).transaction())
                        .setSignatureCaptured(true)
                        .build();
        MultimodalRecord bare = new MultimodalRecord(captured, List.of(), null, null, null);

        RecordScore score = detector.score(List.of(bare)).get(0);

        assertThat(score.anomalous()).isFalse();
        assertThat(score.contributions()).isEmpty();
        assertThat(score.reasonCodes())
                .containsExactly(
                        ReasonCodes.PROFILE_MISSING, ReasonCodes.PRESENTED_SIGNATURE_MISSING);
    }

    @Test
    void aPresentedSignatureWithoutEnrolmentIsReported() {
        MultimodalRecord record = records.get(0);
        MultimodalRecord noEnrolment =
                new MultimodalRecord(
                        record.transaction(),
                        record.recentTransactions(),
                        record.profile(),
                        null,
                        TestRecords.signature(
                                "x",
                                SignaturePurpose.PRESENTED,
                                "t",
                                TestRecords.scribble(1, "png")));

        RecordScore score = detector.score(List.of(noEnrolment)).get(0);

        assertThat(score.contributions())
                .extracting(RecordScore.Contribution::name)
                .containsExactly("profile~transaction");
        assertThat(score.reasonCodes()).contains(ReasonCodes.ENROLMENT_SIGNATURE_MISSING);
    }

    @Test
    void anUnreadableImageIsReportedWithoutFailingTheBatch() {
        MultimodalRecord record = withSignaturesFirst(1).get(0);
        MultimodalRecord broken =
                new MultimodalRecord(
                        record.transaction(),
                        record.recentTransactions(),
                        record.profile(),
                        record.enrolmentSignature(),
                        TestRecords.signature(
                                "x",
                                SignaturePurpose.PRESENTED,
                                "t",
                                "garbage".getBytes(StandardCharsets.UTF_8)));

        List<RecordScore> scores = detector.score(List.of(broken, record));

        assertThat(scores.get(0).reasonCodes()).contains(ReasonCodes.SIGNATURE_UNREADABLE);
        assertThat(scores.get(0).contributions()).hasSize(1);
        assertThat(scores.get(1).contributions()).hasSize(2);
    }

    @Test
    void pairsBelowTheThresholdRaiseTheirInconsistencyCodes() {
        // Threshold above every possible score: every computed pair is "inconsistent".
        CrossModalDetector strict =
                detector.withCalibration(
                        detector.modelInfo(),
                        new ScoreCalibration(
                                detector.calibration().profileTransaction(),
                                detector.calibration().signature(),
                                2.0,
                                0.01));

        RecordScore score = strict.score(withSignaturesFirst(1)).get(0);

        assertThat(score.anomalous()).isTrue();
        assertThat(score.reasonCodes())
                .containsExactlyInAnyOrder(
                        ReasonCodes.BEHAVIOUR_INCONSISTENT_WITH_PROFILE,
                        ReasonCodes.SIGNATURE_INCONSISTENT);
    }

    @Test
    void anEmptyBatchGivesNoScores() {
        assertThat(detector.score(List.of())).isEmpty();
    }

    private static List<MultimodalRecord> withSignaturesFirst(int count) {
        List<MultimodalRecord> ordered = new ArrayList<>();
        records.stream().filter(r -> r.presentedSignature() != null).forEach(ordered::add);
        records.stream().filter(r -> r.presentedSignature() == null).forEach(ordered::add);
        return ordered.subList(0, Math.min(count, ordered.size()));
    }
}
