package io.polygraph.job;

import io.polygraph.schema.RawRecord;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.connector.datagen.functions.FromElementsGeneratorFunction;
import org.apache.flink.connector.datagen.source.DataGeneratorSource;
import org.apache.flink.formats.avro.typeutils.AvroTypeInfo;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/** Bounded in-memory inputs: the raw records a test lists, in order, one source per topic. */
final class InMemoryJobSources implements JobSources {

    final List<RawRecord> transactions = new ArrayList<>();
    final List<RawRecord> profiles = new ArrayList<>();
    final List<RawRecord> signatures = new ArrayList<>();

    @Override
    public DataStream<RawRecord> transactions(
            StreamExecutionEnvironment env, WatermarkStrategy<RawRecord> eventTime) {
        return source(env, transactions, eventTime, OperatorIds.TRANSACTIONS_SOURCE);
    }

    @Override
    public DataStream<RawRecord> profiles(
            StreamExecutionEnvironment env, WatermarkStrategy<RawRecord> eventTime) {
        return source(env, profiles, eventTime, OperatorIds.PROFILES_SOURCE);
    }

    @Override
    public DataStream<RawRecord> signatures(
            StreamExecutionEnvironment env, WatermarkStrategy<RawRecord> eventTime) {
        return source(env, signatures, eventTime, OperatorIds.SIGNATURES_SOURCE);
    }

    /** A bounded source of {@code records} that generates watermarks as the Kafka source does. */
    private static DataStream<RawRecord> source(
            StreamExecutionEnvironment env,
            List<RawRecord> records,
            WatermarkStrategy<RawRecord> eventTime,
            OperatorIds operator) {
        AvroTypeInfo<RawRecord> type = new AvroTypeInfo<>(RawRecord.class);
        DataGeneratorSource<RawRecord> source =
                new DataGeneratorSource<>(
                        new FromElementsGeneratorFunction<>(type, env.getConfig(), records),
                        records.size(),
                        type);
        // One subtask, so that the records arrive in the order the test lists them.
        return env.fromSource(source, eventTime, operator.displayName())
                .setParallelism(1)
                .uid(operator.uid());
    }
}
