package io.polygraph.world;

import static org.assertj.core.api.Assertions.assertThat;

import io.polygraph.schema.AnomalyLabel;
import io.polygraph.schema.AnomalyType;
import io.polygraph.schema.SignatureImage;
import io.polygraph.schema.Transaction;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class WorldLabelsTest {

    @Test
    void everyTransactionHasExactlyOneLabelInTheSameOrder() {
        World world = TestWorlds.small();

        assertThat(world.labels()).hasSameSizeAs(world.transactions());
        for (int i = 0; i < world.transactions().size(); i++) {
            Transaction transaction = world.transactions().get(i);
            AnomalyLabel label = world.labels().get(i);
            assertThat(label.getTransactionId()).isEqualTo(transaction.getTransactionId());
            assertThat(label.getEntityId()).isEqualTo(transaction.getEntityId());
        }
        Set<String> ids =
                world.transactions().stream()
                        .map(Transaction::getTransactionId)
                        .collect(Collectors.toSet());
        assertThat(ids).hasSameSizeAs(world.transactions());
    }

    @Test
    void transactionsAreSortedByEventTimeAndInsideTheSpan() {
        World world = TestWorlds.small();

        assertThat(world.transactions())
                .isSortedAccordingTo((a, b) -> a.getEventTime().compareTo(b.getEventTime()));
        assertThat(world.transactions())
                .allSatisfy(
                        t -> {
                            assertThat(t.getEventTime()).isAfterOrEqualTo(world.config().start());
                            assertThat(t.getEventTime()).isBefore(world.config().end());
                        });
    }

    @Test
    void anomalySharesAreNearTheConfiguredRates() {
        World world = TestWorlds.standard();
        Map<AnomalyType, Long> counts =
                world.labels().stream()
                        .collect(
                                Collectors.groupingBy(
                                        AnomalyLabel::getType, Collectors.counting()));
        double transactions = world.transactions().size();
        double captured =
                world.transactions().stream().filter(Transaction::getSignatureCaptured).count();

        assertThat(transactions).isGreaterThan(15_000);
        assertThat(counts.get(AnomalyType.BEHAVIOUR_PROFILE_MISMATCH) / transactions)
                .isBetween(0.015, 0.025);
        assertThat(counts.get(AnomalyType.OUTLIER) / transactions).isBetween(0.0025, 0.0075);
        assertThat(counts.get(AnomalyType.SIGNATURE_MISMATCH) / captured).isBetween(0.06, 0.10);
    }

    @Test
    void detailsSayHowEachAnomalyWasMade() {
        World world = TestWorlds.standard();
        Map<String, Long> signatureDetails = new HashMap<>();

        for (AnomalyLabel label : world.labels()) {
            switch (label.getType()) {
                case NORMAL -> assertThat(label.getDetail()).isEmpty();
                case SIGNATURE_MISMATCH -> {
                    assertThat(label.getDetail()).isIn("forgery", "other-writer");
                    signatureDetails.merge(label.getDetail(), 1L, Long::sum);
                }
                case BEHAVIOUR_PROFILE_MISMATCH ->
                        assertThat(label.getDetail()).startsWith("contrast-profile:");
                case OUTLIER ->
                        assertThat(label.getDetail())
                                .isIn("outlier:amount", "outlier:far-location");
            }
        }
        long mismatches = signatureDetails.values().stream().mapToLong(Long::longValue).sum();
        assertThat(signatureDetails.get("forgery")).isGreaterThan(mismatches / 3);
        assertThat(signatureDetails.get("other-writer")).isGreaterThan(mismatches / 3);
    }

    @Test
    void theFirstFiveTransactionsOfEveryCustomerAreNormal() {
        World world = TestWorlds.standard();
        Map<String, Integer> seen = new HashMap<>();

        for (AnomalyLabel label : world.labels()) {
            int position = seen.merge(label.getEntityId(), 1, Integer::sum);
            if (position <= AnomalyInjector.CLEAN_PREFIX) {
                assertThat(label.getType())
                        .as(label.getTransactionId())
                        .isEqualTo(AnomalyType.NORMAL);
            }
        }
    }

    @Test
    void signaturesArePresentedExactlyWithSignatureCapturingTransactions() {
        World world = TestWorlds.standard();
        Map<String, SignatureImage> presented =
                world.presentedSignatures().stream()
                        .collect(Collectors.toMap(SignatureImage::getTransactionId, s -> s));
        Map<String, AnomalyLabel> labels = world.labelsByTransactionId();

        List<Transaction> capturing =
                world.transactions().stream().filter(Transaction::getSignatureCaptured).toList();
        assertThat(presented).hasSameSizeAs(capturing);
        for (Transaction transaction : world.transactions()) {
            boolean hasSignature = presented.containsKey(transaction.getTransactionId());
            assertThat(hasSignature).isEqualTo(transaction.getSignatureCaptured());
            if (labels.get(transaction.getTransactionId()).getType()
                    == AnomalyType.SIGNATURE_MISMATCH) {
                assertThat(hasSignature).isTrue();
            }
        }
        assertThat(world.enrolmentSignatures())
                .extracting(SignatureImage::getEntityId)
                .doesNotHaveDuplicates()
                .hasSize(world.config().customers());
    }
}
