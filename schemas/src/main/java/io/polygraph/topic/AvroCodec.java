package io.polygraph.topic;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.message.BinaryMessageDecoder;
import org.apache.avro.message.BinaryMessageEncoder;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecord;

/**
 * Encodes and decodes one Avro record type in the registry-free wire format: Avro single-object
 * encoding (a two-byte marker, the writer schema's 64-bit fingerprint, then the binary record).
 *
 * <p>The fingerprint lets a reader reject bytes of an unknown schema with a clear error instead of
 * misreading them, and lets it resolve records written with an older or newer schema once that
 * schema is {@linkplain #withWriterSchema(Schema) registered}. Serializable, so that Flink can ship
 * it; the encoder and decoder are rebuilt lazily after deserialization.
 *
 * <p>The default {@link TopicCodec}; {@code polygraph.schema.wire-format=confluent} replaces it
 * with {@link io.polygraph.topic.confluent.ConfluentCodec}.
 *
 * @param <T> the generated Avro class
 */
public final class AvroCodec<T extends SpecificRecord> implements TopicCodec<T> {
    private static final long serialVersionUID = 1L;

    private final Class<T> recordClass;
    private final String[] extraWriterSchemas;
    private transient BinaryMessageEncoder<T> encoder;
    private transient BinaryMessageDecoder<T> decoder;

    private AvroCodec(Class<T> recordClass, String[] extraWriterSchemas) {
        this.recordClass = Objects.requireNonNull(recordClass, "recordClass");
        this.extraWriterSchemas = extraWriterSchemas;
    }

    /** A codec for the generated class {@code recordClass}, reading only its own schema. */
    public static <T extends SpecificRecord> AvroCodec<T> of(Class<T> recordClass) {
        return new AvroCodec<>(recordClass, new String[0]);
    }

    /**
     * A codec that also reads records written with {@code writerSchema} (an older or newer
     * compatible version of the record), resolving them to this codec's class.
     */
    public AvroCodec<T> withWriterSchema(Schema writerSchema) {
        String[] schemas =
                java.util.Arrays.copyOf(extraWriterSchemas, extraWriterSchemas.length + 1);
        schemas[schemas.length - 1] = writerSchema.toString();
        return new AvroCodec<>(recordClass, schemas);
    }

    @Override
    public Class<T> recordClass() {
        return recordClass;
    }

    @Override
    public Schema schema() {
        return SpecificData.get().getSchema(recordClass);
    }

    /**
     * Every writer schema this codec reads: the reader schema first, then the {@linkplain
     * #withWriterSchema(Schema) registered} older or newer versions.
     */
    public List<Schema> writerSchemas() {
        List<Schema> schemas = new ArrayList<>();
        schemas.add(schema());
        for (String writerSchema : extraWriterSchemas) {
            schemas.add(new Schema.Parser().parse(writerSchema));
        }
        return List.copyOf(schemas);
    }

    /** Encodes {@code record} as a single-object-encoded byte array. */
    @Override
    public byte[] encode(T record) {
        try {
            ByteBuffer buffer = encoder().encode(record);
            byte[] bytes = new byte[buffer.remaining()];
            buffer.get(bytes);
            return bytes;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot encode " + recordClass.getSimpleName(), e);
        }
    }

    /**
     * Decodes single-object-encoded bytes.
     *
     * @throws IOException when the bytes are not a record of a known schema: a bad header ({@link
     *     org.apache.avro.message.BadHeaderException}), an unknown writer schema ({@link
     *     org.apache.avro.message.MissingSchemaException}) or a truncated or corrupt body
     */
    @Override
    public T decode(byte[] bytes) throws IOException {
        try {
            return decoder().decode(bytes);
        } catch (RuntimeException e) {
            // Avro reports corrupt bodies with a zoo of runtime exceptions; callers want one type.
            throw new IOException(
                    "corrupt " + recordClass.getSimpleName() + " record: " + e.getMessage(), e);
        }
    }

    /**
     * Reads single-object-encoded values into {@code projection}, knowing the same writer schemas
     * as this codec.
     */
    @Override
    public ProjectionReader projection(Schema projection) {
        BinaryMessageDecoder<GenericRecord> decoder =
                new BinaryMessageDecoder<>(GenericData.get(), projection);
        writerSchemas().forEach(decoder::addSchema);
        return value -> decoder.decode(value.duplicate());
    }

    private BinaryMessageEncoder<T> encoder() {
        if (encoder == null) {
            encoder = new BinaryMessageEncoder<>(SpecificData.getForClass(recordClass), schema());
        }
        return encoder;
    }

    private BinaryMessageDecoder<T> decoder() {
        if (decoder == null) {
            BinaryMessageDecoder<T> fresh =
                    new BinaryMessageDecoder<>(SpecificData.getForClass(recordClass), schema());
            writerSchemas().forEach(fresh::addSchema);
            decoder = fresh;
        }
        return decoder;
    }
}
