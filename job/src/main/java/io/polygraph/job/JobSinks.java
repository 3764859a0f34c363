package io.polygraph.job;

import io.polygraph.schema.Alert;
import io.polygraph.schema.DeadLetter;
import io.polygraph.schema.ShadowScore;
import org.apache.flink.streaming.api.datastream.DataStream;

/**
 * The outputs of the job: alerts, dead letters and, with a shadow model, shadow scores.
 *
 * <p>Implementations attach a sink to each stream and set its uid and name ({@link OperatorIds}).
 */
public interface JobSinks {

    /** Writes the alerts somewhere. */
    void sinkAlerts(DataStream<Alert> alerts);

    /** Writes the records that could not be decoded or validated somewhere. */
    void sinkDeadLetters(DataStream<DeadLetter> deadLetters);

    /**
     * Writes the shadow model's scores somewhere. Called only when the job can have a shadow model;
     * sinks that cannot write them refuse such a job when it is built.
     */
    default void sinkShadowScores(DataStream<ShadowScore> shadowScores) {
        throw new UnsupportedOperationException(
                getClass().getSimpleName() + " does not write shadow scores");
    }
}
