package io.polygraph.job.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.avro.AvroRuntimeException;
import org.apache.avro.Schema;

/**
 * Reads one {@code .avsc} file of {@link PolygraphOptions#WRITER_SCHEMAS} into a schema.
 *
 * <p>A file may define every named type it uses (as {@link Schema#toString()} writes it) or, like
 * the project's own {@code Transaction.avsc}, refer to the shared types ({@code Channel}, {@code
 * Location} ...) by name. The first is parsed as it stands; the second is parsed again with the
 * named types of the job's reader schemas known, so that an evolved copy of a project file works
 * without inlining its dependencies. A file that redefines a shared type takes the first path, so
 * the shared types may evolve too.
 */
final class SchemaFileParser {

    private SchemaFileParser() {}

    /**
     * The schema in {@code file}.
     *
     * @param readers the job's reader schemas, whose nested named types a file may refer to
     * @throws IllegalArgumentException naming the option and the file when it cannot be read or
     *     holds no valid schema
     */
    static Schema parse(Path file, List<Schema> readers) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw WriterSchemaFiles.invalid(
                    file, "cannot be read (" + e.getClass().getSimpleName() + ")");
        }
        try {
            return new Schema.Parser().parse(text);
        } catch (AvroRuntimeException standalone) {
            Schema.Parser withSharedTypes = new Schema.Parser();
            withSharedTypes.addTypes(sharedTypes(readers));
            try {
                return withSharedTypes.parse(text);
            } catch (AvroRuntimeException e) {
                // Reported with the shared types known: otherwise every copy of a project file
                // would blame a type it merely refers to.
                throw WriterSchemaFiles.invalid(
                        file, "is not a valid Avro schema: " + e.getMessage());
            }
        }
    }

    /** The named types inside {@code readers}, without the top-level records themselves. */
    private static List<Schema> sharedTypes(List<Schema> readers) {
        Map<String, Schema> named = new LinkedHashMap<>();
        for (Schema reader : readers) {
            for (Schema.Field field : reader.getFields()) {
                collect(field.schema(), named);
            }
        }
        readers.forEach(reader -> named.remove(reader.getFullName()));
        return new ArrayList<>(named.values());
    }

    private static void collect(Schema schema, Map<String, Schema> named) {
        switch (schema.getType()) {
            case RECORD -> {
                if (named.putIfAbsent(schema.getFullName(), schema) == null) {
                    schema.getFields().forEach(f -> collect(f.schema(), named));
                }
            }
            case ENUM, FIXED -> named.putIfAbsent(schema.getFullName(), schema);
            case UNION -> schema.getTypes().forEach(t -> collect(t, named));
            case ARRAY -> collect(schema.getElementType(), named);
            case MAP -> collect(schema.getValueType(), named);
            default -> {}
        }
    }
}
