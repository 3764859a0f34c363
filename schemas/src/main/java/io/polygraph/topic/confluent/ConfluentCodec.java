package io.polygraph.topic.confluent;

import io.polygraph.topic.Topic;
import io.polygraph.topic.TopicCodec;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.apache.avro.AvroRuntimeException;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaCompatibility.SchemaCompatibilityType;
import org.apache.avro.SchemaCompatibility.SchemaPairCompatibility;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DatumReader;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.specific.SpecificRecord;

/**
 * Encodes and decodes one Avro record type in the Confluent wire format ({@link ConfluentFraming}),
 * with writer schemas from a schema registry.
 *
 * <p>Decoding looks up the writer schema of each new id in the registry, checks once that it
 * resolves to the generated class's schema, and keeps a resolving reader per id: ids are immutable,
 * so each costs one request per codec instance. Bad data is an {@link IOException}: {@link
 * NotConfluentFramedException}, {@link UnknownSchemaIdException}, {@link
 * IncompatibleWriterSchemaException}, or a plain one for a truncated or corrupt body. A registry
 * that cannot be reached is {@link SchemaRegistryUnavailableException}, unchecked, so that it fails
 * the task rather than dead-lettering valid records.
 *
 * <p>Encoding registers (or finds) the generated class's schema under the codec's subject once,
 * lazily, and frames every record with that id. Serializable for Flink: the registry client,
 * readers and ids are transient and rebuilt after deserialization.
 *
 * @param <T> the generated Avro class
 */
public final class ConfluentCodec<T extends SpecificRecord> implements TopicCodec<T> {
    private static final long serialVersionUID = 1L;

    private final Class<T> recordClass;
    private final String subject;
    private final RegistrySettings registry;

    private transient SchemaRegistryClient client;
    private transient Map<Integer, Schema> writerSchemas;
    private transient Map<Integer, DatumReader<T>> readers;
    private transient volatile Integer ownSchemaId;
    private transient SpecificDatumWriter<T> writer;
    private transient BinaryEncoder reusedEncoder;

    private ConfluentCodec(Class<T> recordClass, String subject, RegistrySettings registry) {
        this.recordClass = Objects.requireNonNull(recordClass, "recordClass");
        this.subject = Objects.requireNonNull(subject, "subject");
        this.registry = Objects.requireNonNull(registry, "registry");
    }

    /**
     * A codec of {@code recordClass} that writes under {@code subject} in the registry of {@code
     * registry}.
     */
    public static <T extends SpecificRecord> ConfluentCodec<T> of(
            Class<T> recordClass, String subject, RegistrySettings registry) {
        return new ConfluentCodec<>(recordClass, subject, registry);
    }

    /**
     * {@code topic} with its values in the Confluent wire format, under the subject {@code
     * <topic>-value} (Confluent's default TopicNameStrategy).
     */
    public static <T extends SpecificRecord> Topic<T> onTopic(
            Topic<T> topic, RegistrySettings registry) {
        return new Topic<>(
                topic.name(), of(topic.codec().recordClass(), subjectOf(topic.name()), registry));
    }

    /** The subject of a topic's values under the TopicNameStrategy. */
    public static String subjectOf(String topicName) {
        return topicName + "-value";
    }

    @Override
    public Class<T> recordClass() {
        return recordClass;
    }

    /** The subject this codec registers its schema under. */
    public String subject() {
        return subject;
    }

    /** The registry this codec uses. */
    public RegistrySettings registry() {
        return registry;
    }

