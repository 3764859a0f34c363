package io.polygraph.job;

import io.polygraph.schema.Alert;
import io.polygraph.schema.DeadLetter;
import org.apache.flink.streaming.api.datastream.DataStream;

/**
 * The two outputs of the job: alerts and dead letters.
 *
 * <p>Implementations attach a sink to each stream and set its uid and name ({@link OperatorIds}).
 */
public interface JobSinks {

    /** Writes the alerts somewhere. */
    void sinkAlerts(DataStream<Alert> alerts);

    /** Writes the records that could not be decoded or validated somewhere. */
    void sinkDeadLetters(DataStream<DeadLetter> deadLetters);
}
