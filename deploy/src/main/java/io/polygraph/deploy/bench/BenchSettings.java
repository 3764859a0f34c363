package io.polygraph.deploy.bench;

/**
 * How long and on how much data the benchmarks run.
 *
 * @param customers customers of the generated world the records come from
 * @param warmupIterations JMH warm-up iterations of one second
 * @param measurementIterations JMH measured iterations
 * @param secondsPerIteration length of a measured iteration
 * @param operatorRecords records pushed through the scoring operator (benchmark 2)
 */
record BenchSettings(
        int customers,
        int warmupIterations,
        int measurementIterations,
        int secondsPerIteration,
        int operatorRecords) {

    /** The full run. */
    static BenchSettings full() {
        return new BenchSettings(40, 3, 5, 2, 20_000);
    }

    /** A quick run for trying the command: noisier figures. */
    static BenchSettings quick() {
        return new BenchSettings(20, 1, 2, 1, 4_000);
    }
}
