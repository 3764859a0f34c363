package io.polygraph.deploy.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Benchmark 5 on a few hundred entities: the real join on a MiniCluster, its checkpoint and heap
 * measured, the per-state serialized sizes and the labelled extrapolation printed.
 */
class StateSizeTest {

    @Test
    void checkpointGrowsWithEntitiesAndHoldsAtLeastEachEntitysSerializedState() throws Exception {
        StateSize.Result result = new StateSize(8).measure(List.of(300, 100));

        assertThat(result.sizes())
                .extracting(StateSize.Measurement::entities)
                .containsExactly(100, 300);
        StateSize.Measurement small = result.sizes().get(0);
        StateSize.Measurement large = result.largest();
        assertThat(result.recentTransactions()).isEqualTo(20);
        assertThat(large.records()).isEqualTo(300L * (2 + 20));
        assertThat(large.checkpointBytes()).isGreaterThan(small.checkpointBytes());
        // 200 more entities add at least their serialized values to the checkpoint.
        assertThat(large.checkpointBytes() - small.checkpointBytes())
                .isGreaterThan((long) (200 * result.serializedBytesPerEntity()));

        Map<String, Double> serialized =
                result.serialized().stream()
                        .collect(
                                Collectors.toMap(
                                        StateSize.SerializedState::state,
                                        StateSize.SerializedState::bytesPerEntity));
        assertThat(serialized)
                .containsOnlyKeys(
                        "key",
                        "profile",
                        "enrolment-signature",
                        "recent-transactions",
                        "last-activity");
        assertThat(serialized.get("last-activity")).isEqualTo(8.0);
        // The signature carries its encoded image; 20 transactions outweigh one profile.
        assertThat(serialized.get("enrolment-signature"))
                .isGreaterThan(result.signatureImageBytes());
        assertThat(serialized.get("recent-transactions")).isGreaterThan(serialized.get("profile"));
        for (StateSize.Measurement m : result.sizes()) {
            assertThat(m.checkpointBytesPerEntity())
                    .isGreaterThan(
                            serialized.get("profile") + serialized.get("enrolment-signature"));
        }
    }

    @Test
    void refusesMoreEntitiesThanTheHeapHoldsBeforeStartingAnything() {
        StateHeap.requireRoomFor(100_000, 4_000_000_000L);
        assertThatThrownBy(() -> StateHeap.requireRoomFor(1_000_000, 4_000_000_000L))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("1000000 entities take about 16.0 GB of heap")
                .hasMessageContaining("POLYGRAPH_JAVA_OPTS=-Xmx");
    }

    @Test
    void aRunOfBenchmarkFiveAloneNeedsNoDetectorSnapshots() {
        assertThat(new BenchRun(true, List.of(1), 256, List.of(5)).needsSnapshots()).isFalse();
        assertThat(new BenchRun(true, List.of(1), 256, List.of(2, 5)).needsSnapshots()).isTrue();
        assertThat(new BenchRun(true, List.of(1), 256, List.of(4, 5)).needsSnapshots()).isTrue();
        assertThatThrownBy(() -> new BenchRun(true, List.of(1), 256, List.of(7, 5)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(
                        () ->
                                new BenchRun(true, List.of(1), 256, List.of(5))
                                        .withStateSizeEntities(List.of(0, 10)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void printsEachSizeThePerStateBytesAndTheExtrapolationLabelledAsSuch() {
        StateSize.Result result =
                new StateSize.Result(
                        20,
                        50,
                        2500,
                        List.of(
                                new StateSize.Measurement(
                                        "hashmap",
                                        1000,
                                        22_000,
                                        8_000_000,
                                        100,
                                        12_000_100,
                                        2,
                                        3.5),
                                new StateSize.Measurement(
                                        "hashmap",
                                        10_000,
                                        220_000,
                                        80_000_000,
                                        100,
                                        120_000_100,
                                        15,
                                        20)),
                        List.of(
                                new StateSize.SerializedState("profile", 300),
                                new StateSize.SerializedState("recent-transactions", 4000)));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8)) {
            StateSizeReport.print(out, result);
        }

        assertThat(bytes.toString(StandardCharsets.UTF_8))
                .contains("state backend hashmap")
                .contains("20 recent transactions (copied from 50 generated customers)")
                .contains("1000       8.0 MB       8000        12.0 MB      12000           3.5")
                .contains("10000      80.0 MB       8000       120.0 MB      12000          20.0")
                .contains("profile 300, recent-transactions 4000; total 4300")
                .contains(
                        "1,000,000 entities, extrapolated from 10,000 measured (not measured):"
                                + " checkpoint 8.0 GB, heap 12.0 GB");
    }
}
