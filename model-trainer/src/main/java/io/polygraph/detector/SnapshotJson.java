package io.polygraph.detector;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;

/** The JSON mapper of snapshot manifests: indented, stable property order, strict on input. */
public final class SnapshotJson {

    private static final ObjectMapper MAPPER =
            JsonMapper.builder()
                    .enable(SerializationFeature.INDENT_OUTPUT)
                    .enable(
                            com.fasterxml.jackson.databind.MapperFeature
                                    .SORT_PROPERTIES_ALPHABETICALLY)
                    .build();

    private SnapshotJson() {}

    /**
     * {@code value} as the JSON tree a reader of the snapshot will see: written out and read back,
     * so that numbers have the node types reading gives (a long 42 becomes an int node, NaN a
     * string) and a snapshot in memory equals the same snapshot read from disk.
     */
    public static JsonNode canonicalTree(Object value) {
        try {
            return MAPPER.readTree(MAPPER.writeValueAsBytes(value));
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException("value cannot be written as JSON", e);
        }
    }

    /** The shared mapper; thread-safe once configured, never reconfigure it. */
    public static ObjectMapper mapper() {
        return MAPPER;
    }
}
