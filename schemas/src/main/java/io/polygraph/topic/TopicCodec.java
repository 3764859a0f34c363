package io.polygraph.topic;

import java.io.IOException;
import java.io.Serializable;
import java.nio.ByteBuffer;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecord;

/**
 * Reads and writes the values of one topic in one wire format: Avro single-object encoding ({@link
 * AvroCodec}, the registry-free default) or the Confluent framing with a schema registry ({@link
 * io.polygraph.topic.confluent.ConfluentCodec}). {@link Topic} holds one, so the rest of the code
 * does not care which.
 *
 * <p>Serializable, so that Flink can ship it with the operators; implementations rebuild their
 * encoders, decoders and clients lazily after deserialization.
 *
 * @param <T> the generated Avro class
 */
public interface TopicCodec<T extends SpecificRecord> extends Serializable {

    /** The generated class this codec reads and writes. */
    Class<T> recordClass();

    /** The reader schema: the schema of the generated class. */
    default Schema schema() {
        return SpecificData.get().getSchema(recordClass());
    }

    /** Encodes {@code record} in this codec's wire format. */
    byte[] encode(T record);

    /**
     * Decodes a value in this codec's wire format, resolving the writer schema to {@link
     * #schema()}.
     *
     * @throws IOException when the bytes are not a record this codec can read (bad data: the caller
     *     dead-letters it); an infrastructure failure (a schema registry that cannot be reached) is
     *     an unchecked exception instead, so that it is never mistaken for bad data
     */
    T decode(byte[] bytes) throws IOException;

    /**
     * A reader of this codec's values into {@code projection}, a reader schema of the same record
     * name with fewer fields, so that Avro skips the others (reading the event time of a record
     * without copying its image, for example).
     */
    ProjectionReader projection(Schema projection);

    /** Reads values of a topic into a projection of the record; not serializable, built lazily. */
    interface ProjectionReader {

        /**
         * Reads the projection of {@code value} (from its position, which is left unchanged).
         *
         * @throws IOException as {@link TopicCodec#decode} does
         */
        GenericRecord read(ByteBuffer value) throws IOException;
    }
}
