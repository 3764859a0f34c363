package io.polygraph.it;

import io.polygraph.job.JobSinks;
import io.polygraph.schema.Alert;
import io.polygraph.schema.DeadLetter;
import org.apache.flink.formats.avro.typeutils.AvroTypeInfo;
import org.apache.flink.streaming.api.datastream.DataStream;

/**
 * The job's real sinks with a {@link FailureInjector} in front of the alert sink: the alerts reach
 * the same Kafka sink as in production, through one more operator that can be made to fail.
 */
final class FailureInjectingSinks implements JobSinks {

    private final JobSinks delegate;
    private final int alertsAfterCheckpoint;

    /**
     * @param delegate the sinks that write the alerts and dead letters
     * @param alertsAfterCheckpoint see {@link FailureInjector#FailureInjector(int)}
     */
    FailureInjectingSinks(JobSinks delegate, int alertsAfterCheckpoint) {
        this.delegate = delegate;
        this.alertsAfterCheckpoint = alertsAfterCheckpoint;
    }

    @Override
    public void sinkAlerts(DataStream<Alert> alerts) {
        delegate.sinkAlerts(
                alerts.map(new FailureInjector(alertsAfterCheckpoint))
                        .returns(new AvroTypeInfo<>(Alert.class))
                        .uid("it-failure-injector")
                        .name("Failure injector"));
    }

    @Override
    public void sinkDeadLetters(DataStream<DeadLetter> deadLetters) {
        delegate.sinkDeadLetters(deadLetters);
    }
}
