package io.polygraph.job;

import io.polygraph.schema.RawRecord;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.formats.avro.typeutils.AvroTypeInfo;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/** Bounded in-memory inputs: the raw records a test lists, in order, one source per topic. */
final class InMemoryJobSources implements JobSources {

    final List<RawRecord> transactions = new ArrayList<>();
    final List<RawRecord> profiles = new ArrayList<>();
    final List<RawRecord> signatures = new ArrayList<>();

    @Override
    public DataStream<RawRecord> transactions(StreamExecutionEnvironment env) {
        return source(env, transactions, OperatorIds.TRANSACTIONS_SOURCE);
    }

    @Override
    public DataStream<RawRecord> profiles(StreamExecutionEnvironment env) {
        return source(env, profiles, OperatorIds.PROFILES_SOURCE);
    }

    @Override
    public DataStream<RawRecord> signatures(StreamExecutionEnvironment env) {
        return source(env, signatures, OperatorIds.SIGNATURES_SOURCE);
    }

    private static DataStream<RawRecord> source(
            StreamExecutionEnvironment env, List<RawRecord> records, OperatorIds operator) {
        return env.fromData(records, new AvroTypeInfo<>(RawRecord.class))
                .uid(operator.uid())
                .name(operator.displayName());
    }
}