    /**
     * Encodes {@code record} framed with the registry id of the generated class's schema.
     *
     * @throws SchemaRegistryUnavailableException when the schema must be registered and the
     *     registry cannot be reached
     * @throws SchemaRegistryException when the registry refuses the schema
     */
    @Override
    public byte[] encode(T record) {
        int id = ownSchemaId();
        try {
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            reusedEncoder = EncoderFactory.get().binaryEncoder(body, reusedEncoder);
            writer().write(record, reusedEncoder);
            reusedEncoder.flush();
            return ConfluentFraming.frame(id, body.toByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot encode " + recordClass.getSimpleName(), e);
        }
    }

    @Override
    public T decode(byte[] bytes) throws IOException {
        int id = ConfluentFraming.schemaId(ByteBuffer.wrap(bytes));
        DatumReader<T> reader = readerFor(id);
        BinaryDecoder decoder =
                DecoderFactory.get()
                        .binaryDecoder(
                                bytes,
                                ConfluentFraming.HEADER_LENGTH,
                                bytes.length - ConfluentFraming.HEADER_LENGTH,
                                null);
        try {
            return reader.read(null, decoder);
        } catch (IOException | RuntimeException e) {
            // A truncated body ends in EOFException, a corrupt one in any of Avro's runtime
            // exceptions; callers want one type with the cause kept.
            throw new IOException(
                    "truncated or corrupt "
                            + recordClass.getSimpleName()
                            + " body (schema id "
                            + id
                            + "): "
                            + e,
                    e);
        }
    }

    @Override
    public ProjectionReader projection(Schema projection) {
        Map<Integer, DatumReader<GenericRecord>> byId = new ConcurrentHashMap<>();
        return value -> {
            int id = ConfluentFraming.schemaId(value);
            DatumReader<GenericRecord> reader = byId.get(id);
            if (reader == null) {
                reader = new GenericDatumReader<>(writerSchema(id), projection, GenericData.get());
                byId.put(id, reader);
            }
            ByteBuffer body = value.duplicate();
            body.position(body.position() + ConfluentFraming.HEADER_LENGTH);
            byte[] bytes = new byte[body.remaining()];
            body.get(bytes);
            return reader.read(null, DecoderFactory.get().binaryDecoder(bytes, null));
        };
    }

    /** The resolving reader of writer schema {@code id}, built and checked once per id. */
    private DatumReader<T> readerFor(int id) throws IOException {
        DatumReader<T> reader = readers().get(id);
        if (reader != null) {
            return reader;
        }
        Schema writerSchema = writerSchema(id);
        requireResolvable(id, writerSchema);
        reader =
                new SpecificDatumReader<>(
                        writerSchema, schema(), SpecificData.getForClass(recordClass));
        readers().put(id, reader);
        return reader;
    }

    /** The writer schema of {@code id}, from the cache or the registry. */
    private Schema writerSchema(int id) throws IOException {
        Schema cached = writerSchemas().get(id);
        if (cached != null) {
            return cached;
        }
        String text = client().schemaById(id);
        Schema parsed;
        try {
            parsed = new Schema.Parser().parse(text);
        } catch (AvroRuntimeException e) {
            throw new IncompatibleWriterSchemaException(
                    "schema id " + id + " is not a valid Avro schema: " + e.getMessage());
        }
        writerSchemas().put(id, parsed);
        return parsed;
    }

    private void requireResolvable(int id, Schema writerSchema)
            throws IncompatibleWriterSchemaException {
        SchemaPairCompatibility pair =
                SchemaCompatibility.checkReaderWriterCompatibility(schema(), writerSchema);
        if (pair.getType() != SchemaCompatibilityType.COMPATIBLE) {
            throw new IncompatibleWriterSchemaException(
                    "schema id "
                            + id
                            + " ("
                            + writerSchema.getFullName()
                            + ") cannot be resolved to "
                            + schema().getFullName()
                            + ": "
                            + pair.getResult().getIncompatibilities().stream()
                                    .map(
                                            i ->
                                                    i.getType()
                                                            + " at "
                                                            + i.getLocation()
                                                            + " ("
                                                            + i.getMessage()
                                                            + ")")
                                    .collect(Collectors.joining("; ")));
        }
    }

    private int ownSchemaId() {
        Integer id = ownSchemaId;
        if (id == null) {
            id = client().register(subject, schema());
            ownSchemaId = id;
        }
        return id;
    }

    private synchronized SchemaRegistryClient client() {
        if (client == null) {
            client = new SchemaRegistryClient(registry);
        }
        return client;
    }

    private synchronized Map<Integer, Schema> writerSchemas() {
        if (writerSchemas == null) {
            writerSchemas = new ConcurrentHashMap<>();
        }
        return writerSchemas;
    }

    private synchronized Map<Integer, DatumReader<T>> readers() {
        if (readers == null) {
            readers = new ConcurrentHashMap<>();
        }
        return readers;
    }

    private SpecificDatumWriter<T> writer() {
        if (writer == null) {
            writer = new SpecificDatumWriter<>(schema(), SpecificData.getForClass(recordClass));
        }
        return writer;
    }

    /** Package-private for tests: a codec whose client retries as {@code client} does. */
    ConfluentCodec<T> withClient(SchemaRegistryClient client) {
        this.client = client;
        return this;
    }
}
