package io.polygraph.deploy.bench;

/**
 * How long and on how much data the benchmarks run.
 *
 * @param customers customers of the generated world the records come from
 * @param warmupIterations JMH warm-up iterations of one second
 * @param measurementIterations JMH measured iterations
 * @param secondsPerIteration length of a measured iteration
 * @param operatorRecords records pushed through the scoring operator (benchmark 2)
 * @param endToEndCustomers customers of the world streamed through Kafka (benchmark 3)
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
        int endToEndCustomers,
        int endToEndCopies,
        int mnistImages,
        int trainingEpochs,
        int latencyWarmupSeconds,
        int latencySeconds) {

    /** The full run. */
    static BenchSettings full() {
        return new BenchSettings(40, 3, 5, 2, 20_000, 100, 20, 10_000, 3, 5, 30);
    }

    /** A quick run for trying the command: noisier figures. */
    static BenchSettings quick() {
        return new BenchSettings(20, 1, 2, 1, 4_000, 30, 20, 2_000, 3, 3, 10);
    }
}
