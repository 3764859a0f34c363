package io.polygraph.deploy.bench;

import io.polygraph.detector.MultimodalRecord;
import io.polygraph.world.WorldConfig;
import io.polygraph.world.WorldGenerator;
import io.polygraph.world.WorldJoin;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The records every benchmark scores: a generated world (fixed seed, all modalities, anomalies
 * included) joined as the job joins it, so that a benchmark's batches look like the job's.
 */
public final class BenchRecords {

    /** Not the seed of any world a snapshot is trained on in the benchmarks. */
    static final long SEED = 4242;

    /** The recent-transaction history the job keeps by default. */
    static final int RECENT_LIMIT = 20;

    private BenchRecords() {}

    /** About {@code customers} × 30 days of joined transactions. */
    public static List<MultimodalRecord> world(int customers) {
        WorldConfig config =
                WorldConfig.defaults()
                        .withSeed(SEED)
                        .withCustomers(customers)
                        .withSpan(Duration.ofDays(30));
        return WorldJoin.join(WorldGenerator.generate(config), RECENT_LIMIT).stream()
                .map(WorldJoin.LabelledRecord::record)
                .toList();
    }

    /** {@code size} records taken from {@code records} in order, cycling when it runs out. */
    public static List<MultimodalRecord> batch(List<MultimodalRecord> records, int size) {
        List<MultimodalRecord> batch = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            batch.add(records.get(i % records.size()));
        }
        return batch;
    }
}
