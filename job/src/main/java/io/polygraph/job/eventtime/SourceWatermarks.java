package io.polygraph.job.eventtime;

import io.polygraph.job.config.JobSettings;
import io.polygraph.schema.RawRecord;
import io.polygraph.topic.TopicCodec;
import java.time.Duration;
import java.util.Map;
import org.apache.flink.api.common.eventtime.BoundedOutOfOrdernessWatermarks;
import org.apache.flink.api.common.eventtime.WatermarkGenerator;
import org.apache.flink.api.common.eventtime.WatermarkGeneratorSupplier;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;

/**
 * The watermark strategies of the job's three sources: event time read from the payload ({@link
 * PayloadEventTime}), watermarks behind the largest event time by the configured out-of-orderness,
 * and idleness after the configured time without input while the rest of the job reads ({@link
 * QuietPartitionIdleness}).
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
    public static WatermarkStrategy<RawRecord> transactions(JobSettings settings) {
        return strategy(settings.transactionsTopic().codec(), TRANSACTION_TIME, settings);
    }

    /** For the profiles topic: a profile's time is when it took effect. */
    public static WatermarkStrategy<RawRecord> profiles(JobSettings settings) {
        return strategy(settings.profilesTopic().codec(), PROFILE_TIME, settings);
    }

    /** For the signatures topic: a signature's time is when it was captured. */
    public static WatermarkStrategy<RawRecord> signatures(JobSettings settings) {
        return strategy(settings.signaturesTopic().codec(), SIGNATURE_TIME, settings);
    }

    private static WatermarkStrategy<RawRecord> strategy(
            TopicCodec<?> codec, String field, JobSettings settings) {
        return WatermarkStrategy.forGenerator(
                        new IdlePartitionWatermarks(
                                settings.outOfOrderness(),
                                settings.idleness(),
                                settings.outageIdleness(),
                                settings.groupId()))
                .withTimestampAssigner(
                        new PayloadEventTime(codec, field, settings.maxFutureSkew()));
    }

    /** Creates each partition's generator, sharing the job's reading clock within a JVM. */
    private record IdlePartitionWatermarks(
            Duration outOfOrderness, Duration idleness, Duration outageIdleness, String groupId)
            implements WatermarkGeneratorSupplier<RawRecord> {

        /** Flink's scope variable of the job id in every task's metric group. */
        private static final String JOB_ID = "<job_id>";

        @Override
        public WatermarkGenerator<RawRecord> createWatermarkGenerator(Context context) {
            return new QuietPartitionIdleness<>(
                    new BoundedOutOfOrdernessWatermarks<>(outOfOrderness),
                    idleness,
                    outageIdleness,
                    JobReadingClock.of(jobKey(context), readingGap()),
                    context.getInputActivityClock());
        }

        /**
         * The job's id where the metric group has it, so that two jobs sharing a JVM (a
         * MiniCluster, a session cluster) keep their own clocks; the consumer group otherwise.
         */
        private String jobKey(Context context) {
            Map<String, String> scope = context.getMetricGroup().getAllVariables();
            return scope.getOrDefault(JOB_ID, "group:" + groupId);
        }

        /**
         * How long after a partition's last read the job still counts as reading: half the
         * idleness, so that an outage stops the count well before a busy partition would go idle,
         * and at least a second, several watermark intervals, between two reports of one partition.
         */
        private Duration readingGap() {
            Duration half = idleness.dividedBy(2);
            return half.compareTo(Duration.ofSeconds(1)) >= 0 ? half : Duration.ofSeconds(1);
        }
    }
}
