package io.polygraph.world;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

/**
 * Reads and writes a world's configuration as a small, human-readable JSON file.
 *
 * <p>The fields are written by hand rather than by reflection so that the file's format is the
 * stated contract (ISO-8601 instant and duration, a tagged signature source), independent of
 * Jackson modules. {@code formatVersion} lets later versions recognise older files.
 */
final class WorldConfigJson {

    static final int FORMAT_VERSION = 1;
    private static final ObjectMapper MAPPER =
            new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private WorldConfigJson() {}

    static void write(World world, Path file) {
        WorldConfig config = world.config();
        ObjectNode json = MAPPER.createObjectNode();
        json.put("formatVersion", FORMAT_VERSION);
        json.put("seed", config.seed());
        json.put("customers", config.customers());
        json.put("start", config.start().toString());
        json.put("span", config.span().toString());
        json.put("transactionsPerCustomerPerDay", config.transactionsPerCustomerPerDay());
        json.put("signatureCaptureShare", config.signatureCaptureShare());
        json.put("signatureMismatchRate", config.signatureMismatchRate());
        json.put("behaviourMismatchRate", config.behaviourMismatchRate());
        json.put("outlierRate", config.outlierRate());
        ObjectNode source = json.putObject("signatureSource");
        if (config.signatureSource() instanceof SignatureSource.RealWriters real) {
            source.put("type", "real-writers");
            source.put("root", real.root().toString());
        } else {
            source.put("type", "procedural");
        }
        // Informational only: read() ignores the counts.
        ObjectNode counts = json.putObject("counts");
        counts.put("profiles", world.profiles().size());
        counts.put("transactions", world.transactions().size());
        counts.put("presentedSignatures", world.presentedSignatures().size());
        try {
            MAPPER.writeValue(file.toFile(), json);
        } catch (IOException e) {
            throw new UncheckedIOException("could not write " + file, e);
        }
    }

    static WorldConfig read(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException(
                    "world file "
                            + file.toAbsolutePath()
                            + " is missing (written by WorldFiles.write)");
        }
        JsonNode json;
        try {
            json = MAPPER.readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("could not read " + file, e);
        }
        int version = required(json, "formatVersion", file).asInt();
        if (version != FORMAT_VERSION) {
            throw new IllegalArgumentException(
                    file
                            + " has format version "
                            + version
                            + ", this reader knows "
                            + FORMAT_VERSION);
        }
        return new WorldConfig(
                required(json, "seed", file).asLong(),
                required(json, "customers", file).asInt(),
                Instant.parse(required(json, "start", file).asText()),
                Duration.parse(required(json, "span", file).asText()),
                required(json, "transactionsPerCustomerPerDay", file).asDouble(),
                required(json, "signatureCaptureShare", file).asDouble(),
                required(json, "signatureMismatchRate", file).asDouble(),
                required(json, "behaviourMismatchRate", file).asDouble(),
                required(json, "outlierRate", file).asDouble(),
                source(required(json, "signatureSource", file), file));
    }

    private static SignatureSource source(JsonNode json, Path file) {
        String type = required(json, "type", file).asText();
        return switch (type) {
            case "procedural" -> new SignatureSource.Procedural();
            case "real-writers" ->
                    new SignatureSource.RealWriters(Path.of(required(json, "root", file).asText()));
            default ->
                    throw new IllegalArgumentException(
                            file + " has an unknown signature source type " + type);
        };
    }

    private static JsonNode required(JsonNode json, String field, Path file) {
        JsonNode value = json.get(field);
        if (value == null || value.isNull()) {
            throw new IllegalArgumentException(file + " lacks the field " + field);
        }
        return value;
    }
}
