package io.polygraph.deploy.bench;

import io.polygraph.job.config.PolygraphOptions;
import java.time.Duration;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.ExecutionOptions;

/**
 * The two settings that make a record wait for company on its way through the job, as a latency run
 * sets them: Flink's network buffer timeout (a buffer between two tasks is sent when full or after
 * it) and the scoring operator's max batch delay.
 *
 * <p>Both trade latency for throughput at a paced rate: with the defaults a transaction can wait
 * 100 ms at each of the job's network exchanges and 50 ms for its batch.
 *
 * @param name how the report names the settings
 * @param bufferTimeoutMillis Flink's {@code execution.buffer-timeout.interval}
 * @param maxBatchDelayMillis {@code polygraph.scoring.max-batch-delay}
 */
record JobTuning(String name, long bufferTimeoutMillis, long maxBatchDelayMillis) {

    /** Flink's and Polygraph's defaults. */
    static final JobTuning DEFAULTS =
            new JobTuning(
                    "defaults",
                    ExecutionOptions.BUFFER_TIMEOUT.defaultValue().toMillis(),
                    PolygraphOptions.MAX_BATCH_DELAY.defaultValue().toMillis());

    /** Both waits at a few milliseconds: how much of the latency they are. */
    static final JobTuning LOW_LATENCY = new JobTuning("low-latency", 5, 5);

    /** Sets both in {@code config}, the job's and its local cluster's configuration. */
    void applyTo(Configuration config) {
        config.set(ExecutionOptions.BUFFER_TIMEOUT, Duration.ofMillis(bufferTimeoutMillis));
        config.set(PolygraphOptions.MAX_BATCH_DELAY, Duration.ofMillis(maxBatchDelayMillis));
    }
}
