package io.polygraph.job.eventtime;

import io.polygraph.job.config.JobSettings;
import io.polygraph.schema.RawRecord;
import io.polygraph.topic.TopicCodec;
import java.time.Duration;
import org.apache.flink.api.common.eventtime.BoundedOutOfOrdernessWatermarks;
import org.apache.flink.api.common.eventtime.WatermarkGenerator;
import org.apache.flink.api.common.eventtime.WatermarkGeneratorSupplier;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;

/**
 * The watermark strategies of the job's three sources: event time read from the payload ({@link
 * PayloadEventTime}), watermarks behind the largest event time by the configured out-of-orderness,
 * and idleness after the configured time without input ({@link OutageAwareIdleness}).
 *
 * <p>Given to the sources rather than assigned after decoding, so that Flink keeps a watermark per
 * Kafka partition and counts idleness only while the source could have read: a quiet topic
 * (profiles change rarely) stops holding the join's timers back, but neither a backpressured input
 * nor one that nobody can read (the broker is down) is mistaken for quiet. The fields read are the
 * ones {@link io.polygraph.job.join.EntityEvents} takes as event time.
 */
public final class SourceWatermarks {

    static final String TRANSACTION_TIME = "eventTime";
    static final String PROFILE_TIME = "updatedAt";
    static final String SIGNATURE_TIME = "capturedAt";

    private SourceWatermarks() {}

    /** For the transactions topic: a transaction's time is when it happened. */
    public static WatermarkStrategy<RawRecord> transactions(
            JobSettings settings, InputReachability reachability) {
        return strategy(
                settings.transactionsTopic().codec(), TRANSACTION_TIME, settings, reachability);
    }

    /** For the profiles topic: a profile's time is when it took effect. */
    public static WatermarkStrategy<RawRecord> profiles(
            JobSettings settings, InputReachability reachability) {
        return strategy(settings.profilesTopic().codec(), PROFILE_TIME, settings, reachability);
    }

    /** For the signatures topic: a signature's time is when it was captured. */
    public static WatermarkStrategy<RawRecord> signatures(
            JobSettings settings, InputReachability reachability) {
        return strategy(settings.signaturesTopic().codec(), SIGNATURE_TIME, settings, reachability);
    }

    private static WatermarkStrategy<RawRecord> strategy(
            TopicCodec<?> codec,
            String field,
            JobSettings settings,
            InputReachability reachability) {
        return WatermarkStrategy.forGenerator(
                        new IdlePartitionWatermarks(
                                settings.outOfOrderness(), settings.idleness(), reachability))
                .withTimestampAssigner(
                        new PayloadEventTime(codec, field, settings.maxFutureSkew()));
    }

    /** Creates each partition's generator, with the source's input activity clock. */
    private record IdlePartitionWatermarks(
            Duration outOfOrderness, Duration idleness, InputReachability reachability)
            implements WatermarkGeneratorSupplier<RawRecord> {

        @Override
        public WatermarkGenerator<RawRecord> createWatermarkGenerator(Context context) {
            return new OutageAwareIdleness<>(
                    new BoundedOutOfOrdernessWatermarks<>(outOfOrderness),
                    idleness,
                    reachability,
                    context.getInputActivityClock());
        }
    }
}
