package io.polygraph.job.join;

import static org.assertj.core.api.Assertions.assertThat;

import io.polygraph.schema.CustomerProfile;
import io.polygraph.schema.EntityEvent;
import io.polygraph.schema.JoinedTransaction;
import io.polygraph.schema.SignatureImage;
import io.polygraph.schema.Transaction;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.runtime.state.VoidNamespace;
import org.apache.flink.runtime.state.VoidNamespaceSerializer;
import org.apache.flink.streaming.api.operators.KeyedProcessOperator;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;

/**
 * The join function in Flink's keyed operator test harness, with the few moves the join tests make:
 * send records (timestamped with their event time), advance the watermark, read what was emitted,
 * and look into the keyed state.
 */
final class JoinHarness {

    static final Duration MAX_JOIN_WAIT = Duration.ofSeconds(30);
    static final Duration SIGNATURE_TTL = Duration.ofSeconds(60);
    static final int RECENT_LIMIT = 3;

    private final KeyedOneInputStreamOperatorTestHarness<String, EntityEvent, JoinedTransaction>
            harness;

    JoinHarness() throws Exception {
        this(null);
    }

    /** A harness restored from {@code snapshot}, or fresh when it is null. */
    JoinHarness(OperatorSubtaskState snapshot) throws Exception {
        harness =
                new KeyedOneInputStreamOperatorTestHarness<>(
                        new KeyedProcessOperator<>(
                                new EntityJoinFunction(MAX_JOIN_WAIT, SIGNATURE_TTL, RECENT_LIMIT)),
                        EntityEvent::getEntityId,
                        Types.STRING);
        if (snapshot != null) {
            harness.initializeState(snapshot);
        }
        harness.open();
    }

    /** A checkpoint of the join's state and timers. */
    OperatorSubtaskState snapshot(long checkpointId) throws Exception {
        return harness.snapshot(checkpointId, checkpointId);
    }

    void send(Transaction transaction) throws Exception {
        send(EntityEvents.of(transaction));
    }

    void send(CustomerProfile profile) throws Exception {
        send(EntityEvents.of(profile));
    }

    void send(SignatureImage signature) throws Exception {
        send(EntityEvents.of(signature));
    }

    private void send(EntityEvent event) throws Exception {
        harness.processElement(event, event.getEventTime().toEpochMilli());
    }

    void watermark(Instant at) throws Exception {
        harness.processWatermark(at.toEpochMilli());
    }

    /** Everything emitted so far, in order. */
    List<JoinedTransaction> emitted() {
        return new ArrayList<>(harness.extractOutputValues());
    }

    int eventTimeTimers() {
        return harness.numEventTimeTimers();
    }

    List<Transaction> waitingTransactions(String entityId) throws Exception {
        return listOf(mapState(entityId, EntityJoinState.waitingTransactions()).values());
    }

    int presentedSignatures(String entityId) throws Exception {
        return listOf(mapState(entityId, EntityJoinState.presentedSignatures()).values()).size();
    }

    /** Nothing waits, nothing is pending and no timer is left for {@code entityId}. */
    void assertNothingPending(String entityId) throws Exception {
        assertThat(waitingTransactions(entityId)).as("waiting transactions").isEmpty();
        assertThat(presentedSignatures(entityId)).as("pending presented signatures").isZero();
        assertThat(harness.numEventTimeTimers()).as("event-time timers").isZero();
        assertThat(harness.numProcessingTimeTimers()).as("processing-time timers").isZero();
    }

    private <V> MapState<String, V> mapState(
            String entityId, MapStateDescriptor<String, V> descriptor) throws Exception {
        harness.getOperator().setCurrentKey(entityId);
        return harness.getOperator()
                .getPartitionedState(
                        VoidNamespace.INSTANCE, VoidNamespaceSerializer.INSTANCE, descriptor);
    }

    private static <T> List<T> listOf(Iterable<T> items) {
        List<T> list = new ArrayList<>();
        if (items != null) {
            items.forEach(list::add);
        }
        return list;
    }

    void close() throws Exception {
        harness.close();
    }
}
