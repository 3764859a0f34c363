package io.polygraph.world;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.polygraph.schema.AnomalyLabel;
import io.polygraph.schema.AnomalyType;
import io.polygraph.schema.SignatureImage;
import io.polygraph.schema.SignaturePurpose;
import io.polygraph.schema.Transaction;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WorldEventsTest {

    @Test
    void holdsEveryInputRecordOnceInTimeOrder() {
        World world = TestWorlds.small();

        List<WorldEvent> events = world.eventsInTimeOrder();

        assertThat(events)
                .hasSize(
                        world.profiles().size()
                                + world.enrolmentSignatures().size()
                                + world.transactions().size()
                                + world.presentedSignatures().size());
        assertThat(events).extracting(WorldEvent::eventTimeMillis).isSorted();
        assertThat(events).allSatisfy(event -> assertThat(event.entityId()).startsWith("cust-"));
    }

    @Test
    void profilesAndEnrolmentsComeFirstAndPrecedeTheStart() {
        World world = TestWorlds.small();
        List<WorldEvent> events = world.eventsInTimeOrder();
        long start = world.config().start().toEpochMilli();
        int customers = world.config().customers();

        List<WorldEvent> head = events.subList(0, 2 * customers);
        assertThat(head)
                .allSatisfy(
                        event -> {
                            assertThat(event.eventTimeMillis()).isLessThan(start);
                            assertThat(event.kind())
                                    .isIn(WorldEvent.Kind.PROFILE, WorldEvent.Kind.SIGNATURE);
                        });
        assertThat(head.stream().filter(e -> e.kind() == WorldEvent.Kind.PROFILE))
                .hasSize(customers);
        assertThat(events.get(2 * customers).eventTimeMillis()).isGreaterThanOrEqualTo(start);
    }

    @Test
    void aPresentedSignatureComesAFewHundredMillisecondsBeforeItsTransaction() {
        World world = TestWorlds.small();
        Map<String, Integer> signaturePosition = new HashMap<>();
        List<WorldEvent> events = world.eventsInTimeOrder();
        int checked = 0;

        for (int i = 0; i < events.size(); i++) {
            WorldEvent event = events.get(i);
            if (event.record() instanceof SignatureImage signature
                    && signature.getPurpose() == SignaturePurpose.PRESENTED) {
                signaturePosition.put(signature.getTransactionId(), i);
            } else if (event.record() instanceof Transaction transaction
                    && transaction.getSignatureCaptured()) {
                Integer position = signaturePosition.get(transaction.getTransactionId());
                assertThat(position).as(transaction.getTransactionId()).isNotNull().isLessThan(i);
                long lead = event.eventTimeMillis() - events.get(position).eventTimeMillis();
                assertThat(lead).isBetween(200L, 900L);
                checked++;
            }
        }
        assertThat(checked).isPositive();
    }

    @Test
    void kindFollowsTheRecordAndLabelsAreNoEvents() {
        Transaction transaction = TestWorlds.small().transactions().get(0);
        AnomalyLabel label = new AnomalyLabel("tx", "cust", AnomalyType.NORMAL, "");

        assertThat(new WorldEvent(1, "cust", transaction).kind())
                .isEqualTo(WorldEvent.Kind.TRANSACTION);
        assertThatThrownBy(() -> new WorldEvent(1, "cust", label))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("AnomalyLabel");
    }
}
