package io.polygraph.job;

import io.polygraph.job.eventtime.InputReachability;
import io.polygraph.schema.RawRecord;
import java.util.Optional;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * The three inputs of the job as streams of undecoded {@link RawRecord}s.
 *
 * <p>Sources hand over raw bytes with their coordinates so that decoding (and the dead-lettering of
 * what cannot be decoded) is the job's business, the same for Kafka and for in-memory test data.
 * Implementations set their sources' uids and names ({@link OperatorIds}) and build each source
 * with the watermark strategy the job hands them, so that watermarks are generated in the source
 * (per split, with idleness that pauses under backpressure; see {@link
 * io.polygraph.job.eventtime.SourceWatermarks}).
 */
public interface JobSources {

    /** The raw records of the transactions topic. */
    DataStream<RawRecord> transactions(
            StreamExecutionEnvironment env, WatermarkStrategy<RawRecord> eventTime);

    /** The raw records of the profiles topic. */
    DataStream<RawRecord> profiles(
            StreamExecutionEnvironment env, WatermarkStrategy<RawRecord> eventTime);

    /** The raw records of the signatures topic. */
    DataStream<RawRecord> signatures(
            StreamExecutionEnvironment env, WatermarkStrategy<RawRecord> eventTime);

    /**
     * The raw records of the model-updates control topic, when the job has one ({@code
     * polygraph.model.updates-topic}); none by default. They carry no event time: the job ignores
     * their watermarks.
     */
    default Optional<DataStream<RawRecord>> modelUpdates(StreamExecutionEnvironment env) {
        return Optional.empty();
    }

    /**
     * Whether the inputs can be read at all, so that the sources' idleness does not count during an
     * outage; always, by default.
     */
    default InputReachability reachability() {
        return InputReachability.ALWAYS;
    }
}
