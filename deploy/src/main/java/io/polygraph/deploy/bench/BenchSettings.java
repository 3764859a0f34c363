package io.polygraph.deploy.bench;

/**
 * How long and on how much data the benchmarks run.
 *
 * @param customers customers of the generated world the records come from
 * @param warmupIterations JMH warm-up iterations of one second
 * @param measurementIterations JMH measured iterations
 * @param secondsPerIteration length of a measured iteration
 * @param operatorRecords records scored in each run of benchmark 2, the world's repeated
 * @param operatorRounds how many times benchmark 2 measures the raw detector and then the operator
 *     (the median ratio is reported: one pair of short runs on a shared machine is noise)
 * @param endToEndCustomers customers of the world streamed through Kafka (benchmark 3): enough that
 *     the Polygraph job reads it for several checkpoints, since its progress is the offsets
 *     committed on them (100 customers, read in 2 to 4 s, gave rates from 1,802 to 4,084, and were
 *     once read between two checkpoints, which fails the measurement)
 * @param endToEndCopies how many times that world is published (the pass-through job reads all)
 * @param mnistImages MNIST training images of the training benchmark (6)
 * @param trainingEpochs epochs of each training run of benchmark 6 (the median is reported)
 * @param latencyWarmupSeconds publishing time left out at the start of each latency run (4)
 * @param latencySeconds publishing time measured in each latency run (4)
 */
record BenchSettings(
        int customers,
        int warmupIterations,
        int measurementIterations,
        int secondsPerIteration,
        int operatorRecords,
        int operatorRounds,
        int endToEndCustomers,
        int endToEndCopies,
        int mnistImages,
        int trainingEpochs,
        int latencyWarmupSeconds,
        int latencySeconds) {

    /** The full run. */
    static BenchSettings full() {
        return new BenchSettings(40, 3, 5, 2, 100_000, 5, 500, 4, 10_000, 3, 5, 30);
    }

    /** A quick run for trying the command: noisier figures. */
    static BenchSettings quick() {
        return new BenchSettings(20, 1, 2, 1, 20_000, 3, 300, 6, 2_000, 3, 3, 10);
    }
}
