package io.polygraph.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.polygraph.detector.MultimodalRecord;
import io.polygraph.detector.ReasonCodes;
import io.polygraph.detector.RecordScore;
import io.polygraph.detector.RowModelDetector;
import io.polygraph.features.TestRecords;
import io.polygraph.schema.SignaturePurpose;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The properties every trained {@link RowModelDetector} must have, whatever model it wraps: shared
 * by the MMOC-GAN and IGMM-BiGAN trainer tests. {@code records} are at least 150 records of
 * customers the detector never saw, some with all modalities.
 */
final class RowModelDetectorChecks {

    private RowModelDetectorChecks() {}

    /** Calibration keeps the order of the raw scores (higher raw, never a higher score). */
    static void calibrationKeepsTheRawOrder(
            RowModelDetector detector, List<MultimodalRecord> records) {
        double[] raw = detector.rawScores(records);
        List<RecordScore> scores = detector.score(records);
        for (int i = 0; i < raw.length; i++) {
            for (int j = 0; j < raw.length; j++) {
                if (raw[i] > raw[j]) {
                    assertThat(scores.get(i).score()).isLessThanOrEqualTo(scores.get(j).score());
                }
            }
        }
    }

    /** A record scores the same alone, in a slice and in the whole batch. */
    static void scoresDoNotDependOnTheBatch(
            RowModelDetector detector, List<MultimodalRecord> records) {
        List<RecordScore> whole = detector.score(records);
        RecordScore alone = detector.score(List.of(records.get(123))).get(0);
        List<RecordScore> part = detector.score(records.subList(100, 150));

        assertThat(alone.score()).isCloseTo(whole.get(123).score(), within(1e-6));
        assertThat(part.get(23).score()).isCloseTo(whole.get(123).score(), within(1e-6));
    }

    /** A missing profile and an unreadable signature are named; the batch still scores. */
    static void missingAndUnreadableModalitiesAreNamed(
            RowModelDetector detector, List<MultimodalRecord> records) {
        MultimodalRecord full = signed(records);
        MultimodalRecord withoutProfile =
                new MultimodalRecord(
                        full.transaction(),
                        full.recentTransactions(),
                        null,
                        full.enrolmentSignature(),
                        full.presentedSignature());
        MultimodalRecord unreadable =
                new MultimodalRecord(
                        full.transaction(),
                        full.recentTransactions(),
                        full.profile(),
                        full.enrolmentSignature(),
                        TestRecords.signature(
                                "x",
                                SignaturePurpose.PRESENTED,
                                "t",
                                "garbage".getBytes(StandardCharsets.UTF_8)));

        List<RecordScore> scores = detector.score(List.of(withoutProfile, unreadable, full));

        assertThat(scores).allSatisfy(score -> assertThat(score.score()).isFinite());
        assertThat(scores.get(0).reasonCodes()).contains(ReasonCodes.PROFILE_MISSING);
        assertThat(scores.get(1).reasonCodes()).contains(ReasonCodes.SIGNATURE_UNREADABLE);
        assertThat(scores.get(2).reasonCodes())
                .doesNotContain(ReasonCodes.PROFILE_MISSING, ReasonCodes.SIGNATURE_UNREADABLE);
    }

    private static MultimodalRecord signed(List<MultimodalRecord> records) {
        return records.stream()
                .filter(
                        r ->
                                r.profile() != null
                                        && r.enrolmentSignature() != null
                                        && r.presentedSignature() != null)
                .findFirst()
                .orElseThrow();
    }
}
